/**
 * The period a report covers: one calendar month (`2026-10`) or one quarter (`2026-Q3`), with its
 * exact first and last day, the months it pools and the name of its tab. Months are calendar
 * months in the spreadsheet's time zone, as everywhere in the KPI core.
 */
import { Cell, UserError, isBlank } from '../cells';
import {
  MonthKey,
  addMonths,
  lastCompleteMonth,
  monthKey,
  monthLabel,
  monthRange,
  parseMonth,
} from '../kpi/months';

/** A month or a quarter, resolved. */
export interface ReportPeriod {
  /** `2026-10` or `2026-Q3`: the name people type and the tab suffix. */
  key: string;
  kind: 'month' | 'quarter';
  /** The months pooled, ascending. */
  months: MonthKey[];
  /** `October 2026` or `Q3 2026 (July to September 2026)`. */
  label: string;
  /** First and last calendar day, `YYYY-MM-DD`. */
  first: string;
  last: string;
  /** `Report 2026-10` / `Report 2026-Q3`. */
  tabName: string;
}

/** The words 'Default period' may hold instead of a period. */
const LAST_MONTH = /^(last\s+(complete\s+)?month|previous\s+month)$/i;
const LAST_QUARTER = /^(last\s+(complete\s+)?quarter|previous\s+quarter)$/i;

/** Tab names of reports: `Report 2026-10`, `Report 2026-Q3`. */
export const REPORT_TAB_PATTERN = /^Report \d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

/** The period of a month key. */
export function monthPeriod(month: MonthKey): ReportPeriod {
  return {
    key: month,
    kind: 'month',
    months: [month],
    label: monthLabel(month),
    first: `${month}-01`,
    last: `${month}-${lastDay(month)}`,
    tabName: `Report ${month}`,
  };
}

/** The period of a quarter (1–4) of a year. */
export function quarterPeriod(year: number, quarter: number): ReportPeriod {
  const start = `${String(year).padStart(4, '0')}-${String(3 * quarter - 2).padStart(2, '0')}`;
  const months = monthRange(start, addMonths(start, 2));
  const [from, to] = [monthLabel(months[0]).split(' ')[0], monthLabel(months[2])];
  return {
    key: `${year}-Q${quarter}`,
    kind: 'quarter',
    months,
    label: `Q${quarter} ${year} (${from} to ${to})`,
    first: `${months[0]}-01`,
    last: `${months[2]}-${lastDay(months[2])}`,
    tabName: `Report ${year}-Q${quarter}`,
  };
}

function lastDay(month: MonthKey): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0');
}

/** The quarter before the one containing `now`. */
export function lastCompleteQuarter(now: Date, timeZone: string): ReportPeriod {
  const current = monthKey(now, timeZone);
  const q = Math.floor((Number(current.slice(5, 7)) - 1) / 3);
  const start = addMonths(`${current.slice(0, 4)}-${String(q * 3 + 1).padStart(2, '0')}`, -3);
  return quarterPeriod(Number(start.slice(0, 4)), (Number(start.slice(5, 7)) + 2) / 3);
}

/**
 * A period from what a person typed (or a Settings cell): `2026-10`, `10/2026`, `Oct 2026`,
 * `2026-Q3`, `Q3 2026`, `2026 Q3`, "last complete month", "last complete quarter". Blank means
 * `fallback` (itself one of these; default the last complete month). Throws a UserError that
 * quotes the text and lists what is accepted; a period that has not started yet is refused.
 */
export function parsePeriod(
  text: Cell,
  now: Date,
  timeZone: string,
  fallback: Cell = 'last complete month',
): ReportPeriod {
  if (isBlank(text))
    return isBlank(fallback)
      ? monthPeriod(lastCompleteMonth(now, timeZone))
      : parsePeriod(fallback, now, timeZone);
  const s = typeof text === 'string' ? text.trim() : text;
  let period: ReportPeriod | null = null;
  if (typeof s === 'string' && LAST_MONTH.test(s))
    period = monthPeriod(lastCompleteMonth(now, timeZone));
  else if (typeof s === 'string' && LAST_QUARTER.test(s))
    period = lastCompleteQuarter(now, timeZone);
  else if (typeof s === 'string') period = quarter(s);
  if (!period) {
    const m = parseMonth(s as Cell, timeZone);
    if (m) period = monthPeriod(m);
  }
  if (!period) {
    throw new UserError(
      `"${String(text).slice(0, 40)}" is not a period. Type a month such as 2026-10, a quarter such as 2026-Q3, or "last complete month".`,
    );
  }
  if (period.months[0] > monthKey(now, timeZone)) {
    throw new UserError(
      `${period.label} has not started yet: choose a month or quarter up to ${monthLabel(monthKey(now, timeZone))}.`,
    );
  }
  return period;
}

function quarter(s: string): ReportPeriod | null {
  const m =
    /^(\d{4})\s*[-/ ]?\s*[QqTt]([1-4])$/.exec(s) ?? /^[QqTt]([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(s);
  if (!m) return null;
  const [year, q] = /^\d{4}$/.test(m[1])
    ? [Number(m[1]), Number(m[2])]
    : [Number(m[2]), Number(m[1])];
  return year >= 1900 ? quarterPeriod(year, q) : null;
}

/** True when the period ends after today: its figures are partial. */
export function isPartial(period: ReportPeriod, now: Date, timeZone: string): boolean {
  return period.months[period.months.length - 1] >= monthKey(now, timeZone);
}
