/**
 * The larger uncounted model helpers of a sheet, which ranges, the spreadsheet and the exporters
 * build on: ranges by coordinates or A1 notation, script input written as if typed, and the merge
 * list. FakeSheet's methods of the same names delegate here.
 */
import { cellA1, parseA1 } from './a1';
import { enterValue, type CellValue } from './cell';
import { CellError } from './cell-error';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { ConvertedStringWrite, FormulaWrite, MergeRecord } from './sheet-types';

/** Sheets refuses cells longer than this. */
const MAX_CELL_CHARS = 50000;

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

/** A range by 1-based coordinates, throwing like Sheet.getRange on bad or out-of-grid ones. */
export function rangeAt(
  sheet: FakeSheet,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
  wholeColumns: boolean,
  wholeRows: boolean,
): FakeRange {
  if (row < 1) throw new Error('The starting row of the range is too small.');
  if (col < 1) throw new Error('The starting column of the range is too small.');
  if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns)
    throw new Error(OUTSIDE);
  return new FakeRange(sheet, row, col, numRows, numCols, wholeColumns, wholeRows);
}

/** A range from A1 notation; a sheet-qualified reference resolves on the named sheet. */
export function rangeFromA1(sheet: FakeSheet, a1: string): FakeRange {
  const ref = parseA1(a1);
  if (!ref) throw new Error('Range not found');
  const target =
    ref.sheetName === null || ref.sheetName === sheet.name
      ? sheet
      : sheet.parent.sheets.find((s) => s.name === ref.sheetName);
  if (!target) throw new Error('Range not found');
  const wholeColumns = ref.startRow === null;
  const wholeRows = ref.startCol === null;
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  const endRow = ref.endRow ?? target.maxRows;
  const endCol = ref.endCol ?? target.maxColumns;
  if (
    endRow > target.maxRows ||
    endCol > target.maxColumns ||
    row > target.maxRows ||
    col > target.maxColumns
  ) {
    throw new Error(OUTSIDE);
  }
  return target.rangeAt(row, col, endRow - row + 1, endCol - col + 1, wholeColumns, wholeRows);
}

/**
 * Writes script input parsed like typed input (see cell.ts). `via` names the value-writing
 * method, whose formulas are recorded as possibly unintended; null for setFormula(s).
 */
export function writeEntered(
  sheet: FakeSheet,
  r0: number,
  c0: number,
  rows: unknown[][],
  via: FormulaWrite['method'] | null,
): void {
  const { values, formulas, numberFormats } = sheet.data;
  const locale = sheet.parent.locale;
  const timeZone = sheet.parent.timeZone;
  for (let i = 0; i < rows.length; i++) {
    const line = rows[i];
    const r = r0 + i;
    for (let j = 0; j < line.length; j++) {
      const c = c0 + j;
      const input = line[j];
      if (typeof input === 'string' && input.length > MAX_CELL_CHARS) {
        throw new Error(
          `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
        );
      }
      const format = numberFormats.get(r, c);
      const e = enterValue(input, format, locale, timeZone);
      if (e.kind === 'formula') {
        formulas.set(r, c, e.formula);
        values.set(r, c, undefined);
        if (via)
          sheet.unintendedFormulaWrites.push({
            cell: cellA1(r + 1, c + 1),
            formula: e.formula,
            method: via,
          });
      } else {
        formulas.set(r, c, undefined);
        values.set(r, c, e.value);
        if (
          via &&
          typeof input === 'string' &&
          e.value !== undefined &&
          typeof e.value !== 'string'
        )
          sheet.convertedStringWrites.push({
            cell: cellA1(r + 1, c + 1),
            input,
            became: kindOf(e.value),
            method: via,
          });
        if (e.autoFormat && format === undefined) numberFormats.set(r, c, e.autoFormat);
      }
    }
  }
}

function kindOf(v: CellValue): ConvertedStringWrite['became'] {
  if (v instanceof CellError) return 'error';
  if (v instanceof Date) return 'date';
  return typeof v === 'boolean' ? 'boolean' : 'number';
}

/** The merge list once `range` is merged: merges it overlaps give way to it. */
export function withMerge(
  merges: MergeRecord[],
  range: FakeRange,
  kind: MergeRecord['kind'],
): MergeRecord[] {
  const overlaps = (a: FakeRange, b: FakeRange): boolean =>
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.col <= b.col + b.numCols - 1 &&
    b.col <= a.col + a.numCols - 1;
  const kept = merges.filter((m) => !overlaps(m.range, range));
  kept.push({ range, kind });
  return kept;
}

/** The merge list once the merges lying wholly inside `range` are broken. */
export function withoutMergesIn(merges: MergeRecord[], range: FakeRange): MergeRecord[] {
  const inside = (m: FakeRange): boolean =>
    m.row >= range.row &&
    m.col >= range.col &&
    m.row + m.numRows <= range.row + range.numRows &&
    m.col + m.numCols <= range.col + range.numCols;
  return merges.filter((m) => !inside(m.range));
}
