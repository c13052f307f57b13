/**
 * One sheet (tab): its grid of cells, dimensions, frozen panes, column widths, conditional format
 * rules, protections and charts. Public methods are counted service calls; the uncounted
 * helpers below them are what ranges, the spreadsheet and the exporters build on.
 */
import type { ExecutionContext } from '../context';
import { cellA1, parseA1 } from './a1';
import { enterValue, normalizeColor } from './cell';
import { FakeConditionalFormatRule } from './conditional-format';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
import { requireInteger, requireString, signatureError } from './errors';
import { displayValue } from './number-format';
import { FakeProtection } from './protection';
import { FakeRange } from './range';
import { DEFAULTS, SheetData, type ClearWhat } from './sheet-data';
import type { FakeSpreadsheet } from './spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

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

/** Sheets refuses cells longer than this. */
const MAX_CELL_CHARS = 50000;

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

export class FakeSheet implements Pick<Sheet, SheetMethods> {
  data = new SheetData();
  maxRows: number;
  maxColumns: number;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Every autoResizeColumn(s) call, in order. */
  readonly autoResizedColumns: Array<{ startColumn: number; numColumns: number }> = [];
  tabColor: string | null = null;
  hidden = false;
  hiddenGridlines = false;
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  conditionalFormatRules: FakeConditionalFormatRule[] = [];
  protections: FakeProtection[] = [];
  charts: FakeEmbeddedChart[] = [];
  merges: MergeRecord[] = [];
  readonly borders: BorderRecord[] = [];
  /** Formulas written through setValue(s)/appendRow (not setFormula(s)); tests fail on unintended ones. */
  readonly unintendedFormulaWrites: FormulaWrite[] = [];

  constructor(
    readonly parent: FakeSpreadsheet,
    public name: string,
    readonly sheetId: number,
    maxRows = 1000,
    maxColumns = 26,
  ) {
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  private get ctx(): ExecutionContext {
    return this.parent.ctx;
  }

  private read(method: string): void {
    this.ctx.call(`Sheet.${method}`, 'document-read');
  }

  private write(method: string): Sheet {
    this.ctx.call(`Sheet.${method}`, 'document-write');
    return this as unknown as Sheet;
  }

  // ------------------------------------------------------------------ identity

  getName(): string {
    this.read('getName');
    return this.name;
  }

  getSheetName(): string {
    this.read('getSheetName');
    return this.name;
  }

  setName(name: string): Sheet {
    const self = this.write('setName');
    requireString('Sheet.setName', [name], 0);
    this.parent.checkNewSheetName(name, this);
    const old = this.name;
    this.name = name;
    this.parent.renameInFormulas(old, name);
    return self;
  }

  getSheetId(): number {
    this.read('getSheetId');
    return this.sheetId;
  }

  getIndex(): number {
    this.read('getIndex');
    return this.parent.sheets.indexOf(this) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.read('getParent');
    return this.parent as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  getType(): GoogleAppsScript.Spreadsheet.SheetType {
    this.read('getType');
    return 'GRID' as unknown as GoogleAppsScript.Spreadsheet.SheetType;
  }

  activate(): Sheet {
    const self = this.write('activate');
    this.parent.activeSheet = this;
    this.parent.activeRange = null;
    if (this.hidden) this.hidden = false;
    return self;
  }

  getActiveRange(): Range | null {
    this.read('getActiveRange');
    const r = this.parent.activeRange;
    return (r && r.sheet === this ? r : this.rangeAt(1, 1, 1, 1)) as unknown as Range;
  }

  setActiveRange(range: Range): Range {
    this.write('setActiveRange');
    if (!(range instanceof FakeRange) || range.sheet !== this)
      throw signatureError('Sheet.setActiveRange', [range]);
    this.parent.activeSheet = this;
    this.parent.activeRange = range;
    return range as unknown as Range;
  }

  hideSheet(): Sheet {
    const self = this.write('hideSheet');
    if (!this.hidden && this.parent.sheets.filter((s) => !s.hidden).length <= 1) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return self;
  }

  showSheet(): Sheet {
    const self = this.write('showSheet');
    this.hidden = false;
    return self;
  }

  isSheetHidden(): boolean {
    this.read('isSheetHidden');
    return this.hidden;
  }

  setTabColor(color: string | null): Sheet {
    const self = this.write('setTabColor');
    this.tabColor = color === null || color === '' ? null : normalizeColor(color);
    return self;
  }

  getTabColor(): string | null {
    this.read('getTabColor');
    return this.tabColor;
  }

  setHiddenGridlines(hideGridlines: boolean): Sheet {
    const self = this.write('setHiddenGridlines');
    this.hiddenGridlines = hideGridlines;
    return self;
  }

  hasHiddenGridlines(): boolean {
    this.read('hasHiddenGridlines');
    return this.hiddenGridlines;
  }

  // ------------------------------------------------------------------ ranges

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    this.read('getRange');
    if (typeof a === 'string' && column === undefined)
      return this.rangeFromA1(a) as unknown as Range;
    const args = [a, column, numRows, numColumns].filter((x) => x !== undefined);
    if (args.length < 2) throw signatureError('Sheet.getRange', args);
    requireInteger('Sheet.getRange', args, ...args.map((_, i) => i));
    return this.rangeAt(a as number, column!, numRows ?? 1, numColumns ?? 1) as unknown as Range;
  }

  getDataRange(): Range {
    this.read('getDataRange');
    return this.dataRange() as unknown as Range;
  }

  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    this.read('getSheetValues');
    requireInteger(
      'Sheet.getSheetValues',
      [startRow, startColumn, numRows, numColumns],
      0,
      1,
      2,
      3,
    );
    // -1 means "to the end of the data", as in Apps Script.
    const nr = numRows === -1 ? Math.max(this.contentLastRow() - startRow + 1, 1) : numRows;
    const nc =
      numColumns === -1 ? Math.max(this.contentLastColumn() - startColumn + 1, 1) : numColumns;
    const r = this.rangeAt(startRow, startColumn, nr, nc);
    return this.data.values.read(r.row - 1, r.col - 1, r.numRows, r.numCols, (v) =>
      v === undefined ? '' : v instanceof Date ? new Date(v.getTime()) : v,
    );
  }

  getLastRow(): number {
    this.read('getLastRow');
    return this.contentLastRow();
  }

  getLastColumn(): number {
    this.read('getLastColumn');
    return this.contentLastColumn();
  }

  getMaxRows(): number {
    this.read('getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.read('getMaxColumns');
    return this.maxColumns;
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    this.read('getNamedRanges');
    return [...this.parent.namedRanges.values()].filter(
      (n) => n.range.sheet === this,
    ) as unknown as GoogleAppsScript.Spreadsheet.NamedRange[];
  }

  // ------------------------------------------------------------------ content

  appendRow(rowContents: unknown[]): Sheet {
    const self = this.write('appendRow');
    if (!Array.isArray(rowContents) || rowContents.length === 0)
      throw signatureError('Sheet.appendRow', [rowContents]);
    const row = this.contentLastRow() + 1;
    // appendRow grows the grid when the data reaches its edge, unlike getRange.
    if (row > this.maxRows) this.grow('ROWS', row - this.maxRows);
    if (rowContents.length > this.maxColumns)
      this.grow('COLUMNS', rowContents.length - this.maxColumns);
    this.writeEntered(row - 1, 0, [rowContents], 'appendRow');
    return self;
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): Sheet {
    const self = this.write('clear');
    const o = options ?? {};
    const some = !!(o.formatOnly || o.contentsOnly);
    this.clearRect(0, 0, this.maxRows, this.maxColumns, {
      contents: !some || !!o.contentsOnly,
      formats: !some || !!o.formatOnly,
      validations: !some,
      notes: !some,
    });
    if (!some || o.formatOnly) this.merges = [];
    return self;
  }

  clearContents(): Sheet {
    const self = this.write('clearContents');
    this.clearRect(0, 0, this.maxRows, this.maxColumns, {
      contents: true,
      formats: false,
      validations: false,
      notes: false,
    });
    return self;
  }

  clearFormats(): Sheet {
    const self = this.write('clearFormats');
    this.clearRect(0, 0, this.maxRows, this.maxColumns, {
      contents: false,
      formats: true,
      validations: false,
      notes: false,
    });
    return self;
  }

  clearNotes(): Sheet {
    const self = this.write('clearNotes');
    this.clearRect(0, 0, this.maxRows, this.maxColumns, {
      contents: false,
      formats: false,
      validations: false,
      notes: true,
    });
    return self;
  }

  // ------------------------------------------------------------------ dimensions

  private rowsOutOfBounds(): Error {
    return new Error('Those rows are out of bounds.');
  }

  private columnsOutOfBounds(): Error {
    return new Error('Those columns are out of bounds.');
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    const self = this.write('insertRowsAfter');
    requireInteger('Sheet.insertRowsAfter', [afterPosition, howMany], 0, 1);
    if (afterPosition < 1 || afterPosition > this.maxRows || howMany < 1)
      throw this.rowsOutOfBounds();
    this.insertAt('ROWS', afterPosition + 1, howMany);
    return self;
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    const self = this.write('insertRowsBefore');
    requireInteger('Sheet.insertRowsBefore', [beforePosition, howMany], 0, 1);
    if (beforePosition < 1 || beforePosition > this.maxRows || howMany < 1)
      throw this.rowsOutOfBounds();
    this.insertAt('ROWS', beforePosition, howMany);
    return self;
  }

  insertRowAfter(afterPosition: number): Sheet {
    const self = this.write('insertRowAfter');
    requireInteger('Sheet.insertRowAfter', [afterPosition], 0);
    if (afterPosition < 1 || afterPosition > this.maxRows) throw this.rowsOutOfBounds();
    this.insertAt('ROWS', afterPosition + 1, 1);
    return self;
  }

  insertRowBefore(beforePosition: number): Sheet {
    const self = this.write('insertRowBefore');
    requireInteger('Sheet.insertRowBefore', [beforePosition], 0);
    if (beforePosition < 1 || beforePosition > this.maxRows) throw this.rowsOutOfBounds();
    this.insertAt('ROWS', beforePosition, 1);
    return self;
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.write('insertRows');
    requireInteger('Sheet.insertRows', [rowIndex, numRows], 0, 1);
    if (rowIndex < 1 || rowIndex > this.maxRows || numRows < 1) throw this.rowsOutOfBounds();
    this.insertAt('ROWS', rowIndex, numRows);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.write('deleteRows');
    requireInteger('Sheet.deleteRows', [rowPosition, howMany], 0, 1);
    this.deleteAt('ROWS', rowPosition, howMany);
  }

  deleteRow(rowPosition: number): Sheet {
    const self = this.write('deleteRow');
    requireInteger('Sheet.deleteRow', [rowPosition], 0);
    this.deleteAt('ROWS', rowPosition, 1);
    return self;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    const self = this.write('insertColumnsAfter');
    requireInteger('Sheet.insertColumnsAfter', [afterPosition, howMany], 0, 1);
    if (afterPosition < 1 || afterPosition > this.maxColumns || howMany < 1)
      throw this.columnsOutOfBounds();
    this.insertAt('COLUMNS', afterPosition + 1, howMany);
    return self;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    const self = this.write('insertColumnsBefore');
    requireInteger('Sheet.insertColumnsBefore', [beforePosition, howMany], 0, 1);
    if (beforePosition < 1 || beforePosition > this.maxColumns || howMany < 1)
      throw this.columnsOutOfBounds();
    this.insertAt('COLUMNS', beforePosition, howMany);
    return self;
  }

  insertColumnAfter(afterPosition: number): Sheet {
    const self = this.write('insertColumnAfter');
    requireInteger('Sheet.insertColumnAfter', [afterPosition], 0);
    if (afterPosition < 1 || afterPosition > this.maxColumns) throw this.columnsOutOfBounds();
    this.insertAt('COLUMNS', afterPosition + 1, 1);
    return self;
  }

  insertColumnBefore(beforePosition: number): Sheet {
    const self = this.write('insertColumnBefore');
    requireInteger('Sheet.insertColumnBefore', [beforePosition], 0);
    if (beforePosition < 1 || beforePosition > this.maxColumns) throw this.columnsOutOfBounds();
    this.insertAt('COLUMNS', beforePosition, 1);
    return self;
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.write('insertColumns');
    requireInteger('Sheet.insertColumns', [columnIndex, numColumns], 0, 1);
    if (columnIndex < 1 || columnIndex > this.maxColumns || numColumns < 1)
      throw this.columnsOutOfBounds();
    this.insertAt('COLUMNS', columnIndex, numColumns);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.write('deleteColumns');
    requireInteger('Sheet.deleteColumns', [columnPosition, howMany], 0, 1);
    this.deleteAt('COLUMNS', columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): Sheet {
    const self = this.write('deleteColumn');
    requireInteger('Sheet.deleteColumn', [columnPosition], 0);
    this.deleteAt('COLUMNS', columnPosition, 1);
    return self;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    this.write('hideColumns');
    requireInteger('Sheet.hideColumns', [columnIndex, numColumns], 0, 1);
    if (columnIndex < 1 || columnIndex + numColumns - 1 > this.maxColumns)
      throw this.columnsOutOfBounds();
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.add(c);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this.write('showColumns');
    requireInteger('Sheet.showColumns', [columnIndex, numColumns], 0, 1);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.delete(c);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    this.read('isColumnHiddenByUser');
    return this.hiddenColumns.has(columnPosition);
  }

  hideRows(rowIndex: number, numRows = 1): void {
    this.write('hideRows');
    requireInteger('Sheet.hideRows', [rowIndex, numRows], 0, 1);
    if (rowIndex < 1 || rowIndex + numRows - 1 > this.maxRows) throw this.rowsOutOfBounds();
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.add(r);
  }

  showRows(rowIndex: number, numRows = 1): void {
    this.write('showRows');
    requireInteger('Sheet.showRows', [rowIndex, numRows], 0, 1);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.delete(r);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    this.read('isRowHiddenByUser');
    return this.hiddenRows.has(rowPosition);
  }

  setFrozenRows(rows: number): void {
    this.write('setFrozenRows');
    requireInteger('Sheet.setFrozenRows', [rows], 0);
    if (rows < 0) throw signatureError('Sheet.setFrozenRows', [rows]);
    if (rows >= this.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.read('getFrozenRows');
    return this.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.write('setFrozenColumns');
    requireInteger('Sheet.setFrozenColumns', [columns], 0);
    if (columns < 0) throw signatureError('Sheet.setFrozenColumns', [columns]);
    if (columns >= this.maxColumns)
      throw new Error("You can't freeze all visible columns on the sheet.");
    this.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    this.read('getFrozenColumns');
    return this.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    const self = this.write('setColumnWidth');
    this.setWidths('setColumnWidth', columnPosition, 1, width);
    return self;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    const self = this.write('setColumnWidths');
    this.setWidths('setColumnWidths', startColumn, numColumns, width);
    return self;
  }

  private setWidths(method: string, start: number, count: number, width: number): void {
    requireInteger(`Sheet.${method}`, [start, count, width], 0, 1, 2);
    if (start < 1 || count < 1 || start + count - 1 > this.maxColumns)
      throw this.columnsOutOfBounds();
    if (width < 0) throw signatureError(`Sheet.${method}`, [start, count, width]);
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, width);
  }

  getColumnWidth(columnPosition: number): number {
    this.read('getColumnWidth');
    requireInteger('Sheet.getColumnWidth', [columnPosition], 0);
    if (columnPosition < 1 || columnPosition > this.maxColumns) throw this.columnsOutOfBounds();
    return this.columnWidths.get(columnPosition) ?? DEFAULTS.columnWidth;
  }

  autoResizeColumn(columnPosition: number): Sheet {
    const self = this.write('autoResizeColumn');
    this.autoResize('autoResizeColumn', columnPosition, 1);
    return self;
  }

  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    const self = this.write('autoResizeColumns');
    this.autoResize('autoResizeColumns', startColumn, numColumns);
    return self;
  }

  /** Records the call and sets a width from the longest displayed text (~7 px a character). */
  private autoResize(method: string, start: number, count: number): void {
    requireInteger(`Sheet.${method}`, [start, count], 0, 1);
    if (start < 1 || count < 1 || start + count - 1 > this.maxColumns)
      throw this.columnsOutOfBounds();
    this.autoResizedColumns.push({ startColumn: start, numColumns: count });
    const lastRow = this.contentLastRow();
    for (let c = start; c < start + count; c++) {
      let longest = 0;
      let bold = false;
      for (let r = 0; r < lastRow; r++) {
        const text = this.displayAt(r, c - 1);
        if (text.length > longest) {
          longest = text.length;
          bold = this.data.fontWeights.get(r, c - 1) === 'bold';
        }
      }
      if (longest > 0)
        this.columnWidths.set(
          c,
          Math.min(1000, Math.max(30, Math.round(longest * (bold ? 7.7 : 7) + 10))),
        );
    }
  }

  setRowHeight(rowPosition: number, height: number): Sheet {
    const self = this.write('setRowHeight');
    requireInteger('Sheet.setRowHeight', [rowPosition, height], 0, 1);
    if (rowPosition < 1 || rowPosition > this.maxRows) throw this.rowsOutOfBounds();
    this.rowHeights.set(rowPosition, height);
    return self;
  }

  setRowHeights(startRow: number, numRows: number, height: number): Sheet {
    const self = this.write('setRowHeights');
    requireInteger('Sheet.setRowHeights', [startRow, numRows, height], 0, 1, 2);
    if (startRow < 1 || numRows < 1 || startRow + numRows - 1 > this.maxRows)
      throw this.rowsOutOfBounds();
    for (let r = startRow; r < startRow + numRows; r++) this.rowHeights.set(r, height);
    return self;
  }

  getRowHeight(rowPosition: number): number {
    this.read('getRowHeight');
    requireInteger('Sheet.getRowHeight', [rowPosition], 0);
    return this.rowHeights.get(rowPosition) ?? DEFAULTS.rowHeight;
  }

  // ------------------------------------------------------------------ protections

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.write('protect');
    // Apps Script hands back the existing sheet protection rather than stacking a second one.
    let p = this.protections.find((x) => x.type === 'SHEET');
    if (!p) {
      p = new FakeProtection(this.ctx, this, 'SHEET', null);
      this.protections.push(p);
    }
    return p as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    this.read('getProtections');
    const t = String(type);
    if (t !== 'RANGE' && t !== 'SHEET') throw signatureError('Sheet.getProtections', [type]);
    return this.protections.filter(
      (p) => p.type === t,
    ) as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }

  // ------------------------------------------------------------------ conditional formats

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.write('setConditionalFormatRules');
    if (!Array.isArray(rules) || rules.some((r) => !(r instanceof FakeConditionalFormatRule))) {
      throw signatureError('Sheet.setConditionalFormatRules', [rules]);
    }
    const list = rules as unknown as FakeConditionalFormatRule[];
    for (const rule of list) {
      if (rule.state.ranges.length === 0)
        throw new Error('A conditional format rule must have at least one range.');
      if (rule.state.ranges.some((r) => r.sheet !== this)) {
        throw new Error('Conditional format rule cannot reference a different sheet.');
      }
    }
    this.conditionalFormatRules = list.slice();
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.read('getConditionalFormatRules');
    return this.conditionalFormatRules.slice() as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  }

  clearConditionalFormatRules(): void {
    this.write('clearConditionalFormatRules');
    this.conditionalFormatRules = [];
  }

  // ------------------------------------------------------------------ charts

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.read('newChart');
    return new FakeEmbeddedChartBuilder(
      this.ctx,
      this,
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }

  private chartArg(method: string, chart: unknown): FakeEmbeddedChart {
    if (!(chart instanceof FakeEmbeddedChart)) throw signatureError(`Sheet.${method}`, [chart]);
    return chart;
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.write('insertChart');
    const c = this.chartArg('insertChart', chart);
    // A chart object already placed is inserted again as a new chart, as in Sheets.
    const placed =
      c.state.chartId !== null
        ? new FakeEmbeddedChart(this.ctx, this, { ...c.state, chartId: null })
        : c;
    placed.state.chartId = this.parent.nextChartId++;
    this.charts.push(placed);
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.write('updateChart');
    const c = this.chartArg('updateChart', chart);
    const i = this.charts.findIndex(
      (x) => x.state.chartId !== null && x.state.chartId === c.state.chartId,
    );
    if (i < 0) throw new Error('The chart to update does not exist on this sheet.');
    this.charts[i] = c;
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.write('removeChart');
    const c = this.chartArg('removeChart', chart);
    const i = this.charts.findIndex(
      (x) => x.state.chartId !== null && x.state.chartId === c.state.chartId,
    );
    if (i < 0) throw new Error('The chart to remove does not exist on this sheet.');
    this.charts.splice(i, 1);
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.read('getCharts');
    return this.charts.slice() as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  }

  // ================================================================== uncounted model helpers

  /** A range by 1-based coordinates, throwing like Sheet.getRange on bad or out-of-grid ones. */
  rangeAt(
    row: number,
    col: number,
    numRows: number,
    numCols: number,
    wholeColumns = false,
    wholeRows = false,
  ): FakeRange {
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxColumns)
      throw new Error(OUTSIDE);
    return new FakeRange(this, row, col, numRows, numCols, wholeColumns, wholeRows);
  }

  /** A range from A1 notation; a sheet-qualified reference resolves on the named sheet. */
  rangeFromA1(a1: string): FakeRange {
    const ref = parseA1(a1);
    if (!ref) throw new Error('Range not found');
    const sheet =
      ref.sheetName === null || ref.sheetName === this.name
        ? this
        : this.parent.sheets.find((s) => s.name === ref.sheetName);
    if (!sheet) throw new Error('Range not found');
    const wholeColumns = ref.startRow === null;
    const wholeRows = ref.startCol === null;
    const row = ref.startRow ?? 1;
    const col = ref.startCol ?? 1;
    const endRow = ref.endRow ?? sheet.maxRows;
    const endCol = ref.endCol ?? sheet.maxColumns;
    if (
      endRow > sheet.maxRows ||
      endCol > sheet.maxColumns ||
      row > sheet.maxRows ||
      col > sheet.maxColumns
    ) {
      throw new Error(OUTSIDE);
    }
    return sheet.rangeAt(row, col, endRow - row + 1, endCol - col + 1, wholeColumns, wholeRows);
  }

  /** The data range: A1 to the last row and column holding content (at least A1). */
  dataRange(): FakeRange {
    return this.rangeAt(
      1,
      1,
      Math.max(this.contentLastRow(), 1),
      Math.max(this.contentLastColumn(), 1),
    );
  }

  contentLastRow(): number {
    return this.data.lastContentRow() + 1;
  }

  contentLastColumn(): number {
    return this.data.lastContentColumn() + 1;
  }

  /**
   * Writes script input parsed like typed input (see cell.ts). `via` names the value-writing
   * method, whose formulas are recorded as possibly unintended; null for setFormula(s).
   */
  writeEntered(
    r0: number,
    c0: number,
    rows: unknown[][],
    via: FormulaWrite['method'] | null,
  ): void {
    const { values, formulas, numberFormats } = this.data;
    const locale = this.parent.locale;
    const timeZone = this.parent.timeZone;
    for (let i = 0; i < rows.length; i++) {
      const line = rows[i];
      const r = r0 + i;
      for (let j = 0; j < line.length; j++) {
        const c = c0 + j;
        const input = line[j];
        if (typeof input === 'string' && input.length > MAX_CELL_CHARS) {
          throw new Error(
            `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
          );
        }
        const format = numberFormats.get(r, c);
        const e = enterValue(input, format, locale, timeZone);
        if (e.kind === 'formula') {
          formulas.set(r, c, e.formula);
          values.set(r, c, undefined);
          if (via)
            this.unintendedFormulaWrites.push({
              cell: cellA1(r + 1, c + 1),
              formula: e.formula,
              method: via,
            });
        } else {
          formulas.set(r, c, undefined);
          values.set(r, c, e.value);
          if (e.autoFormat && format === undefined) numberFormats.set(r, c, e.autoFormat);
        }
      }
    }
  }

  /** The display string of a 0-based cell. */
  displayAt(r0: number, c0: number): string {
    return displayValue(
      this.data.values.get(r0, c0),
      this.data.numberFormats.get(r0, c0),
      this.parent,
    );
  }

  clearRect(r0: number, c0: number, numRows: number, numCols: number, what: ClearWhat): void {
    this.data.clear(r0, c0, numRows, numCols, what);
  }

  /** Test hook: the value Sheets would have computed for a formula cell (1-based). */
  setComputedValue(row: number, col: number, value: string | number | boolean | Date): void {
    this.data.values.set(
      row - 1,
      col - 1,
      value instanceof Date ? new Date(value.getTime()) : value,
    );
  }

  /** Test hook: computed values for a block of formula cells, top-left at (row, col). */
  setComputedValues(
    row: number,
    col: number,
    values: Array<Array<string | number | boolean | Date>>,
  ): void {
    values.forEach((line, i) => line.forEach((v, j) => this.setComputedValue(row + i, col + j, v)));
  }

  addMerge(range: FakeRange, kind: MergeRecord['kind']): void {
    const overlaps = (a: FakeRange, b: FakeRange): boolean =>
      a.row <= b.row + b.numRows - 1 &&
      b.row <= a.row + a.numRows - 1 &&
      a.col <= b.col + b.numCols - 1 &&
      b.col <= a.col + a.numCols - 1;
    this.merges = this.merges.filter((m) => !overlaps(m.range, range));
    this.merges.push({ range, kind });
  }

  breakMerges(range: FakeRange): void {
    const inside = (m: FakeRange): boolean =>
      m.row >= range.row &&
      m.col >= range.col &&
      m.row + m.numRows <= range.row + range.numRows &&
      m.col + m.numCols <= range.col + range.numCols;
    this.merges = this.merges.filter((m) => !inside(m.range));
  }

  /** Adds rows or columns at the end (appendRow). */
  private grow(dim: 'ROWS' | 'COLUMNS', count: number): void {
    this.parent.checkCellLimit(dim === 'ROWS' ? count * this.maxColumns : count * this.maxRows);
    if (dim === 'ROWS') this.maxRows += count;
    else this.maxColumns += count;
  }

  /** Inserts `count` rows/columns so that the first new one is at 1-based `at`. */
  private insertAt(dim: 'ROWS' | 'COLUMNS', at: number, count: number): void {
    this.parent.checkCellLimit(dim === 'ROWS' ? count * this.maxColumns : count * this.maxRows);
    if (dim === 'ROWS') {
      this.data.insertRows(at - 1, count);
      this.maxRows += count;
      shiftKeys(this.rowHeights, at, count);
    } else {
      this.data.insertColumns(at - 1, count);
      this.maxColumns += count;
      shiftKeys(this.columnWidths, at, count);
    }
    this.parent.shiftReferences(this, dim, at, count);
  }

  private deleteAt(dim: 'ROWS' | 'COLUMNS', at: number, count: number): void {
    const max = dim === 'ROWS' ? this.maxRows : this.maxColumns;
    if (at < 1 || count < 1 || at + count - 1 > max)
      throw dim === 'ROWS' ? this.rowsOutOfBounds() : this.columnsOutOfBounds();
    if (count >= max) {
      throw new Error(
        dim === 'ROWS'
          ? "You can't delete all the rows on the sheet."
          : "You can't delete all the columns on the sheet.",
      );
    }
    if (dim === 'ROWS') {
      this.data.deleteRows(at - 1, count);
      this.maxRows -= count;
      shiftKeys(this.rowHeights, at, -count);
    } else {
      this.data.deleteColumns(at - 1, count);
      this.maxColumns -= count;
      shiftKeys(this.columnWidths, at, -count);
    }
    this.parent.shiftReferences(this, dim, at, -count);
  }

  /** The same object with the @types view. */
  asGas(): Sheet {
    return this as unknown as Sheet;
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
