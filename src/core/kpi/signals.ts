/**
 * Control limits and Western Electric signals for every KPI of the registry, month by month: is a
 * month's value a real shift, or month-to-month noise? Proportions (reuse, recycle, conversion,
 * erasure coverage, lost rate, complaints as a share of requests) go on a p chart with each
 * month's own denominator; the other KPIs on an individuals (XmR) chart. The baseline is the
 * months shown that can be judged: a partial last month, and the months whose cohort KPIs
 * (conversion, lost rate) are still maturing, are shown with the limits but never raise a signal,
 * and say why.
 *
 * `kpiMonthlySeries` takes any set of orders (all of them, or one partner's) and returns each
 * KPI's monthly values with their denominators, so a subset is charted exactly as the whole.
 */
import { ChartType, ControlRow, controlLimits } from '../spc/control-limits';
import { KpiResult, PeriodStats, computeKpis } from './engine';
import { FactorTable } from './factors';
import { MonthKey, addMonths, monthStart } from './months';
import { Order } from './orders';
import { KpiDirection, KPIS, KpiDef, KpiId } from './registry';
import { percentile } from './stats';

const DAY_MS = 86_400_000;

/** How a proportion KPI is charted: its numerator and denominator, and the display scale. */
interface Proportion {
  num: (s: PeriodStats) => number;
  den: (s: PeriodStats) => number;
  /** Displayed value = proportion × scale (complaints per 1,000 requests). */
  scale: number;
}

const PROPORTIONS: Partial<Record<KpiId, Proportion>> = {
  conversion: { num: (s) => s.createdReceived, den: (s) => s.requests, scale: 1 },
  reuse_rate: {
    num: (s) => s.outcomes.reused + s.outcomes.refurbished,
    den: (s) => s.inspected,
    scale: 1,
  },
  recycle_rate: { num: (s) => s.outcomes.recycled, den: (s) => s.inspected, scale: 1 },
  erasure_coverage: { num: (s) => s.erased, den: (s) => s.received, scale: 1 },
  complaints_per_1000: { num: (s) => s.complaints, den: (s) => s.requests, scale: 1000 },
  lost_rate: { num: (s) => s.kitsLost, den: (s) => s.kitsSent, scale: 1 },
};

/** Cohort KPIs: a month's value grows as late devices (or late losses) come in. */
export const COHORT_KPIS: readonly KpiId[] = ['conversion', 'lost_rate'];

/** The chart a KPI is judged on. */
export function chartOf(id: KpiId): ChartType {
  return PROPORTIONS[id] ? 'p' : 'xmr';
}

/** One KPI's monthly series: values in the KPI's unit, and for a p chart each month's denominator. */
export interface KpiSeries {
  id: KpiId;
  chart: ChartType;
  months: MonthKey[];
  values: (number | null)[];
  /** Denominators (p chart), null elsewhere. */
  sizes: (number | null)[];
  /** Displayed value = charted proportion × scale (1000 for complaints per 1,000). */
  scale: number;
}

/** Every KPI's monthly series from a KPI result that holds `months`. */
export function seriesOf(result: KpiResult, months: readonly MonthKey[]): KpiSeries[] {
  return KPIS.map((def) => {
    const p = PROPORTIONS[def.id];
    const stats = months.map((m) => result.byMonth[m]?.stats ?? null);
    return {
      id: def.id,
      chart: chartOf(def.id),
      months: [...months],
      values: months.map((m) => result.byMonth[m]?.values[def.id] ?? null),
      sizes: stats.map((s) => (p && s ? p.den(s) || null : null)),
      scale: p?.scale ?? 1,
    };
  });
}

/**
 * Each KPI's monthly series from any set of orders (a partner's orders give that partner's
 * series): the engine run once over the months.
 */
export function kpiMonthlySeries(
  orders: readonly Order[],
  options: { timeZone: string; months: readonly MonthKey[]; factors?: FactorTable | null },
): KpiSeries[] {
  const result = computeKpis(orders, options);
  return seriesOf(result, options.months);
}

/** One month of one KPI on its control chart. */
export interface ControlPoint {
  month: MonthKey;
  /** In the KPI's unit; null when blank. */
  value: number | null;
  /** null when the KPI cannot be charted (too few months). */
  centre: number | null;
  lower: number | null;
  upper: number | null;
  rules: number[];
  side: -1 | 0 | 1;
  /** Why the month is shown but not judged; null when judged. */
  excluded: 'partial' | 'maturing' | null;
}

export interface KpiControl {
  id: KpiId;
  label: string;
  direction: KpiDirection;
  chart: ChartType;
  points: ControlPoint[];
}

/** A signal: a month whose value completes one or more rules. */
export interface Signal {
  id: KpiId;
  label: string;
  month: MonthKey;
  rules: number[];
  /** +1 above the centre line, −1 below. */
  side: 1 | -1;
  improvement: boolean;
  /** "Reuse rate 2026-10 above its upper control limit (rule 1): a real improvement, not noise". */
  text: string;
}

export interface SignalsModel {
  months: MonthKey[];
  kpis: KpiControl[];
  /** Every signal of the months shown, KPI by KPI in registry order, months ascending. */
  signals: Signal[];
  /** The last month shown that is not partial (the dashboard's Signal column); null if none. */
  latestComplete: MonthKey | null;
  /** Why months are shown without a signal, in words. */
  notes: string[];
  /** Days after a month's end before its cohort counts as mature. */
  maturityDays: number;
}

export interface SignalsInput {
  result: KpiResult;
  /** The months shown, ascending (the baseline). */
  months: readonly MonthKey[];
  /** The newest date of any order (epoch ms); null when there is none. */
  newest: number | null;
  /** The last month shown ends after the data: it is not judged. */
  partialLast: boolean;
  timeZone: string;
  /** Directions from KPI Targets (the registry's otherwise). */
  directions?: Partial<Record<KpiId, KpiDirection>>;
}

/**
 * A cohort of month M is mature once the data runs this many days past M's end: the 95th
 * percentile of Received − Created over the orders received in the months shown, rounded up.
 */
export function maturityDays(result: KpiResult, months: readonly MonthKey[]): number {
  const lead: number[] = [];
  for (const m of months) for (const d of result.byMonth[m]?.stats.leadDays ?? []) lead.push(d);
  return Math.ceil(percentile(lead, 0.95) ?? 0);
}

/** Control limits, signals and exclusions of every KPI over the months shown. */
export function kpiSignals(input: SignalsInput): SignalsModel {
  const months = [...input.months];
  const last = months[months.length - 1];
  const maturity = maturityDays(input.result, months);
  const maturing = new Set(
    months.filter(
      (m) =>
        input.newest !== null &&
        input.newest < monthStart(addMonths(m, 1), input.timeZone) + maturity * DAY_MS,
    ),
  );
  const kpis: KpiControl[] = [];
  const signals: Signal[] = [];
  for (const s of seriesOf(input.result, months)) {
    const def = KPIS.find((k) => k.id === s.id) as KpiDef;
    const direction = input.directions?.[s.id] ?? def.direction;
    const excluded = months.map((m): ControlPoint['excluded'] =>
      input.partialLast && m === last
        ? 'partial'
        : COHORT_KPIS.includes(s.id) && maturing.has(m)
          ? 'maturing'
          : null,
    );
    const points = controlPoints(s, excluded);
    kpis.push({ id: s.id, label: def.label, direction, chart: s.chart, points });
    for (const p of points) {
      if (!p.rules.length || p.side === 0) continue;
      const improvement = (p.side === 1) === (direction === 'higher');
      signals.push({
        id: s.id,
        label: def.label,
        month: p.month,
        rules: p.rules,
        side: p.side,
        improvement,
        text: signalText(def.label, p.month, p.rules, p.side, improvement),
      });
    }
  }
  const notes: string[] = [];
  if (input.partialLast)
    notes.push(
      `${last} is partial (the data ends before the end of the month): it is shown with the limits but raises no signal, and is left out of the baseline.`,
    );
  const cohortMonths = months.filter((m) => maturing.has(m) && !(input.partialLast && m === last));
  if (cohortMonths.length)
    notes.push(
      `${COHORT_KPIS.map((id) => KPIS.find((k) => k.id === id)?.label).join(' and ')} of ${cohortMonths.join(', ')}: cohorts still maturing (devices keep arriving up to ${maturity} days after the month, the 95th percentile of lead times), shown but raising no signal and left out of the baseline.`,
    );
  const complete = input.partialLast ? months.slice(0, -1) : months;
  return {
    months,
    kpis,
    signals,
    latestComplete: complete.length ? complete[complete.length - 1] : null,
    notes,
    maturityDays: maturity,
  };
}

/** Limits for every month; excluded months are charted but left out of the baseline. */
function controlPoints(s: KpiSeries, excluded: ControlPoint['excluded'][]): ControlPoint[] {
  const judged = s.values.map((v, i) =>
    v === null || excluded[i] ? null : s.chart === 'p' ? v / s.scale : v,
  );
  let rows: (ControlRow | null)[] = judged.map(() => null);
  const count = judged.filter((v) => v !== null).length;
  if (count >= 2 || (s.chart === 'p' && count >= 1))
    rows = controlLimits(judged, s.chart, s.chart === 'p' ? s.sizes : undefined);
  const any = rows.find((r) => r !== null) ?? null;
  return s.months.map((month, i) => {
    const r = rows[i];
    let centre = any ? any.centre : null;
    let lower: number | null = r ? r.lower : null;
    let upper: number | null = r ? r.upper : null;
    // A month left out of the baseline still gets its limits (its own size on a p chart).
    if (!r && any) {
      if (s.chart === 'xmr') {
        lower = any.lower;
        upper = any.upper;
      } else if (s.sizes[i]) {
        const sigma = Math.sqrt((any.centre * (1 - any.centre)) / (s.sizes[i] as number));
        lower = Math.max(0, any.centre - 3 * sigma);
        upper = Math.min(1, any.centre + 3 * sigma);
      }
    }
    const k = s.chart === 'p' ? s.scale : 1;
    if (centre !== null) centre *= k;
    return {
      month,
      value: s.values[i],
      centre,
      lower: lower === null ? null : lower * k,
      upper: upper === null ? null : upper * k,
      rules: r ? r.rules : [],
      side: r ? r.side : 0,
      excluded: excluded[i],
    };
  });
}

const RULE_WORDS: Record<number, (where: string) => string> = {
  1: (where) =>
    where === 'above' ? 'above its upper control limit' : 'below its lower control limit',
  2: (where) => `two of the last three months beyond 2σ ${where} the centre line`,
  3: (where) => `four of the last five months beyond 1σ ${where} the centre line`,
  4: (where) => `eight months in a row ${where} the centre line`,
};

/** The signal in words: what the rules saw, which rules, and whether it is good news. */
export function signalText(
  label: string,
  month: MonthKey,
  rules: readonly number[],
  side: 1 | -1,
  improvement: boolean,
): string {
  const where = side === 1 ? 'above' : 'below';
  const what = rules.map((r) => RULE_WORDS[r](where)).join('; ');
  const which = rules.length === 1 ? `rule ${rules[0]}` : `rules ${rules.join(', ')}`;
  return `${label} ${month} ${what} (${which}): a real ${improvement ? 'improvement' : 'deterioration'}, not noise`;
}

/** The dashboard's Signal cell for a KPI in a month: the verdict in a few words. */
export function signalCell(k: KpiControl, month: MonthKey | null): string {
  const p = month ? k.points.find((x) => x.month === month) : undefined;
  if (!p || p.value === null) return '';
  if (p.excluded === 'maturing') return 'not judged: cohort still maturing';
  if (p.excluded === 'partial') return 'not judged: partial month';
  if (p.centre === null) return '';
  if (!p.rules.length || p.side === 0) return 'no signal (noise)';
  const good = (p.side === 1) === (k.direction === 'higher');
  const which = p.rules.length === 1 ? `rule ${p.rules[0]}` : `rules ${p.rules.join(', ')}`;
  return `${good ? 'improvement' : 'deterioration'} (${which})`;
}
