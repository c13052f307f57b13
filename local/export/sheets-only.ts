/**
 * Formulas only Google Sheets computes, and what the xlsx export writes in their place.
 *
 * LibreOffice and Excel show `#NAME?` for a function they do not have, and the local runtime
 * never computes a formula, so such a cell had nothing else to show. A cached result does not
 * help for long: LibreOffice 7.4 keeps it only while "Recalculation on file load" (Tools ›
 * Options › Calc › Formula) is left at its default, and turns every one into `#NAME?` when it is
 * set to Always or on a hard recalculation (checked with LibreOffice 7.4.7 on Debian 12); Excel
 * recalculates a cell when one of its inputs changes. So the cell gets a value a person can read
 * and a note with the Sheets formula: a SPARKLINE's trend as Unicode bars (▁ lowest … █ highest)
 * from the cells it charts, any other Sheets-only formula its computed value or its text.
 */
import { parseA1 } from '../spreadsheet/a1';
import type { CellValue } from '../spreadsheet/cell';

/**
 * Google Sheets functions that LibreOffice 7.4 reads as `#NAME?` from an xlsx file (each one
 * written to a test file and opened there). Excel lacks them too, except IMAGE in recent versions.
 */
export const SHEETS_ONLY_FUNCTIONS: readonly string[] = [
  'ARRAYFORMULA',
  'CONTINUE',
  'COUNTUNIQUE',
  'DETECTLANGUAGE',
  'EPOCHTODATE',
  'FLATTEN',
  'GOOGLEFINANCE',
  'GOOGLETRANSLATE',
  'IMAGE',
  'IMPORTDATA',
  'IMPORTFEED',
  'IMPORTHTML',
  'IMPORTRANGE',
  'IMPORTXML',
  'ISBETWEEN',
  'ISEMAIL',
  'ISURL',
  'JOIN',
  'QUERY',
  'REGEXEXTRACT',
  'REGEXMATCH',
  'REGEXREPLACE',
  'SPARKLINE',
  'SPLIT',
  'TO_TEXT',
];

const ONLY = new Set(SHEETS_ONLY_FUNCTIONS);

/** The function names a formula calls (string literals left out), upper-case. */
export function calledFunctions(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1].toUpperCase());
}

/** The first Sheets-only function a formula calls, or null when LibreOffice knows them all. */
export function sheetsOnlyFunction(formula: string): string | null {
  return calledFunctions(formula).find((f) => ONLY.has(f)) ?? null;
}

const BARS = '▁▂▃▄▅▆▇█';

/** One bar per value, scaled from the lowest (▁) to the highest (█); a gap for a non-number. */
export function sparklineBars(values: readonly CellValue[]): string {
  const numbers = values.filter((v): v is number => typeof v === 'number' && isFinite(v));
  if (numbers.length === 0) return '';
  const min = Math.min(...numbers);
  const span = Math.max(...numbers) - min;
  return values
    .map((v) => {
      if (typeof v !== 'number' || !isFinite(v)) return ' ';
      // A flat series sits mid-height, as Sheets draws it.
      return BARS[span === 0 ? 3 : Math.round(((v - min) / span) * (BARS.length - 1))];
    })
    .join('');
}

/** Reads the cells of a range (its sheet named or the formula's own), row by row. */
export type RangeReader = (ref: string) => CellValue[] | null;

/** The text of a call's first argument: up to its first top-level comma or its closing bracket. */
function firstArgument(formula: string, fn: string): string | null {
  const open = new RegExp(`^=?\\s*${fn}\\s*\\(`, 'i').exec(formula);
  if (!open) return null;
  let depth = 0;
  let quote: string | null = null;
  for (let i = open[0].length; i < formula.length; i++) {
    const ch = formula[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '{') depth++;
    else if (depth > 0 && (ch === ')' || ch === '}')) depth--;
    else if (depth === 0 && (ch === ',' || ch === ')'))
      return formula.slice(open[0].length, i).trim();
  }
  return null;
}

/** The data of `SPARKLINE(data, …)`: a range, or an inline array such as {1,2,3}. */
function sparklineData(formula: string, read: RangeReader): CellValue[] | null {
  const arg = firstArgument(formula, 'SPARKLINE');
  if (!arg) return null;
  if (arg.startsWith('{') && arg.endsWith('}'))
    return arg
      .slice(1, -1)
      .split(/[,;\\]/)
      .map((s) => (s.trim() === '' || isNaN(Number(s)) ? '' : Number(s)));
  return parseA1(arg) ? read(arg) : null;
}

export interface Fallback {
  value: CellValue;
  note: string;
}

/**
 * What to write instead of a formula LibreOffice cannot compute; null for a formula it can.
 * `computed` is the value the runtime holds for the cell ('' when nothing computed it).
 */
export function sheetsOnlyFallback(
  formula: string,
  computed: CellValue | undefined,
  read: RangeReader,
): Fallback | null {
  const fn = sheetsOnlyFunction(formula);
  if (!fn) return null;
  const shown = formula.startsWith('=') ? formula : `=${formula}`;
  if (fn === 'SPARKLINE') {
    const data = sparklineData(formula, read);
    if (data)
      return {
        value: sparklineBars(data).trimEnd(),
        note: `In Google Sheets this cell draws a sparkline: ${shown}. LibreOffice and Excel have no SPARKLINE, so the exported file shows its trend as bars, ▁ lowest to █ highest (a gap for a blank).`,
      };
  }
  const has = computed !== undefined && computed !== '';
  return {
    value: has ? computed : shown.slice(1),
    note: `In Google Sheets this cell holds ${shown}. LibreOffice and Excel have no ${fn}, so the exported file shows ${has ? 'the value Sheets computed' : 'the formula as text'}.`,
  };
}
