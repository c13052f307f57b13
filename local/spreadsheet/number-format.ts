/**
 * Display values: how Sheets renders a cell value under a number format, in the spreadsheet's
 * locale (decimal and grouping separators) and time zone (dates). Covers the patterns the add-on
 * uses (`0`, `0.00`, `#,##0.00`, `0.0%`, `yyyy-mm-dd`, `dd/mm/yyyy`, `yyyy-mm-dd hh:mm`, `@`, …)
 * through a small general pattern interpreter rather than a lookup table.
 */
import { CellError } from './cell-error';

export type CellValue = string | number | boolean | Date | CellError;

/** What `getNumberFormat()` reports for a cell nobody formatted (the "Automatic" format). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

const MS_PER_DAY = 86400000;
/** Sheets' day zero: 1899-12-30 (serial 0), so 1900-01-01 is serial 2 like Excel. */
const EPOCH_UTC = Date.UTC(1899, 11, 30);

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of an instant in an IANA time zone. */
export function wallClock(date: Date, timeZone: string): WallClock {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partsFormatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(date)) p[part.type] = part.value;
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: weekdays.indexOf(p.weekday),
  };
}

/** The instant at which the wall clock of `timeZone` shows the given fields. */
export function instantFromWallClock(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Two passes settle the offset, including near DST changes.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(guess), timeZone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    guess += asUtc - shown;
  }
  return new Date(guess);
}

/** Sheets' serial number of a date (days since 1899-12-30, wall clock of the spreadsheet zone). */
export function dateToSerial(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  const wallMs =
    Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) +
    (((date.getTime() % 1000) + 1000) % 1000);
  return (wallMs - EPOCH_UTC) / MS_PER_DAY;
}

export function serialToWallClock(serial: number): WallClock {
  const d = new Date(EPOCH_UTC + Math.round((serial * MS_PER_DAY) / 1000) * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** `fr_FR` → `fr-FR` for Intl. */
export function localeTag(locale: string): string {
  return locale.replace('_', '-');
}

export interface Separators {
  decimal: string;
  group: string;
}

const separatorCache = new Map<string, Separators>();

export function separators(locale: string): Separators {
  let s = separatorCache.get(locale);
  if (!s) {
    let decimal = '.';
    let group = ',';
    try {
      for (const part of new Intl.NumberFormat(localeTag(locale)).formatToParts(12345.5)) {
        if (part.type === 'decimal') decimal = part.value;
        if (part.type === 'group') group = part.value;
      }
    } catch {
      // Unknown locale: Sheets would fall back to en_US conventions too.
    }
    s = { decimal, group };
    separatorCache.set(locale, s);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Patterns

/** Splits a pattern into sections on `;` outside quotes and escapes. */
function sections(pattern: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      const stop = end < 0 ? pattern.length : end;
      cur += pattern.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      cur += pattern.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The pattern with quoted text, escapes and `[...]` blocks removed, to classify it. */
function bare(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDatePattern(pattern: string): boolean {
  const b = bare(sections(pattern)[0]).toLowerCase();
  return /[ydhs]/.test(b) || (/m/.test(b) && !/[0#?]/.test(b));
}

function isGeneral(pattern: string | undefined): boolean {
  return !pattern || pattern === DEFAULT_NUMBER_FORMAT || /^general$/i.test(pattern);
}

/** Rounds half away from zero at `decimals` places without binary artefacts (1.005 → 1.01). */
function roundTo(n: number, decimals: number): number {
  const r = Math.round(Number(`${Math.abs(n)}e${decimals}`));
  return Math.sign(n) * Number(`${r}e-${decimals}`);
}

function groupDigits(int: string, group: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/** Digits of a non-negative number with exactly `decimals` places, no exponent. */
function fixed(n: number, decimals: number): string {
  if (n < 1e21) return n.toFixed(decimals);
  return BigInt(Math.round(n)).toString() + (decimals > 0 ? '.' + '0'.repeat(decimals) : '');
}

function formatNumberSection(
  n: number,
  section: string,
  seps: Separators,
  negativeSign: boolean,
): string {
  // Tokenise into literal text and the numeric core (the span from the first to the last
  // digit placeholder, including `,` and `.` between them).
  type Tok = { lit: string } | { ph: string };
  const toks: Tok[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      toks.push({ lit: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\' && i + 1 < section.length) {
      toks.push({ lit: section[i + 1] });
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end; // colours and conditions are not rendered as text
    } else if (ch === '_' && i + 1 < section.length) {
      toks.push({ lit: ' ' });
      i++;
    } else if (ch === '*' && i + 1 < section.length) {
      i++; // fill character: no width here
    } else if ('0#?,.'.includes(ch)) toks.push({ ph: ch });
    else toks.push({ lit: ch });
  }
  const digitIdx = toks
    .map((t, i) => ('ph' in t && t.ph !== ',' && t.ph !== '.' ? i : -1))
    .filter((i) => i >= 0);
  if (digitIdx.length === 0) {
    const text = toks.map((t) => ('lit' in t ? t.lit : t.ph)).join('');
    return (negativeSign && n < 0 ? '-' : '') + text;
  }
  const phIdx = toks.map((t, i) => ('ph' in t ? i : -1)).filter((i) => i >= 0);
  const first = phIdx[0];
  const last = phIdx[phIdx.length - 1];
  const core = toks
    .slice(first, last + 1)
    .map((t) => ('ph' in t ? t.ph : ''))
    .join('');
  const lit = (ts: Tok[]): string => ts.map((t) => ('lit' in t ? t.lit : t.ph)).join('');
  const prefix = lit(toks.slice(0, first));
  const suffix = lit(toks.slice(last + 1));
  const percent = (prefix + suffix).split('%').length - 1;
  const dot = core.indexOf('.');
  const intPart = dot < 0 ? core : core.slice(0, dot);
  const decPart = dot < 0 ? '' : core.slice(dot + 1).replace(/,/g, '');
  const grouping = intPart.includes(',');
  const minInt = (intPart.match(/0/g) ?? []).length;
  const decMin = (decPart.match(/0/g) ?? []).length;
  const decMax = (decPart.match(/[0#?]/g) ?? []).length;

  const scaled = Math.abs(n) * Math.pow(100, percent);
  const rounded = roundTo(scaled, decMax);
  let [int, dec = ''] = fixed(rounded, decMax).split('.');
  while (dec.length > decMin && dec.endsWith('0')) dec = dec.slice(0, -1);
  if (int === '0' && minInt === 0) int = '';
  int = int.padStart(minInt, '0');
  if (grouping) int = groupDigits(int, seps.group);
  const body =
    int +
    (dot >= 0 && (dec.length > 0 || decMin > 0 || decPart.length > 0) ? seps.decimal + dec : '');
  const isZero = rounded === 0;
  return (negativeSign && n < 0 && !isZero ? '-' : '') + prefix + body + suffix;
}

function formatNumberPattern(n: number, pattern: string, seps: Separators): string {
  const secs = sections(pattern);
  if (n < 0 && secs.length >= 2) return formatNumberSection(n, secs[1], seps, false);
  if (n === 0 && secs.length >= 3) return formatNumberSection(n, secs[2], seps, false);
  return formatNumberSection(n, secs[0], seps, true);
}

/** "Automatic" rendering of a number: up to 10 significant digits, no grouping. */
export function formatGeneralNumber(n: number, seps: Separators): string {
  if (!Number.isFinite(n)) return n > 0 ? '#NUM!' : n < 0 ? '-#NUM!' : '#NUM!';
  const abs = Math.abs(n);
  let s: string;
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    s = n
      .toExponential(2)
      .replace(/e([+-])(\d)$/, 'E$10$2')
      .replace('e', 'E');
  } else if (Number.isInteger(n)) s = String(n);
  else s = String(Number(n.toPrecision(10)));
  return s.replace('.', seps.decimal);
}

const monthNameCache = new Map<string, string[][]>();

function monthNames(locale: string): string[][] {
  let names = monthNameCache.get(locale);
  if (!names) {
    const long = new Intl.DateTimeFormat(localeTag(locale), { month: 'long', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(localeTag(locale), { month: 'short', timeZone: 'UTC' });
    const l: string[] = [];
    const s: string[] = [];
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2021, m, 15));
      l.push(long.format(d));
      s.push(short.format(d));
    }
    names = [l, s];
    monthNameCache.set(locale, names);
  }
  return names;
}

function dayNames(locale: string, weekday: number, style: 'long' | 'short'): string {
  // 2021-08-01 was a Sunday.
  return new Intl.DateTimeFormat(localeTag(locale), { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2021, 7, 1 + weekday)),
  );
}

/** Renders a wall clock with a Sheets date pattern (`yyyy-mm-dd hh:mm`, `dd/mm/yyyy`, `mmmm yyyy`…). */
export function formatDatePattern(w: WallClock, pattern: string, locale: string): string {
  const section = sections(pattern)[0];
  type Tok = { lit: string } | { code: string };
  const toks: Tok[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      toks.push({ lit: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\' && i + 1 < section.length) {
      toks.push({ lit: section[i + 1] });
      i++;
    } else if (/[ymdhsaAYMDHS]/.test(ch)) {
      if (/^am\/pm/i.test(section.slice(i))) {
        toks.push({ code: 'ampm' });
        i += 4;
        continue;
      }
      let j = i;
      while (j < section.length && section[j].toLowerCase() === ch.toLowerCase()) j++;
      toks.push({ code: section.slice(i, j).toLowerCase() });
      i = j - 1;
    } else toks.push({ lit: ch });
  }
  const hasAmPm = toks.some((t) => 'code' in t && t.code === 'ampm');
  const codes = toks.map((t) => ('code' in t ? t.code : null));
  const isMinute = (i: number): boolean => {
    // `m` means minutes right after an hour code or right before a seconds code.
    for (let k = i - 1; k >= 0; k--) if (codes[k] !== null) return codes[k]![0] === 'h';
    return false;
  };
  const isMinuteBeforeSeconds = (i: number): boolean => {
    for (let k = i + 1; k < codes.length; k++) if (codes[k] !== null) return codes[k]![0] === 's';
    return false;
  };
  const pad = (v: number, n: number): string => String(v).padStart(n, '0');
  const [longMonths, shortMonths] = monthNames(locale);
  return toks
    .map((t, i) => {
      if ('lit' in t) return t.lit;
      const c = t.code;
      switch (c[0]) {
        case 'y':
          return c.length <= 2 ? pad(w.year % 100, 2) : String(w.year);
        case 'm':
          if (c.length <= 2 && (isMinute(i) || isMinuteBeforeSeconds(i)))
            return pad(w.minute, c.length);
          if (c.length === 1) return String(w.month);
          if (c.length === 2) return pad(w.month, 2);
          if (c.length === 3) return shortMonths[w.month - 1];
          if (c.length === 5) return longMonths[w.month - 1].charAt(0);
          return longMonths[w.month - 1];
        case 'd':
          if (c.length === 1) return String(w.day);
          if (c.length === 2) return pad(w.day, 2);
          return dayNames(locale, w.weekday, c.length === 3 ? 'short' : 'long');
        case 'h': {
          const h = hasAmPm ? ((w.hour + 11) % 12) + 1 : w.hour;
          return c.length === 1 ? String(h) : pad(h, 2);
        }
        case 's':
          return c.length === 1 ? String(w.second) : pad(w.second, 2);
        case 'a':
          return w.hour < 12 ? 'AM' : 'PM';
        default:
          return c;
      }
    })
    .join('');
}

/** The pattern Sheets uses for a date written from a script into an unformatted cell. */
export function defaultDatePattern(locale: string, withTime: boolean): string {
  const l = locale.toLowerCase();
  const date =
    l === 'en_us'
      ? 'm/d/yyyy'
      : l.startsWith('de')
        ? 'dd.mm.yyyy'
        : l.startsWith('en_ca') || l.startsWith('sv')
          ? 'yyyy-mm-dd'
          : 'dd/mm/yyyy';
  const time = l === 'en_us' ? 'h:mm:ss' : 'hh:mm:ss';
  return withTime ? `${date} ${time}` : date;
}

export interface DisplayContext {
  locale: string;
  timeZone: string;
}

/** The string `getDisplayValue()` returns for a value under a number format. */
export function displayValue(
  value: CellValue | undefined,
  pattern: string | undefined,
  ctx: DisplayContext,
): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof CellError) return value.code;
  const seps = separators(ctx.locale);
  const text = pattern === '@';
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return '';
    if (isGeneral(pattern) || text) {
      const w = wallClock(value, ctx.timeZone);
      const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
      return formatDatePattern(w, defaultDatePattern(ctx.locale, !midnight), ctx.locale);
    }
    if (isDatePattern(pattern!))
      return formatDatePattern(wallClock(value, ctx.timeZone), pattern!, ctx.locale);
    return formatNumberPattern(dateToSerial(value, ctx.timeZone), pattern!, seps);
  }
  if (isGeneral(pattern) || text) return formatGeneralNumber(value, seps);
  if (isDatePattern(pattern!))
    return formatDatePattern(serialToWallClock(value), pattern!, ctx.locale);
  return formatNumberPattern(value, pattern!, seps);
}
