/**
 * A rectangle of a sheet. Every public method is one counted service call checked against the
 * execution's authorisation mode; the uncounted helpers at the end serve the rest of the model.
 */
import type { ExecutionContext } from '../context';
import { formatA1, quoteSheetName } from './a1';
import { normalizeColor, outValue } from './cell';
import { colorObject } from './color';
import { FakeDataValidation } from './data-validation';
import { deprecatedError, requireInteger, requireShape, signatureError } from './errors';
import { shiftFormula } from './formula';
import type { Layer } from './layer';
import { DEFAULT_NUMBER_FORMAT } from './number-format';
import { FakeProtection } from './protection';
import { registerFakeRange } from './range-identity';
import { DEFAULTS, type FontStyle, type FontWeight } from './sheet-data';
import type { FakeSheet } from './sheet';
import type { MethodOf } from '../call-cost';

type Range = GoogleAppsScript.Spreadsheet.Range;
type HAlign = 'left' | 'center' | 'normal' | 'right';
type VAlign = 'top' | 'middle' | 'bottom';

export type RangeMethods =
  | 'activate'
  | 'breakApart'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontColorObject'
  | 'getFontColorObjects'
  | 'getFontColors'
  | 'getFontFamilies'
  | 'getFontFamily'
  | 'getFontSize'
  | 'getFontSizes'
  | 'getFontStyle'
  | 'getFontStyles'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getVerticalAlignment'
  | 'getVerticalAlignments'
  | 'getWrap'
  | 'getWrapStrategies'
  | 'getWrapStrategy'
  | 'getWraps'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isEndColumnBounded'
  | 'isEndRowBounded'
  | 'isStartColumnBounded'
  | 'isStartRowBounded'
  | 'merge'
  | 'mergeAcross'
  | 'mergeVertically'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setBorder'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontFamilies'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setFontSizes'
  | 'setFontStyle'
  | 'setFontStyles'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setVerticalAlignments'
  | 'setWrap'
  | 'setWrapStrategies'
  | 'setWrapStrategy'
  | 'setWraps';

const H_ALIGN = new Set(['left', 'center', 'normal', 'right']);
const V_ALIGN = new Set(['top', 'middle', 'bottom']);
const WRAPS = new Set(['WRAP', 'OVERFLOW', 'CLIP']);

export class FakeRange implements Pick<Range, RangeMethods> {
  constructor(
    readonly sheet: FakeSheet,
    /** 1-based top-left corner and size. */
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
    /** Obtained as `A:C` / `1:3`: reported that way by getA1Notation. */
    readonly wholeColumns = false,
    readonly wholeRows = false,
  ) {
    registerFakeRange(this);
  }

  private get ctx(): ExecutionContext {
    return this.sheet.parent.ctx;
  }

  private read(method: MethodOf<GoogleAppsScript.Spreadsheet.Range>): void {
    this.ctx.call(`Range.${method}`, 'document-read');
    this.countCells(method, 'read');
  }

  private write(method: MethodOf<GoogleAppsScript.Spreadsheet.Range>): Range {
    this.ctx.call(`Range.${method}`, 'document-write');
    this.countCells(method, 'write');
    return this as unknown as Range;
  }

  /** Methods that move one value per cell (getValues, setBackgrounds, …) cost by area. */
  private countCells(method: string, direction: 'read' | 'write'): void {
    if (
      /^(get|set)[A-Za-z]*s$/.test(method) &&
      method !== 'getNumColumns' &&
      method !== 'getNumRows'
    ) {
      this.ctx.countCells(this.numRows * this.numCols, direction);
    }
  }

  private get r0(): number {
    return this.row - 1;
  }

  private get c0(): number {
    return this.col - 1;
  }

  private grid<T, U>(layer: Layer<T>, map: (v: T | undefined) => U): U[][] {
    return layer.read(this.r0, this.c0, this.numRows, this.numCols, map);
  }

  /** Writes one value of a plural setter's grid per cell after the shape check. */
  private each<T>(method: string, data: unknown, set: (r: number, c: number, v: T) => void): void {
    requireShape(`Range.${method}`, data, this.numRows, this.numCols);
    const rows = data as T[][];
    for (let i = 0; i < this.numRows; i++) {
      const line = rows[i];
      for (let j = 0; j < this.numCols; j++) set(this.r0 + i, this.c0 + j, line[j]);
    }
  }

  // ------------------------------------------------------------------ values and formulas

  getValues(): unknown[][] {
    this.read('getValues');
    return this.grid(this.sheet.data.values, outValue);
  }

  getValue(): unknown {
    this.read('getValue');
    return outValue(this.sheet.data.values.get(this.r0, this.c0));
  }

  setValues(values: unknown[][]): Range {
    const self = this.write('setValues');
    requireShape('Range.setValues', values, this.numRows, this.numCols);
    this.sheet.writeEntered(this.r0, this.c0, values, 'setValues');
    return self;
  }

  setValue(value: unknown): Range {
    const self = this.write('setValue');
    const formula = typeof value === 'string' && value.length > 1 && value[0] === '=';
    this.sheet.writeEntered(this.r0, this.c0, this.fillGrid(value, formula), 'setValue');
    return self;
  }

  /** The same input for every cell; formulas move their relative references like a fill. */
  private fillGrid(value: unknown, formula: boolean): unknown[][] {
    const out: unknown[][] = new Array(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const line = new Array(this.numCols);
      for (let j = 0; j < this.numCols; j++)
        line[j] = formula ? shiftFormula(value as string, i, j) : value;
      out[i] = line;
    }
    return out;
  }

  getDisplayValues(): string[][] {
    this.read('getDisplayValues');
    const out: string[][] = new Array(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const line: string[] = new Array(this.numCols);
      for (let j = 0; j < this.numCols; j++)
        line[j] = this.sheet.displayAt(this.r0 + i, this.c0 + j);
      out[i] = line;
    }
    return out;
  }

  getDisplayValue(): string {
    this.read('getDisplayValue');
    return this.sheet.displayAt(this.r0, this.c0);
  }

  getFormulas(): string[][] {
    this.read('getFormulas');
    return this.grid(this.sheet.data.formulas, (v) => v ?? '');
  }

  getFormula(): string {
    this.read('getFormula');
    return this.sheet.data.formulas.get(this.r0, this.c0) ?? '';
  }

  setFormula(formula: string): Range {
    const self = this.write('setFormula');
    if (typeof formula !== 'string') throw signatureError('Range.setFormula', [formula]);
    this.sheet.writeEntered(
      this.r0,
      this.c0,
      this.fillGrid(formula, formula.startsWith('=')),
      null,
    );
    return self;
  }

  setFormulas(formulas: string[][]): Range {
    const self = this.write('setFormulas');
    requireShape('Range.setFormulas', formulas, this.numRows, this.numCols);
    this.sheet.writeEntered(this.r0, this.c0, formulas, null);
    return self;
  }

  isBlank(): boolean {
    this.read('isBlank');
    const d = this.sheet.data;
    const hasValue = d.values
      .read(this.r0, this.c0, this.numRows, this.numCols, (v) => v !== undefined && v !== '')
      .some((l) => l.includes(true));
    return !hasValue && !d.formulas.anyIn(this.r0, this.c0, this.numRows, this.numCols);
  }

  // ------------------------------------------------------------------ number formats

  getNumberFormats(): string[][] {
    this.read('getNumberFormats');
    return this.grid(this.sheet.data.numberFormats, (v) => v ?? DEFAULT_NUMBER_FORMAT);
  }

  getNumberFormat(): string {
    this.read('getNumberFormat');
    return this.sheet.data.numberFormats.get(this.r0, this.c0) ?? DEFAULT_NUMBER_FORMAT;
  }

  setNumberFormat(numberFormat: string): Range {
    const self = this.write('setNumberFormat');
    if (typeof numberFormat !== 'string')
      throw signatureError('Range.setNumberFormat', [numberFormat]);
    this.fill(this.sheet.data.numberFormats, numberFormat === '' ? undefined : numberFormat);
    return self;
  }

  setNumberFormats(numberFormats: string[][]): Range {
    const self = this.write('setNumberFormats');
    const layer = this.sheet.data.numberFormats;
    this.each<string>('setNumberFormats', numberFormats, (r, c, v) => {
      if (typeof v !== 'string') throw signatureError('Range.setNumberFormats', [numberFormats]);
      layer.set(r, c, v === '' ? undefined : v);
    });
    return self;
  }

  private fill<T>(layer: Layer<T>, v: T | undefined): void {
    layer.fill(this.r0, this.c0, this.numRows, this.numCols, v);
  }

  // ------------------------------------------------------------------ colours and fonts

  getBackgrounds(): string[][] {
    this.read('getBackgrounds');
    return this.grid(this.sheet.data.backgrounds, (v) => v ?? DEFAULTS.background);
  }

  getBackground(): string {
    this.read('getBackground');
    return this.sheet.data.backgrounds.get(this.r0, this.c0) ?? DEFAULTS.background;
  }

  setBackground(color: string | null): Range {
    const self = this.write('setBackground');
    this.fill(this.sheet.data.backgrounds, color === null ? undefined : normalizeColor(color));
    return self;
  }

  setBackgrounds(color: Array<Array<string | null>>): Range {
    const self = this.write('setBackgrounds');
    const layer = this.sheet.data.backgrounds;
    this.each<string | null>('setBackgrounds', color, (r, c, v) =>
      layer.set(r, c, v === null || v === '' ? undefined : normalizeColor(v)),
    );
    return self;
  }

  /**
   * Deprecated: "Deprecated, use getFontColorObjects" (@types/google-apps-script, after the Range
   * reference's "Deprecated methods"); refused like every deprecated method (errors.ts).
   */
  getFontColors(): string[][] {
    this.read('getFontColors');
    throw deprecatedError('Range.getFontColors()', 'getFontColorObjects()');
  }

  /** Deprecated: "Deprecated, use getFontColorObject"; refused. */
  getFontColor(): string {
    this.read('getFontColor');
    throw deprecatedError('Range.getFontColor()', 'getFontColorObject()');
  }

  getFontColorObjects(): GoogleAppsScript.Spreadsheet.Color[][] {
    this.read('getFontColorObjects');
    return this.grid(
      this.sheet.data.fontColors,
      (v) => colorObject(this.ctx, v ?? DEFAULTS.fontColor) as GoogleAppsScript.Spreadsheet.Color,
    );
  }

  getFontColorObject(): GoogleAppsScript.Spreadsheet.Color {
    this.read('getFontColorObject');
    const v = this.sheet.data.fontColors.get(this.r0, this.c0) ?? DEFAULTS.fontColor;
    return colorObject(this.ctx, v) as GoogleAppsScript.Spreadsheet.Color;
  }

  setFontColor(color: string | null): Range {
    const self = this.write('setFontColor');
    this.fill(this.sheet.data.fontColors, color === null ? undefined : normalizeColor(color));
    return self;
  }

  setFontColors(colors: unknown[][]): Range {
    const self = this.write('setFontColors');
    const layer = this.sheet.data.fontColors;
    this.each<string | null>('setFontColors', colors, (r, c, v) =>
      layer.set(r, c, v === null || v === '' ? undefined : normalizeColor(String(v))),
    );
    return self;
  }

  getFontWeights(): FontWeight[][] {
    this.read('getFontWeights');
    return this.grid(this.sheet.data.fontWeights, (v) => v ?? DEFAULTS.fontWeight);
  }

  getFontWeight(): FontWeight {
    this.read('getFontWeight');
    return this.sheet.data.fontWeights.get(this.r0, this.c0) ?? DEFAULTS.fontWeight;
  }

  private fontWeight(method: string, v: unknown): FontWeight | undefined {
    if (v === null) return undefined;
    if (v !== 'bold' && v !== 'normal')
      throw new Error(`Invalid argument: fontWeight (Range.${method})`);
    return v === 'normal' ? undefined : v;
  }

  setFontWeight(fontWeight: FontWeight | null): Range {
    const self = this.write('setFontWeight');
    this.fill(this.sheet.data.fontWeights, this.fontWeight('setFontWeight', fontWeight));
    return self;
  }

  setFontWeights(fontWeights: Array<Array<FontWeight | null>>): Range {
    const self = this.write('setFontWeights');
    const layer = this.sheet.data.fontWeights;
    this.each<FontWeight | null>('setFontWeights', fontWeights, (r, c, v) =>
      layer.set(r, c, this.fontWeight('setFontWeights', v)),
    );
    return self;
  }

  getFontStyles(): FontStyle[][] {
    this.read('getFontStyles');
    return this.grid(this.sheet.data.fontStyles, (v) => v ?? DEFAULTS.fontStyle);
  }

  getFontStyle(): FontStyle {
    this.read('getFontStyle');
    return this.sheet.data.fontStyles.get(this.r0, this.c0) ?? DEFAULTS.fontStyle;
  }

  private fontStyle(method: string, v: unknown): FontStyle | undefined {
    if (v === null) return undefined;
    if (v !== 'italic' && v !== 'normal')
      throw new Error(`Invalid argument: fontStyle (Range.${method})`);
    return v === 'normal' ? undefined : v;
  }

  setFontStyle(fontStyle: FontStyle | null): Range {
    const self = this.write('setFontStyle');
    this.fill(this.sheet.data.fontStyles, this.fontStyle('setFontStyle', fontStyle));
    return self;
  }

  setFontStyles(fontStyles: Array<Array<FontStyle | null>>): Range {
    const self = this.write('setFontStyles');
    const layer = this.sheet.data.fontStyles;
    this.each<FontStyle | null>('setFontStyles', fontStyles, (r, c, v) =>
      layer.set(r, c, this.fontStyle('setFontStyles', v)),
    );
    return self;
  }

  getFontSizes(): number[][] {
    this.read('getFontSizes');
    return this.grid(this.sheet.data.fontSizes, (v) => v ?? DEFAULTS.fontSize);
  }

  getFontSize(): number {
    this.read('getFontSize');
    return this.sheet.data.fontSizes.get(this.r0, this.c0) ?? DEFAULTS.fontSize;
  }

  private fontSize(method: string, v: unknown): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
      throw signatureError(`Range.${method}`, [v]);
    return Math.round(v);
  }

  setFontSize(size: number): Range {
    const self = this.write('setFontSize');
    this.fill(this.sheet.data.fontSizes, this.fontSize('setFontSize', size));
    return self;
  }

  setFontSizes(sizes: number[][]): Range {
    const self = this.write('setFontSizes');
    const layer = this.sheet.data.fontSizes;
    this.each<number>('setFontSizes', sizes, (r, c, v) =>
      layer.set(r, c, this.fontSize('setFontSizes', v)),
    );
    return self;
  }

  getFontFamilies(): string[][] {
    this.read('getFontFamilies');
    return this.grid(this.sheet.data.fontFamilies, (v) => v ?? DEFAULTS.fontFamily);
  }

  getFontFamily(): string {
    this.read('getFontFamily');
    return this.sheet.data.fontFamilies.get(this.r0, this.c0) ?? DEFAULTS.fontFamily;
  }

  setFontFamily(fontFamily: string | null): Range {
    const self = this.write('setFontFamily');
    this.fill(this.sheet.data.fontFamilies, fontFamily === null ? undefined : fontFamily);
    return self;
  }

  setFontFamilies(fontFamilies: Array<Array<string | null>>): Range {
    const self = this.write('setFontFamilies');
    const layer = this.sheet.data.fontFamilies;
    this.each<string | null>('setFontFamilies', fontFamilies, (r, c, v) =>
      layer.set(r, c, v === null ? undefined : v),
    );
    return self;
  }

  // ------------------------------------------------------------------ alignment and wrapping

  getHorizontalAlignments(): string[][] {
    this.read('getHorizontalAlignments');
    return this.grid(
      this.sheet.data.horizontalAlignments,
      (v) => v ?? DEFAULTS.horizontalAlignment,
    );
  }

  getHorizontalAlignment(): string {
    this.read('getHorizontalAlignment');
    return (
      this.sheet.data.horizontalAlignments.get(this.r0, this.c0) ?? DEFAULTS.horizontalAlignment
    );
  }

  private hAlign(method: string, v: unknown): string | undefined {
    if (v === null) return undefined;
    if (typeof v !== 'string' || !H_ALIGN.has(v))
      throw new Error(`Invalid argument: alignment (Range.${method})`);
    return v === 'normal' ? undefined : v;
  }

  setHorizontalAlignment(alignment: HAlign | null): Range {
    const self = this.write('setHorizontalAlignment');
    this.fill(
      this.sheet.data.horizontalAlignments,
      this.hAlign('setHorizontalAlignment', alignment),
    );
    return self;
  }

  setHorizontalAlignments(alignments: Array<Array<HAlign | null>>): Range {
    const self = this.write('setHorizontalAlignments');
    const layer = this.sheet.data.horizontalAlignments;
    this.each<HAlign | null>('setHorizontalAlignments', alignments, (r, c, v) =>
      layer.set(r, c, this.hAlign('setHorizontalAlignments', v)),
    );
    return self;
  }

  getVerticalAlignments(): string[][] {
    this.read('getVerticalAlignments');
    return this.grid(this.sheet.data.verticalAlignments, (v) => v ?? DEFAULTS.verticalAlignment);
  }

  getVerticalAlignment(): string {
    this.read('getVerticalAlignment');
    return this.sheet.data.verticalAlignments.get(this.r0, this.c0) ?? DEFAULTS.verticalAlignment;
  }

  private vAlign(method: string, v: unknown): string | undefined {
    if (v === null) return undefined;
    if (typeof v !== 'string' || !V_ALIGN.has(v))
      throw new Error(`Invalid argument: alignment (Range.${method})`);
    return v === 'bottom' ? undefined : v;
  }

  setVerticalAlignment(alignment: VAlign | null): Range {
    const self = this.write('setVerticalAlignment');
    this.fill(this.sheet.data.verticalAlignments, this.vAlign('setVerticalAlignment', alignment));
    return self;
  }

  setVerticalAlignments(alignments: Array<Array<VAlign | null>>): Range {
    const self = this.write('setVerticalAlignments');
    const layer = this.sheet.data.verticalAlignments;
    this.each<VAlign | null>('setVerticalAlignments', alignments, (r, c, v) =>
      layer.set(r, c, this.vAlign('setVerticalAlignments', v)),
    );
    return self;
  }

  getWrap(): boolean {
    this.read('getWrap');
    return (
      (this.sheet.data.wrapStrategies.get(this.r0, this.c0) ?? DEFAULTS.wrapStrategy) === 'WRAP'
    );
  }

  getWraps(): boolean[][] {
    this.read('getWraps');
    return this.grid(
      this.sheet.data.wrapStrategies,
      (v) => (v ?? DEFAULTS.wrapStrategy) === 'WRAP',
    );
  }

  setWrap(isWrapEnabled: boolean): Range {
    const self = this.write('setWrap');
    if (typeof isWrapEnabled !== 'boolean') throw signatureError('Range.setWrap', [isWrapEnabled]);
    this.fill(this.sheet.data.wrapStrategies, isWrapEnabled ? 'WRAP' : undefined);
    return self;
  }

  setWraps(isWrapEnabled: boolean[][]): Range {
    const self = this.write('setWraps');
    const layer = this.sheet.data.wrapStrategies;
    this.each<boolean>('setWraps', isWrapEnabled, (r, c, v) =>
      layer.set(r, c, v ? 'WRAP' : undefined),
    );
    return self;
  }

  getWrapStrategy(): GoogleAppsScript.Spreadsheet.WrapStrategy {
    this.read('getWrapStrategy');
    return (this.sheet.data.wrapStrategies.get(this.r0, this.c0) ??
      DEFAULTS.wrapStrategy) as unknown as GoogleAppsScript.Spreadsheet.WrapStrategy;
  }

  getWrapStrategies(): GoogleAppsScript.Spreadsheet.WrapStrategy[][] {
    this.read('getWrapStrategies');
    return this.grid(
      this.sheet.data.wrapStrategies,
      (v) => (v ?? DEFAULTS.wrapStrategy) as unknown as GoogleAppsScript.Spreadsheet.WrapStrategy,
    );
  }

  private wrap(method: string, v: unknown): string | undefined {
    const name = String(v);
    if (!WRAPS.has(name)) throw signatureError(`Range.${method}`, [v]);
    return name === DEFAULTS.wrapStrategy ? undefined : name;
  }

  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): Range {
    const self = this.write('setWrapStrategy');
    this.fill(this.sheet.data.wrapStrategies, this.wrap('setWrapStrategy', strategy));
    return self;
  }

  setWrapStrategies(strategies: GoogleAppsScript.Spreadsheet.WrapStrategy[][]): Range {
    const self = this.write('setWrapStrategies');
    const layer = this.sheet.data.wrapStrategies;
    this.each<unknown>('setWrapStrategies', strategies, (r, c, v) =>
      layer.set(r, c, this.wrap('setWrapStrategies', v)),
    );
    return self;
  }

  // ------------------------------------------------------------------ notes

  getNote(): string {
    this.read('getNote');
    return this.sheet.data.notes.get(this.r0, this.c0) ?? '';
  }

  getNotes(): string[][] {
    this.read('getNotes');
    return this.grid(this.sheet.data.notes, (v) => v ?? '');
  }

  setNote(note: string | null): Range {
    const self = this.write('setNote');
    this.fill(this.sheet.data.notes, note === null || note === '' ? undefined : String(note));
    return self;
  }

  setNotes(notes: Array<Array<string | null>>): Range {
    const self = this.write('setNotes');
    const layer = this.sheet.data.notes;
    this.each<string | null>('setNotes', notes, (r, c, v) =>
      layer.set(r, c, v === null || v === '' ? undefined : String(v)),
    );
    return self;
  }

  clearNote(): Range {
    const self = this.write('clearNote');
    this.fill(this.sheet.data.notes, undefined);
    return self;
  }

  // ------------------------------------------------------------------ data validation

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    this.read('getDataValidation');
    return (this.sheet.data.validations.get(this.r0, this.c0) ??
      null) as unknown as GoogleAppsScript.Spreadsheet.DataValidation | null;
  }

  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    this.read('getDataValidations');
    return this.grid(
      this.sheet.data.validations,
      (v) => (v ?? null) as unknown as GoogleAppsScript.Spreadsheet.DataValidation | null,
    );
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    const self = this.write('setDataValidation');
    if (rule !== null && !(rule instanceof FakeDataValidation))
      throw signatureError('Range.setDataValidation', [rule]);
    this.fill(
      this.sheet.data.validations,
      rule === null ? undefined : (rule as FakeDataValidation),
    );
    return self;
  }

  setDataValidations(
    rules: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>>,
  ): Range {
    const self = this.write('setDataValidations');
    const layer = this.sheet.data.validations;
    this.each<unknown>('setDataValidations', rules, (r, c, v) => {
      if (v !== null && !(v instanceof FakeDataValidation))
        throw signatureError('Range.setDataValidations', [rules]);
      layer.set(r, c, v === null ? undefined : v);
    });
    return self;
  }

  clearDataValidations(): Range {
    const self = this.write('clearDataValidations');
    this.fill(this.sheet.data.validations, undefined);
    return self;
  }

  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): Range {
    const self = this.write('insertCheckboxes');
    const args = [checkedValue, uncheckedValue].filter((a) => a !== undefined);
    const rule = new FakeDataValidation(this.ctx, {
      criteria: 'CHECKBOX',
      values: args,
      allowInvalid: false,
      helpText: null,
    });
    this.fill(this.sheet.data.validations, rule);
    // Empty cells become unchecked boxes.
    const unchecked = uncheckedValue !== undefined ? uncheckedValue : args.length > 0 ? '' : false;
    const values = this.sheet.data.values;
    for (let r = this.r0; r < this.r0 + this.numRows; r++) {
      for (let c = this.c0; c < this.c0 + this.numCols; c++) {
        const v = values.get(r, c);
        if (
          (v === undefined || v === '') &&
          unchecked !== '' &&
          !this.sheet.data.formulas.get(r, c)
        ) {
          this.sheet.writeEntered(r, c, [[unchecked]], null);
        }
      }
    }
    return self;
  }

  // ------------------------------------------------------------------ clearing

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): Range {
    const self = this.write('clear');
    const o = options ?? {};
    const some = !!(o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly);
    this.sheet.clearRect(this.r0, this.c0, this.numRows, this.numCols, {
      contents: !some || !!o.contentsOnly,
      formats: !some || !!o.formatOnly,
      validations: !some || !!o.validationsOnly,
      notes: !some || !!o.commentsOnly,
    });
    return self;
  }

  clearContent(): Range {
    const self = this.write('clearContent');
    this.sheet.clearRect(this.r0, this.c0, this.numRows, this.numCols, {
      contents: true,
      formats: false,
      validations: false,
      notes: false,
    });
    return self;
  }

  clearFormat(): Range {
    const self = this.write('clearFormat');
    this.sheet.clearRect(this.r0, this.c0, this.numRows, this.numCols, {
      contents: false,
      formats: true,
      validations: false,
      notes: false,
    });
    return self;
  }

  // ------------------------------------------------------------------ geometry

  getA1Notation(): string {
    this.read('getA1Notation');
    return this.getA1NotationInternal();
  }

  getRow(): number {
    this.read('getRow');
    return this.row;
  }

  getRowIndex(): number {
    this.read('getRowIndex');
    return this.row;
  }

  getColumn(): number {
    this.read('getColumn');
    return this.col;
  }

  getLastRow(): number {
    this.read('getLastRow');
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    this.read('getLastColumn');
    return this.col + this.numCols - 1;
  }

  getNumRows(): number {
    this.read('getNumRows');
    return this.numRows;
  }

  getNumColumns(): number {
    this.read('getNumColumns');
    return this.numCols;
  }

  getGridId(): number {
    this.read('getGridId');
    return this.sheet.sheetId;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.read('getSheet');
    return this.sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  isStartRowBounded(): boolean {
    this.read('isStartRowBounded');
    return !this.wholeColumns;
  }

  isEndRowBounded(): boolean {
    this.read('isEndRowBounded');
    return !this.wholeColumns;
  }

  isStartColumnBounded(): boolean {
    this.read('isStartColumnBounded');
    return !this.wholeRows;
  }

  isEndColumnBounded(): boolean {
    this.read('isEndColumnBounded');
    return !this.wholeRows;
  }

  getCell(row: number, column: number): Range {
    this.read('getCell');
    requireInteger('Range.getCell', [row, column], 0, 1);
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols)
      throw new Error('Cell reference out of range');
    return this.sheet.rangeAt(this.row + row - 1, this.col + column - 1, 1, 1) as unknown as Range;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    this.read('offset');
    const args = [rowOffset, columnOffset, numRows, numColumns].filter((a) => a !== undefined);
    requireInteger('Range.offset', args, ...args.map((_, i) => i));
    return this.sheet.rangeAt(
      this.row + rowOffset,
      this.col + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numCols,
    ) as unknown as Range;
  }

  activate(): Range {
    const self = this.write('activate');
    this.sheet.parent.activeSheet = this.sheet;
    this.sheet.parent.activeRange = this;
    return self;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.write('protect');
    const p = new FakeProtection(this.ctx, this.sheet, 'RANGE', this);
    this.sheet.protections.push(p);
    return p as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  // ------------------------------------------------------------------ recorded-only formatting

  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): Range {
    const self = this.write('setBorder');
    this.sheet.borders.push({
      range: this.getA1NotationInternal(),
      top,
      left,
      bottom,
      right,
      vertical,
      horizontal,
      color: color === undefined || color === null ? null : normalizeColor(color),
      style: style === undefined || style === null ? null : String(style),
    });
    return self;
  }

  merge(): Range {
    const self = this.write('merge');
    this.sheet.addMerge(this, 'ALL');
    return self;
  }

  mergeAcross(): Range {
    const self = this.write('mergeAcross');
    this.sheet.addMerge(this, 'ACROSS');
    return self;
  }

  mergeVertically(): Range {
    const self = this.write('mergeVertically');
    this.sheet.addMerge(this, 'VERTICAL');
    return self;
  }

  breakApart(): Range {
    const self = this.write('breakApart');
    this.sheet.breakMerges(this);
    return self;
  }

  // ------------------------------------------------------------------ uncounted helpers

  /** getA1Notation without counting a call. */
  getA1NotationInternal(): string {
    return formatA1(this, this.wholeColumns, this.wholeRows);
  }

  /** `'Sheet name'!A1:B2`, for snapshots and chart/validation descriptions. */
  qualifiedA1(): string {
    return `${quoteSheetName(this.sheet.name)}!${this.getA1NotationInternal()}`;
  }

  /** The same cells as a Google-typed Range (this object, with the @types view). */
  asGas(): Range {
    return this as unknown as Range;
  }
}
