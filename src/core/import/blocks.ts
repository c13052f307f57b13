/**
 * Writes as few rectangles as possible: each range write costs the Apps Script side a service
 * call, so 100,000 touched rows must not mean 100,000 calls. Rows are first cut into runs of
 * adjacent cells, then runs with the same columns on consecutive rows are stacked into one
 * block.
 */
import { Cell, Grid } from '../cells';
import { Block } from './types';

/** Part of one row: 1-based row and first column, and the values from there. */
export interface Run {
  row: number;
  column: number;
  values: Cell[];
}

/** Runs stacked into blocks (same columns, consecutive rows), ordered by row then column. */
export function stackRuns(runs: readonly Run[]): Block[] {
  const sorted = [...runs].sort(
    (a, b) => a.column - b.column || a.values.length - b.values.length || a.row - b.row,
  );
  const blocks: Block[] = [];
  let last: Block | null = null;
  for (const r of sorted) {
    if (
      last &&
      last.column === r.column &&
      last.values[0].length === r.values.length &&
      last.row + last.values.length === r.row
    ) {
      last.values.push(r.values);
    } else {
      last = { row: r.row, column: r.column, values: [r.values] };
      blocks.push(last);
    }
  }
  return blocks.sort((a, b) => a.row - b.row || a.column - b.column);
}

/** Single cells cut into runs of adjacent columns on each row. */
export function cellRuns(cells: readonly { row: number; column: number; value: Cell }[]): Run[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: Run[] = [];
  let last: Run | null = null;
  for (const c of sorted) {
    if (last && last.row === c.row && last.column + last.values.length === c.column)
      last.values.push(c.value);
    else {
      last = { row: c.row, column: c.column, values: [c.value] };
      runs.push(last);
    }
  }
  return runs;
}

/** Consecutive row numbers as ranges: [3, 4, 5, 9] → 3 (3 rows), 9 (1 row). */
export function rowRanges(rows: readonly number[]): { row: number; count: number }[] {
  const out: { row: number; count: number }[] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last.row + last.count === r) last.count++;
    else if (!last || last.row + last.count - 1 !== r) out.push({ row: r, count: 1 });
  }
  return out;
}

/**
 * Blocks merged into one rectangle that spans them all, its other cells carrying what the tab
 * holds now (`current`, header row first: sheet row r is current[r - 1]), so writing them takes
 * one call whatever the number of rows touched: a later export updates orders scattered over the
 * whole tab, and a call per run of rows would grow with the file. null when there is nothing to
 * write. Cells holding formulas must be written back as formulas by the caller.
 */
export function coverBlocks(blocks: readonly Block[], current: Grid): Block | null {
  const live = blocks.filter((b) => b.values.length && b.values[0].length);
  if (!live.length) return null;
  if (live.length === 1) return live[0];
  const top = Math.min(...live.map((b) => b.row));
  const bottom = Math.max(...live.map((b) => b.row + b.values.length - 1));
  const left = Math.min(...live.map((b) => b.column));
  const right = Math.max(...live.map((b) => b.column + b.values[0].length - 1));
  const values: Cell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = current[r - 1] ?? [];
    const out: Cell[] = [];
    for (let c = left; c <= right; c++) out.push(row[c - 1] ?? '');
    values.push(out);
  }
  for (const b of live)
    b.values.forEach((cells, i) =>
      cells.forEach((v, j) => (values[b.row - top + i][b.column - left + j] = v)),
    );
  return { row: top, column: left, values };
}
