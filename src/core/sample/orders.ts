/**
 * Synthetic orders of the French recycling service for the `KPI Data` tab: seeded, so the same
 * options always give the same rows. The shape follows what a take-back service sees: seasonal
 * requests (peaks after Christmas and at the back-to-school September), a funnel that loses
 * requests at each step, recent cohorts still in flight, lead times with a long tail, a
 * reuse-first disposition mix, and a handful of deliberate data errors for the data-quality
 * section (switch them off with `errors: false`). Order ids start with SAMPLE- so nobody mistakes
 * them for real orders.
 *
 * Two features are there for the continuous-improvement views: a `Reason` on orders not reused
 * and on complaints (a Pareto has something to rank: a few reasons make most of the losses), and a
 * real shift — a better refurbishment partner from the last SHIFT_MONTHS months on, turning four
 * in five of the devices that would have been recycled into refurbished ones — so the reuse rate's
 * control chart shows a signal rather than noise. Reasons and the shift are drawn from their own
 * seeded sequences: every date, and every order the shift does not touch, is the same as without
 * them.
 */
import { Cell, Grid } from '../cells';
import { KPI_DATA_HEADERS } from '../kpi/orders';
import { seededRandom } from '../random';

export interface SampleOrderOptions {
  /** Number of orders (data rows). Default 3000. */
  count?: number;
  /**
   * The moment the data is as of: nothing happens after it, orders are created over the 24
   * calendar months (UTC) ending with its month. Default: 2026-10-31 18:00 UTC.
   */
  asOf?: Date;
  seed?: number;
  /** Plant one bad date text, unknown outcome, Received before Created, duplicate id, negative weight. Default true. */
  errors?: boolean;
}

/** A deliberately wrong row: its sheet row (header = row 1), the column and what is wrong. */
export interface PlantedError {
  row: number;
  column: string;
  kind: 'bad-date' | 'unknown-outcome' | 'date-order' | 'duplicate-id' | 'negative-weight';
}

export interface SampleOrders {
  /** Header row + one row per order, ready for setValues. */
  grid: Grid;
  asOf: Date;
  errors: PlantedError[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Relative request volume by calendar month: Jan (Christmas gifts replace old phones) and Sep peak. */
const SEASON = [1.55, 1.1, 1.0, 0.95, 0.9, 0.88, 0.8, 0.72, 1.4, 1.1, 1.0, 0.9];
/** Month-on-month growth of the young service. */
const GROWTH = 1.015;

type Weighted<T extends string> = readonly (readonly [T, number])[];

const CHANNELS: Weighted<string> = [
  ['mail-in kit', 0.55],
  ['store drop-off', 0.22],
  ['B2B fleet', 0.13],
  ['partner kiosk', 0.1],
];
const CATEGORIES: Weighted<string> = [
  ['smartphone', 0.58],
  ['laptop', 0.15],
  ['tablet', 0.12],
  ['smartwatch', 0.06],
  ['console', 0.05],
  ['desktop', 0.02],
  ['other', 0.02],
];
const B2B_CATEGORIES: Weighted<string> = [
  ['laptop', 0.45],
  ['smartphone', 0.45],
  ['tablet', 0.1],
];

interface ChannelModel {
  kit: boolean;
  /** Share of requests (of kits, for kit channels) whose device arrives. */
  arrive: number;
  /** Share of kits lost in transit. */
  lost: number;
  /** Lead time Created → Received: log-normal median (days) and sigma. */
  median: number;
  sigma: number;
  /** Logistics cost per order, EUR. */
  logistics: number;
}
const CHANNEL_MODEL: Record<string, ChannelModel> = {
  'mail-in kit': { kit: true, arrive: 0.66, lost: 0.013, median: 9, sigma: 0.55, logistics: 9.5 },
  'store drop-off': { kit: false, arrive: 0.8, lost: 0, median: 5, sigma: 0.6, logistics: 3 },
  'B2B fleet': { kit: true, arrive: 0.9, lost: 0.004, median: 12, sigma: 0.4, logistics: 5 },
  'partner kiosk': { kit: false, arrive: 0.95, lost: 0, median: 6, sigma: 0.5, logistics: 4 },
};

interface CategoryModel {
  weightKg: number;
  /** Payout median (EUR) for a reusable device. */
  payout: number;
  outcomes: Weighted<string>;
}
const PHONE_MIX: Weighted<string> = [
  ['reused', 0.12],
  ['refurbished', 0.55],
  ['recycled', 0.23],
  ['returned', 0.05],
  ['rejected', 0.05],
];
const CATEGORY_MODEL: Record<string, CategoryModel> = {
  smartphone: { weightKg: 0.19, payout: 85, outcomes: PHONE_MIX },
  tablet: { weightKg: 0.55, payout: 60, outcomes: PHONE_MIX },
  laptop: {
    weightKg: 1.9,
    payout: 140,
    outcomes: [
      ['reused', 0.15],
      ['refurbished', 0.52],
      ['recycled', 0.23],
      ['returned', 0.05],
      ['rejected', 0.05],
    ],
  },
  desktop: {
    weightKg: 7.5,
    payout: 40,
    outcomes: [
      ['reused', 0.1],
      ['refurbished', 0.35],
      ['recycled', 0.48],
      ['returned', 0.03],
      ['rejected', 0.04],
    ],
  },
  smartwatch: {
    weightKg: 0.045,
    payout: 30,
    outcomes: [
      ['reused', 0.1],
      ['refurbished', 0.38],
      ['recycled', 0.42],
      ['returned', 0.05],
      ['rejected', 0.05],
    ],
  },
  console: {
    weightKg: 3.0,
    payout: 70,
    outcomes: [
      ['reused', 0.3],
      ['refurbished', 0.35],
      ['recycled', 0.25],
      ['returned', 0.05],
      ['rejected', 0.05],
    ],
  },
  other: {
    weightKg: 0.8,
    payout: 15,
    outcomes: [
      ['reused', 0.05],
      ['refurbished', 0.2],
      ['recycled', 0.65],
      ['returned', 0.05],
      ['rejected', 0.05],
    ],
  },
};
/** Months, ending with the as-of month, in which the better refurbishment partner works. */
export const SHIFT_MONTHS = 4;
/** After the shift, this share of the devices that would have been recycled is refurbished. */
const SHIFTED_SHARE = 0.8;

/** Why an order was not reused, by outcome, and what a complaint was about: a Pareto's few vital reasons. */
const REASONS: Record<string, Weighted<string>> = {
  recycled: [
    ['Screen cracked', 0.38],
    ['Battery swollen', 0.22],
    ['Water damage', 0.16],
    ['No resale value (too old)', 0.14],
    ['Missing parts', 0.1],
  ],
  returned: [
    ['Customer asked for it back', 0.6],
    ['Account lock (iCloud / FRP)', 0.4],
  ],
  rejected: [
    ['Account lock (iCloud / FRP)', 0.55],
    ['Not the declared device', 0.35],
    ['Counterfeit', 0.1],
  ],
  lost: [['Lost in transit', 1]],
  complaint: [
    ['Payout lower than quoted', 0.45],
    ['Payout late', 0.3],
    ['Kit arrived late', 0.15],
    ['No news of the device', 0.1],
  ],
};

/**
 * Who handled each order (issue 19), names of the sample `Partners` in FR: the processing partner
 * of every device received, weighted by outcome so that the partners' reuse rates differ (the
 * better refurbisher takes most of the work after the shift); the carrier of every kit sent,
 * weighted so that one loses more kits. A few orders spell a partner in another case (matched
 * all the same) and one names a partner absent from Partners (listed, never dropped).
 */
const PROCESSORS_BEFORE: Record<'reusable' | 'other', Weighted<string>> = {
  reusable: [
    ['Solidaire Numérique Nord (sample)', 0.55],
    ['Logis Retour Express (sample)', 0.3],
    ['Les Puces Vertes (sample)', 0.15],
  ],
  other: [
    ['Solidaire Numérique Nord (sample)', 0.35],
    ['Logis Retour Express (sample)', 0.5],
    ['Les Puces Vertes (sample)', 0.15],
  ],
};
const PROCESSORS_AFTER: Record<'reusable' | 'other', Weighted<string>> = {
  reusable: [
    ['Les Puces Vertes (sample)', 0.6],
    ['Solidaire Numérique Nord (sample)', 0.25],
    ['Logis Retour Express (sample)', 0.15],
  ],
  other: [
    ['Les Puces Vertes (sample)', 0.2],
    ['Solidaire Numérique Nord (sample)', 0.3],
    ['Logis Retour Express (sample)', 0.5],
  ],
};
const CARRIERS: Record<'lost' | 'other', Weighted<string>> = {
  lost: [
    ['EcoTri Bretagne (sample)', 0.25],
    ['Recyclerie du Vallon 2 (sample)', 0.75],
  ],
  other: [
    ['EcoTri Bretagne (sample)', 0.6],
    ['Recyclerie du Vallon 2 (sample)', 0.4],
  ],
};
/** Names no sample partner has: the demo's Partner Performance lists it. */
export const UNKNOWN_SAMPLE_PARTNER = 'Transports Inconnus';

const CSAT: Weighted<string> = [
  ['5', 0.55],
  ['4', 0.3],
  ['3', 0.08],
  ['2', 0.04],
  ['1', 0.03],
];

/**
 * Generates the sample orders. 100,000 orders take a few hundred milliseconds.
 */
export function generateSampleOrders(options: SampleOrderOptions = {}): SampleOrders {
  const count = Math.max(0, Math.floor(options.count ?? 3000));
  const asOf = options.asOf ?? new Date(Date.UTC(2026, 9, 31, 18));
  const now = asOf.getTime();
  const rand = seededRandom(options.seed ?? 20261);
  const reasonRand = seededRandom(((options.seed ?? 20261) ^ 0x2ea5_0e5) >>> 0);
  // Partners are drawn from their own sequence too: every other field stays as it was.
  const partnerRand = seededRandom(((options.seed ?? 20261) ^ 0x19_5eed) >>> 0);
  const pickW = <T extends string>(items: Weighted<T>, r: () => number = rand): T => {
    let u = r();
    for (const [v, w] of items) if ((u -= w) < 0) return v;
    return items[items.length - 1][0];
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const logNormal = (median: number, sigma: number) => median * Math.exp(sigma * normal());
  // Warehouse and shop events happen in working hours, not at the instant a random lag lands on.
  const workHours = (t: number, notBefore: number) => {
    let w = Math.floor(t / DAY) * DAY + 8 * HOUR + rand() * 10 * HOUR;
    while (w <= notBefore) w += DAY;
    return w;
  };

  const created = creationTimes(count, asOf, rand);
  const shiftFrom = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - (SHIFT_MONTHS - 1), 1);
  // The shift draws from its own sequence too: every order it does not touch is as before.
  const shiftRand = seededRandom(((options.seed ?? 20261) ^ 0x5_41f7) >>> 0);
  const rows: Cell[][] = [];
  for (let i = 0; i < count; i++) {
    const c = created[i];
    const channel = pickW(CHANNELS);
    const category = pickW(channel === 'B2B fleet' ? B2B_CATEGORIES : CATEGORIES);
    const ch = CHANNEL_MODEL[channel];
    const cat = CATEGORY_MODEL[category];

    let kitSent: number | null = null;
    let arrives = false;
    let lost = false;
    if (ch.kit) {
      if (rand() < 0.93) {
        kitSent = workHours(c + (0.2 + rand() * 2) * DAY, c);
        const u = rand();
        lost = u < ch.lost;
        arrives = !lost && u < ch.lost + ch.arrive;
      }
    } else {
      arrives = rand() < ch.arrive;
    }
    let received: number | null = null;
    if (arrives) received = workHours(c + logNormal(ch.median, ch.sigma) * DAY, kitSent ?? c);
    let inspected: number | null =
      received === null ? null : workHours(received + logNormal(1.5, 0.7) * DAY, received);
    let outcome = lost ? 'lost' : inspected !== null ? pickW(cat.outcomes) : '';
    // Whatever lies after the as-of moment has not happened yet: recent cohorts are still open.
    if (kitSent !== null && kitSent > now) kitSent = null;
    if (received !== null && received > now) received = null;
    if (received === null || (inspected !== null && inspected > now)) inspected = null;
    if (lost && kitSent === null) lost = false;
    if (!lost && inspected === null) outcome = '';
    if (lost) outcome = 'lost';

    const shifted = c >= shiftFrom && outcome === 'recycled' && shiftRand() < SHIFTED_SHARE;
    if (shifted) outcome = 'refurbished';
    const reusable = outcome === 'reused' || outcome === 'refurbished';
    const weight = received === null ? '' : round(cat.weightKg * (0.85 + rand() * 0.35), 3);
    const erasure = received === null ? '' : rand() < 0.985 ? 'yes' : 'no';
    const payout =
      inspected === null
        ? ''
        : shifted
          ? // A log-normal payout from the shift's own sequence (Irwin–Hall: a sum of 3 uniforms, centred and scaled, is close to normal).
            round(
              cat.payout * Math.exp(0.45 * (shiftRand() + shiftRand() + shiftRand() - 1.5) * 2),
              2,
            )
          : reusable
            ? round(logNormal(cat.payout, 0.45), 2)
            : 0;
    const costBase = received !== null ? ch.logistics + 6.5 : lost ? ch.logistics : 0;
    const cost = costBase ? round(costBase * (0.85 + rand() * 0.3), 2) : '';
    const csat = inspected !== null && rand() < 0.55 ? Number(pickW(CSAT)) : '';
    const complaintP = lost ? 0.5 : csat !== '' && csat <= 2 ? 0.25 : 0.006;
    const complaint = rand() < complaintP ? 'yes' : 'no';
    const why = REASONS[outcome] ?? (complaint === 'yes' ? REASONS.complaint : null);
    // Some losses are never explained: a Pareto counts those apart.
    const reason = why && reasonRand() < 0.9 ? pickW(why, reasonRand) : '';
    const processors = c >= shiftFrom ? PROCESSORS_AFTER : PROCESSORS_BEFORE;
    let processing =
      received === null ? '' : pickW(processors[reusable ? 'reusable' : 'other'], partnerRand);
    let logistics = kitSent === null ? '' : pickW(CARRIERS[lost ? 'lost' : 'other'], partnerRand);
    // People type names their own way: the identity rule reads them as the partner.
    if (processing && i % 97 === 5) processing = `  ${processing.toUpperCase()} `;
    if (logistics && i % 211 === 7) logistics = UNKNOWN_SAMPLE_PARTNER;

    rows.push([
      `SAMPLE-${String(i + 1).padStart(6, '0')}`,
      new Date(c),
      category,
      channel,
      date(kitSent),
      date(received),
      date(inspected),
      outcome,
      weight,
      erasure,
      payout,
      cost,
      csat,
      complaint,
      reason,
      processing,
      logistics,
    ]);
  }
  const errors = options.errors === false ? [] : plantErrors(rows, rand);
  return {
    grid: [[...KPI_DATA_HEADERS, 'Reason', 'Processing partner', 'Logistics partner'], ...rows],
    asOf,
    errors,
  };
}

/**
 * The header row and `count` sample orders as of `today` (errors planted), for "Load sample data".
 */
export function sampleOrderGrid(count: number, today: Date, seed?: number): Grid {
  return generateSampleOrders({ count, asOf: today, seed }).grid;
}

const date = (t: number | null): Cell => (t === null ? '' : new Date(t));
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Creation instants, ascending: counts per month by seasonality and growth (largest remainder, so
 * they add up to `count` exactly), uniform within the month up to the as-of moment, daytime hours.
 */
function creationTimes(count: number, asOf: Date, rand: () => number): number[] {
  const endY = asOf.getUTCFullYear();
  const endM = asOf.getUTCMonth();
  const months = Array.from({ length: 24 }, (_, i) => {
    const start = Date.UTC(endY, endM - 23 + i, 1);
    const end = Math.min(Date.UTC(endY, endM - 22 + i, 1), asOf.getTime());
    const full = Date.UTC(endY, endM - 22 + i, 1) - start;
    const weight =
      SEASON[new Date(start).getUTCMonth()] * GROWTH ** i * Math.max(0, (end - start) / full);
    return { start, end, weight };
  });
  const total = months.reduce((s, m) => s + m.weight, 0);
  const exact = months.map((m) => (count * m.weight) / total);
  const counts = exact.map(Math.floor);
  let left = count - counts.reduce((s, n) => s + n, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i])
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) counts[order[k % order.length][1]]++;

  const out: number[] = [];
  months.forEach((m, i) => {
    const days = Math.max(1, Math.ceil((m.end - m.start) / DAY));
    for (let n = 0; n < counts[i]; n++) {
      const day = m.start + Math.floor(rand() * days) * DAY;
      // Requests come in from 8:00 to 22:00, most in the afternoon.
      let t = day + (8 + 14 * ((rand() + rand()) / 2)) * HOUR + Math.floor(rand() * 60) * 1000;
      if (t >= m.end) t = m.end - (1 + rand() * 6) * HOUR;
      out.push(Math.floor(t / 1000) * 1000);
    }
  });
  return out.sort((a, b) => a - b);
}

/** Plants one error of each kind on distinct rows that carry the needed fields. */
function plantErrors(rows: Cell[][], rand: () => number): PlantedError[] {
  const col = (h: (typeof KPI_DATA_HEADERS)[number]) => KPI_DATA_HEADERS.indexOf(h);
  const used = new Set<number>();
  const choose = (ok: (r: Cell[], i: number) => boolean): number | null => {
    for (let tries = 0; tries < 200; tries++) {
      const i = 1 + Math.floor(rand() * (rows.length - 1));
      if (
        i < rows.length &&
        !used.has(i) &&
        !used.has(i - 1) &&
        !used.has(i + 1) &&
        ok(rows[i], i)
      ) {
        used.add(i);
        return i;
      }
    }
    return null;
  };
  const out: PlantedError[] = [];
  const received = (r: Cell[]) => r[col('Received')] instanceof Date;
  let i = choose(received);
  if (i !== null) {
    const d = rows[i][col('Received')] as Date;
    rows[i][col('Received')] = `31/02/${d.getUTCFullYear()}`;
    out.push({ row: i + 2, column: 'Received', kind: 'bad-date' });
  }
  i = choose((r) => r[col('Outcome')] === 'refurbished');
  if (i !== null) {
    rows[i][col('Outcome')] = 'grade X';
    out.push({ row: i + 2, column: 'Outcome', kind: 'unknown-outcome' });
  }
  i = choose(received);
  if (i !== null) {
    rows[i][col('Received')] = new Date((rows[i][col('Created')] as Date).getTime() - 2 * DAY);
    out.push({ row: i + 2, column: 'Received', kind: 'date-order' });
  }
  // A double paste: the previous order keyed again, replacing this one.
  i = choose((_r, k) => k > 0 && !used.has(k - 1));
  if (i !== null) {
    used.add(i - 1);
    rows[i] = rows[i - 1].map((c) => (c instanceof Date ? new Date(c.getTime()) : c));
    out.push({ row: i + 2, column: 'Order ID', kind: 'duplicate-id' });
  }
  i = choose((r) => typeof r[col('Weight kg')] === 'number');
  if (i !== null) {
    rows[i][col('Weight kg')] = -(rows[i][col('Weight kg')] as number);
    out.push({ row: i + 2, column: 'Weight kg', kind: 'negative-weight' });
  }
  return out.sort((a, b) => a.row - b.row);
}
