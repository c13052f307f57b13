/**
 * Pareto of reasons (the optional `Reason` column of `KPI Data`) over a period: why orders were
 * not reused, and what complaints were about — count, share and cumulative share, most frequent
 * first, so the few reasons behind most of the losses stand out. Reasons are grouped as people
 * type them: case, accents and repeated spaces do not make a new reason.
 */
import { MonthKey, addMonths, monthStart } from './months';
import { Order } from './orders';

export type ParetoKind = 'not_reused' | 'complaints';

export interface ParetoRow {
  reason: string;
  count: number;
  /** Share of the orders that have a reason. */
  share: number;
  cumulative: number;
}

export interface Pareto {
  kind: ParetoKind;
  title: string;
  rows: ParetoRow[];
  /** Orders counted (with a reason). */
  total: number;
  /** Orders of the same kind with no reason given. */
  unexplained: number;
  /** Says what the table counts, and what is missing. */
  note: string;
}

/** Reasons listed one by one; the rest are pooled into one last row. */
export const MAX_PARETO_ROWS = 10;

export const PARETO_TITLES: Record<ParetoKind, string> = {
  not_reused: 'Pareto: why orders were not reused',
  complaints: 'Pareto: what complaints were about',
};

/**
 * The Pareto of one kind over `months`. Not reused = orders inspected in the period with outcome
 * recycled, returned or rejected, and kits sent in the period that were lost (the dates the reuse
 * and lost rates count them by). Complaints = orders created in the period with a complaint.
 */
export function reasonPareto(
  orders: readonly Order[],
  months: readonly MonthKey[],
  timeZone: string,
  kind: ParetoKind,
  hasReasonColumn = true,
  /** How the period is named in the note (`October 2026`); default its months. */
  label?: string,
): Pareto {
  // Each month as [start, end) instants: a comparison per order, not a time-zone conversion.
  const ranges = months.map((m) => [
    monthStart(m, timeZone),
    monthStart(addMonths(m, 1), timeZone),
  ]);
  const within = (t: number | null) => t !== null && ranges.some(([a, b]) => t >= a && t < b);
  const counts = new Map<string, { reason: string; count: number }>();
  let total = 0;
  let unexplained = 0;
  for (const o of orders) {
    const counted =
      kind === 'complaints'
        ? o.complaint === true && within(o.created)
        : o.outcome === 'lost'
          ? within(o.kitSent)
          : (o.outcome === 'recycled' || o.outcome === 'returned' || o.outcome === 'rejected') &&
            within(o.inspected);
    if (!counted) continue;
    if (!o.reason) {
      unexplained++;
      continue;
    }
    total++;
    const key = reasonKey(o.reason);
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { reason: o.reason.replace(/\s+/g, ' '), count: 1 });
  }
  const sorted = [...counts.values()].sort(
    (a, b) => b.count - a.count || a.reason.localeCompare(b.reason),
  );
  const listed = sorted.slice(0, MAX_PARETO_ROWS);
  const rest = sorted.slice(MAX_PARETO_ROWS);
  if (rest.length)
    listed.push({
      reason: `Other (${rest.length} reasons)`,
      count: rest.reduce((n, r) => n + r.count, 0),
    });
  let cumulative = 0;
  const rows = listed.map((r) => {
    cumulative += r.count;
    return {
      reason: r.reason,
      count: r.count,
      share: r.count / total,
      cumulative: cumulative / total,
    };
  });
  const what = kind === 'complaints' ? 'complaint(s)' : 'order(s) not reused';
  const period =
    label ?? (months.length === 1 ? months[0] : `${months[0]} to ${months[months.length - 1]}`);
  const note = !hasReasonColumn
    ? `No Reason column in KPI Data: add one to the right of Complaint (Set up workbook adds it) to see why ${kind === 'complaints' ? 'customers complain' : 'orders are not reused'}.`
    : total + unexplained === 0
      ? `No ${what} in ${period}.`
      : `${total} ${what} in ${period} with a reason${unexplained ? `; ${unexplained} more without one, not counted here` : ''}.`;
  return { kind, title: PARETO_TITLES[kind], rows, total, unexplained, note };
}

/** Case, accents and spacing ignored: "Screen  cracked" and "screen cracked" are one reason. */
function reasonKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
