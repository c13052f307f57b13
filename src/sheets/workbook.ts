/**
 * Reading and writing whole blocks of a tab: one server read per table, one setValues per block.
 * Every string written goes through inertBlock so a value that looks like a formula stays text.
 * Every write first asks the action's Deadline, so no writing path can run into Apps Script's
 * time limit unchecked.
 */
import { Grid, inertBlock, UserError } from '../core/cells';
import { TabIndex } from './tab-index';

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * What a write checks first: past the action's time budget, beforeWriting throws the message that
 * says the action stopped before `stage` (a text, or a function making it, called only then).
 * The ActionContext of runAction is one.
 */
export interface Deadline {
  beforeWriting(stage: string | (() => string)): void;
  /** Where to say what the person should know besides the action's own warnings (ActionContext's). */
  notices?: string[];
}

/** For the writes that must happen whatever the time: the Log line of an action that stopped. */
export const NO_DEADLINE: Deadline = { beforeWriting: () => {} };

/** What the shared helpers say they were about to write, named only when it is needed. */
const writingTo = (sheet: Sheet) => () => `writing to '${sheet.getName()}'`;

export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/**
 * Tabs by name, from one getSheets call and a getName per tab; a name not found exactly is
 * looked for as people expect (tab-index.ts), and what was found otherwise goes to `notices`.
 */
export function sheetsByName(ss: Spreadsheet, notices?: string[]): Map<string, Sheet> {
  return new TabIndex(ss.getSheets(), notices);
}

/** A tab the action needs, or the message that says to run Set up workbook. */
export function requireTab(tabs: Map<string, Sheet>, name: string): Sheet {
  const sheet = tabs.get(name);
  if (!sheet)
    throw new UserError(
      `The tab '${name}' is missing. Run Circularity Workbench › Set up workbook first.`,
    );
  return sheet;
}

/**
 * The whole used area of a tab (header row included), or [] when it is empty, in one server read:
 * -1 rows and columns read "to the very last row or column that has data in the sheet"
 * (developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetValues(Integer,Integer,Integer,Integer)),
 * so the tab is not asked for its size first (getLastRow and getLastColumn are a round trip each).
 */
export function readTable(sheet: Sheet): Grid {
  const grid = readUsedArea(sheet);
  // An empty tab reads as its one blank cell A1.
  return grid.length === 1 && grid[0].length === 1 && grid[0][0] === '' ? [] : grid;
}

/** The used area as getDataRange().getValues() gives it (an empty tab: one blank cell), in one read. */
export function readUsedArea(sheet: Sheet): Grid {
  return sheet.getSheetValues(1, 1, -1, -1) as Grid;
}

/**
 * The used area of a tab and its number formats (two reads), for a table whose meaning depends on
 * how a cell was typed: a weight typed as 20 % is a percent-formatted 0.2.
 */
export function readTableWithFormats(sheet: Sheet): { values: Grid; formats: string[][] } {
  const values = readTable(sheet);
  if (!values.length) return { values, formats: [] };
  return {
    values,
    formats: sheet.getRange(1, 1, values.length, values[0].length).getNumberFormats(),
  };
}

/**
 * Writes a rectangular block at (row, column), growing the grid first when it is too small. What
 * `size` knows of the grid (rows, columns) is not asked, and what is asked is kept in it.
 */
export function writeBlock(
  deadline: Deadline,
  sheet: Sheet,
  row: number,
  column: number,
  values: Grid,
  size?: Partial<GridSize>,
): void {
  if (!values.length || !values[0].length) return;
  deadline.beforeWriting(writingTo(sheet));
  ensureSize(sheet, row + values.length - 1, column + values[0].length - 1, size);
  const range = sheet.getRange(row, column, values.length, values[0].length);
  range.setValues(inertFor(range, values));
}

/**
 * Writes a block on a tab this action has just created, before it formats it: every cell still
 * has Sheets' default format, so strings are made inert without reading the formats first (no
 * read between the writes that draw a generated tab). With the tab's `size` (a tab rebuildTab
 * hands to its drawing has NEW_TAB_SIZE, then what the drawing grew), the tab is not asked for it.
 */
export function writeFreshBlock(
  deadline: Deadline,
  sheet: Sheet,
  row: number,
  column: number,
  values: Grid,
  size?: GridSize,
): void {
  if (!values.length || !values[0].length) return;
  deadline.beforeWriting(writingTo(sheet));
  ensureSize(sheet, row + values.length - 1, column + values[0].length - 1, size);
  sheet.getRange(row, column, values.length, values[0].length).setValues(inertBlock(values));
}

/**
 * The block with its strings kept as text. A plain-text ('@') cell already keeps what it is given,
 * apostrophe included, so only other cells get the marking apostrophe. The formats are read for
 * every block that holds text (not only when some string needs marking) so that the number of
 * service calls depends on the shape of the data, never on what people typed.
 */
function inertFor(range: GoogleAppsScript.Spreadsheet.Range, values: Grid): Grid {
  if (!values.some((r) => r.some((v) => typeof v === 'string' && v !== ''))) return values;
  return inertIn(values, range.getNumberFormats());
}

/** The block made inert for cells whose number formats are `formats` (aligned with `values`). */
function inertIn(values: Grid, formats: string[][]): Grid {
  const inert = inertBlock(values);
  return inert.map((r, i) => r.map((v, j) => (formats[i][j] === '@' ? values[i][j] : v)));
}

/** The values, with a person's formula in every cell that has one (`formulas[i][j]` non-empty). */
const keepingFormulas = (values: Grid, formulas: string[][]): Grid =>
  values.map((r, i) => r.map((v, j) => (formulas[i]?.[j] ? formulas[i][j] : v)));

/**
 * writeBlock (writeBlockKeepingFormulas with `formulas`) on a tab already large enough, with the
 * number formats of the block's cells read before the action's first write: nothing is asked
 * between the writes of an action that prepares several tabs before writing any.
 */
export function writePreparedBlock(
  deadline: Deadline,
  sheet: Sheet,
  row: number,
  column: number,
  values: Grid,
  formats: string[][],
  formulas?: string[][],
): void {
  if (!values.length || !values[0].length) return;
  deadline.beforeWriting(writingTo(sheet));
  const inert = inertIn(values, formats);
  sheet
    .getRange(row, column, values.length, values[0].length)
    .setValues(formulas ? keepingFormulas(inert, formulas) : inert);
}

/** A tab's grid size (rows × columns), kept up to date by the action that knows it. */
export interface GridSize {
  rows: number;
  columns: number;
}

/**
 * The grid of a tab made by insertSheet(name, index): 1,000 rows × 26 columns (A–Z), as Sheets
 * makes a new tab (and the local runtime models it).
 */
export const newTabSize = (): GridSize => ({ rows: 1000, columns: 26 });

/**
 * Grows the grid so that (rows × columns) fits; Sheets refuses ranges beyond it. What `size`
 * knows is used instead of asking the tab, and it is updated (with what was asked too). Returns
 * the number of rows the tab has then.
 */
export function ensureSize(
  sheet: Sheet,
  rows: number,
  columns: number,
  size?: Partial<GridSize>,
): number {
  const maxRows = size?.rows ?? sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = size?.columns ?? sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  if (size) {
    size.rows = Math.max(maxRows, rows);
    size.columns = Math.max(maxColumns, columns);
  }
  return Math.max(rows, maxRows);
}

/** Pads ragged rows to one width so setValues accepts them. */
export function rectangular(rows: Grid, width?: number): Grid {
  const w = width ?? Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) =>
    r.length === w ? r : [...r, ...new Array(Math.max(0, w - r.length)).fill('')].slice(0, w),
  );
}

/**
 * Writes a block over cells some of which hold a person's formulas: those cells get their own
 * formula back (a values-only write would freeze them), every other cell gets its new value.
 */
export function writeBlockKeepingFormulas(
  deadline: Deadline,
  sheet: Sheet,
  row: number,
  column: number,
  values: Grid,
  formulas: string[][],
): void {
  if (!values.length) return;
  deadline.beforeWriting(writingTo(sheet));
  const range = sheet.getRange(row, column, values.length, values[0].length);
  range.setValues(keepingFormulas(inertFor(range, values), formulas));
}

/** The spreadsheet's time zone: KPI months are calendar months there (readable in custom functions). */
export function spreadsheetTimeZone(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
}

/** The spreadsheet's locale (`fr_FR`…): how numbers and dates written as text are read. */
export function spreadsheetLocale(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
}
