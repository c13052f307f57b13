/**
 * Reading only the columns an action uses from a wide, long tab (Partners at 5,000 rows): one read
 * per run of adjacent columns, handed to core as a full-width grid whose other cells are blank,
 * and checked again before writing over the same runs (unchanged.ts).
 */
import { Cell, Grid } from '../core/cells';
import { ensureUnchanged } from './unchanged';
import { Sheet } from './workbook';

export interface ColumnRun {
  first: number;
  width: number;
}

/** Column numbers (1-based) grouped into runs of adjacent ones, left to right. */
export function columnRuns(columns: Iterable<number>): ColumnRun[] {
  const out: ColumnRun[] = [];
  for (const c of [...new Set(columns)].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last.first + last.width === c) last.width++;
    else out.push({ first: c, width: 1 });
  }
  return out;
}

/**
 * Rows 1..rows of the given runs, read with `get` (values, notes, formulas…), placed in a
 * rows × width grid filled with `blank` elsewhere.
 */
export function readRuns<T extends Cell>(
  sheet: Sheet,
  rows: number,
  width: number,
  runs: ColumnRun[],
  get: (range: GoogleAppsScript.Spreadsheet.Range) => T[][],
  blank: T,
): T[][] {
  const grid: T[][] = Array.from({ length: rows }, () => new Array<T>(width).fill(blank));
  if (!rows) return grid;
  for (const run of runs) {
    const part = get(sheet.getRange(1, run.first, rows, run.width));
    part.forEach((r, i) => r.forEach((v, j) => (grid[i][run.first - 1 + j] = v)));
  }
  return grid;
}

/** ensureUnchanged over the runs that were read: what else a colleague types is not ours. */
export function ensureRunsUnchanged(
  action: { name: string },
  sheet: Sheet,
  grid: Grid,
  runs: ColumnRun[],
): void {
  for (const run of runs)
    ensureUnchanged(
      action,
      sheet,
      grid.map((r) => r.slice(run.first - 1, run.first - 1 + run.width)),
      { left: run.first },
    );
}
