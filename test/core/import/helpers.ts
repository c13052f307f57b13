/**
 * Test helpers for the import core: a `KPI Data` tab built from a few named cells, and the
 * plans applied in memory as the Apps Script side will write them (strings stay strings, as
 * they do when written inert).
 */
import { Cell, Grid } from '../../../src/core/cells';
import { KPI_DATA_HEADERS } from '../../../src/core/kpi/orders';
import { applyLedger } from '../../../src/core/import/ledger';
import { planImport } from '../../../src/core/import/upsert';
import {
  Block,
  FileValue,
  ImportOptions,
  ImportPlan,
  IncomingRow,
  KpiColumn,
  Ledger,
  UndoPlan,
} from '../../../src/core/import/types';

export const HEADER: Cell[] = [...KPI_DATA_HEADERS];

export const OPTIONS: ImportOptions = { locale: 'en_US', timeZone: 'UTC', dateOrder: 'dmy' };

/** A UTC instant from '2026-10-01 10:00' or '2026-10-01'. */
export const utc = (s: string): Date =>
  new Date(s.length > 10 ? `${s.replace(' ', 'T')}:00Z` : `${s}T00:00:00Z`);

/** A data row laid out under `header` from named cells ('' elsewhere). */
export function row(cells: Partial<Record<string, Cell>>, header: Cell[] = HEADER): Cell[] {
  return header.map((h) => cells[String(h)] ?? '');
}

/** A tab: header row then rows. */
export function tab(rows: Partial<Record<string, Cell>>[], header: Cell[] = HEADER): Grid {
  return [header.slice(), ...rows.map((r) => row(r, header))];
}

/** A file line. */
export const line = (n: number, cells: Partial<Record<KpiColumn, FileValue>>): IncomingRow => ({
  row: n,
  cells,
});

function write(grid: Grid, b: Block): void {
  b.values.forEach((values, i) => {
    const r = b.row - 1 + i;
    while (grid.length <= r) grid.push([]);
    values.forEach((v, j) => {
      const c = b.column - 1 + j;
      while (grid[r].length < c) grid[r].push('');
      grid[r][c] = v;
    });
  });
}

/** The tab once the plan is written. */
export function apply(grid: Grid, plan: ImportPlan): Grid {
  const out = grid.map((r) => [...r]);
  if (plan.headers) write(out, plan.headers);
  plan.updates.forEach((b) => write(out, b));
  if (plan.append) write(out, plan.append);
  return out;
}

/** The tab once an undo is written (cleared rows keep their place, emptied). */
export function applyUndo(grid: Grid, undo: UndoPlan): Grid {
  if (!undo.ok) throw new Error(undo.message);
  const out = grid.map((r) => [...r]);
  undo.restore.forEach((b) => write(out, b));
  for (const { row, count } of undo.clear)
    for (let r = row - 1; r < row - 1 + count; r++) out[r] = out[r].map(() => '');
  return out;
}

/** The ledger once an undo is written. */
export function undoLedger(ledger: Ledger, undo: UndoPlan): Ledger {
  if (!undo.ok) throw new Error(undo.message);
  return applyLedger(ledger, undo.ledger);
}

/** One import run: plan, written tab, new ledger. */
export function run(
  grid: Grid,
  incoming: IncomingRow[],
  ledger: Ledger = {},
  options: ImportOptions = OPTIONS,
): { plan: ImportPlan; grid: Grid; ledger: Ledger } {
  const plan = planImport({ existing: grid, incoming, ledger, options });
  return { plan, grid: apply(grid, plan), ledger: applyLedger(ledger, plan.ledger) };
}

/** Whether the plan writes nothing at all. */
export const writesNothing = (plan: ImportPlan): boolean =>
  !plan.headers && !plan.updates.length && !plan.append;

/** A column's values (header excluded) by header name. */
export function column(grid: Grid, name: string): Cell[] {
  const i = grid[0].indexOf(name);
  return grid.slice(1).map((r) => r[i]);
}

/** The cell of an order's row under a header. */
export function cellOf(grid: Grid, id: string, name: string): Cell {
  const i = grid[0].indexOf(name);
  const idAt = grid[0].indexOf('Order ID');
  return grid.find((r, n) => n > 0 && r[idAt] === id)?.[i];
}
