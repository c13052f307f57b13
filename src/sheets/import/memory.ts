/**
 * What Import orders (CSV)… remembers between runs that is too big for document properties
 * (500 KB for them all): the ledger (Order ID → fingerprint, up to 100,000 entries) and the record
 * of the last import for Undo last import (megabytes). Both live in one hidden generated tab,
 * `Import memory`, as one JSON text cut into cells of at most CHUNK characters down column A
 * (Sheets holds at most 50,000 characters in a cell), below a title row; it is read back by
 * joining them. The tab is rebuilt whole each time, so a failure half-way leaves the old one.
 */
import { Grid } from '../../core/cells';
import { Ledger, UndoRecord } from '../../core/import';
import {
  CHUNK,
  memoryTabGrid,
  readMemoryTab,
  readMemoryTabGrid,
  writeMemoryTab,
} from '../memory-tab';
import { Deadline, Spreadsheet } from '../workbook';
import { IMPORT_MEMORY_TAB } from '../../core/schema/generated-names';

export { CHUNK, IMPORT_MEMORY_TAB };
export const MEMORY_TITLE =
  'Import memory — kept by Circularity Workbench for Import orders (CSV)… and Undo last import (which orders it imported, and how to undo the last import). Do not edit this tab: it is rebuilt on each import.';

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

const IF_EDITED =
  "the next import then treats every order already in 'KPI Data' as typed by a person, and there is no import to undo";

/** The memory as the tab holds it: the title, then the JSON in cells of at most `chunk` characters. */
export function memoryGrid(memory: ImportMemory, chunk = CHUNK): Grid {
  return memoryTabGrid(MEMORY_TITLE, { version: 1, ...memory }, chunk);
}

/** The memory read back from the tab's rows (title included); empty when there is none. */
export function readMemoryGrid(grid: Grid): ImportMemory {
  return fromStored(readMemoryTabGrid(IMPORT_MEMORY_TAB, grid, IF_EDITED));
}

function fromStored(parsed: unknown): ImportMemory {
  const p = parsed as Partial<ImportMemory> | null;
  return {
    ledger: p && typeof p.ledger === 'object' && p.ledger ? p.ledger : {},
    last: p && p.last && typeof p.last === 'object' ? p.last : null,
  };
}

/** The memory stored in the workbook (empty when the tab does not exist). */
export function readMemory(ss: Spreadsheet): ImportMemory {
  return fromStored(readMemoryTab(ss, IMPORT_MEMORY_TAB, IF_EDITED));
}

/** Rebuilds the hidden `Import memory` tab with `memory`, last of the tabs. */
export function writeMemory(
  deadline: Deadline,
  ss: Spreadsheet,
  memory: ImportMemory,
  interactive: boolean,
): void {
  writeMemoryTab(
    deadline,
    ss,
    IMPORT_MEMORY_TAB,
    MEMORY_TITLE,
    { version: 1, ...memory },
    interactive,
  );
}
