/**
 * Optimistic writes into tabs people type in (Partners, Ratings, Benchmark XX, KPI Data): just
 * before writing, the action reads again the block it read at the start and compares. If a
 * colleague changed it meanwhile — typed a value, inserted or deleted a row, which shifts every
 * row below — the action writes nothing to that tab and says so; running it again works on what
 * is there now. Sheets offers no compare-and-set: between this last look and the write (one
 * call) an edit can still land; the window is as small as Apps Script allows.
 */
import { Grid, UserError } from '../core/cells';
import { changedCells, changedMessage } from '../core/concurrency/changed-cells';
import { Sheet } from './workbook';

export interface Expected {
  /** Where `before` was read (default 1, 1). */
  top?: number;
  left?: number;
  /** Rows below `before` the action is about to append to: they must still be blank. */
  blankBelow?: number;
  /** The tab's number of rows, when the action read it already: not asked again. */
  maxRows?: number;
}

/**
 * What to tell the person when `sheet` no longer holds `before` (and blank rows below it where
 * the action appends), or null when nothing changed. Rows added further down do not count:
 * nothing computed lands on them. One read.
 */
export function changedSince(
  action: { name: string },
  sheet: Sheet,
  before: Grid,
  expected: Expected = {},
): string | null {
  return look(action, sheet, before, expected).message;
}

/**
 * changedSince, as a UserError: the action stops and writes nothing more. Answers the tab's grid
 * rows (getMaxRows) as the check found them, so that the write right after it need not ask again
 * (null when there was nothing to check).
 */
export function ensureUnchanged(
  action: { name: string },
  sheet: Sheet,
  before: Grid,
  expected: Expected = {},
): number | null {
  const { message, maxRows } = look(action, sheet, before, expected);
  if (message) throw new UserError(message);
  return maxRows;
}

function look(
  action: { name: string },
  sheet: Sheet,
  before: Grid,
  expected: Expected,
): { message: string | null; maxRows: number | null } {
  const { top = 1, left = 1, blankBelow = 0 } = expected;
  const width = Math.max(0, ...before.map((r) => r.length));
  if (!width) return { message: null, maxRows: null };
  // Rows beyond the grid cannot hold anything: only what exists is read.
  const maxRows = expected.maxRows ?? sheet.getMaxRows();
  const rows = Math.min(before.length + blankBelow, maxRows - top + 1);
  if (rows < 1) return { message: null, maxRows };
  const wanted = [
    ...before,
    ...Array.from({ length: blankBelow }, () => new Array(width).fill('')),
  ].slice(0, rows);
  const now = sheet.getRange(top, left, rows, width).getValues();
  const changed = changedCells(wanted, now, top, left);
  return {
    message: changed.length ? changedMessage(sheet.getName(), action.name, changed) : null,
    maxRows,
  };
}
