/**
 * Did a colleague change a block while an action ran? Apps Script's document lock only keeps our
 * own actions apart: people keep typing, inserting and deleting rows. An action compares what it
 * read with the same block read again just before it writes (an optimistic write): any
 * difference — a value typed, a row inserted above (everything below shifts), a row deleted —
 * means the results it computed may land on the wrong rows, so it writes nothing there.
 */
import { Cell, columnLetter, Grid } from '../cells';

/** A cell that differs: 1-based row and column of the tab, and what was read each time. */
export interface ChangedCell {
  row: number;
  column: number;
  before: Cell;
  now: Cell;
}

const same = (a: Cell | undefined, b: Cell | undefined): boolean => {
  const x = a ?? '';
  const y = b ?? '';
  if (x instanceof Date || y instanceof Date)
    return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
  return x === y;
};

/**
 * The cells of `before` (read at (top, left)) that `now` (the same rectangle read again) holds
 * differently, at most `limit` of them, in reading order.
 */
export function changedCells(before: Grid, now: Grid, top = 1, left = 1, limit = 5): ChangedCell[] {
  const out: ChangedCell[] = [];
  const rows = Math.max(before.length, now.length);
  for (let i = 0; i < rows && out.length < limit; i++) {
    const a = before[i] ?? [];
    const b = now[i] ?? [];
    const width = Math.max(a.length, b.length);
    for (let j = 0; j < width && out.length < limit; j++)
      if (!same(a[j], b[j]))
        out.push({ row: top + i, column: left + j, before: a[j] ?? '', now: b[j] ?? '' });
  }
  return out;
}

/** "Partners changed while Score partners ran (row 12, column C: …); nothing was written to it; run it again." */
export function changedMessage(tab: string, action: string, cells: readonly ChangedCell[]): string {
  const shown = cells
    .slice(0, 3)
    .map(
      (c) =>
        `row ${c.row}, column ${columnLetter(c.column)}: ${describe(c.before)} → ${describe(c.now)}`,
    )
    .join('; ');
  return `'${tab}' changed while ${action} ran (${shown}${cells.length > 3 ? '; …' : ''}): someone edited it meanwhile, so nothing was written to '${tab}', and their edit is kept. Run ${action} again.`;
}

function describe(v: Cell): string {
  if (v === '' || v === null || v === undefined) return 'blank';
  if (v instanceof Date) return v.toISOString().slice(0, 16).replace('T', ' ');
  const s = String(v);
  return `'${s.length > 30 ? `${s.slice(0, 30)}…` : s}'`;
}
