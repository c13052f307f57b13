/**
 * Plain cell values as Sheets hands them to scripts (getValues / custom-function arguments),
 * and the coercions every room shares. No Apps Script here. (The shapes of custom-function
 * arguments — a cell or a grid, "" for omitted — are src/functions/args.ts.)
 */
import { isoDay } from './iso-day';

/** One cell as Apps Script delivers it: empty cells arrive as "". */
export type Cell = string | number | boolean | Date | null | undefined;
export type Grid = Cell[][];

/** An error whose message is meant for the person at the keyboard (cell tooltip, alert, Log). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

const SHEETS_ERRORS = /^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!|SPILL!|CALC!)/;

export function isBlank(v: Cell): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function isErrorValue(v: Cell): boolean {
  return typeof v === 'string' && SHEETS_ERRORS.test(v.trim());
}

/**
 * A time zone, or how to get it when it is first needed: a custom function asks the spreadsheet
 * for its zone (a service call) only when it has a date to print.
 */
export type ZoneSource = string | (() => string);

/** The zone of a ZoneSource, asking for it if need be. */
export const zoneOf = (z: ZoneSource): string => (typeof z === 'string' ? z : z());

/**
 * YYYY-MM-DD of an instant as the spreadsheet shows it: a date cell is midnight in the
 * spreadsheet's time zone, which is the day before in UTC east of Greenwich, so the zone is
 * always given (UTC if it is unknown).
 */
export function formatDay(d: Date, timeZone: string): string {
  try {
    return isoDay(d, timeZone);
  } catch {
    return isoDay(d, 'UTC');
  }
}

/**
 * Describes a cell's value for a message ("text \"abc\"", "#N/A", "blank"); a date is named by
 * its day in `timeZone` (asked for only when the value is a date).
 */
export function describe(v: Cell, timeZone: ZoneSource): string {
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return 'the date Invalid';
    return `the date ${formatDay(v, zoneOf(timeZone))}`;
  }
  return describeValue(v);
}

/** describe for a value that cannot be a date (numbers checked by the scoring core): no zone. */
export function describeValue(v: Exclude<Cell, Date>): string {
  if (isBlank(v)) return 'a blank';
  if (isErrorValue(v)) return `the error ${String(v).trim()}`;
  if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 37) + '...' : v}"`;
  return `${typeof v} ${String(v)}`;
}

/**
 * A number from a cell, or null when it is not one. Numeric text is accepted the way Sheets users
 * type it ("3", "3.5", "3,5", "10 %"); booleans and dates are not numbers here.
 */
export function toNumber(v: Cell): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  let s = v.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1);
  }
  if (/^[-+]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  return Number(s) * scale;
}

const YES = new Set(['yes', 'y', 'true', '1', 'oui', 'o', 'x', '✓']);
const NO = new Set(['no', 'n', 'false', '0', 'non']);

/** yes/no, true/false, y/n, 1/0, oui/non (any case) → boolean; blank → null; else undefined. */
export function toYesNo(v: Cell): boolean | null | undefined {
  if (isBlank(v)) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  const s = String(v).trim().toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return undefined;
}

const MONTHS: Record<string, number> = {
  jan: 0,
  janv: 0,
  janvier: 0,
  january: 0,
  feb: 1,
  fev: 1,
  fév: 1,
  fevr: 1,
  févr: 1,
  february: 1,
  février: 1,
  fevrier: 1,
  mar: 2,
  mars: 2,
  march: 2,
  apr: 3,
  avr: 3,
  april: 3,
  avril: 3,
  may: 4,
  mai: 4,
  jun: 5,
  juin: 5,
  june: 5,
  jul: 6,
  juil: 6,
  july: 6,
  juillet: 6,
  aug: 7,
  aoû: 7,
  aou: 7,
  august: 7,
  août: 7,
  aout: 7,
  sep: 8,
  sept: 8,
  september: 8,
  septembre: 8,
  oct: 9,
  october: 9,
  octobre: 9,
  nov: 10,
  november: 10,
  novembre: 10,
  dec: 11,
  déc: 11,
  december: 11,
  décembre: 11,
  decembre: 11,
};

/**
 * A date from a cell: a Date, an ISO text (2026-10-03), a French/European day-first text
 * (03/10/2026), or a month-name text ("3 Oct 2026", "3 octobre 2026"). Text dates are read as
 * midnight UTC of that calendar day; null when not a date.
 */
export function toDate(v: Cell): Date | null {
  if (v instanceof Date) return isNaN(v.getTime()) ? null : v;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  if (m) return utc(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) return utc(+m[3], +m[2] - 1, +m[1]);
  m = /^(\d{1,2})\.?\s+([a-zéûè]+)\.?\s+(\d{4})$/i.exec(s);
  if (m && MONTHS[m[2].toLowerCase()] !== undefined)
    return utc(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(s);
  if (m && MONTHS[m[1].toLowerCase()] !== undefined)
    return utc(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
  return null;
}

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  const date = new Date(Date.UTC(y, mo, d, h, mi, s));
  return date.getUTCMonth() === mo && date.getUTCDate() === d ? date : null;
}

/** Column letters for a 1-based index (1 → A, 28 → AB). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Text destined for a cell, kept as the text it is. Sheets reads what a script writes as if typed
 * (USER_ENTERED: "strings may be converted to numbers, dates, etc. following the same rules that
 * are applied when entering text into a cell via the Google Sheets UI"), in the spreadsheet's
 * locale: a leading =, +, - or @ runs as a formula, and "12", "1 234,5", "300 €", "12 %",
 * "TRUE", "VRAI", "2026-10", "Oct 2026", "02/10/2026 14:03" or "#N/A" turn into numbers,
 * booleans, dates or errors. Such strings get the leading apostrophe that marks literal text (it
 * is not part of the stored value). The test is deliberately broad — any string shaped like a
 * number, an amount, a date or an error, a boolean word, or a month word with a year — because
 * an apostrophe too few changes what the cell means (an apostrophe too many is invisible in an
 * Automatic cell, and plain-text cells are written without it).
 */
export function asText(v: string): string {
  return mightBeTypedValue(v) ? `'${v}` : v;
}

const BOOLEAN_WORDS = /^(true|false|vrai|faux|wahr|falsch|verdadero|falso|vero|falso)$/i;
/**
 * Digits with the separators of any locale (spaces, dots, commas, colons, slashes, dashes) and an
 * optional currency or percent sign: numbers, amounts, percentages, dates, date-times, times.
 */
const VALUE_LIKE = /^[-+]?[$£€¥]?\s?[-+]?[.,]?\d[\d\s.,:/'-]*(\s?([%$£€¥]|[ap]\.?m\.?))?$/i;
/** Sheets' error codes (#N/A, #DIV/0!, #REF!, #NAME?…) and anything shaped like them. */
const ERROR_LIKE = /^#[A-Z0-9/]+[!?]?$/i;
/** A month word of the locales we know ("Oct", "octobre", "déc.", "März") with a year, maybe a day. */
const MONTH_YEAR =
  /^(\d{1,2}\s+)?(jan|feb|fév|mar|mär|apr|avr|abr|may|mai|mag|jun|juin|giu|jul|juil|lug|aug|aoû|ago|sep|set|oct|okt|ott|nov|dec|déc|dez|dic|ene|gen)\p{L}*\.?\s+(\d{1,2},?\s+)?\d{4}$/iu;

/** Whether Sheets' typed-input rules might read this string as something other than text. */
export function mightBeTypedValue(v: string): boolean {
  if (/^[=+\-@']/.test(v)) return true;
  const t = v.trim();
  if (!t) return false;
  return (
    VALUE_LIKE.test(t) ||
    ERROR_LIKE.test(t) ||
    BOOLEAN_WORDS.test(t) ||
    MONTH_YEAR.test(t) ||
    toNumber(t) !== null ||
    toDate(t) !== null
  );
}

/** Every string in a block made inert (numbers, booleans, dates pass through). */
export function inertBlock(rows: Grid): Grid {
  return rows.map((r) => r.map((c) => (typeof c === 'string' ? asText(c) : c)));
}

/**
 * Where a cell sits inside a range argument, for messages: 1-based row and column plus the
 * A1-style address relative to the range's top-left corner ("row 3, column 2 (B3 of the range)").
 */
export function cellPosition(row: number, column: number): string {
  return `row ${row}, column ${column} (${columnLetter(column)}${row} of the range)`;
}
