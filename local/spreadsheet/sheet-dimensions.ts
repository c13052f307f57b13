/**
 * The bodies behind FakeSheet's "dimensions" methods: inserting, deleting, hiding and freezing
 * rows and columns (cells, row heights, column widths and references elsewhere all move with an
 * insert or delete), column widths, row heights and autoResizeColumns' estimate. FakeSheet's
 * methods delegate here in one line; each function counts its own call, as the method did.
 */
import { requireInteger, signatureError } from './errors';
import { DEFAULTS } from './sheet-data';
import type { FakeSheet } from './sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

type Dimension = 'ROWS' | 'COLUMNS';

function rowsOutOfBounds(): Error {
  return new Error('Those rows are out of bounds.');
}

function columnsOutOfBounds(): Error {
  return new Error('Those columns are out of bounds.');
}

// ------------------------------------------------------------------ counted methods

export function insertRowsAfter(sheet: FakeSheet, afterPosition: number, howMany: number): Sheet {
  const self = sheet.write('insertRowsAfter');
  requireInteger('Sheet.insertRowsAfter', [afterPosition, howMany], 0, 1);
  if (afterPosition < 1 || afterPosition > sheet.maxRows || howMany < 1) throw rowsOutOfBounds();
  insertAt(sheet, 'ROWS', afterPosition + 1, howMany);
  return self;
}

export function insertRowsBefore(sheet: FakeSheet, beforePosition: number, howMany: number): Sheet {
  const self = sheet.write('insertRowsBefore');
  requireInteger('Sheet.insertRowsBefore', [beforePosition, howMany], 0, 1);
  if (beforePosition < 1 || beforePosition > sheet.maxRows || howMany < 1) throw rowsOutOfBounds();
  insertAt(sheet, 'ROWS', beforePosition, howMany);
  return self;
}

export function insertRowAfter(sheet: FakeSheet, afterPosition: number): Sheet {
  const self = sheet.write('insertRowAfter');
  requireInteger('Sheet.insertRowAfter', [afterPosition], 0);
  if (afterPosition < 1 || afterPosition > sheet.maxRows) throw rowsOutOfBounds();
  insertAt(sheet, 'ROWS', afterPosition + 1, 1);
  return self;
}

export function insertRowBefore(sheet: FakeSheet, beforePosition: number): Sheet {
  const self = sheet.write('insertRowBefore');
  requireInteger('Sheet.insertRowBefore', [beforePosition], 0);
  if (beforePosition < 1 || beforePosition > sheet.maxRows) throw rowsOutOfBounds();
  insertAt(sheet, 'ROWS', beforePosition, 1);
  return self;
}

export function insertRows(sheet: FakeSheet, rowIndex: number, numRows = 1): void {
  sheet.write('insertRows');
  requireInteger('Sheet.insertRows', [rowIndex, numRows], 0, 1);
  if (rowIndex < 1 || rowIndex > sheet.maxRows || numRows < 1) throw rowsOutOfBounds();
  insertAt(sheet, 'ROWS', rowIndex, numRows);
}

export function deleteRows(sheet: FakeSheet, rowPosition: number, howMany: number): void {
  sheet.write('deleteRows');
  requireInteger('Sheet.deleteRows', [rowPosition, howMany], 0, 1);
  deleteAt(sheet, 'ROWS', rowPosition, howMany);
}

export function deleteRow(sheet: FakeSheet, rowPosition: number): Sheet {
  const self = sheet.write('deleteRow');
  requireInteger('Sheet.deleteRow', [rowPosition], 0);
  deleteAt(sheet, 'ROWS', rowPosition, 1);
  return self;
}

export function insertColumnsAfter(
  sheet: FakeSheet,
  afterPosition: number,
  howMany: number,
): Sheet {
  const self = sheet.write('insertColumnsAfter');
  requireInteger('Sheet.insertColumnsAfter', [afterPosition, howMany], 0, 1);
  if (afterPosition < 1 || afterPosition > sheet.maxColumns || howMany < 1)
    throw columnsOutOfBounds();
  insertAt(sheet, 'COLUMNS', afterPosition + 1, howMany);
  return self;
}

export function insertColumnsBefore(
  sheet: FakeSheet,
  beforePosition: number,
  howMany: number,
): Sheet {
  const self = sheet.write('insertColumnsBefore');
  requireInteger('Sheet.insertColumnsBefore', [beforePosition, howMany], 0, 1);
  if (beforePosition < 1 || beforePosition > sheet.maxColumns || howMany < 1)
    throw columnsOutOfBounds();
  insertAt(sheet, 'COLUMNS', beforePosition, howMany);
  return self;
}

export function insertColumnAfter(sheet: FakeSheet, afterPosition: number): Sheet {
  const self = sheet.write('insertColumnAfter');
  requireInteger('Sheet.insertColumnAfter', [afterPosition], 0);
  if (afterPosition < 1 || afterPosition > sheet.maxColumns) throw columnsOutOfBounds();
  insertAt(sheet, 'COLUMNS', afterPosition + 1, 1);
  return self;
}

export function insertColumnBefore(sheet: FakeSheet, beforePosition: number): Sheet {
  const self = sheet.write('insertColumnBefore');
  requireInteger('Sheet.insertColumnBefore', [beforePosition], 0);
  if (beforePosition < 1 || beforePosition > sheet.maxColumns) throw columnsOutOfBounds();
  insertAt(sheet, 'COLUMNS', beforePosition, 1);
  return self;
}

export function insertColumns(sheet: FakeSheet, columnIndex: number, numColumns = 1): void {
  sheet.write('insertColumns');
  requireInteger('Sheet.insertColumns', [columnIndex, numColumns], 0, 1);
  if (columnIndex < 1 || columnIndex > sheet.maxColumns || numColumns < 1)
    throw columnsOutOfBounds();
  insertAt(sheet, 'COLUMNS', columnIndex, numColumns);
}

export function deleteColumns(sheet: FakeSheet, columnPosition: number, howMany: number): void {
  sheet.write('deleteColumns');
  requireInteger('Sheet.deleteColumns', [columnPosition, howMany], 0, 1);
  deleteAt(sheet, 'COLUMNS', columnPosition, howMany);
}

export function deleteColumn(sheet: FakeSheet, columnPosition: number): Sheet {
  const self = sheet.write('deleteColumn');
  requireInteger('Sheet.deleteColumn', [columnPosition], 0);
  deleteAt(sheet, 'COLUMNS', columnPosition, 1);
  return self;
}

export function hideColumns(sheet: FakeSheet, columnIndex: number, numColumns = 1): void {
  sheet.write('hideColumns');
  requireInteger('Sheet.hideColumns', [columnIndex, numColumns], 0, 1);
  if (columnIndex < 1 || columnIndex + numColumns - 1 > sheet.maxColumns)
    throw columnsOutOfBounds();
  for (let c = columnIndex; c < columnIndex + numColumns; c++) sheet.hiddenColumns.add(c);
}

export function showColumns(sheet: FakeSheet, columnIndex: number, numColumns = 1): void {
  sheet.write('showColumns');
  requireInteger('Sheet.showColumns', [columnIndex, numColumns], 0, 1);
  for (let c = columnIndex; c < columnIndex + numColumns; c++) sheet.hiddenColumns.delete(c);
}

export function isColumnHiddenByUser(sheet: FakeSheet, columnPosition: number): boolean {
  sheet.read('isColumnHiddenByUser');
  return sheet.hiddenColumns.has(columnPosition);
}

export function hideRows(sheet: FakeSheet, rowIndex: number, numRows = 1): void {
  sheet.write('hideRows');
  requireInteger('Sheet.hideRows', [rowIndex, numRows], 0, 1);
  if (rowIndex < 1 || rowIndex + numRows - 1 > sheet.maxRows) throw rowsOutOfBounds();
  for (let r = rowIndex; r < rowIndex + numRows; r++) sheet.hiddenRows.add(r);
}

export function showRows(sheet: FakeSheet, rowIndex: number, numRows = 1): void {
  sheet.write('showRows');
  requireInteger('Sheet.showRows', [rowIndex, numRows], 0, 1);
  for (let r = rowIndex; r < rowIndex + numRows; r++) sheet.hiddenRows.delete(r);
}

export function isRowHiddenByUser(sheet: FakeSheet, rowPosition: number): boolean {
  sheet.read('isRowHiddenByUser');
  return sheet.hiddenRows.has(rowPosition);
}

export function setFrozenRows(sheet: FakeSheet, rows: number): void {
  sheet.write('setFrozenRows');
  requireInteger('Sheet.setFrozenRows', [rows], 0);
  if (rows < 0) throw signatureError('Sheet.setFrozenRows', [rows]);
  if (rows >= sheet.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
  sheet.frozenRows = rows;
}

export function getFrozenRows(sheet: FakeSheet): number {
  sheet.read('getFrozenRows');
  return sheet.frozenRows;
}

export function setFrozenColumns(sheet: FakeSheet, columns: number): void {
  sheet.write('setFrozenColumns');
  requireInteger('Sheet.setFrozenColumns', [columns], 0);
  if (columns < 0) throw signatureError('Sheet.setFrozenColumns', [columns]);
  if (columns >= sheet.maxColumns)
    throw new Error("You can't freeze all visible columns on the sheet.");
  sheet.frozenColumns = columns;
}

export function getFrozenColumns(sheet: FakeSheet): number {
  sheet.read('getFrozenColumns');
  return sheet.frozenColumns;
}

export function setColumnWidth(sheet: FakeSheet, columnPosition: number, width: number): Sheet {
  const self = sheet.write('setColumnWidth');
  setWidths(sheet, 'setColumnWidth', columnPosition, 1, width);
  return self;
}

export function setColumnWidths(
  sheet: FakeSheet,
  startColumn: number,
  numColumns: number,
  width: number,
): Sheet {
  const self = sheet.write('setColumnWidths');
  setWidths(sheet, 'setColumnWidths', startColumn, numColumns, width);
  return self;
}

export function getColumnWidth(sheet: FakeSheet, columnPosition: number): number {
  sheet.read('getColumnWidth');
  requireInteger('Sheet.getColumnWidth', [columnPosition], 0);
  if (columnPosition < 1 || columnPosition > sheet.maxColumns) throw columnsOutOfBounds();
  return sheet.columnWidths.get(columnPosition) ?? DEFAULTS.columnWidth;
}

export function autoResizeColumn(sheet: FakeSheet, columnPosition: number): Sheet {
  const self = sheet.write('autoResizeColumn');
  autoResize(sheet, 'autoResizeColumn', columnPosition, 1);
  return self;
}

export function autoResizeColumns(
  sheet: FakeSheet,
  startColumn: number,
  numColumns: number,
): Sheet {
  const self = sheet.write('autoResizeColumns');
  autoResize(sheet, 'autoResizeColumns', startColumn, numColumns);
  return self;
}

export function setRowHeight(sheet: FakeSheet, rowPosition: number, height: number): Sheet {
  const self = sheet.write('setRowHeight');
  requireInteger('Sheet.setRowHeight', [rowPosition, height], 0, 1);
  if (rowPosition < 1 || rowPosition > sheet.maxRows) throw rowsOutOfBounds();
  sheet.rowHeights.set(rowPosition, height);
  return self;
}

export function setRowHeights(
  sheet: FakeSheet,
  startRow: number,
  numRows: number,
  height: number,
): Sheet {
  const self = sheet.write('setRowHeights');
  requireInteger('Sheet.setRowHeights', [startRow, numRows, height], 0, 1, 2);
  if (startRow < 1 || numRows < 1 || startRow + numRows - 1 > sheet.maxRows)
    throw rowsOutOfBounds();
  for (let r = startRow; r < startRow + numRows; r++) sheet.rowHeights.set(r, height);
  return self;
}

export function getRowHeight(sheet: FakeSheet, rowPosition: number): number {
  sheet.read('getRowHeight');
  requireInteger('Sheet.getRowHeight', [rowPosition], 0);
  return sheet.rowHeights.get(rowPosition) ?? DEFAULTS.rowHeight;
}

// ------------------------------------------------------------------ uncounted helpers

/** Adds rows or columns at the end (appendRow). */
export function growSheet(sheet: FakeSheet, dim: Dimension, count: number): void {
  sheet.parent.checkCellLimit(dim === 'ROWS' ? count * sheet.maxColumns : count * sheet.maxRows);
  if (dim === 'ROWS') sheet.maxRows += count;
  else sheet.maxColumns += count;
}

/** Inserts `count` rows/columns so that the first new one is at 1-based `at`. */
function insertAt(sheet: FakeSheet, dim: Dimension, at: number, count: number): void {
  sheet.parent.checkCellLimit(dim === 'ROWS' ? count * sheet.maxColumns : count * sheet.maxRows);
  if (dim === 'ROWS') {
    sheet.data.insertRows(at - 1, count);
    sheet.maxRows += count;
    shiftKeys(sheet.rowHeights, at, count);
  } else {
    sheet.data.insertColumns(at - 1, count);
    sheet.maxColumns += count;
    shiftKeys(sheet.columnWidths, at, count);
  }
  sheet.parent.shiftReferences(sheet, dim, at, count);
}

function deleteAt(sheet: FakeSheet, dim: Dimension, at: number, count: number): void {
  const max = dim === 'ROWS' ? sheet.maxRows : sheet.maxColumns;
  if (at < 1 || count < 1 || at + count - 1 > max)
    throw dim === 'ROWS' ? rowsOutOfBounds() : columnsOutOfBounds();
  if (count >= max) {
    throw new Error(
      dim === 'ROWS'
        ? "You can't delete all the rows on the sheet."
        : "You can't delete all the columns on the sheet.",
    );
  }
  if (dim === 'ROWS') {
    sheet.data.deleteRows(at - 1, count);
    sheet.maxRows -= count;
    shiftKeys(sheet.rowHeights, at, -count);
  } else {
    sheet.data.deleteColumns(at - 1, count);
    sheet.maxColumns -= count;
    shiftKeys(sheet.columnWidths, at, -count);
  }
  sheet.parent.shiftReferences(sheet, dim, at, -count);
}

/** setColumnWidth(s): `count` columns from 1-based `start` get `width` pixels. */
function setWidths(
  sheet: FakeSheet,
  method: string,
  start: number,
  count: number,
  width: number,
): void {
  requireInteger(`Sheet.${method}`, [start, count, width], 0, 1, 2);
  if (start < 1 || count < 1 || start + count - 1 > sheet.maxColumns) throw columnsOutOfBounds();
  if (width < 0) throw signatureError(`Sheet.${method}`, [start, count, width]);
  for (let c = start; c < start + count; c++) sheet.columnWidths.set(c, width);
}

/** Records the call and sets a width from the longest displayed text (~7 px a character). */
function autoResize(sheet: FakeSheet, method: string, start: number, count: number): void {
  requireInteger(`Sheet.${method}`, [start, count], 0, 1);
  if (start < 1 || count < 1 || start + count - 1 > sheet.maxColumns) throw columnsOutOfBounds();
  sheet.autoResizedColumns.push({ startColumn: start, numColumns: count });
  const lastRow = sheet.contentLastRow();
  for (let c = start; c < start + count; c++) {
    let longest = 0;
    let bold = false;
    for (let r = 0; r < lastRow; r++) {
      const text = sheet.displayAt(r, c - 1);
      if (text.length > longest) {
        longest = text.length;
        bold = sheet.data.fontWeights.get(r, c - 1) === 'bold';
      }
    }
    if (longest > 0)
      sheet.columnWidths.set(
        c,
        Math.min(1000, Math.max(30, Math.round(longest * (bold ? 7.7 : 7) + 10))),
      );
  }
}

/** Moves 1-based keys at or after `at` by `delta`; keys deleted by a negative delta go away. */
function shiftKeys<V>(map: Map<number, V>, at: number, delta: number): void {
  const entries = [...map.entries()];
  map.clear();
  for (const [k, v] of entries) {
    if (k < at) map.set(k, v);
    else if (delta < 0 && k < at - delta) continue;
    else map.set(k + delta, v);
  }
}
