/**
 * Undo last import: put back every cell the import changed and clear the rows it added, but
 * only if none of them changed since — otherwise undo would silently destroy a person's later
 * work, so it is refused with the first cells named. Rows are cleared, never deleted, so no
 * other row moves. The undo record is plain JSON (dates as ISO text): it is kept in the workbook.
 * An undo cut short half-way is resumed by the next one: a cell already holding its value from
 * before the import, and an added row already blank, are what the undo would make them.
 */
import { Cell, Grid, columnLetter, describe, isBlank } from '../cells';
import { fnv1a } from '../benchmark/fingerprint';
import { headerIndex, headerKey } from '../headers';
import { cellRuns, rowRanges, stackRuns } from './blocks';
import { StoredValue, UndoPlan, UndoRecord } from './types';
import { exactKey, idKey, idText } from './values';

/** A cell as the undo record keeps it (JSON has no dates). */
export function storeValue(v: Cell): StoredValue {
  if (v instanceof Date) return { date: v.toISOString() };
  if (v === undefined || v === null) return '';
  return v;
}

/** A stored value as a cell again. */
export function loadValue(v: StoredValue): Cell {
  if (v !== null && typeof v === 'object') return new Date(v.date);
  return v ?? '';
}

/** The fingerprint of an appended row as written (exact values, tab column order). */
export function rowCheck(values: readonly Cell[]): string {
  return fnv1a(values.map(exactKey).join('\u001f'));
}

const ID_KEYS = new Set(['orderid', 'order']);
const SHOWN = 3;

/**
 * Where each column of the recorded header row is now (0-based; null = gone). Columns are found
 * again by name, so a column moved since the import is still restored in the right place.
 */
function columnMap(recorded: readonly string[], header: readonly Cell[]): (number | null)[] {
  const now = headerIndex(header);
  return recorded.map((h, i) => {
    const k = headerKey(h);
    if (!k) return i;
    const at = now.get(k);
    return at === undefined ? null : at - 1;
  });
}

/**
 * The writes that undo the import recorded in `undo`, or a refusal naming the cells (tab, row,
 * column) that changed since it. `timeZone` only names dates in the message.
 */
export function planUndo(current: Grid, undo: UndoRecord, timeZone = 'UTC'): UndoPlan {
  const header = current[0] ?? [];
  const map = columnMap(undo.headers, header);
  const idRecorded = undo.headers.findIndex((h) => ID_KEYS.has(headerKey(h)));
  const idAt = idRecorded < 0 ? null : map[idRecorded];
  const cell = (row: number, col: number): Cell => current[row - 1]?.[col];
  // A change's wording is only built for the few the message names: an undo checks 100,000s of cells.
  const changed: { row: number; column: () => string; detail: () => string }[] = [];
  const label = (recordedColumn: number, at: number | null) => () =>
    `${undo.headers[recordedColumn - 1] || 'column'} (${columnLetter((at ?? recordedColumn - 1) + 1)})`;
  const fixed = (text: string) => () => text;
  const sameOrder = (row: number, id: string): (() => string) | null => {
    if (idAt === null) return fixed('its Order ID column is gone');
    const now = idText(cell(row, idAt));
    return idKey(now) === idKey(id)
      ? null
      : () => `it now holds order ${now || '(none)'}, not ${id}`;
  };

  for (const c of undo.cells) {
    const at = map[c.column - 1];
    const column = label(c.column, at);
    if (at === null) {
      changed.push({ row: c.row, column, detail: fixed('the column is no longer in the tab') });
      continue;
    }
    const moved = c.row > 1 ? sameOrder(c.row, c.id) : null;
    if (moved) {
      changed.push({ row: c.row, column, detail: moved });
      continue;
    }
    const now = cell(c.row, at);
    const after = loadValue(c.after);
    // Already put back by an undo cut short: resuming it is what the person asked for.
    const restored = exactKey(now) === exactKey(loadValue(c.before));
    if (exactKey(now) !== exactKey(after) && !restored)
      changed.push({
        row: c.row,
        column,
        detail: () =>
          `the import wrote ${describe(after, timeZone)}, it now holds ${describe(now, timeZone)}`,
      });
  }

  const recordedAt = new Set(map.filter((i): i is number => i !== null));
  const columnGone = map.includes(null);
  for (const a of undo.appended) {
    const values = current[a.row - 1] ?? [];
    // Cleared already (by an undo cut short, or by hand): it is as the undo leaves it.
    if (values.every(isBlank)) continue;
    const moved = sameOrder(a.row, a.id);
    if (moved) {
      changed.push({ row: a.row, column: fixed('Order ID'), detail: moved });
      continue;
    }
    if (columnGone || rowCheck(map.map((i) => (i === null ? '' : values[i]))) !== a.check) {
      changed.push({
        row: a.row,
        column: fixed(`order ${a.id}`),
        detail: fixed('a row the import added was edited since'),
      });
      continue;
    }
    const extra = values.findIndex((v, i) => !recordedAt.has(i) && !isBlank(v));
    if (extra >= 0)
      changed.push({
        row: a.row,
        column: fixed(`${String(header[extra] ?? '') || 'column'} (${columnLetter(extra + 1)})`),
        detail: fixed('a row the import added was filled in since'),
      });
  }

  if (changed.length) {
    const first = changed
      .slice(0, SHOWN)
      .map((c) => `row ${c.row}, ${c.column()}: ${c.detail()}`)
      .join('; ');
    const more = changed.length > SHOWN ? `; and ${changed.length - SHOWN} more` : '';
    return {
      ok: false,
      message:
        `Undo last import refused: ${changed.length} cell${changed.length > 1 ? 's' : ''} of ${undo.tab} changed since the import (${first}${more}). ` +
        'Undoing would overwrite that work; put those cells back as the import left them, or correct the data by hand.',
      changed: changed.map(({ row, column }) => ({ row, column: column() })),
    };
  }

  const restore = stackRuns(
    cellRuns(
      undo.cells.map((c) => ({
        row: c.row,
        column: (map[c.column - 1] as number) + 1,
        value: loadValue(c.before),
      })),
    ),
  );
  return {
    ok: true,
    restore,
    clear: rowRanges(undo.appended.map((a) => a.row)),
    ledger: appendedLedger(undo),
    cells: undo.cells.length,
    rows: undo.appended.length,
  };
}

/** The ledger to put back: the entries recorded, and none for the orders the import appended. */
function appendedLedger(undo: UndoRecord): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const a of undo.appended) out[a.id] = null;
  return Object.assign(out, undo.ledger);
}
