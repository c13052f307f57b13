/**
 * The import plan: what an import of a back-office export will write into `KPI Data`, decided
 * in full before anything is written, so the dialog can show it and the Apps Script side only
 * executes it. Orders are matched by Order ID (text: `000123` keeps its zeros; case ignored as
 * parseOrders ignores it) and upserted field by field:
 *
 * - an order already in the tab is updated in place, a new one appended (Order ID and a readable
 *   Created needed); nothing is ever deleted, a blank in the file never clears a cell, and
 *   columns the file does not fill are left alone;
 * - an order on several lines is merged, the later line winning field by field;
 * - a value that cannot be read is refused on its own: the rest of its line is imported;
 * - a person's work wins: cells a person typed or corrected since the last import (ledger.ts
 *   tells) are only filled when blank, and every difference with the file is listed;
 * - the same file imported twice writes nothing the second time;
 * - everything it changes is recorded (undo.ts) so the import can be taken back.
 */
import { Cell, UserError } from '../cells';
import { checkTimeZone } from '../kpi/months';
import { Run, stackRuns } from './blocks';
import { ledgerColumns, ledgerEntry, ledgerMatches } from './ledger';
import { layoutTab } from './tab';
import {
  IMPORT_COLUMNS,
  ImportInput,
  ImportPlan,
  KeptCell,
  KeptRow,
  KpiColumn,
  KPI_DATA_TAB,
  Rejection,
  UndoRecord,
} from './types';
import { rowCheck, storeValue } from './undo';
import { Read, ValueReader, idKey, idText } from './values';

/** One order of the file, its lines merged. */
interface FileOrder {
  id: string;
  key: string;
  lines: number[];
  /** By column number (COLUMN_NO); an array, not a Map: 100,000 orders means 100,000 of them. */
  values: (Read | undefined)[];
  /** Values refused, listed unless the whole order is. */
  refused: Rejection[] | null;
}

const COLUMN_NO = new Map<KpiColumn, number>(IMPORT_COLUMNS.map((c, i) => [c, i]));
const DATA_COLUMNS = IMPORT_COLUMNS.filter((c) => c !== 'Order ID');
const CREATED = COLUMN_NO.get('Created')!;
const ID = COLUMN_NO.get('Order ID')!;

/** The plan for importing `incoming` into `existing` (see the file header for the rules). */
export function planImport(input: ImportInput): ImportPlan {
  const { existing, incoming, ledger, options } = input;
  checkTimeZone(options.timeZone);
  if (options.dateOrder !== 'dmy' && options.dateOrder !== 'mdy')
    throw new UserError(`Unknown date order "${String(options.dateOrder)}": expected dmy or mdy.`);
  const reader = new ValueReader(options);
  const rejected: Rejection[] = [];

  // 1. The file, merged by Order ID; every value read once.
  const orders = new Map<string, FileOrder>();
  const filled = new Set<KpiColumn>();
  for (const line of incoming) {
    const rawId = line.cells['Order ID'];
    const id = rawId === undefined || rawId === null ? '' : idText(rawId);
    if (!id) {
      rejected.push({
        row: line.row,
        id: '',
        column: null,
        value: rawId ?? null,
        reason: 'no Order ID: the line cannot be matched to an order; not imported',
      });
      continue;
    }
    const key = idKey(id);
    let order = orders.get(key);
    if (!order) orders.set(key, (order = { id, key, lines: [], values: [], refused: null }));
    order.lines.push(line.row);
    for (const column of Object.keys(line.cells) as KpiColumn[]) {
      const no = COLUMN_NO.get(column);
      if (no === undefined || column === 'Order ID') continue;
      const raw = line.cells[column];
      const read = reader.file(column, raw);
      if (read === null) continue; // a blank keeps what an earlier line or the tab holds
      if ('bad' in read) {
        (order.refused ??= []).push({
          row: line.row,
          id,
          column,
          value: raw ?? null,
          reason: `${read.bad}; not written`,
        });
        continue;
      }
      order.values[no] = read;
      filled.add(column);
    }
  }

  // 2. The tab: columns by name, rows by Order ID, the ledger by the same id key.
  const tab = layoutTab(existing, filled);
  const width = tab.header.length;
  const at = (c: KpiColumn) => tab.index.get(c);
  const idAt = at('Order ID')!;
  /** The data columns the tab has: column, its number, its 0-based place in the tab. */
  const tabColumns = DATA_COLUMNS.filter((c) => at(c) !== undefined).map((c) => ({
    c,
    no: COLUMN_NO.get(c)!,
    i: at(c)!,
  }));
  // The ledger is looked up by the id as the tab writes it (the import wrote the entries so):
  // an id whose case a person changed has no entry, and its row is treated as a person's.
  const hasEntry = (id: string) => Object.prototype.hasOwnProperty.call(ledger, id);
  const ledgerUpdates = new Map<string, string | null>();
  const ledgerBefore = new Map<string, string | null>();
  const setLedger = (id: string, entry: string | null, appending = false) => {
    const prev = hasEntry(id) ? ledger[id] : null;
    if (prev === entry) return;
    ledgerUpdates.set(id, entry);
    // Undoing an append drops the entry of that id anyway: only an earlier entry is recorded.
    if (!appending || prev !== null) ledgerBefore.set(id, prev);
  };

  const plan = {
    added: [] as ImportPlan['added'],
    updated: [] as ImportPlan['updated'],
    kept: [] as KeptRow[],
    duplicates: [] as ImportPlan['duplicates'],
  };
  let unchanged = 0;
  const undoCells: UndoRecord['cells'] = [];
  const appendRows: Cell[][] = [];
  const appended: UndoRecord['appended'] = [];
  /** Per updated sheet row, the cells written (tab column → value). */
  const rowWrites: { row: number; cells: Cell[]; columns: number[]; values: Cell[] }[] = [];
  const writtenColumns = new Set<number>();

  for (const order of orders.values()) {
    if (order.lines.length > 1) plan.duplicates.push({ id: order.id, fileRows: order.lines });
    const r = tab.rows.get(order.key);

    if (r === undefined) {
      // A new order: appended, unless it has no readable Created date (every order needs one).
      if (!order.values[CREATED]) {
        const bad = order.refused?.find((x) => x.column === 'Created');
        for (const line of order.lines)
          rejected.push({
            row: line,
            id: order.id,
            column: null,
            value: bad?.value ?? null,
            reason: bad
              ? `Created "${String(bad.value)}" is ${bad.reason.replace(/; not written$/, '')}: a new order needs a Created date; not added`
              : 'no Created date: a new order needs one; not added',
          });
        continue;
      }
      if (order.refused) rejected.push(...order.refused);
      const values: Cell[] = new Array(width).fill('');
      values[idAt] = order.id;
      order.values.forEach((read, no) => {
        if (read) values[at(IMPORT_COLUMNS[no])!] = read.value;
      });
      const row = tab.appendAt + appendRows.length;
      appendRows.push(values);
      appended.push({ row, id: order.id, check: rowCheck(values) });
      plan.added.push({ id: order.id, row, fileRows: order.lines });
      const given = IMPORT_COLUMNS.filter((_, no) => no !== ID && order.values[no]);
      setLedger(
        order.id,
        ledgerEntry(given, (c) => order.values[COLUMN_NO.get(c)!]!.key),
        true,
      );
      continue;
    }

    // An order already in the tab: field by field, a person's values kept.
    if (order.refused) rejected.push(...order.refused);
    const cells = existing[r];
    const id = idText(cells[idAt]);
    const sheetKey = (c: KpiColumn): string => {
      const i = at(c);
      return i === undefined ? '' : reader.sheet(c, cells[i]);
    };
    const prev = hasEntry(id) ? ledger[id] : null;
    const owned = prev !== null && ledgerMatches(prev, sheetKey);
    const mask = (prev !== null && ledgerColumns(prev)) || [];
    const writeColumns: number[] = [];
    const writeValues: Cell[] = [];
    const changedColumns: KpiColumn[] = [];
    const kept: KeptCell[] = [];
    /** The columns the import owns once the plan is written, in order, and their keys then. */
    const ownedAfter: KpiColumn[] = [];
    const keyAfter: string[] = [];
    for (const { c, no, i } of tabColumns) {
      const sheet = cells[i] ?? '';
      const eKey = reader.sheet(c, sheet);
      const file = order.values[no];
      let post = eKey;
      let own = false;
      const inMask = mask.length > 0 && mask.includes(c);
      if (owned && inMask) {
        // The import's own cell, as it left it: the file's newer value replaces it.
        if (file && file.key !== eKey) post = file.key;
        own = post !== '';
      } else if (!eKey) {
        // Blank: filled from the file — unless the import had filled it and a person cleared it.
        if (file && inMask) kept.push({ column: c, sheet, file: file.value });
        else if (file) post = file.key;
        own = post !== '';
      } else if (file) {
        // A person's value: it stays; it is the import's again once the file agrees with it.
        if (file.key === eKey) own = true;
        else kept.push({ column: c, sheet, file: file.value });
      }
      if (post !== eKey) {
        writeColumns.push(i);
        writeValues.push(file!.value);
        writtenColumns.add(i);
        changedColumns.push(c);
        undoCells.push({
          row: r + 1,
          column: i + 1,
          id,
          before: storeValue(sheet),
          after: storeValue(file!.value),
        });
      }
      if (own) {
        ownedAfter.push(c);
        keyAfter[no] = post;
      }
    }
    setLedger(
      id,
      ledgerEntry(ownedAfter, (c) => keyAfter[COLUMN_NO.get(c)!]),
    );
    if (kept.length)
      plan.kept.push({
        id,
        row: r + 1,
        fileRows: order.lines,
        why: prev !== null ? 'corrected' : 'typed',
        cells: kept,
      });
    if (writeColumns.length) {
      rowWrites.push({ row: r + 1, cells, columns: writeColumns, values: writeValues });
      plan.updated.push({ id, row: r + 1, fileRows: order.lines, columns: changedColumns });
    } else unchanged++;
  }

  // 3. The writes as blocks: each updated row rewrites the runs of written columns it touches
  // (cells inside a run that do not change carry their current value), stacked over rows.
  const runs = columnRuns([...writtenColumns]);
  const updateRuns: Run[] = [];
  for (const { row, cells, columns, values: written } of rowWrites)
    for (const [start, end] of runs) {
      if (!columns.some((i) => i >= start && i <= end)) continue;
      const values: Cell[] = cells.slice(start, end + 1);
      for (let i = values.length; i <= end - start; i++) values.push('');
      columns.forEach((i, k) => {
        if (i >= start && i <= end) values[i - start] = written[k];
      });
      updateRuns.push({ row, column: start + 1, values });
    }

  let headers: ImportPlan['headers'] = null;
  if (tab.added) {
    headers = { row: 1, column: tab.added.column + 1, values: [[...tab.added.names]] };
    tab.added.names.forEach((name, k) =>
      undoCells.push({
        row: 1,
        column: tab.added!.column + k + 1,
        id: '',
        before: '',
        after: name,
      }),
    );
  }

  const rejectedRows = rejected.filter((x) => x.column === null).length;
  rejected.sort((a, b) => a.row - b.row);
  return {
    tab: KPI_DATA_TAB,
    headers,
    updates: stackRuns(updateRuns),
    append: appendRows.length ? { row: tab.appendAt, column: 1, values: appendRows } : null,
    added: plan.added,
    updated: plan.updated,
    unchanged,
    kept: plan.kept,
    rejected,
    duplicates: plan.duplicates,
    counts: {
      added: plan.added.length,
      updated: plan.updated.length,
      unchanged,
      kept: plan.kept.length,
      rejectedRows,
      rejectedFields: rejected.length - rejectedRows,
      duplicates: plan.duplicates.length,
      cells: undoCells.length,
    },
    ledger: Object.fromEntries(ledgerUpdates),
    undo: {
      tab: KPI_DATA_TAB,
      headers: tab.header.map((h) => String(h ?? '').trim()),
      cells: undoCells,
      appended,
      ledger: Object.fromEntries(ledgerBefore),
    },
  };
}

/** Adjacent 0-based columns as [first, last] runs. */
function columnRuns(columns: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of columns.sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === c) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}
