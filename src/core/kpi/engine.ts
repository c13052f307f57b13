/**
 * The KPI engine: one pass over the orders fills per-month accumulators (counts, sums, lead
 * times), then each month — or any set of months pooled together (quarter, year to date) — is
 * reduced to the KPI values of registry.ts. Because a period is reduced from pooled accumulators,
 * a year-to-date ratio or median is recomputed over the year's orders, never averaged.
 */
import { factorFor, FactorTable } from './factors';
import { MonthIndex, MonthKey, checkTimeZone, isMonthKey, monthKey } from './months';
import { Order } from './orders';
import { KpiId, OUTCOMES, Outcome } from './registry';
import { percentileSorted } from './stats';

const DAY_MS = 86_400_000;

/** Outcome counts among inspected orders; 'none' = inspected without an outcome. */
export type OutcomeCounts = Record<Outcome | 'none', number>;

/** Per-category accumulators. */
export interface CategoryStats {
  requests: number;
  received: number;
  inspected: number;
  /** Inspected with outcome reused or refurbished. */
  reused: number;
}

/** Raw accumulators of a month or of a pooled period. Plain data: safe to merge and to keep. */
export interface PeriodStats {
  requests: number;
  complaints: number;
  /** Orders created in the period that have a Received date (any date). */
  createdReceived: number;
  kitsSent: number;
  /** Kits sent in the period whose outcome is lost. */
  kitsLost: number;
  received: number;
  /** Received − Created in days, one per order received in the period (unsorted). */
  leadDays: number[];
  weightKg: number;
  /** Σ Payout EUR and the count of readable payouts, over orders received in the period. */
  payoutEur: number;
  payoutCount: number;
  erased: number;
  csatSum: number;
  csatCount: number;
  costEur: number;
  inspected: number;
  /** Inspected − Received in days, one per order inspected in the period that has both dates. */
  inspectionDays: number[];
  outcomes: OutcomeCounts;
  co2eKg: number;
  byCategory: Record<string, CategoryStats>;
}

export type KpiValues = Record<KpiId, number | null>;

/** Per-category KPIs of a period. */
export interface CategoryKpis {
  category: string;
  requests: number;
  received: number;
  inspected: number;
  reuse_rate: number | null;
}

/** The KPIs of one month or of a pooled period. */
export interface PeriodKpis {
  /** The months pooled, ascending (one for a month). */
  months: MonthKey[];
  values: KpiValues;
  /** Share of each outcome among inspected orders (null when nothing was inspected). */
  mix: Record<Outcome, number | null>;
  outcomes: OutcomeCounts;
  /** Sorted by requests, descending, then by name. */
  byCategory: CategoryKpis[];
  stats: PeriodStats;
}

/** An inspected (category, outcome) with no factor: its CO2e counts 0, and the report says so. */
export interface MissingFactor {
  category: string;
  outcome: Outcome | 'none';
  count: number;
}

export interface KpiResult {
  timeZone: string;
  /** Months computed, ascending. */
  months: MonthKey[];
  byMonth: Record<MonthKey, PeriodKpis>;
  /** False when no factor table was given: co2e_kg is then null everywhere. */
  hasFactors: boolean;
  /** Over the months computed, most frequent first. */
  missingFactors: MissingFactor[];
}

export interface EngineOptions {
  /** IANA zone of the spreadsheet: months are calendar months there. */
  timeZone: string;
  /**
   * Months to compute ('YYYY-MM', any order, need not be contiguous). Default: every month from
   * the earliest to the latest date of any order.
   */
  months?: readonly MonthKey[];
  /** The Factors table; without it co2e_kg is null. */
  factors?: FactorTable | null;
}

/** Empty accumulators. */
export function emptyStats(): PeriodStats {
  const outcomes = { none: 0 } as OutcomeCounts;
  for (const o of OUTCOMES) outcomes[o] = 0;
  return {
    requests: 0,
    complaints: 0,
    createdReceived: 0,
    kitsSent: 0,
    kitsLost: 0,
    received: 0,
    leadDays: [],
    weightKg: 0,
    payoutEur: 0,
    payoutCount: 0,
    erased: 0,
    csatSum: 0,
    csatCount: 0,
    costEur: 0,
    inspected: 0,
    inspectionDays: [],
    outcomes,
    co2eKg: 0,
    byCategory: {},
  };
}

function category(s: PeriodStats, c: string): CategoryStats {
  return (s.byCategory[c] ??= { requests: 0, received: 0, inspected: 0, reused: 0 });
}

/**
 * Every KPI for every month wanted, in one pass over the orders. A month with no order gets
 * counts and sums of 0 and blank (null) ratios, medians and means. Lead times below 0 (a
 * date-only Received on the day of a timed Created) count as 0 days.
 */
export function computeKpis(orders: readonly Order[], options: EngineOptions): KpiResult {
  const tz = options.timeZone;
  checkTimeZone(tz);
  const wanted = options.months ? [...new Set(options.months)].sort() : spannedMonths(orders, tz);
  for (const m of wanted) if (!isMonthKey(m)) throw new Error(`computeKpis: not a month key: ${m}`);
  const factors = options.factors ?? null;
  const result: KpiResult = {
    timeZone: tz,
    months: wanted,
    byMonth: {},
    hasFactors: !!factors,
    missingFactors: [],
  };
  if (!wanted.length) return result;

  const index = new MonthIndex(wanted[0], wanted[wanted.length - 1], tz);
  // null slot = a month inside the run that was not asked for.
  const slots: (PeriodStats | null)[] = index.months.map(() => null);
  const wantedSet = new Set(wanted);
  index.months.forEach((m, i) => (slots[i] = wantedSet.has(m) ? emptyStats() : null));
  const slot = (t: number | null): PeriodStats | null =>
    t === null ? null : (slots[index.indexOf(t)] ?? null);

  const factorCache = new Map<string, number | null>();
  const missing = new Map<string, MissingFactor>();

  for (const o of orders) {
    let s = slot(o.created);
    if (s) {
      s.requests++;
      if (o.complaint === true) s.complaints++;
      if (o.received !== null) s.createdReceived++;
      category(s, o.category).requests++;
    }
    s = slot(o.kitSent);
    if (s) {
      s.kitsSent++;
      if (o.outcome === 'lost') s.kitsLost++;
    }
    s = slot(o.received);
    if (s) {
      s.received++;
      s.leadDays.push(Math.max(0, ((o.received as number) - o.created) / DAY_MS));
      if (o.weightKg !== null) s.weightKg += o.weightKg;
      if (o.erasure === true) s.erased++;
      if (o.csat !== null) {
        s.csatSum += o.csat;
        s.csatCount++;
      }
      if (o.costEur !== null) s.costEur += o.costEur;
      if (o.payoutEur !== null) {
        s.payoutEur += o.payoutEur;
        s.payoutCount++;
      }
      category(s, o.category).received++;
    }
    s = slot(o.inspected);
    if (s) {
      s.inspected++;
      if (o.received !== null)
        s.inspectionDays.push(Math.max(0, ((o.inspected as number) - o.received) / DAY_MS));
      const out = o.outcome ?? 'none';
      s.outcomes[out]++;
      const cat = category(s, o.category);
      cat.inspected++;
      if (out === 'reused' || out === 'refurbished') cat.reused++;
      if (factors) {
        const k = `${o.category}|${out}`;
        let f = factorCache.get(k);
        if (f === undefined) {
          f = out === 'none' ? null : factorFor(factors, o.category, out);
          factorCache.set(k, f);
        }
        if (f === null) {
          const m = missing.get(k) ?? { category: o.category, outcome: out, count: 0 };
          m.count++;
          missing.set(k, m);
        } else {
          s.co2eKg += f;
        }
      }
    }
  }

  index.months.forEach((m, i) => {
    const st = slots[i];
    if (st) result.byMonth[m] = finalize([m], st, result.hasFactors);
  });
  result.missingFactors = [...missing.values()].sort(
    (a, b) => b.count - a.count || a.category.localeCompare(b.category),
  );
  return result;
}

/** Every month from the earliest to the latest date of any order, in the zone; [] without orders. */
function spannedMonths(orders: readonly Order[], tz: string): MonthKey[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const o of orders) {
    for (const t of [o.created, o.kitSent, o.received, o.inspected]) {
      if (t === null) continue;
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    }
  }
  if (lo === Infinity) return [];
  return new MonthIndex(monthKey(lo, tz), monthKey(hi, tz), tz).months;
}

/** Accumulators of several periods pooled into one (inputs untouched). */
export function mergeStats(list: readonly PeriodStats[]): PeriodStats {
  const t = emptyStats();
  for (const s of list) {
    t.requests += s.requests;
    t.complaints += s.complaints;
    t.createdReceived += s.createdReceived;
    t.kitsSent += s.kitsSent;
    t.kitsLost += s.kitsLost;
    t.received += s.received;
    for (const d of s.leadDays) t.leadDays.push(d);
    t.weightKg += s.weightKg;
    t.payoutEur += s.payoutEur;
    t.payoutCount += s.payoutCount;
    t.erased += s.erased;
    t.csatSum += s.csatSum;
    t.csatCount += s.csatCount;
    t.costEur += s.costEur;
    t.inspected += s.inspected;
    for (const d of s.inspectionDays) t.inspectionDays.push(d);
    for (const k of Object.keys(s.outcomes) as (Outcome | 'none')[]) t.outcomes[k] += s.outcomes[k];
    t.co2eKg += s.co2eKg;
    for (const [c, cs] of Object.entries(s.byCategory)) {
      const tc = category(t, c);
      tc.requests += cs.requests;
      tc.received += cs.received;
      tc.inspected += cs.inspected;
      tc.reused += cs.reused;
    }
  }
  return t;
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** The KPI values of accumulators (co2e_kg null unless hasFactors). */
export function kpiValues(s: PeriodStats, hasFactors: boolean): KpiValues {
  const lead = Float64Array.from(s.leadDays).sort();
  return {
    requests: s.requests,
    kits_sent: s.kitsSent,
    received: s.received,
    inspected: s.inspected,
    conversion: ratio(s.createdReceived, s.requests),
    lead_time_median: percentileSorted(lead, 0.5),
    lead_time_p90: percentileSorted(lead, 0.9),
    inspection_lead_time_median: percentileSorted(Float64Array.from(s.inspectionDays).sort(), 0.5),
    reuse_rate: ratio(s.outcomes.reused + s.outcomes.refurbished, s.inspected),
    recycle_rate: ratio(s.outcomes.recycled, s.inspected),
    weight_kg: s.weightKg,
    co2e_kg: hasFactors ? s.co2eKg : null,
    erasure_coverage: ratio(s.erased, s.received),
    csat: ratio(s.csatSum, s.csatCount),
    complaints_per_1000: s.requests === 0 ? null : (1000 * s.complaints) / s.requests,
    cost_per_device: ratio(s.costEur, s.received),
    payout_per_device: ratio(s.payoutEur, s.payoutCount),
    lost_rate: ratio(s.kitsLost, s.kitsSent),
  };
}

function finalize(months: MonthKey[], s: PeriodStats, hasFactors: boolean): PeriodKpis {
  const mix = {} as Record<Outcome, number | null>;
  for (const o of OUTCOMES) mix[o] = ratio(s.outcomes[o], s.inspected);
  const byCategory = Object.entries(s.byCategory)
    .map(([c, cs]) => ({
      category: c,
      requests: cs.requests,
      received: cs.received,
      inspected: cs.inspected,
      reuse_rate: ratio(cs.reused, cs.inspected),
    }))
    .sort((a, b) => b.requests - a.requests || a.category.localeCompare(b.category));
  return {
    months,
    values: kpiValues(s, hasFactors),
    mix,
    outcomes: { ...s.outcomes },
    byCategory,
    stats: s,
  };
}

/**
 * The KPIs of several computed months pooled (a quarter, a year to date). Counts and sums add up;
 * ratios, medians and means are recomputed over the pooled orders. Throws if a month was not
 * computed, since treating it as empty would be silently wrong.
 */
export function aggregate(result: KpiResult, months: readonly MonthKey[]): PeriodKpis {
  const list = [...new Set(months)].sort();
  const absent = list.filter((m) => !result.byMonth[m]);
  if (absent.length) throw new Error(`aggregate: months not computed: ${absent.join(', ')}`);
  return finalize(list, mergeStats(list.map((m) => result.byMonth[m].stats)), result.hasFactors);
}

/** One KPI's value per month, in the order given (null for a month not computed). */
export function series(
  result: KpiResult,
  id: KpiId,
  months: readonly MonthKey[],
): (number | null)[] {
  return months.map((m) => result.byMonth[m]?.values[id] ?? null);
}
