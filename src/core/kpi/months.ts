/**
 * Calendar months in a given IANA time zone. KPIs are monthly "in the spreadsheet's time zone",
 * so an instant is placed in a month by its wall-clock date there, not in UTC. Only
 * Intl.DateTimeFormat is used, which Apps Script V8 provides as Node does.
 */
import { Cell, UserError, toDate } from '../cells';

/** A month key, 'YYYY-MM'. */
export type MonthKey = string;

const DAY_MS = 86_400_000;
/** Day 0 of Sheets' date serials: 30 Dec 1899. */
const SHEETS_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Serials accepted as dates: 1954-10-03 … 2118-12-06; smaller numbers are far likelier to be typos. */
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hour12: false,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new UserError(
        `Unknown time zone "${timeZone}": expected an IANA name such as Europe/Paris.`,
      );
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a UserError unless the time zone is a valid IANA name. */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** Wall-clock fields of an instant in a time zone (month 1–12). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock fields Intl prints for an instant: exact, and slow (one formatToParts each). */
function printedWallClock(epochMs: number, timeZone: string): WallClock {
  const w: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (
      p.type === 'year' ||
      p.type === 'month' ||
      p.type === 'day' ||
      p.type === 'minute' ||
      p.type === 'second'
    ) {
      w[p.type] = Number(p.value);
    } else if (p.type === 'hour') {
      // Some engines print midnight as "24" with hour12: false.
      w.hour = Number(p.value) % 24;
    }
  }
  return w;
}

function printedOffsetMs(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const w = printedWallClock(whole, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/**
 * A zone's offset per UTC day, when it is the same all day (every day but those of a clock
 * change), else null: 100,000 orders with four dates each then cost one formatToParts pair per
 * day they span instead of one call per date (the largest share of a report's compute).
 */
const dayOffsets = new Map<string, Map<number, number | null>>();

/** The zone's offset from UTC (ms, east positive) at an instant. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const day = Math.floor(epochMs / DAY_MS);
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  let offset = days.get(day);
  if (offset === undefined) {
    const first = printedOffsetMs(day * DAY_MS, timeZone);
    const last = printedOffsetMs((day + 1) * DAY_MS - 1000, timeZone);
    offset = first === last ? first : null;
    days.set(day, offset);
  }
  return offset ?? printedOffsetMs(epochMs, timeZone);
}

/** The wall-clock date and time of an instant (epoch ms) in a time zone. */
export function wallClock(epochMs: number, timeZone: string): WallClock {
  const local = Math.floor(epochMs / 1000) * 1000 + zoneOffsetMs(epochMs, timeZone);
  // The civil date of a day number, by arithmetic (H. Hinnant's civil_from_days): no Date object
  // per cell, which a report on 100,000 orders would otherwise make 400,000 times.
  const days = Math.floor(local / DAY_MS);
  const inDay = local - days * DAY_MS;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
    hour: Math.floor(inDay / 3_600_000),
    minute: Math.floor((inDay % 3_600_000) / 60_000),
    second: Math.floor((inDay % 60_000) / 1000),
  };
}

/**
 * The instant at which the wall clock in a time zone shows the given date and time (month 0–11,
 * as Date.UTC). In a spring-forward gap the result is the instant one offset later.
 */
export function zonedTimeToEpoch(
  year: number,
  month0: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): number {
  const asUtc = Date.UTC(year, month0, day, hour, minute, second);
  // Two passes: the offset at the first guess may differ from the offset at the answer near a DST change.
  const guess = asUtc - zoneOffsetMs(asUtc, timeZone);
  return asUtc - zoneOffsetMs(guess, timeZone);
}

/** The month key of an instant (Date or epoch ms) in a time zone. */
export function monthKey(date: Date | number, timeZone: string): MonthKey {
  const w = wallClock(typeof date === 'number' ? date : date.getTime(), timeZone);
  return key(w.year, w.month);
}

function key(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** True for a well-formed key 'YYYY-MM' (month 01–12). */
export function isMonthKey(s: unknown): s is MonthKey {
  return typeof s === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

function split(k: MonthKey): [number, number] {
  if (!isMonthKey(k)) throw new Error(`Not a month key: ${String(k)}`);
  return [Number(k.slice(0, 4)), Number(k.slice(5, 7))];
}

/** The month n months after k (n may be negative). */
export function addMonths(k: MonthKey, n: number): MonthKey {
  const [y, m] = split(k);
  const i = y * 12 + (m - 1) + n;
  return key(Math.floor(i / 12), (i % 12) + 1);
}

/** Number of months from a to b (b − a); 0 when equal. */
export function monthDiff(a: MonthKey, b: MonthKey): number {
  const [ya, ma] = split(a);
  const [yb, mb] = split(b);
  return (yb - ya) * 12 + (mb - ma);
}

/** Every month from `from` to `to`, both included, ascending; [] when to < from. */
export function monthRange(from: MonthKey, to: MonthKey): MonthKey[] {
  const n = monthDiff(from, to);
  const out: MonthKey[] = [];
  for (let i = 0; i <= n; i++) out.push(addMonths(from, i));
  return out;
}

/** The instant (epoch ms) at which month k begins in a time zone: local midnight of its 1st day. */
export function monthStart(k: MonthKey, timeZone: string): number {
  const [y, m] = split(k);
  return zonedTimeToEpoch(y, m - 1, 1, 0, 0, 0, timeZone);
}

/** The month before the one containing `now` in the time zone: the last month that is complete. */
export function lastCompleteMonth(now: Date, timeZone: string): MonthKey {
  return addMonths(monthKey(now, timeZone), -1);
}

/**
 * The last complete month, or the month of the latest order when the data stops earlier (so a
 * dashboard or report of an old export shows its data, not empty months).
 */
export function lastMonthWithData(
  orders: readonly { created: number }[],
  now: Date,
  timeZone: string,
): MonthKey {
  const complete = lastCompleteMonth(now, timeZone);
  let latest = 0;
  for (const o of orders) latest = Math.max(latest, o.created);
  if (!latest) return complete;
  const dataMonth = monthKey(latest, timeZone);
  return dataMonth < complete ? dataMonth : complete;
}

/** 'October 2026' style label for a month key (English, for reports). */
export function monthLabel(k: MonthKey): string {
  const [y, m] = split(k);
  const names = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${names[m - 1]} ${y}`;
}

/**
 * A Sheets date serial (days since 30 Dec 1899, fraction = time of day) read as wall-clock time
 * in the time zone, or null outside 1954–2118 (such numbers are not plausibly dates).
 */
export function serialToEpoch(serial: number, timeZone: string): number | null {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
  const wall = new Date(SHEETS_EPOCH_UTC + Math.round(serial * DAY_MS));
  return zonedTimeToEpoch(
    wall.getUTCFullYear(),
    wall.getUTCMonth(),
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    timeZone,
  );
}

/**
 * A month argument as a key, or null when it is not one. Accepted:
 * - a Date: the month containing it in the time zone (a cell typed 2026-10 arrives as such a Date);
 * - text '2026-10', '2026-1', '10/2026', '10.2026', 'Oct 2026', 'octobre 2026';
 * - text holding a full date ('2026-10-03', '03/10/2026', '3 Oct 2026'): that calendar date's month;
 * - a number: a Sheets date serial in 20000–80000 (a date cell formatted as a number). Other
 *   numbers (10, 202610) are refused rather than guessed.
 */
export function parseMonth(v: Cell, timeZone: string): MonthKey | null {
  if (v instanceof Date) return isNaN(v.getTime()) ? null : monthKey(v, timeZone);
  if (typeof v === 'number') {
    const t = serialToEpoch(v, timeZone);
    return t === null ? null : monthKey(t, timeZone);
  }
  if (typeof v !== 'string') return null;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return valid(+m[1], +m[2]);
  m = /^(\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) return valid(+m[2], +m[1]);
  // "Oct 2026" / "octobre 2026": let the shared date reader resolve the month name on day 1.
  const named = /^[a-zéûè]+\.?\s+\d{4}$/i.test(s) ? toDate(`1 ${s}`) : toDate(s);
  return named ? key(named.getUTCFullYear(), named.getUTCMonth() + 1) : null;
}

function valid(y: number, m: number): MonthKey | null {
  return m >= 1 && m <= 12 && y >= 1900 ? key(y, m) : null;
}

/**
 * Maps instants to month indexes for a contiguous run of months, precomputing the month
 * boundaries once so that bucketing 100,000 dates needs no Intl call per date.
 */
export class MonthIndex {
  readonly months: MonthKey[];
  private readonly starts: Float64Array;

  constructor(from: MonthKey, to: MonthKey, timeZone: string) {
    this.months = monthRange(from, to);
    this.starts = new Float64Array(this.months.length + 1);
    this.months.forEach((k, i) => (this.starts[i] = monthStart(k, timeZone)));
    if (this.months.length)
      this.starts[this.months.length] = monthStart(addMonths(to, 1), timeZone);
  }

  /** Index in `months` of the month containing the instant, or -1 outside the run. */
  indexOf(epochMs: number): number {
    const s = this.starts;
    const n = this.months.length;
    if (n === 0 || epochMs < s[0] || epochMs >= s[n]) return -1;
    // Months are 28–31 days long: the estimate is off by at most one, then walk.
    let i = Math.min(n - 1, Math.floor((epochMs - s[0]) / (30.436875 * DAY_MS)));
    while (epochMs < s[i]) i--;
    while (epochMs >= s[i + 1]) i++;
    return i;
  }
}
