/**
 * What a cell stores and how a script write becomes stored content: the subset of USER_ENTERED
 * parsing that Sheets applies to `setValue(s)` / `appendRow` (platform.md §4.1, §7.3).
 */
import { CellError } from './cell-error';
import { type CellValue } from './number-format';
import { parseTypedString } from './typed-input';

export type { CellValue };

export type Entered =
  | { kind: 'value'; value: CellValue | undefined; autoFormat?: string }
  | { kind: 'formula'; formula: string };

/** True for what Sheets shows as an empty cell. */
export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/**
 * Parses one value written by a script the way Sheets parses typed input: `=…` is a formula,
 * a leading apostrophe forces text (and is dropped), and other strings go through the locale's
 * typed-input rules (typed-input.ts: numbers, currency, percentages, dates, months, booleans,
 * errors) — unless the cell is formatted as plain text (`@`), which keeps the text exactly as
 * written.
 */
export function enterValue(
  input: unknown,
  cellFormat: string | undefined,
  locale: string,
  timeZone: string,
  year = new Date().getUTCFullYear(),
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
  const parsed = parseTypedString(input, locale, timeZone, year);
  return { kind: 'value', value: parsed.value, autoFormat: parsed.autoFormat };
}

/** A copy safe to hand to a script (Dates are mutable). */
export function outValue(v: CellValue | undefined): CellValue {
  if (v === undefined) return '';
  if (v instanceof CellError) return v.code;
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
