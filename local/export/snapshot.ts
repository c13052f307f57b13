/**
 * A plain, JSON-ready picture of a local workbook for assertions and golden files. It reads the
 * model directly, so taking a snapshot is not a service call and does not disturb call counts.
 */
import { cellA1, formatA1, quoteSheetName } from '../spreadsheet/a1';
import type { CellValue } from '../spreadsheet/cell';
import { CellError } from '../spreadsheet/cell-error';
import type { Layer } from '../spreadsheet/layer';
import type { FakeDataValidation } from '../spreadsheet/data-validation';
import type { RuleDescription } from '../spreadsheet/conditional-format';
import type { ChartPosition } from '../spreadsheet/charts';
import type { FakeSheet } from '../spreadsheet/sheet';
import type { FakeSpreadsheet } from '../spreadsheet/spreadsheet';

export type SnapshotValue = string | number | boolean;

export interface SheetSnapshot {
  name: string;
  sheetId: number;
  index: number;
  maxRows: number;
  maxColumns: number;
  /** The data range (A1 to last row/column with content); the 2-D arrays below cover it. */
  dataRange: string;
  /** Dates as ISO strings. */
  values: SnapshotValue[][];
  /** '' where a cell holds no formula. */
  formulas: string[][];
  displayValues: string[][];
  /** '' where nobody set a format. */
  numberFormats: string[][];
  /** Sparse maps A1 → value, for every cell where the attribute differs from the default. */
  backgrounds: Record<string, string>;
  fontWeights: Record<string, string>;
  fontColors: Record<string, string>;
  fontStyles: Record<string, string>;
  fontSizes: Record<string, number>;
  horizontalAlignments: Record<string, string>;
  verticalAlignments: Record<string, string>;
  wrapStrategies: Record<string, string>;
  notes: Record<string, string>;
  frozenRows: number;
  frozenColumns: number;
  /** Column number → width in pixels, only where set (default 100). */
  columnWidths: Record<string, number>;
  autoResizedColumns: Array<{ startColumn: number; numColumns: number }>;
  tabColor: string | null;
  hidden: boolean;
  merges: Array<{ range: string; kind: string }>;
  dataValidations: Array<{
    range: string;
    type: string;
    values: unknown[];
    allowInvalid: boolean;
    helpText: string | null;
  }>;
  conditionalFormatRules: RuleDescription[];
  protections: Array<{
    type: string;
    range: string;
    description: string;
    warningOnly: boolean;
    editors: string[];
  }>;
  charts: Array<{
    id: number | null;
    type: string | null;
    ranges: string[];
    position: ChartPosition;
    options: Record<string, unknown>;
  }>;
  /** Formulas that reached the sheet through setValue(s)/appendRow. */
  unintendedFormulaWrites: Array<{ cell: string; formula: string; method: string }>;
  /** Strings written that Sheets' typed input turned into numbers, dates, booleans or errors. */
  convertedStringWrites: Array<{ cell: string; input: string; became: string; method: string }>;
}

export interface WorkbookSnapshot {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  activeSheet: string;
  sheets: SheetSnapshot[];
  namedRanges: Array<{ name: string; range: string }>;
  toasts: Array<{ message: string; title: string | null; timeout: number | null }>;
}

function plain(v: CellValue | undefined): SnapshotValue {
  if (v === undefined) return '';
  if (v instanceof CellError) return v.code;
  return v instanceof Date ? v.toISOString() : v;
}

function sparse<T>(layer: Layer<T>, map: (v: T) => T = (v) => v): Record<string, T> {
  const out: Record<string, T> = {};
  layer.forEach((v, r, c) => {
    out[cellA1(r + 1, c + 1)] = map(v);
  });
  return out;
}

/** Groups cells with equal validation rules into rectangles (runs per row, stacked down). */
function validationRanges(sheet: FakeSheet): SheetSnapshot['dataValidations'] {
  type Rect = {
    row: number;
    col: number;
    numRows: number;
    numCols: number;
    rule: FakeDataValidation;
    key: string;
  };
  const runsByRow: Rect[][] = [];
  sheet.data.validations.rows.forEach((row, r) => {
    if (!row) return;
    const runs: Rect[] = [];
    row.forEach((rule, c) => {
      if (!rule) return;
      const key = JSON.stringify(rule.describe());
      const last = runs[runs.length - 1];
      if (last && last.key === key && last.col + last.numCols === c + 1) last.numCols++;
      else runs.push({ row: r + 1, col: c + 1, numRows: 1, numCols: 1, rule, key });
    });
    runsByRow[r] = runs;
  });
  const open: Rect[] = [];
  const done: Rect[] = [];
  for (let r = 0; r < runsByRow.length; r++) {
    const runs = runsByRow[r] ?? [];
    const stillOpen: Rect[] = [];
    for (const rect of open) {
      const i = runs.findIndex(
        (x) => x.key === rect.key && x.col === rect.col && x.numCols === rect.numCols,
      );
      if (i >= 0 && rect.row + rect.numRows === r + 1) {
        rect.numRows++;
        runs.splice(i, 1);
        stillOpen.push(rect);
      } else done.push(rect);
    }
    open.length = 0;
    open.push(...stillOpen, ...runs);
  }
  done.push(...open);
  done.sort((a, b) => a.row - b.row || a.col - b.col);
  return done.map((rect) => ({ range: formatA1(rect), ...rect.rule.describe() }));
}

export function snapshotSheet(sheet: FakeSheet): SheetSnapshot {
  const d = sheet.data;
  const lastRow = sheet.contentLastRow();
  const lastCol = sheet.contentLastColumn();
  const nr = lastRow;
  const nc = lastRow === 0 ? 0 : lastCol;
  const displayValues: string[][] = [];
  for (let r = 0; r < nr; r++) {
    const line: string[] = [];
    for (let c = 0; c < nc; c++) line.push(sheet.displayAt(r, c));
    displayValues.push(line);
  }
  return {
    name: sheet.name,
    sheetId: sheet.sheetId,
    index: sheet.parent.sheets.indexOf(sheet) + 1,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    dataRange: formatA1({ row: 1, col: 1, numRows: Math.max(nr, 1), numCols: Math.max(nc, 1) }),
    values: d.values.read(0, 0, nr, nc, plain),
    formulas: d.formulas.read(0, 0, nr, nc, (v) => v ?? ''),
    displayValues,
    numberFormats: d.numberFormats.read(0, 0, nr, nc, (v) => v ?? ''),
    backgrounds: sparse(d.backgrounds),
    fontWeights: sparse(d.fontWeights),
    fontColors: sparse(d.fontColors),
    fontStyles: sparse(d.fontStyles),
    fontSizes: sparse(d.fontSizes),
    horizontalAlignments: sparse(d.horizontalAlignments),
    verticalAlignments: sparse(d.verticalAlignments),
    wrapStrategies: sparse(d.wrapStrategies),
    notes: sparse(d.notes),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    columnWidths: Object.fromEntries(
      [...sheet.columnWidths].sort(([a], [b]) => a - b).map(([k, v]) => [String(k), v]),
    ),
    autoResizedColumns: sheet.autoResizedColumns.map((x) => ({ ...x })),
    tabColor: sheet.tabColor,
    hidden: sheet.hidden,
    merges: sheet.merges.map((m) => ({ range: m.range.getA1NotationInternal(), kind: m.kind })),
    dataValidations: validationRanges(sheet),
    conditionalFormatRules: sheet.conditionalFormatRules.map((r) => r.describe()),
    protections: sheet.protections.map((p) => ({
      type: p.type,
      range: p.protectedRange().getA1NotationInternal(),
      description: p.description,
      warningOnly: p.warningOnly,
      editors: p.editors.slice(),
    })),
    charts: sheet.charts.map((c) => c.describe()),
    unintendedFormulaWrites: sheet.unintendedFormulaWrites.map((w) => ({ ...w })),
    convertedStringWrites: sheet.convertedStringWrites.map((w) => ({ ...w })),
  };
}

export function snapshotWorkbook(ss: FakeSpreadsheet): WorkbookSnapshot {
  return {
    id: ss.id,
    name: ss.name,
    timeZone: ss.timeZone,
    locale: ss.locale,
    activeSheet: ss.activeSheet.name,
    sheets: ss.sheets.map(snapshotSheet),
    namedRanges: [...ss.namedRanges.values()]
      .map((n) => ({
        name: n.name,
        range: `${quoteSheetName(n.range.sheet.name)}!${n.range.getA1NotationInternal()}`,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    toasts: ss.toasts.map((t) => ({ ...t })),
  };
}
