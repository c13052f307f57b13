/**
 * What a cell stores and how a script write becomes stored content: the subset of USER_ENTERED
 * parsing that Sheets applies to `setValue(s)` / `appendRow` (platform.md §4.1, §7.3).
 */
import { instantFromWallClock, separators, type CellValue } from './number-format';

export type { CellValue };

export type Entered =
  | { kind: 'value'; value: CellValue | undefined; autoFormat?: string }
  | { kind: 'formula'; formula: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const COMMA_NUMBER = /^[+-]?(\d+(,\d*)?|,\d+)$/;
const PERCENT = /^([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s?%$/;
const MAYBE_PARSED = /^\s*[-+.,\dtTfF]/;
/** 3/10, 3/10/2026: read day first, except in the US locale (month first), as Sheets does. */
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** True for what Sheets shows as an empty cell. */
export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/**
 * Parses one value written by a script the way Sheets parses typed input: `=…` is a formula,
 * a leading apostrophe forces text (and is dropped), numeric, percent, boolean and ISO-date text
 * become numbers, booleans and dates — unless the cell is formatted as plain text (`@`), which keeps
 * the text exactly as written.
 */
export function enterValue(
  input: unknown,
  cellFormat: string | undefined,
  locale: string,
  timeZone: string,
): Entered {
  if (input === null || input === undefined || input === '')
    return { kind: 'value', value: undefined };
  if (input instanceof Date) return { kind: 'value', value: new Date(input.getTime()) };
  if (typeof input === 'number' || typeof input === 'boolean')
    return { kind: 'value', value: input };
  if (typeof input !== 'string') return { kind: 'value', value: String(input) };
  if (cellFormat === '@') return { kind: 'value', value: input };
  if (input.length > 1 && input[0] === '=') return { kind: 'formula', formula: input };
  if (input[0] === "'") {
    const rest = input.slice(1);
    return { kind: 'value', value: rest === '' ? undefined : rest };
  }
  // Most labels start with a letter that no number, boolean, percent or date can start with.
  if (!MAYBE_PARSED.test(input)) return { kind: 'value', value: input };
  const s = input.trim();
  if (NUMBER.test(s)) return { kind: 'value', value: Number(s) };
  if (separators(locale).decimal === ',' && COMMA_NUMBER.test(s)) {
    return { kind: 'value', value: Number(s.replace(',', '.')) };
  }
  const upper = s.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  const pct = PERCENT.exec(s);
  if (
    pct &&
    (NUMBER.test(pct[1]) || (separators(locale).decimal === ',' && COMMA_NUMBER.test(pct[1])))
  ) {
    const n = Number(pct[1].replace(',', '.'));
    return { kind: 'value', value: n / 100, autoFormat: Number.isInteger(n) ? '0%' : '0.00%' };
  }
  const iso = ISO_DATE.exec(s);
  if (iso) {
    const [y, mo, d, h, mi, se] = iso
      .slice(1)
      .map((x) => (x === undefined ? undefined : Number(x)));
    if (
      mo! >= 1 &&
      mo! <= 12 &&
      d! >= 1 &&
      d! <= daysIn(y!, mo!) &&
      (h ?? 0) < 24 &&
      (mi ?? 0) < 60 &&
      (se ?? 0) < 60
    ) {
      const date = instantFromWallClock(timeZone, y!, mo!, d!, h ?? 0, mi ?? 0, se ?? 0);
      const withTime = h !== undefined;
      return {
        kind: 'value',
        value: date,
        autoFormat: withTime ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd',
      };
    }
  }
  const slash = SLASH_DATE.exec(s);
  if (slash) {
    const [a, b] = [Number(slash[1]), Number(slash[2])];
    const [d, mo] = locale === 'en_US' ? [b, a] : [a, b];
    const y =
      slash[3] === undefined
        ? new Date().getUTCFullYear()
        : slash[3].length === 2
          ? 2000 + Number(slash[3])
          : Number(slash[3]);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo)) {
      return {
        kind: 'value',
        value: instantFromWallClock(timeZone, y, mo, d),
        autoFormat: locale === 'en_US' ? 'M/d/yyyy' : 'dd/MM/yyyy',
      };
    }
  }
  return { kind: 'value', value: input };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A copy safe to hand to a script (Dates are mutable). */
export function outValue(v: CellValue | undefined): CellValue {
  if (v === undefined) return '';
  return v instanceof Date ? new Date(v.getTime()) : v;
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
};

/** Sheets reports colours as lowercase `#rrggbb`. */
export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}
