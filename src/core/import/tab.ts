/**
 * The `KPI Data` tab as the import sees it: where each column is (found by header name, in any
 * order, extra columns kept), which optional columns the file needs added at the right, where
 * new rows go, and in which row each Order ID already is.
 */
import { Cell, Grid, UserError, isBlank } from '../cells';
import { describeMissing } from '../headers';
import { ColumnSpec, isBlankRow, locateColumns } from '../kpi/table';
import { IMPORT_COLUMNS, KPI_DATA_TAB, KpiColumn, OPTIONAL_KPI_HEADERS } from './types';
import { idKey, idText } from './values';

/** The spellings parseOrders accepts for the same columns: an import must find what the KPIs read. */
const ALIASES: Partial<Record<KpiColumn, string[]>> = {
  'Order ID': ['Order'],
  Created: ['Created at', 'Created on'],
  'Weight kg': ['Weight'],
  'Payout EUR': ['Payout'],
  'Cost EUR': ['Cost'],
};

const SPECS: ColumnSpec<KpiColumn>[] = IMPORT_COLUMNS.map((c) => ({
  key: c,
  header: c,
  required: false,
  aliases: ALIASES[c],
}));

const OPTIONAL = new Set<string>(OPTIONAL_KPI_HEADERS);

export interface TabLayout {
  /** The header row once the plan is written (added headers included). */
  header: Cell[];
  /** 0-based column of each column the tab has (or will have). */
  index: Map<KpiColumn, number>;
  /** Header cells to add: 0-based first column and the names, left to right. */
  added: { column: number; names: KpiColumn[] } | null;
  /** 1-based sheet row of the first new row: right after the last non-blank row. */
  appendAt: number;
  /** idKey → 0-based grid row of the first row with that Order ID. */
  rows: Map<string, number>;
}

/**
 * Reads the tab's layout for an import that fills `mapped`. An empty tab gets the contract
 * header; a tab missing a mapped contract column (or Order ID) is refused with the near match,
 * since writing a second, differently named column would split the data; a missing optional
 * column is added after the last header.
 */
export function layoutTab(existing: Grid, mapped: ReadonlySet<KpiColumn>): TabLayout {
  const headerRow = existing[0] ?? [];
  const empty = isBlankRow(headerRow);
  if (empty && existing.some((r, i) => i > 0 && r && !isBlankRow(r)))
    throw new UserError(
      `${KPI_DATA_TAB}: the first row must hold the headers (${IMPORT_COLUMNS.slice(0, 3).join(', ')}…), but it is blank while rows below are not.`,
    );
  const found = empty
    ? ({} as Record<KpiColumn, null>)
    : locateColumns(headerRow, SPECS, KPI_DATA_TAB);
  const index = new Map<KpiColumn, number>();
  for (const c of IMPORT_COLUMNS) {
    const at = found[c];
    if (at) index.set(c, at.index);
  }
  let last = -1;
  headerRow.forEach((h, i) => {
    if (!isBlank(h)) last = i;
  });
  const header: Cell[] = headerRow.slice(0, last + 1);
  const names: KpiColumn[] = [];
  const add = (c: KpiColumn) => {
    index.set(c, header.length);
    header.push(c);
    names.push(c);
  };
  if (empty) {
    for (const c of IMPORT_COLUMNS) if (!OPTIONAL.has(c) || mapped.has(c)) add(c);
  } else {
    const missing = IMPORT_COLUMNS.filter(
      (c) => !index.has(c) && !OPTIONAL.has(c) && (mapped.has(c) || c === 'Order ID'),
    );
    if (missing.length)
      throw new UserError(
        missing.map((c) => describeMissing(KPI_DATA_TAB, c, headerRow)).join(' ') +
          ' Rename the column back, or leave it out of the import.',
      );
    for (const c of IMPORT_COLUMNS) if (!index.has(c) && mapped.has(c)) add(c);
  }

  const idAt = index.get('Order ID')!;
  const rows = new Map<string, number>();
  let lastRow = 0;
  for (let r = 1; r < existing.length; r++) {
    const cells = existing[r];
    if (!cells || isBlankRow(cells)) continue;
    lastRow = r;
    const id = idText(cells[idAt]);
    // A repeated id in the tab: the first row is the order (as parseOrders counts it).
    if (id && !rows.has(idKey(id))) rows.set(idKey(id), r);
  }
  return {
    header,
    index,
    added: names.length ? { column: index.get(names[0])!, names } : null,
    appendAt: lastRow + 2,
    rows,
  };
}
