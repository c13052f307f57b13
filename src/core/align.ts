/**
 * Lines rows given under one header up with a tab's actual header, wherever its columns are.
 * Columns the tab lacks are dropped and reported.
 */
import { Cell, Grid } from './cells';
import { headerIndex, headerKey } from './headers';

export function alignRows(
  sourceHeader: readonly string[],
  rows: Grid,
  targetHeader: readonly Cell[],
): { rows: Grid; dropped: string[] } {
  const target = headerIndex(targetHeader);
  const width = targetHeader.length;
  const positions = sourceHeader.map((h) => target.get(headerKey(h)));
  const dropped = sourceHeader.filter((_, i) => positions[i] === undefined);
  const out = rows.map((r) => {
    const row: Cell[] = new Array(width).fill('');
    positions.forEach((p, i) => {
      if (p !== undefined) row[p - 1] = r[i] ?? '';
    });
    return row;
  });
  return { rows: out, dropped };
}
