/**
 * Set up workbook, decided before anything is written: which tabs to create, which headers to
 * add to the right of a user's existing ones, which seed rows go into empty tabs. The plan only
 * ever adds; a cell that holds something is never in it.
 */
import { Cell, Grid, columnLetter, isBlank } from './cells';
import { closestHeader, headerIndex, headerKey } from './headers';
import { ColumnSpec, TabSpec } from './schema/tabs';

/** What the adapter found in the workbook for one tab. */
export interface TabState {
  exists: boolean;
  /** Row 1 as read (blank when the tab is new or empty). */
  header: Cell[];
  lastRow: number;
}

export interface TabPlan {
  spec: TabSpec;
  /** The tab's columns: the spec's plus any extra (criterion score columns in Partners). */
  columns: ColumnSpec[];
  create: boolean;
  /** Headers to write into blank header cells, each at its 1-based column. */
  newHeaders: { column: number; header: string }[];
  /** 1-based column of every column of the tab once the plan is applied. */
  columnOf: Map<string, number>;
  /** Rows to append below the existing content (seed data for an empty tab, missing settings). */
  appendRows: Grid;
  warnings: string[];
}

export interface PlanInput {
  spec: TabSpec;
  state: TabState;
  extraColumns?: ColumnSpec[];
  /** Rows for a tab that has no data rows yet. */
  seedRows?: Grid;
  /** Rows to add when their first cell (a key) is not yet in column 1; for Settings. */
  keyedRows?: { keys: Cell[]; rows: Grid };
}

export function planTab(input: PlanInput): TabPlan {
  const { spec, state } = input;
  const columns = [...spec.columns];
  if (input.extraColumns?.length) {
    // Score columns sit between the typed inputs and the computed results on a new tab.
    const firstComputed = columns.findIndex((c) => c.note?.includes('(computed)'));
    columns.splice(firstComputed < 0 ? columns.length : firstComputed, 0, ...input.extraColumns);
  }
  const present = headerIndex(state.header);
  const warnings: string[] = [];
  const newHeaders: { column: number; header: string }[] = [];
  const columnOf = new Map<string, number>();
  const width = lastFilled(state.header);
  let next = width + 1;
  const known = new Set(columns.map((c) => headerKey(c.header)));
  // Headers that are not the schema's: a renamed column, most likely, when one looks alike.
  const strangers = state.header.map((h) => (known.has(headerKey(h)) ? '' : h));
  const blankInside = state.header
    .slice(0, width)
    .map((h, i) => (isBlank(h) ? i + 1 : 0))
    .filter(Boolean);
  for (const c of columns) {
    const found = present.get(headerKey(c.header));
    if (found) {
      columnOf.set(c.header, found);
      continue;
    }
    if (state.exists && state.lastRow > 1) {
      // On a tab holding data, a new empty column beside a renamed one would split the data:
      // say what looks wrong and let the person fix the header instead.
      const near = closestHeader(c.header, strangers);
      if (near || blankInside.length) {
        const hint = near
          ? `'${near.header}' in column ${columnLetter(near.column)} looks like it: rename it to '${c.header}'`
          : `column ${blankInside.map(columnLetter).join(', ')} has no header: if it holds the ${c.header} values, type '${c.header}' in row 1`;
        warnings.push(
          `${spec.name}: column '${c.header}' is missing; ${hint}. No new column was added, so no data is split.`,
        );
        continue;
      }
      warnings.push(
        `${spec.name}: column '${c.header}' was missing, added as column ${columnLetter(next)}.`,
      );
    }
    newHeaders.push({ column: next, header: c.header });
    columnOf.set(c.header, next);
    next++;
  }
  const hasData = state.lastRow > 1;
  let appendRows: Grid = [];
  if (!hasData && input.seedRows) appendRows = placeRows(input.seedRows, columns, columnOf);
  if (input.keyedRows) {
    const missing = input.keyedRows.rows.filter(
      (r) => !input.keyedRows!.keys.some((k) => headerKey(k) === headerKey(r[0])),
    );
    appendRows = appendRows.concat(placeRows(missing, columns, columnOf));
  }
  return { spec, columns, create: !state.exists, newHeaders, columnOf, appendRows, warnings };
}

/** Seed rows are given in spec order; place each value under its column wherever it now is. */
function placeRows(rows: Grid, columns: ColumnSpec[], columnOf: Map<string, number>): Grid {
  if (!rows.length) return [];
  const width = Math.max(...columns.map((c) => columnOf.get(c.header) ?? 0));
  return rows.map((r) => {
    const out: Cell[] = new Array(width).fill('');
    r.forEach((v, i) => {
      const at = i < columns.length ? columnOf.get(columns[i].header) : undefined;
      if (at) out[at - 1] = v;
    });
    return out;
  });
}

function lastFilled(row: Cell[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i + 1;
  return 0;
}
