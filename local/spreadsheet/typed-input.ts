/**
 * Sheets' typed-input rules: what a string written by `setValue(s)` / `appendRow` becomes in a
 * cell that is not formatted as plain text. Google: "strings may be converted to numbers, dates,
 * etc. following the same rules that are applied when entering text into a cell via the Google
 * Sheets UI" (developers.google.com/sheets/api/reference/rest/v4/ValueInputOption, USER_ENTERED,
 * which is what Range.setValues applies). The rules depend on the spreadsheet's locale: its
 * decimal and grouping separators, its currency, its day/month order, its month names and its
 * words for TRUE / FALSE. The cases are tabulated in test/fixtures/typed-input.ts.
 *
 * This model is deliberately eager: where Sheets might read a string as a value, it does, so a
 * product that means a string as text is made to say so (a plain-text cell, or an apostrophe).
 */
import { CellError } from './cell-error';
import { instantFromWallClock, separators, type CellValue } from './number-format';

export interface Parsed {
  value: CellValue;
  /** The format Sheets gives a cell that had none ("Automatic") when it parses the input. */
  autoFormat?: string;
}

const ERRORS = new Set([
  '#N/A',
  '#DIV/0!',
  '#REF!',
  '#VALUE!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
]);

const EN_MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
/** Month names a locale's typed input understands, by their first letters (beyond English). */
const LOCAL_MONTHS: Record<string, string[]> = {
  fr: ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc'],
  de: ['jan', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'],
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
};
const BOOLEANS: Record<string, [string, string]> = {
  fr: ['VRAI', 'FAUX'],
  de: ['WAHR', 'FALSCH'],
  es: ['VERDADERO', 'FALSO'],
};
const CURRENCY: Record<string, string> = { US: '$', GB: '£', FR: '€', DE: '€', ES: '€', IT: '€' };

const language = (locale: string) => locale.split('_')[0].toLowerCase();
const region = (locale: string) => (locale.split('_')[1] ?? '').toUpperCase();
const monthFirst = (locale: string) => locale === 'en_US';

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 1-12 for a month word of the locale (or English), else 0. */
function monthOf(word: string, locale: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  for (const names of [LOCAL_MONTHS[language(locale)] ?? [], EN_MONTHS]) {
    const i = names.findIndex((n) => w.startsWith(n) || (n.startsWith(w) && w.length >= 3));
    if (i >= 0) return i + 1;
  }
  return 0;
}

/** A number in the locale's notation (grouping allowed, decimal separator of the locale), or null. */
function localeNumber(s: string, locale: string): number | null {
  const { decimal, group } = separators(locale);
  const groups = new Set([group, ' ', '\u00a0', '\u202f']);
  if (decimal === ',') groups.add('.');
  let body = s;
  let sign = 1;
  if (/^[+-]/.test(body)) {
    sign = body[0] === '-' ? -1 : 1;
    body = body.slice(1);
  }
  const [whole, fraction, extra] = body.split(decimal);
  if (extra !== undefined || whole === undefined) return null;
  if (fraction !== undefined && !/^\d*$/.test(fraction)) return null;
  if (!/^\d/.test(whole) && !(whole === '' && fraction)) return null;
  let digits = whole;
  const g = [...groups].find((x) => whole.includes(x));
  if (g) {
    const parts = whole.split(g);
    if (!/^\d{1,3}$/.test(parts[0]) || parts.slice(1).some((p) => !/^\d{3}$/.test(p))) return null;
    digits = parts.join('');
  } else if (!/^\d*$/.test(whole)) return null;
  const n = Number(`${digits || '0'}.${fraction ?? ''}`.replace(/\.$/, ''));
  return Number.isFinite(n) ? sign * n : null;
}

const date = (timeZone: string, y: number, mo: number, d: number, h = 0, mi = 0, se = 0) =>
  instantFromWallClock(timeZone, y, mo, d, h, mi, se);

const validDay = (y: number, mo: number, d: number) =>
  mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);

/** A time of day, 24-hour or with AM / PM ("2:03 PM"), which Sheets reads in every locale. */
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?$/i;

function time(s: string | undefined): [number, number, number] | null {
  if (s === undefined) return [0, 0, 0];
  const m = TIME.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const [mi, se] = [Number(m[2]), Number(m[3] ?? 0)];
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  }
  return h < 24 && mi < 60 && se < 60 ? [h, mi, se] : null;
}

/** Sheets reads a two-digit year 00–29 as 20xx and 30–99 as 19xx. */
const fullYear = (y: string) =>
  y.length === 2 ? (Number(y) < 30 ? 2000 : 1900) + Number(y) : Number(y);

function parseDate(s: string, locale: string, timeZone: string, year: number): Parsed | null {
  const [day, clock, more] = s.split(/\s+(?=\d{1,2}:\d{2})/);
  if (more !== undefined) return null;
  const hms = time(clock);
  if (!hms) return null;
  const withTime = clock !== undefined;
  // yyyy-mm-dd, yyyy/mm/dd, yyyy-mm, yyyy/mm
  let m = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(day);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
    if (!validDay(y, mo, d)) return null;
    const format = m[3] === undefined ? 'yyyy-mm' : 'yyyy-mm-dd';
    return {
      value: date(timeZone, y, mo, d, ...hms),
      autoFormat: withTime ? `${format} hh:mm:ss` : format,
    };
  }
  // d/m[/y] (m/d[/y] in the US), also with dots or dashes
  m = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/.exec(day);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const [d, mo] = monthFirst(locale) ? [b, a] : [a, b];
    const y = m[4] === undefined ? year : fullYear(m[4]);
    if (!validDay(y, mo, d)) return null;
    const format = monthFirst(locale) ? 'M/d/yyyy' : 'dd/MM/yyyy';
    return {
      value: date(timeZone, y, mo, d, ...hms),
      autoFormat: withTime ? `${format} H:mm:ss` : format,
    };
  }
  // [d] Month yyyy, Month d[,] yyyy, Month yyyy
  m = /^(?:(\d{1,2})\s+)?([^\d\s,]{3,}\.?)\s+(?:(\d{1,2}),?\s+)?(\d{4})$/.exec(day);
  if (m && !(m[1] && m[3])) {
    const mo = monthOf(m[2], locale);
    const d = Number(m[1] ?? m[3] ?? 1);
    const y = Number(m[4]);
    if (!mo || !validDay(y, mo, d)) return null;
    return { value: date(timeZone, y, mo, d, ...hms), autoFormat: 'mmmm yyyy' };
  }
  if (day === '' || (clock === undefined && TIME.test(day))) {
    const only = time(clock ?? day);
    if (!only) return null;
    // A time alone is a time of day on Sheets' day zero.
    return { value: date(timeZone, 1899, 12, 30, ...only), autoFormat: 'H:mm:ss' };
  }
  return null;
}

/**
 * The value Sheets stores for a string typed into an "Automatic" cell: a number, a date, a
 * boolean, an error, or the string itself. `year` is the current year (for `3/10`).
 */
export function parseTypedString(
  input: string,
  locale: string,
  timeZone: string,
  year: number,
): Parsed {
  const s = input.trim();
  if (s === '') return { value: input };
  if (ERRORS.has(s.toUpperCase())) return { value: new CellError(s.toUpperCase()) };
  const upper = s.toUpperCase();
  const [yes, no] = BOOLEANS[language(locale)] ?? ['TRUE', 'FALSE'];
  if (upper === 'TRUE' || upper === yes) return { value: true };
  if (upper === 'FALSE' || upper === no) return { value: false };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { value: Number(s) };
  const n = localeNumber(s, locale);
  if (n !== null) return { value: n };
  const pct = /^(.+?)\s?%$/.exec(s);
  if (pct) {
    const p =
      localeNumber(pct[1], locale) ?? (/^[+-]?\d+(\.\d+)?$/.test(pct[1]) ? Number(pct[1]) : null);
    if (p !== null) return { value: p / 100, autoFormat: Number.isInteger(p) ? '0%' : '0.00%' };
  }
  const symbol = CURRENCY[region(locale)];
  if (symbol) {
    const c = s.startsWith(symbol)
      ? s.slice(symbol.length).trim()
      : s.endsWith(symbol)
        ? s.slice(0, -symbol.length).trim()
        : null;
    const amount = c === null ? null : localeNumber(c, locale);
    if (amount !== null) return { value: amount, autoFormat: `${symbol}#,##0.00` };
  }
  const d = parseDate(s, locale, timeZone, year);
  if (d) return d;
  return { value: input };
}
