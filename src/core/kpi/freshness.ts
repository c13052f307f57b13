/**
 * How current the orders are, said in words where the KPIs are shown (dashboard, report): an
 * empty `KPI Data` is not a month of zeros; a last month whose data stops before its last day is
 * partial, not a full month; data whose newest date is older than `Stale after (days)` (Settings,
 * default 14) is stale — the export may not have been pasted this week.
 */
import { SETTING } from '../settings-schema';
import { isoDay } from '../iso-day';
import { MonthKey, addMonths, monthKey, monthStart } from './months';
import { Order } from './orders';

export const DEFAULT_STALE_AFTER_DAYS = SETTING.staleAfterDays.default;
const DAY_MS = 86_400_000;

export interface Freshness {
  empty: boolean;
  /** The newest date of any order (created, kit sent, received, inspected); null when empty. */
  newest: number | null;
  /** The month asked about ends after the newest date: its figures are partial. */
  partial: boolean;
  /** The newest date is more than `staleAfterDays` before now. */
  stale: boolean;
  /** One sentence per finding, for the page: none when the data is complete and current. */
  notes: string[];
}

/** @param month the last month shown (the dashboard's last column, the report's last month). */
export function freshness(
  orders: readonly Order[],
  month: MonthKey,
  now: Date,
  timeZone: string,
  staleAfterDays = DEFAULT_STALE_AFTER_DAYS,
): Freshness {
  let newest = -Infinity;
  for (const o of orders)
    for (const t of [o.created, o.kitSent, o.received, o.inspected])
      if (t !== null && t > newest) newest = t;
  if (!orders.length)
    return {
      empty: true,
      newest: null,
      partial: false,
      stale: false,
      notes: [
        'KPI Data holds no readable order yet: the KPIs are blank, not zero. Paste or import the back-office export into KPI Data, then refresh.',
      ],
    };
  const notes: string[] = [];
  const day = isoDay(new Date(newest), timeZone);
  const monthEnd = monthStart(addMonths(month, 1), timeZone);
  // The data stops inside the month (its last day has no data after it) and the month is over
  // or still running: either way the month's figures are not the whole month's.
  const partial = monthKey(newest, timeZone) === month && newest < monthEnd - DAY_MS;
  if (partial)
    notes.push(
      `${month} is partial: the data ends on ${day}, before the end of the month; its figures are not a full month's.`,
    );
  const age = Math.floor((now.getTime() - newest) / DAY_MS);
  const stale = age > staleAfterDays;
  if (stale)
    notes.push(
      `The data may be stale: the newest date in KPI Data is ${day}, ${age} days ago (Stale after (days) in Settings: ${staleAfterDays}).`,
    );
  return { empty: false, newest, partial, stale, notes };
}
