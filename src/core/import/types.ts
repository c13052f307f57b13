/**
 * The shapes shared by the import core (Import orders (CSV)…): the `KPI Data` columns a file can
 * fill, what kind of value each holds, the rows handed in by the dialog, and the plan and undo
 * record handed back. Plain values only, so the dialog, the Apps Script side and the tests agree
 * on one vocabulary; the rules live in mapping.ts, upsert.ts and undo.ts.
 */
import { Cell, Grid } from '../cells';
import { KPI_DATA_HEADERS } from '../kpi/orders';
import { OutcomeLabels } from '../read/outcomes';

/** The optional `KPI Data` columns of the 2026-11 contract, to the right of `Complaint`. */
export const OPTIONAL_KPI_HEADERS = [
  'Reason',
  'Processing partner',
  'Logistics partner',
  'Country',
] as const;

/** Every `KPI Data` column an import can fill, contract columns first. */
export const IMPORT_COLUMNS = [...KPI_DATA_HEADERS, ...OPTIONAL_KPI_HEADERS] as const;
export type KpiColumn = (typeof IMPORT_COLUMNS)[number];

/** The tab the import writes into (named in messages and in the undo record). */
export const KPI_DATA_TAB = 'KPI Data';

/** How a column's values are read: each kind has one reader (values.ts). */
export type ColumnKind = 'id' | 'date' | 'text' | 'outcome' | 'amount' | 'csat' | 'yesno';

export const COLUMN_KIND: Readonly<Record<KpiColumn, ColumnKind>> = {
  'Order ID': 'id',
  Created: 'date',
  Category: 'text',
  Channel: 'text',
  'Kit sent': 'date',
  Received: 'date',
  Inspected: 'date',
  Outcome: 'outcome',
  'Weight kg': 'amount',
  'Erasure certificate': 'yesno',
  'Payout EUR': 'amount',
  'Cost EUR': 'amount',
  CSAT: 'csat',
  Complaint: 'yesno',
  Reason: 'text',
  'Processing partner': 'text',
  'Logistics partner': 'text',
  Country: 'text',
};

/** A value as the file wrote it (strings), or as a CSV reader typed it; null / '' = blank. */
export type FileValue = string | number | null;

/** One line of the file, mapped: only the columns the mapping imports. */
export interface IncomingRow {
  /** 1-based line in the file (header = line 1), for messages. */
  row: number;
  cells: Partial<Record<KpiColumn, FileValue>>;
}

/**
 * Per Order ID (as written in `KPI Data`): what the last import left in that row's imported
 * cells (ledger.ts). Kept in the workbook between imports; a mismatch means a person edited it.
 */
export type Ledger = Record<string, string>;

export interface ImportOptions {
  /** The spreadsheet's locale (`fr_FR`, `en_US`…): how numbers in the file and texts already in the tab are read. */
  locale: string;
  /** The spreadsheet's IANA time zone: wall-clock dates of the file are read there. */
  timeZone: string;
  /** How the file writes `02/10/2026`: day first (dmy) or month first (mdy), whatever the locale. */
  dateOrder: 'dmy' | 'mdy';
  /** Outcome labels beyond the registry's ids (built-in English / French, the team's own). */
  labels?: OutcomeLabels;
  /** The file's decimal separator when it is not the locale's (a French export in an en_US sheet). */
  decimal?: ',' | '.';
}

export interface ImportInput {
  /** The whole `KPI Data` tab, header row first (columns found by name, any order). */
  existing: Grid;
  incoming: readonly IncomingRow[];
  ledger: Ledger;
  options: ImportOptions;
}

/** A rectangle to write: 1-based top-left cell, row-major values. */
export interface Block {
  row: number;
  column: number;
  values: Cell[][];
}

/** A value the import refused, or a whole line it could not use. */
export interface Rejection {
  /** File line. */
  row: number;
  /** The Order ID of the line ('' when it has none). */
  id: string;
  /** The field refused; null when the whole line was (no Order ID, a new order without Created). */
  column: KpiColumn | null;
  value: FileValue;
  reason: string;
}

/** A `KPI Data` cell a person wrote that the import left as it is although the file says otherwise. */
export interface KeptCell {
  column: KpiColumn;
  /** The cell as it stands (kept). */
  sheet: Cell;
  /** What the file said (not written). */
  file: Cell;
}

export interface KeptRow {
  id: string;
  /** Sheet row in `KPI Data`. */
  row: number;
  fileRows: number[];
  /**
   * 'corrected': imported before and edited by a person since; 'typed': never imported (a
   * person's row) — either way a person's value wins over the file.
   */
  why: 'corrected' | 'typed';
  cells: KeptCell[];
}

export interface ImportPlan {
  tab: string;
  /** Header cells to add (mapped optional columns missing from the tab, or the header row of an empty tab). */
  headers: Block | null;
  /** Existing rows to rewrite: runs of imported columns over consecutive rows (unchanged cells inside carry their current value). */
  updates: Block[];
  /** New orders: one block right after the last non-blank row, in the tab's column order. */
  append: Block | null;
  added: { id: string; row: number; fileRows: number[] }[];
  updated: { id: string; row: number; fileRows: number[]; columns: KpiColumn[] }[];
  /** Orders already in the tab that the file leaves as they are (kept cells aside). */
  unchanged: number;
  /** Orders where a person's value was kept over the file's (they are also updated or unchanged). */
  kept: KeptRow[];
  rejected: Rejection[];
  /** Order IDs on several lines of the file (merged, later line wins field by field). */
  duplicates: { id: string; fileRows: number[] }[];
  counts: {
    added: number;
    updated: number;
    unchanged: number;
    kept: number;
    /** Lines not imported at all. */
    rejectedRows: number;
    /** Single values not imported (their line was). */
    rejectedFields: number;
    duplicates: number;
    /** Cells whose value changes (header cells included). */
    cells: number;
  };
  /**
   * Ledger entries to set once the plan is written (null = remove the entry); every other entry
   * stays as it is (ledger.ts' applyLedger). Empty when the import changes nothing.
   */
  ledger: Record<string, string | null>;
  undo: UndoRecord;
}

/** A cell value that survives JSON (the undo record is stored in the workbook): dates as ISO text. */
export type StoredValue = string | number | boolean | null | { date: string };

/** Enough to put back every cell an import changed and remove the rows it added. */
export interface UndoRecord {
  tab: string;
  /** The header row once the import was written: columns are found again by these names. */
  headers: string[];
  /** Every cell the import changed (header row = row 1, id ''), with its value before and after. */
  cells: {
    row: number;
    column: number;
    id: string;
    before: StoredValue;
    after: StoredValue;
  }[];
  /** Rows the import appended, each with a fingerprint of what it wrote there (undo.ts). */
  appended: { row: number; id: string; check: string }[];
  /**
   * Ledger entries before the import, for every id of a row already in the tab whose entry it
   * changed (null = none); the entries of appended rows go with them (planUndo drops them).
   */
  ledger: Record<string, string | null>;
}

export type UndoPlan =
  | {
      ok: true;
      /** Previous values to write back. */
      restore: Block[];
      /** Rows the import appended: clear their contents (rows are not deleted: nothing shifts). */
      clear: { row: number; count: number }[];
      /** Ledger entries to put back (null = delete the entry). */
      ledger: Record<string, string | null>;
      cells: number;
      rows: number;
    }
  | {
      ok: false;
      message: string;
      changed: { row: number; column: string }[];
    };
