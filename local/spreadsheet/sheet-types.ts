/**
 * The shapes around a sheet: the Sheet methods FakeSheet implements, and the records it keeps of
 * formula writes, borders and merges. Apart from sheet.ts (which re-exports them) so that the
 * modules holding FakeSheet's larger bodies can name them without importing the class.
 */
import type { FakeRange } from './range';

export type SheetMethods =
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearConditionalFormatRules'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getActiveRange'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getNamedRanges'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRowHeight'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'getType'
  | 'hasHiddenGridlines'
  | 'hideColumns'
  | 'hideRows'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isColumnHiddenByUser'
  | 'isRowHiddenByUser'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setActiveRange'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setHiddenGridlines'
  | 'setName'
  | 'setRowHeight'
  | 'setRowHeights'
  | 'setTabColor'
  | 'showColumns'
  | 'showRows'
  | 'showSheet'
  | 'updateChart';

/** A formula that reached the sheet through setValue(s)/appendRow: usually an injection bug. */
export interface FormulaWrite {
  cell: string;
  formula: string;
  method: 'setValues' | 'setValue' | 'appendRow';
}

/**
 * A string written through setValue(s)/appendRow that Sheets' typed-input rules turned into a
 * number, date, boolean or error: a label the script meant as text has changed meaning.
 */
export interface ConvertedStringWrite {
  cell: string;
  input: string;
  became: 'number' | 'date' | 'boolean' | 'error';
  method: FormulaWrite['method'];
}

export interface BorderRecord {
  range: string;
  top: boolean | null;
  left: boolean | null;
  bottom: boolean | null;
  right: boolean | null;
  vertical: boolean | null;
  horizontal: boolean | null;
  color: string | null;
  style: string | null;
}

export interface MergeRecord {
  range: FakeRange;
  kind: 'ALL' | 'ACROSS' | 'VERTICAL';
}
