/**
 * The cells of one sheet, one sparse layer per attribute. Structural edits (insert/delete rows or
 * columns) and clears go through here so that every attribute moves together.
 */
import type { CellValue } from './cell';
import type { FakeDataValidation } from './data-validation';
import { Layer } from './layer';

export type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
export type FontStyle = GoogleAppsScript.Spreadsheet.FontStyle;

export const DEFAULTS = {
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal' as FontWeight,
  fontStyle: 'normal' as FontStyle,
  fontSize: 10,
  fontFamily: 'Arial',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrapStrategy: 'OVERFLOW',
  columnWidth: 100,
  rowHeight: 21,
};

export type ClearWhat = {
  contents: boolean;
  formats: boolean;
  validations: boolean;
  notes: boolean;
};

export class SheetData {
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly numberFormats = new Layer<string>();
  readonly backgrounds = new Layer<string>();
  readonly fontWeights = new Layer<FontWeight>();
  readonly fontColors = new Layer<string>();
  readonly fontStyles = new Layer<FontStyle>();
  readonly fontSizes = new Layer<number>();
  readonly fontFamilies = new Layer<string>();
  readonly horizontalAlignments = new Layer<string>();
  readonly verticalAlignments = new Layer<string>();
  readonly wrapStrategies = new Layer<string>();
  readonly notes = new Layer<string>();
  readonly validations = new Layer<FakeDataValidation>();

  /** The layers `clearFormat()` resets. */
  formatLayers(): Layer<unknown>[] {
    return [
      this.numberFormats,
      this.backgrounds,
      this.fontWeights,
      this.fontColors,
      this.fontStyles,
      this.fontSizes,
      this.fontFamilies,
      this.horizontalAlignments,
      this.verticalAlignments,
      this.wrapStrategies,
    ] as Layer<unknown>[];
  }

  allLayers(): Layer<unknown>[] {
    return [
      this.values,
      this.formulas,
      this.notes,
      this.validations,
      ...this.formatLayers(),
    ] as Layer<unknown>[];
  }

  /** Clears a 0-based rectangle. */
  clear(r0: number, c0: number, numRows: number, numCols: number, what: ClearWhat): void {
    const layers: Layer<unknown>[] = [];
    if (what.contents) layers.push(this.values as Layer<unknown>, this.formulas as Layer<unknown>);
    if (what.formats) layers.push(...this.formatLayers());
    if (what.validations) layers.push(this.validations as Layer<unknown>);
    if (what.notes) layers.push(this.notes as Layer<unknown>);
    for (const layer of layers) layer.fill(r0, c0, numRows, numCols, undefined);
  }

  /** Last 0-based row / column holding a value or a formula (-1 when empty). */
  lastContentRow(): number {
    return Math.max(
      this.values.lastRow((v) => v !== ''),
      this.formulas.lastRow(),
    );
  }

  lastContentColumn(): number {
    return Math.max(
      this.values.lastColumn((v) => v !== ''),
      this.formulas.lastColumn(),
    );
  }

  insertRows(at: number, count: number): void {
    for (const l of this.allLayers()) l.insertRows(at, count);
  }

  deleteRows(at: number, count: number): void {
    for (const l of this.allLayers()) l.deleteRows(at, count);
  }

  insertColumns(at: number, count: number): void {
    for (const l of this.allLayers()) l.insertColumns(at, count);
  }

  deleteColumns(at: number, count: number): void {
    for (const l of this.allLayers()) l.deleteColumns(at, count);
  }

  /** A deep copy (sheet templates / duplicates). */
  clone(): SheetData {
    const out = new SheetData();
    const src = this.allLayers();
    const dst = out.allLayers();
    src.forEach((layer, i) => {
      dst[i].rows = layer.clone((v) => (v instanceof Date ? new Date(v.getTime()) : v)).rows;
    });
    return out;
  }
}
