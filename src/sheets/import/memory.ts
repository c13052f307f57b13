/**
 * What Import orders (CSV)… remembers between runs that is too big for document properties
 * (500 KB for them all): the ledger (Order ID → fingerprint, up to 100,000 entries) and the record
 * of the last import for Undo last import (megabytes). Both live in one hidden generated tab,
 * `Import memory`, as one JSON text cut into cells of at most CHUNK characters down column A
 * (Sheets holds at most 50,000 characters in a cell), below a title row; it is read back by
 * joining them. The tab is rebuilt whole each time, so a failure half-way leaves the old one.
 */
import { Grid, UserError } from '../../core/cells';
import { Ledger, UndoRecord } from '../../core/import';
import { keepingActiveTab, rebuildTab } from '../generated';
import { Deadline, readTable, Spreadsheet, writeFreshBlock } from '../workbook';

export const IMPORT_MEMORY_TAB = 'Import memory';
export const MEMORY_TITLE =
  'Import memory — kept by Circularity Workbench for Import orders (CSV)… and Undo last import (which orders it imported, and how to undo the last import). Do not edit this tab: it is rebuilt on each import.';
/** Characters per cell: under Sheets' 50,000, with room to spare. */
export const CHUNK = 40000;

/** The last import, as Undo last import needs it. */
export interface LastImport {
  fileName: string;
  /** ISO instant. */
  at: string;
  who: string;
  record: UndoRecord;
}

export interface ImportMemory {
  ledger: Ledger;
  /** null once undone (or before any import). */
  last: LastImport | null;
}

export const EMPTY_MEMORY: ImportMemory = { ledger: {}, last: null };

/** The memory as the tab holds it: the title, then the JSON in cells of at most `chunk` characters. */
export function memoryGrid(memory: ImportMemory, chunk = CHUNK): Grid {
  const json = JSON.stringify({ version: 1, ...memory });
  const rows: Grid = [[MEMORY_TITLE]];
  for (let i = 0; i < json.length; i += chunk) rows.push([json.slice(i, i + chunk)]);
  return rows;
}

/** The memory read back from the tab's rows (title included); empty when there is none. */
export function readMemoryGrid(grid: Grid): ImportMemory {
  const json = grid
    .slice(1)
    .map((r) => (r[0] === undefined || r[0] === null ? '' : String(r[0])))
    .join('');
  if (!json.trim()) return { ledger: {}, last: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new UserError(
      `The '${IMPORT_MEMORY_TAB}' tab was edited and can no longer be read. Delete the tab to start afresh (the next import then treats every order already in 'KPI Data' as typed by a person, and there is no import to undo).`,
    );
  }
  const p = parsed as Partial<ImportMemory> | null;
  return {
    ledger: p && typeof p.ledger === 'object' && p.ledger ? p.ledger : {},
    last: p && p.last && typeof p.last === 'object' ? p.last : null,
  };
}

/** The memory stored in the workbook (empty when the tab does not exist). */
export function readMemory(ss: Spreadsheet): ImportMemory {
  const sheet = ss.getSheetByName(IMPORT_MEMORY_TAB);
  return sheet ? readMemoryGrid(readTable(sheet)) : { ledger: {}, last: null };
}

/** Rebuilds the hidden `Import memory` tab with `memory`, last of the tabs. */
export function writeMemory(
  deadline: Deadline,
  ss: Spreadsheet,
  memory: ImportMemory,
  interactive: boolean,
): void {
  const grid = memoryGrid(memory);
  keepingActiveTab(
    ss,
    () =>
      rebuildTab(deadline, ss, IMPORT_MEMORY_TAB, (sheet) => {
        writeFreshBlock(deadline, sheet, 1, 1, grid);
        sheet.hideSheet();
      }),
    interactive,
  );
}
