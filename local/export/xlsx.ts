/**
 * Writes a local workbook to .xlsx with exceljs so a person can open what the add-on produced:
 * values (dates as dates, in the spreadsheet's wall-clock time), formulas with their computed
 * value, number formats, fills, fonts, alignment, notes, merges, frozen panes, column widths,
 * data validation, conditional formats Excel can express, and named ranges. exceljs cannot write
 * charts, so a last sheet lists them. A formula only Google Sheets computes (SPARKLINE…) is
 * written as a readable value with a note (sheets-only.ts). Reads the model directly (no service
 * calls).
 */
import ExcelJS from 'exceljs';
import { cellA1, columnToLetters, parseA1, quoteSheetName } from '../spreadsheet/a1';
import type { CellValue } from '../spreadsheet/cell';
import { CellError } from '../spreadsheet/cell-error';
import { isDatePattern, wallClock, DEFAULT_NUMBER_FORMAT } from '../spreadsheet/number-format';
import type { FakeSheet } from '../spreadsheet/sheet';
import type { FakeSpreadsheet } from '../spreadsheet/spreadsheet';
import { RangeReader, sheetsOnlyFallback } from './sheets-only';
import { snapshotSheet } from './snapshot';

export const CHARTS_SHEET_NAME = 'Charts (local runtime)';

interface CellStyle {
  numFmt?: string;
  background?: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
  family?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
}

interface DataValidationsApi {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/** Excel sheet names: ≤ 31 characters, none of []:*?/\ , unique regardless of case. */
function excelSheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = n.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++)
      name = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

function argb(color: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(color);
  return m ? `FF${m[1].toUpperCase()}` : 'FF000000';
}

/** Excel stores wall-clock serials; exceljs converts Dates through UTC, so shift to the wall clock. */
function wallDate(d: Date, timeZone: string): Date {
  const w = wallClock(d, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

function excelValue(v: CellValue, timeZone: string): ExcelJS.CellValue {
  if (v instanceof CellError) return { error: v.code } as ExcelJS.CellErrorValue;
  return v instanceof Date ? wallDate(v, timeZone) : v;
}

function quoteText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** `'Sheet'!A1:B3` (Google names) → `'Excel name'!$A$1:$B$3`. */
function absoluteRef(qualified: string, sheetNames: Map<string, string>): string | null {
  const ref = parseA1(qualified);
  if (!ref || ref.startRow === null || ref.startCol === null) return null;
  const sheet = ref.sheetName !== null ? sheetNames.get(ref.sheetName) : undefined;
  const prefix = sheet ? `${quoteSheetName(sheet)}!` : '';
  const a = `$${columnToLetters(ref.startCol)}$${ref.startRow}`;
  const b = `$${columnToLetters(ref.endCol ?? ref.startCol)}$${ref.endRow ?? ref.startRow}`;
  return prefix + (a === b ? a : `${a}:${b}`);
}

const DV_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  BETWEEN: 'between',
  NOT_BETWEEN: 'notBetween',
  EQUAL_TO: 'equal',
  NOT_EQUAL_TO: 'notEqual',
  GREATER_THAN: 'greaterThan',
  GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  LESS_THAN: 'lessThan',
  LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  AFTER: 'greaterThan',
  BEFORE: 'lessThan',
  ON_OR_AFTER: 'greaterThanOrEqual',
  ON_OR_BEFORE: 'lessThanOrEqual',
};

function toDataValidation(
  v: ReturnType<typeof snapshotSheet>['dataValidations'][number],
  topLeft: string,
  sheetNames: Map<string, string>,
  timeZone: string,
): ExcelJS.DataValidation | null {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: v.allowInvalid ? 'warning' : 'stop',
    ...(v.helpText ? { showInputMessage: true, prompt: v.helpText } : {}),
  };
  const type = v.type;
  const custom = (formula: string): ExcelJS.DataValidation => ({
    ...common,
    type: 'custom',
    formulae: [formula],
  });
  if (type === 'VALUE_IN_LIST')
    return { ...common, type: 'list', formulae: [quoteText((v.values[0] as string[]).join(','))] };
  if (type === 'VALUE_IN_RANGE') {
    const ref = absoluteRef(String(v.values[0]), sheetNames);
    return ref ? { ...common, type: 'list', formulae: [ref] } : null;
  }
  if (type === 'CHECKBOX') {
    const values = v.values.length > 0 ? v.values.map(String) : ['TRUE', 'FALSE'];
    return { ...common, type: 'list', formulae: [quoteText(values.join(','))] };
  }
  if (type.startsWith('NUMBER_')) {
    const op = DV_OPERATORS[type.slice('NUMBER_'.length)];
    return op ? { ...common, type: 'decimal', operator: op, formulae: v.values } : null;
  }
  if (type === 'DATE_IS_VALID_DATE') {
    return {
      ...common,
      type: 'date',
      operator: 'greaterThan',
      formulae: [new Date(Date.UTC(1900, 0, 1))],
    };
  }
  if (type.startsWith('DATE_')) {
    const op = DV_OPERATORS[type.slice('DATE_'.length)];
    const dates = v.values.map((d) => wallDate(new Date(String(d)), timeZone));
    return op ? { ...common, type: 'date', operator: op, formulae: dates } : null;
  }
  const text = quoteText(String(v.values[0] ?? ''));
  switch (type) {
    case 'TEXT_IS_VALID_EMAIL':
      return custom(`ISNUMBER(MATCH("*@*.?*",${topLeft},0))`);
    case 'TEXT_IS_VALID_URL':
      return custom(`OR(LEFT(${topLeft},7)="http://",LEFT(${topLeft},8)="https://")`);
    case 'TEXT_CONTAINS':
      return custom(`ISNUMBER(SEARCH(${text},${topLeft}))`);
    case 'TEXT_DOES_NOT_CONTAIN':
      return custom(`ISERROR(SEARCH(${text},${topLeft}))`);
    case 'TEXT_EQUAL_TO':
      return custom(`EXACT(${topLeft},${text})`);
    case 'CUSTOM_FORMULA':
      return custom(String(v.values[0] ?? '').replace(/^=/, ''));
    default:
      return null;
  }
}

const RELATIVE: Record<string, string> = {
  TODAY: 'TODAY()',
  TOMORROW: 'TODAY()+1',
  YESTERDAY: 'TODAY()-1',
  PAST_WEEK: 'TODAY()-7',
  PAST_MONTH: 'EDATE(TODAY(),-1)',
  PAST_YEAR: 'EDATE(TODAY(),-12)',
};

/** An Excel expression for a boolean condition, relative to the rule's top-left cell. */
function conditionExpression(
  condition: string,
  values: unknown[],
  cell: string,
  timeZone: string,
): string | null {
  const n = (i: number): string => String(Number(values[i]));
  const t = quoteText(String(values[0] ?? ''));
  const date = (): string | null => {
    const v = values[0];
    if (typeof v === 'string' && RELATIVE[v]) return RELATIVE[v];
    const d = new Date(String(v));
    if (isNaN(d.getTime())) return null;
    const w = wallClock(d, timeZone);
    return `DATE(${w.year},${w.month},${w.day})`;
  };
  const num = (op: string, i = 0): string => `AND(ISNUMBER(${cell}),${cell}${op}${n(i)})`;
  switch (condition) {
    case 'CELL_EMPTY':
      return `LEN(TRIM(${cell}))=0`;
    case 'CELL_NOT_EMPTY':
      return `LEN(TRIM(${cell}))>0`;
    case 'TEXT_EQUAL_TO':
      return `${cell}=${t}`;
    case 'TEXT_CONTAINS':
      return `NOT(ISERROR(SEARCH(${t},${cell})))`;
    case 'TEXT_DOES_NOT_CONTAIN':
      return `ISERROR(SEARCH(${t},${cell}))`;
    case 'TEXT_STARTS_WITH':
      return `LEFT(${cell},${String(values[0] ?? '').length})=${t}`;
    case 'TEXT_ENDS_WITH':
      return `RIGHT(${cell},${String(values[0] ?? '').length})=${t}`;
    case 'NUMBER_GREATER_THAN':
      return num('>');
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num('>=');
    case 'NUMBER_LESS_THAN':
      return num('<');
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num('<=');
    case 'NUMBER_EQUAL_TO':
      return num('=');
    case 'NUMBER_NOT_EQUAL_TO':
      return `${cell}<>${n(0)}`;
    case 'NUMBER_BETWEEN':
      return `AND(ISNUMBER(${cell}),${cell}>=MIN(${n(0)},${n(1)}),${cell}<=MAX(${n(0)},${n(1)}))`;
    case 'NUMBER_NOT_BETWEEN':
      return `AND(ISNUMBER(${cell}),OR(${cell}<MIN(${n(0)},${n(1)}),${cell}>MAX(${n(0)},${n(1)})))`;
    case 'DATE_BEFORE':
    case 'DATE_BEFORE_RELATIVE': {
      const d = date();
      return d && `AND(ISNUMBER(${cell}),${cell}<${d})`;
    }
    case 'DATE_AFTER':
    case 'DATE_AFTER_RELATIVE': {
      const d = date();
      return d && `AND(ISNUMBER(${cell}),${cell}>${d})`;
    }
    case 'DATE_EQUAL_TO':
    case 'DATE_EQUAL_TO_RELATIVE': {
      const d = date();
      return d && `AND(ISNUMBER(${cell}),INT(${cell})=${d})`;
    }
    case 'CUSTOM_FORMULA':
      return String(values[0] ?? '').replace(/^=/, '');
    default:
      return null;
  }
}

const CFVO: Record<string, ExcelJS.CfvoTypes> = {
  MIN: 'min',
  MAX: 'max',
  NUMBER: 'num',
  PERCENT: 'percent',
  PERCENTILE: 'percentile',
};

function addConditionalFormats(
  ws: ExcelJS.Worksheet,
  sheet: FakeSheet,
  snap: ReturnType<typeof snapshotSheet>,
): void {
  snap.conditionalFormatRules.forEach((rule, i) => {
    if (rule.ranges.length === 0) return;
    const ref = rule.ranges.join(' ');
    const first = parseA1(rule.ranges[0]);
    const topLeft = cellA1(first?.startRow ?? 1, first?.startCol ?? 1);
    const priority = i + 1;
    if (rule.gradient) {
      const points = [rule.gradient.min, rule.gradient.mid, rule.gradient.max].filter(
        (p): p is NonNullable<typeof p> => p !== null,
      );
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: 'colorScale',
            priority,
            cfvo: points.map((p) => {
              const type = CFVO[p.type] ?? 'num';
              return type === 'min' || type === 'max' ? { type } : { type, value: Number(p.value) };
            }),
            color: points.map((p) => ({ argb: argb(p.color) })),
          },
        ],
      });
      return;
    }
    const formula = conditionExpression(
      rule.condition,
      rule.values,
      topLeft,
      sheet.parent.timeZone,
    );
    if (!formula) return;
    const f = rule.format;
    const font: Partial<ExcelJS.Font> = {};
    if (f.bold !== undefined && f.bold !== null) font.bold = f.bold;
    if (f.italic !== undefined && f.italic !== null) font.italic = f.italic;
    if (f.strikethrough !== undefined && f.strikethrough !== null) font.strike = f.strikethrough;
    if (f.underline) font.underline = true;
    if (f.fontColor) font.color = { argb: argb(f.fontColor) };
    const style: Partial<ExcelJS.Style> = {};
    if (Object.keys(font).length > 0) style.font = font;
    if (f.background)
      style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(f.background) } };
    ws.addConditionalFormatting({
      ref,
      rules: [{ type: 'expression', priority, formulae: [formula], style }],
    });
  });
}

function collectStyles(sheet: FakeSheet): Map<number, Map<number, CellStyle>> {
  const styles = new Map<number, Map<number, CellStyle>>();
  const at = (r: number, c: number): CellStyle => {
    let row = styles.get(r);
    if (!row) styles.set(r, (row = new Map()));
    let s = row.get(c);
    if (!s) row.set(c, (s = {}));
    return s;
  };
  const d = sheet.data;
  d.numberFormats.forEach((v, r, c) => {
    if (v !== DEFAULT_NUMBER_FORMAT) at(r, c).numFmt = v;
  });
  d.backgrounds.forEach((v, r, c) => (at(r, c).background = v));
  d.fontWeights.forEach((v, r, c) => (at(r, c).bold = v === 'bold'));
  d.fontStyles.forEach((v, r, c) => (at(r, c).italic = v === 'italic'));
  d.fontColors.forEach((v, r, c) => (at(r, c).color = v));
  d.fontSizes.forEach((v, r, c) => (at(r, c).size = v));
  d.fontFamilies.forEach((v, r, c) => (at(r, c).family = v));
  d.horizontalAlignments.forEach((v, r, c) => (at(r, c).horizontal = v));
  d.verticalAlignments.forEach((v, r, c) => (at(r, c).vertical = v));
  d.wrapStrategies.forEach((v, r, c) => (at(r, c).wrap = v === 'WRAP'));
  return styles;
}

/** The values of a range, read from the model: a reference to another tab by its name. */
function rangeReader(sheet: FakeSheet): RangeReader {
  return (ref) => {
    const a1 = parseA1(ref);
    if (!a1) return null;
    const target =
      a1.sheetName === null ? sheet : sheet.parent.sheets.find((s) => s.name === a1.sheetName);
    if (!target) return null;
    const values = [];
    for (let r = a1.startRow ?? 1; r <= (a1.endRow ?? target.maxRows); r++)
      for (let c = a1.startCol ?? 1; c <= (a1.endCol ?? target.maxColumns); c++)
        values.push(target.data.values.get(r - 1, c - 1) ?? '');
    return values;
  };
}

function writeSheet(
  ws: ExcelJS.Worksheet,
  sheet: FakeSheet,
  sheetNames: Map<string, string>,
): void {
  const tz = sheet.parent.timeZone;
  const d = sheet.data;
  const snap = snapshotSheet(sheet);

  d.values.forEach((v, r, c) => {
    if (v === '' || d.formulas.get(r, c) !== undefined) return;
    ws.getCell(r + 1, c + 1).value = excelValue(v, tz);
  });
  const fallbackNotes = new Map<string, string>();
  d.formulas.forEach((f, r, c) => {
    const computed = d.values.get(r, c);
    const fallback = sheetsOnlyFallback(f, computed, rangeReader(sheet));
    if (fallback) {
      ws.getCell(r + 1, c + 1).value = excelValue(fallback.value, tz);
      fallbackNotes.set(cellA1(r + 1, c + 1), fallback.note);
      return;
    }
    const value: ExcelJS.CellFormulaValue = { formula: f.replace(/^=/, ''), date1904: false };
    if (computed !== undefined && computed !== '')
      value.result = excelValue(computed, tz) as ExcelJS.CellFormulaValue['result'];
    ws.getCell(r + 1, c + 1).value = value;
  });

  for (const [r, row] of collectStyles(sheet)) {
    for (const [c, s] of row) {
      const cell = ws.getCell(r + 1, c + 1);
      if (s.numFmt) cell.numFmt = s.numFmt;
      if (s.background)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.background) } };
      const font: Partial<ExcelJS.Font> = {};
      if (s.bold) font.bold = true;
      if (s.italic) font.italic = true;
      if (s.color) font.color = { argb: argb(s.color) };
      if (s.size) font.size = s.size;
      if (s.family) font.name = s.family;
      if (Object.keys(font).length > 0) cell.font = font;
      const alignment: Partial<ExcelJS.Alignment> = {};
      if (s.horizontal === 'left' || s.horizontal === 'center' || s.horizontal === 'right')
        alignment.horizontal = s.horizontal;
      if (s.vertical === 'top' || s.vertical === 'middle' || s.vertical === 'bottom')
        alignment.vertical = s.vertical;
      if (s.wrap) alignment.wrapText = true;
      if (Object.keys(alignment).length > 0) cell.alignment = alignment;
    }
  }
  // Dates without a format would show as bare serial numbers in Excel.
  d.values.forEach((v, r, c) => {
    if (!(v instanceof Date)) return;
    const fmt = d.numberFormats.get(r, c);
    if (fmt && isDatePattern(fmt)) return;
    const w = wallClock(v, tz);
    ws.getCell(r + 1, c + 1).numFmt =
      w.hour || w.minute || w.second ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd';
  });

  d.notes.forEach((note, r, c) => {
    const a1 = cellA1(r + 1, c + 1);
    const fallback = fallbackNotes.get(a1);
    fallbackNotes.delete(a1);
    ws.getCell(r + 1, c + 1).note = fallback ? `${note}\n\n${fallback}` : note;
  });
  for (const [a1, note] of fallbackNotes) ws.getCell(a1).note = note;
  for (const m of sheet.merges) {
    const a1 = m.range.getA1NotationInternal();
    if (m.range.numRows * m.range.numCols > 1) ws.mergeCells(a1);
  }

  if (sheet.frozenRows || sheet.frozenColumns) {
    ws.views = [
      {
        state: 'frozen',
        xSplit: sheet.frozenColumns,
        ySplit: sheet.frozenRows,
        topLeftCell: cellA1(sheet.frozenRows + 1, sheet.frozenColumns + 1),
      },
    ];
  }
  for (const [c, px] of sheet.columnWidths)
    ws.getColumn(c).width = Math.max(1, Math.round(((px - 5) / 7) * 100) / 100);
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
  if (sheet.hidden) ws.state = 'hidden';

  const validations = (ws as unknown as { dataValidations: DataValidationsApi }).dataValidations;
  for (const v of snap.dataValidations) {
    const first = parseA1(v.range);
    const topLeft = cellA1(first?.startRow ?? 1, first?.startCol ?? 1);
    const dv = toDataValidation(v, topLeft, sheetNames, tz);
    if (dv) validations.add(v.range, dv);
  }
  addConditionalFormats(ws, sheet, snap);
}

function writeChartList(
  wb: ExcelJS.Workbook,
  ss: FakeSpreadsheet,
  sheetNames: Map<string, string>,
  used: Set<string>,
): void {
  const charts = ss.sheets.flatMap((s) => s.charts.map((c) => ({ sheet: s, chart: c.describe() })));
  if (charts.length === 0) return;
  let name = CHARTS_SHEET_NAME;
  for (let i = 2; used.has(name.toLowerCase()); i++)
    name = `${CHARTS_SHEET_NAME.slice(0, 27)} ${i}`;
  const ws = wb.addWorksheet(name);
  ws.addRow([
    'Sheet',
    'Chart id',
    'Type',
    'Title',
    'Ranges',
    'Anchor cell',
    'Offset (px)',
    'Other options',
  ]);
  ws.getRow(1).font = { bold: true };
  for (const { sheet, chart } of charts) {
    const { title, ...rest } = chart.options;
    ws.addRow([
      sheetNames.get(sheet.name) ?? sheet.name,
      chart.id,
      chart.type,
      typeof title === 'string' ? title : null,
      chart.ranges.join(', '),
      cellA1(chart.position.anchorRow, chart.position.anchorColumn),
      `${chart.position.offsetX}, ${chart.position.offsetY}`,
      Object.keys(rest).length > 0 ? JSON.stringify(rest) : null,
    ]);
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  [18, 10, 10, 30, 40, 12, 12, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** Builds the exceljs workbook (exposed for tests that inspect it without a file). */
export function buildWorkbook(ss: FakeSpreadsheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Circularity Workbench local runtime';
  const excelNames = excelSheetNames(ss.sheets.map((s) => s.name));
  const sheetNames = new Map(ss.sheets.map((s, i) => [s.name, excelNames[i]]));
  ss.sheets.forEach((sheet, i) => writeSheet(wb.addWorksheet(excelNames[i]), sheet, sheetNames));
  for (const nr of ss.namedRanges.values()) {
    const ref = absoluteRef(
      `${quoteSheetName(nr.range.sheet.name)}!${nr.range.getA1NotationInternal()}`,
      sheetNames,
    );
    if (ref) wb.definedNames.add(ref, nr.name);
  }
  writeChartList(wb, ss, sheetNames, new Set(excelNames.map((n) => n.toLowerCase())));
  const active = ss.sheets.indexOf(ss.activeSheet);
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: Math.max(active, 0),
      visibility: 'visible',
    },
  ];
  return wb;
}

export async function exportXlsx(ss: FakeSpreadsheet, filePath: string): Promise<void> {
  await buildWorkbook(ss).xlsx.writeFile(filePath);
}
