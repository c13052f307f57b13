/**
 * One sheet (tab): its grid of cells, dimensions, frozen panes, column widths, conditional format
 * rules, protections and charts. Public methods are counted service calls; the uncounted
 * helpers below them are what ranges, the spreadsheet and the exporters build on. The class is
 * still the whole surface, and every name stays importable from here; the larger bodies live
 * beside it (sheet-dimensions.ts, sheet-objects.ts, sheet-model.ts), its record types in
 * sheet-types.ts.
 */
import type { ExecutionContext } from '../context';
import { normalizeColor, outValue } from './cell';
import type { FakeConditionalFormatRule } from './conditional-format';
import type { FakeEmbeddedChart } from './charts';
import { requireInteger, requireString, signatureError } from './errors';
import { displayValue } from './number-format';
import type { FakeProtection } from './protection';
import { FakeRange } from './range';
import { SheetData, type ClearWhat } from './sheet-data';
import * as dimensions from './sheet-dimensions';
import * as model from './sheet-model';
import * as objects from './sheet-objects';
import type {
  BorderRecord,
  ConvertedStringWrite,
  FormulaWrite,
  MergeRecord,
  SheetMethods,
} from './sheet-types';
import type { FakeSpreadsheet } from './spreadsheet';

export type {
  BorderRecord,
  ConvertedStringWrite,
  FormulaWrite,
  MergeRecord,
  SheetMethods,
} from './sheet-types';
import type { MethodOf } from '../call-cost';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

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
  /** Strings written through setValue(s)/appendRow that typed input made values; tests fail on them. */
  readonly convertedStringWrites: ConvertedStringWrite[] = [];

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

  // Count one Sheet call. Not private: sheet-dimensions.ts and sheet-objects.ts count theirs.
  read(method: MethodOf<GoogleAppsScript.Spreadsheet.Sheet>): void {
    this.ctx.call(`Sheet.${method}`, 'document-read');
  }

  write(method: MethodOf<GoogleAppsScript.Spreadsheet.Sheet>): Sheet {
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
    // The cells it returns are moved like getValues' (counted for the cost model).
    this.ctx.countCells(r.numRows * r.numCols, 'read');
    return this.data.values.read(r.row - 1, r.col - 1, r.numRows, r.numCols, outValue);
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
    this.ctx.countCells(rowContents.length, 'write');
    const row = this.contentLastRow() + 1;
    // appendRow grows the grid when the data reaches its edge, unlike getRange.
    if (row > this.maxRows) dimensions.growSheet(this, 'ROWS', row - this.maxRows);
    if (rowContents.length > this.maxColumns)
      dimensions.growSheet(this, 'COLUMNS', rowContents.length - this.maxColumns);
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
  // (bodies in sheet-dimensions.ts)

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return dimensions.insertRowsAfter(this, afterPosition, howMany);
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return dimensions.insertRowsBefore(this, beforePosition, howMany);
  }

  insertRowAfter(afterPosition: number): Sheet {
    return dimensions.insertRowAfter(this, afterPosition);
  }

  insertRowBefore(beforePosition: number): Sheet {
    return dimensions.insertRowBefore(this, beforePosition);
  }

  insertRows(rowIndex: number, numRows = 1): void {
    return dimensions.insertRows(this, rowIndex, numRows);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    return dimensions.deleteRows(this, rowPosition, howMany);
  }

  deleteRow(rowPosition: number): Sheet {
    return dimensions.deleteRow(this, rowPosition);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return dimensions.insertColumnsAfter(this, afterPosition, howMany);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return dimensions.insertColumnsBefore(this, beforePosition, howMany);
  }

  insertColumnAfter(afterPosition: number): Sheet {
    return dimensions.insertColumnAfter(this, afterPosition);
  }

  insertColumnBefore(beforePosition: number): Sheet {
    return dimensions.insertColumnBefore(this, beforePosition);
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    return dimensions.insertColumns(this, columnIndex, numColumns);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    return dimensions.deleteColumns(this, columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): Sheet {
    return dimensions.deleteColumn(this, columnPosition);
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    return dimensions.hideColumns(this, columnIndex, numColumns);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    return dimensions.showColumns(this, columnIndex, numColumns);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return dimensions.isColumnHiddenByUser(this, columnPosition);
  }

  hideRows(rowIndex: number, numRows = 1): void {
    return dimensions.hideRows(this, rowIndex, numRows);
  }

  showRows(rowIndex: number, numRows = 1): void {
    return dimensions.showRows(this, rowIndex, numRows);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    return dimensions.isRowHiddenByUser(this, rowPosition);
  }

  setFrozenRows(rows: number): void {
    return dimensions.setFrozenRows(this, rows);
  }

  getFrozenRows(): number {
    return dimensions.getFrozenRows(this);
  }

  setFrozenColumns(columns: number): void {
    return dimensions.setFrozenColumns(this, columns);
  }

  getFrozenColumns(): number {
    return dimensions.getFrozenColumns(this);
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    return dimensions.setColumnWidth(this, columnPosition, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    return dimensions.setColumnWidths(this, startColumn, numColumns, width);
  }

  getColumnWidth(columnPosition: number): number {
    return dimensions.getColumnWidth(this, columnPosition);
  }

  autoResizeColumn(columnPosition: number): Sheet {
    return dimensions.autoResizeColumn(this, columnPosition);
  }

  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    return dimensions.autoResizeColumns(this, startColumn, numColumns);
  }

  setRowHeight(rowPosition: number, height: number): Sheet {
    return dimensions.setRowHeight(this, rowPosition, height);
  }

  setRowHeights(startRow: number, numRows: number, height: number): Sheet {
    return dimensions.setRowHeights(this, startRow, numRows, height);
  }

  getRowHeight(rowPosition: number): number {
    return dimensions.getRowHeight(this, rowPosition);
  }

  // ------------------------------------------------------------------ protections
  // (this section and the next two: bodies in sheet-objects.ts)

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return objects.protect(this);
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    return objects.getProtections(this, type);
  }

  // ------------------------------------------------------------------ conditional formats

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    return objects.setConditionalFormatRules(this, rules);
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return objects.getConditionalFormatRules(this);
  }

  clearConditionalFormatRules(): void {
    return objects.clearConditionalFormatRules(this);
  }

  // ------------------------------------------------------------------ charts

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return objects.newChart(this);
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    return objects.insertChart(this, chart);
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    return objects.updateChart(this, chart);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    return objects.removeChart(this, chart);
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return objects.getCharts(this);
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
    return model.rangeAt(this, row, col, numRows, numCols, wholeColumns, wholeRows);
  }

  /** A range from A1 notation; a sheet-qualified reference resolves on the named sheet. */
  rangeFromA1(a1: string): FakeRange {
    return model.rangeFromA1(this, a1);
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
    model.writeEntered(this, r0, c0, rows, via);
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
    this.merges = model.withMerge(this.merges, range, kind);
  }

  breakMerges(range: FakeRange): void {
    this.merges = model.withoutMergesIn(this.merges, range);
  }

  /** The same object with the @types view. */
  asGas(): Sheet {
    return this as unknown as Sheet;
  }
}
