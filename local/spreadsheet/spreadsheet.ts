/**
 * The container spreadsheet: its sheets, time zone and locale, named ranges, toasts. Structural
 * edits of a sheet come back here so every stored reference (named ranges, conditional format
 * ranges, protections, chart ranges) follows the cells, as Sheets does.
 */
import type { ExecutionContext } from '../context';
import { quoteSheetName } from './a1';
import { FakeEmbeddedChart } from './charts';
import { requireInteger, requireString, signatureError } from './errors';
import { checkRangeName, FakeNamedRange } from './named-range';
import { instantFromWallClock, wallClock } from './number-format';
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
import type { MethodOf } from '../call-cost';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export type SpreadsheetMethods =
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getId'
  | 'getName'
  | 'getNamedRanges'
  | 'getNumSheets'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'removeNamedRange'
  | 'rename'
  | 'setActiveSheet'
  | 'setNamedRange'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

export interface ToastRecord {
  message: string;
  title: string | null;
  timeout: number | null;
}

export interface SpreadsheetOptions {
  id?: string;
  name?: string;
  /** IANA zone; Sheets' default for a French user. */
  timeZone?: string;
  locale?: string;
  /** Names of the initial sheets (default: one sheet named after the locale, "Feuille 1" / "Sheet1"). */
  sheets?: string[];
  maxRows?: number;
  maxColumns?: number;
}

/** Sheets' limit on the cells of a whole spreadsheet (platform.md §4.9). */
export const MAX_CELLS = 10_000_000;

export class FakeSpreadsheet implements Pick<Spreadsheet, SpreadsheetMethods> {
  readonly id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: FakeSheet[] = [];
  activeSheet!: FakeSheet;
  activeRange: FakeRange | null = null;
  readonly namedRanges = new Map<string, FakeNamedRange>();
  /** Every toast shown, oldest first. */
  readonly toasts: ToastRecord[] = [];
  nextChartId = 1;
  private nextSheetId = 0;

  constructor(
    readonly ctx: ExecutionContext,
    options: SpreadsheetOptions = {},
  ) {
    this.id = options.id ?? '1LocalRuntimeSpreadsheet000000000000000000';
    this.name = options.name ?? 'Circularity Workbench (local)';
    this.timeZone = options.timeZone ?? 'Europe/Paris';
    this.locale = options.locale ?? 'fr_FR';
    const names =
      options.sheets && options.sheets.length > 0 ? options.sheets : [this.defaultSheetName()];
    for (const n of names)
      this.addSheet(n, this.sheets.length, options.maxRows, options.maxColumns);
    this.activeSheet = this.sheets[0];
  }

  private read(method: MethodOf<GoogleAppsScript.Spreadsheet.Spreadsheet>): void {
    this.ctx.call(`Spreadsheet.${method}`, 'document-read');
  }

  private write(method: MethodOf<GoogleAppsScript.Spreadsheet.Spreadsheet>): void {
    this.ctx.call(`Spreadsheet.${method}`, 'document-write');
  }

  getId(): string {
    this.read('getId');
    return this.id;
  }

  getName(): string {
    this.read('getName');
    return this.name;
  }

  rename(newName: string): void {
    this.write('rename');
    requireString('Spreadsheet.rename', [newName], 0);
    this.name = newName;
  }

  getUrl(): string {
    this.read('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSheets(): Sheet[] {
    this.read('getSheets');
    return this.sheets.slice() as unknown as Sheet[];
  }

  getNumSheets(): number {
    this.read('getNumSheets');
    return this.sheets.length;
  }

  getSheetByName(name: string): Sheet | null {
    this.read('getSheetByName');
    return (this.sheets.find((s) => s.name === name) ?? null) as unknown as Sheet | null;
  }

  getSheetById(id: number): Sheet | null {
    this.read('getSheetById');
    return (this.sheets.find((s) => s.sheetId === id) ?? null) as unknown as Sheet | null;
  }

  insertSheet(
    a?: string | number | { template?: Sheet },
    b?: number | { template?: Sheet },
    c?: { template?: Sheet },
  ): Sheet {
    this.write('insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    let options: { template?: Sheet } | undefined;
    for (const arg of [a, b, c]) {
      if (arg === undefined) continue;
      if (
        typeof arg === 'string' &&
        name === undefined &&
        index === undefined &&
        options === undefined
      )
        name = arg;
      else if (typeof arg === 'number' && index === undefined && options === undefined) index = arg;
      else if (typeof arg === 'object' && arg !== null && options === undefined) options = arg;
      else
        throw signatureError(
          'Spreadsheet.insertSheet',
          [a, b, c].filter((x) => x !== undefined),
        );
    }
    if (index !== undefined) {
      requireInteger('Spreadsheet.insertSheet', [index], 0);
      if (index < 0 || index > this.sheets.length)
        throw new Error(`The sheet index ${index} is out of range.`);
    }
    const template = options?.template;
    if (template !== undefined && !(template instanceof FakeSheet))
      throw signatureError('Spreadsheet.insertSheet', [options]);
    const sheetName = name === undefined || name === '' ? this.nextDefaultName() : name;
    this.checkNewSheetName(sheetName, null);
    const t = template as FakeSheet | undefined;
    this.checkCellLimit(t ? t.maxRows * t.maxColumns : 1000 * 26);
    const sheet = this.addSheet(sheetName, index ?? this.sheets.length, t?.maxRows, t?.maxColumns);
    if (t) copySheetContent(t, sheet);
    // "The new sheet becomes the active sheet."
    // (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer))
    this.activeSheet = sheet;
    this.activeRange = null;
    return sheet as unknown as Sheet;
  }

  deleteSheet(sheet: Sheet): void {
    this.write('deleteSheet');
    if (!(sheet instanceof FakeSheet) || !this.sheets.includes(sheet))
      throw signatureError('Spreadsheet.deleteSheet', [sheet]);
    if (this.sheets.filter((s) => !s.hidden && s !== sheet).length === 0) {
      throw new Error(
        'Sorry, it is not possible to delete all non-hidden sheets in a spreadsheet. Please ensure that there is at least one visible sheet.',
      );
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    for (const [n, nr] of [...this.namedRanges])
      if (nr.range.sheet === sheet) this.namedRanges.delete(n);
    if (this.activeSheet === sheet) {
      this.activeSheet = this.sheets.find((s) => !s.hidden) ?? this.sheets[0];
      this.activeRange = null;
    }
  }

  getActiveSheet(): Sheet {
    this.read('getActiveSheet');
    return this.activeSheet as unknown as Sheet;
  }

  setActiveSheet(sheet: Sheet, _restoreSelection?: boolean): Sheet {
    this.write('setActiveSheet');
    if (!(sheet instanceof FakeSheet) || !this.sheets.includes(sheet))
      throw signatureError('Spreadsheet.setActiveSheet', [sheet]);
    this.activeSheet = sheet;
    this.activeRange = null;
    sheet.hidden = false;
    return sheet as unknown as Sheet;
  }

  getActiveRange(): Range | null {
    this.read('getActiveRange');
    return this.currentRange() as unknown as Range;
  }

  getSpreadsheetTimeZone(): string {
    this.read('getSpreadsheetTimeZone');
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.write('setSpreadsheetTimeZone');
    requireString('Spreadsheet.setSpreadsheetTimeZone', [timezone], 0);
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      throw new Error(`Invalid argument: ${timezone}`);
    }
    if (timezone !== this.timeZone) this.rebaseDates(this.timeZone, timezone);
    this.timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    this.read('getSpreadsheetLocale');
    return this.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.write('setSpreadsheetLocale');
    requireString('Spreadsheet.setSpreadsheetLocale', [locale], 0);
    if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale)) throw new Error(`Invalid argument: ${locale}`);
    this.locale = locale;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.call('Spreadsheet.toast', 'ui');
    this.toasts.push({
      message: String(msg),
      title: title === undefined ? null : String(title),
      timeout: timeoutSeconds ?? null,
    });
  }

  setNamedRange(name: string, range: Range): void {
    this.write('setNamedRange');
    checkRangeName(name);
    if (!(range instanceof FakeRange) || !this.sheets.includes(range.sheet))
      throw signatureError('Spreadsheet.setNamedRange', [name, range]);
    const existing = this.namedRanges.get(name);
    if (existing) existing.range = range;
    else this.namedRanges.set(name, new FakeNamedRange(this.ctx, this, name, range));
  }

  getRangeByName(name: string): Range | null {
    this.read('getRangeByName');
    return (this.namedRanges.get(name)?.range ?? null) as unknown as Range | null;
  }

  removeNamedRange(name: string): void {
    this.write('removeNamedRange');
    requireString('Spreadsheet.removeNamedRange', [name], 0);
    this.namedRanges.delete(name);
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    this.read('getNamedRanges');
    return [...this.namedRanges.values()] as unknown as GoogleAppsScript.Spreadsheet.NamedRange[];
  }

  getRange(a1Notation: string): Range {
    this.read('getRange');
    requireString('Spreadsheet.getRange', [a1Notation], 0);
    return this.activeSheet.rangeFromA1(a1Notation) as unknown as Range;
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    this.read('getProtections');
    const t = String(type);
    if (t !== 'RANGE' && t !== 'SHEET') throw signatureError('Spreadsheet.getProtections', [type]);
    return this.sheets.flatMap((s) =>
      s.protections.filter((p) => p.type === t),
    ) as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }

  // ================================================================== uncounted model helpers

  /** The active range, or A1 of the active sheet when nothing is selected. */
  currentRange(): FakeRange {
    const r = this.activeRange;
    return r && r.sheet === this.activeSheet && this.sheets.includes(r.sheet)
      ? r
      : this.activeSheet.rangeAt(1, 1, 1, 1);
  }

  /** A sheet by exact name (tests, snapshot). */
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`No sheet named "${name}" in the local spreadsheet.`);
    return s;
  }

  private defaultSheetName(n = 1): string {
    return this.locale.startsWith('fr') ? `Feuille ${n}` : `Sheet${n}`;
  }

  private nextDefaultName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const name = this.defaultSheetName(n);
      if (!this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) return name;
    }
  }

  /** Sheet names are unique regardless of case in Sheets. */
  checkNewSheetName(name: string, renaming: FakeSheet | null): void {
    if (name.trim() === '') throw new Error('Sheet names cannot be empty.');
    if (name.length > 100) throw new Error('Sheet names must be 100 characters or fewer.');
    const clash = this.sheets.find(
      (s) => s !== renaming && s.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash)
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  checkCellLimit(added: number): void {
    const total = this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
    if (total + added > MAX_CELLS) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

  private addSheet(name: string, index: number, maxRows?: number, maxColumns?: number): FakeSheet {
    const sheet = new FakeSheet(
      this,
      name,
      this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919,
      maxRows,
      maxColumns,
    );
    this.nextSheetId++;
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  /**
   * Sheets stores date-times as wall-clock serial numbers, so a new spreadsheet time zone keeps
   * what the cells show and moves the instants scripts read back.
   */
  private rebaseDates(from: string, to: string): void {
    for (const s of this.sheets) {
      s.data.values.forEach((v, r, c) => {
        if (!(v instanceof Date) || isNaN(v.getTime())) return;
        const w = wallClock(v, from);
        const moved = instantFromWallClock(to, w.year, w.month, w.day, w.hour, w.minute, w.second);
        s.data.values.set(r, c, new Date(moved.getTime() + (((v.getTime() % 1000) + 1000) % 1000)));
      });
    }
  }

  /** Formulas follow a renamed sheet (`=Old!A1` → `='New name'!A1`). */
  renameInFormulas(oldName: string, newName: string): void {
    const escaped = oldName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(
      `(^|[^A-Za-z0-9_'])(?:'${escaped.replace(/'/g, "''")}'|${escaped})!`,
      'g',
    );
    const replacement = `$1${quoteSheetName(newName).replace(/\$/g, '$$$$')}!`;
    for (const s of this.sheets) {
      s.data.formulas.forEach((f, r, c) => {
        if (f.includes(oldName)) s.data.formulas.set(r, c, f.replace(pattern, replacement));
      });
    }
  }

  /**
   * After rows/columns of `sheet` were inserted (delta > 0, first new one at `at`) or deleted
   * (delta < 0, from `at`), moves every stored reference to that sheet.
   */
  shiftReferences(sheet: FakeSheet, dim: 'ROWS' | 'COLUMNS', at: number, delta: number): void {
    const move = (r: FakeRange): FakeRange | null =>
      r.sheet === sheet ? shiftRange(r, dim, at, delta) : r;
    for (const [name, nr] of [...this.namedRanges]) {
      const m = move(nr.range);
      if (m) nr.range = m;
      else this.namedRanges.delete(name);
    }
    sheet.conditionalFormatRules = sheet.conditionalFormatRules
      .map((rule) => {
        const ranges = rule.state.ranges.map(move).filter((r): r is FakeRange => r !== null);
        return ranges.length > 0 ? rule.withRanges(ranges) : null;
      })
      .filter((r): r is NonNullable<typeof r> => r !== null);
    sheet.protections = sheet.protections.filter((p) => {
      p.unprotectedRanges = p.unprotectedRanges.map(move).filter((r): r is FakeRange => r !== null);
      if (p.range === null) return true;
      const m = move(p.range);
      if (m) p.range = m;
      return m !== null;
    });
    sheet.merges = sheet.merges.flatMap((m) => {
      const r = move(m.range);
      return r ? [{ ...m, range: r }] : [];
    });
    for (const s of this.sheets) {
      s.charts = s.charts.map((chart) => {
        const ranges = chart.state.ranges.map(move).filter((r): r is FakeRange => r !== null);
        const position = { ...chart.state.position };
        if (s === sheet) {
          const key = dim === 'ROWS' ? 'anchorRow' : 'anchorColumn';
          if (position[key] >= at) position[key] = Math.max(at, position[key] + delta);
        }
        return new FakeEmbeddedChart(this.ctx, s, { ...chart.state, ranges, position });
      });
    }
  }

  /** The same object with the @types view. */
  asGas(): Spreadsheet {
    return this as unknown as Spreadsheet;
  }
}

/** The range after an insertion/deletion; null when all its cells were deleted. */
export function shiftRange(
  r: FakeRange,
  dim: 'ROWS' | 'COLUMNS',
  at: number,
  delta: number,
): FakeRange | null {
  const rows = dim === 'ROWS';
  const whole = rows ? r.wholeColumns : r.wholeRows;
  if (whole) {
    // `A:C` keeps covering every row; `1:3` every column.
    return new FakeRange(
      r.sheet,
      rows ? 1 : r.row,
      rows ? r.col : 1,
      rows ? r.sheet.maxRows : r.numRows,
      rows ? r.numCols : r.sheet.maxColumns,
      r.wholeColumns,
      r.wholeRows,
    );
  }
  const span = shiftSpan(rows ? r.row : r.col, rows ? r.numRows : r.numCols, at, delta);
  if (!span) return null;
  const [start, len] = span;
  return rows
    ? new FakeRange(r.sheet, start, r.col, len, r.numCols, r.wholeColumns, r.wholeRows)
    : new FakeRange(r.sheet, r.row, start, r.numRows, len, r.wholeColumns, r.wholeRows);
}

export function shiftSpan(
  start: number,
  len: number,
  at: number,
  delta: number,
): [number, number] | null {
  const end = start + len - 1;
  if (delta > 0) {
    if (start >= at) return [start + delta, len];
    if (end >= at) return [start, len + delta];
    return [start, len];
  }
  const n = -delta;
  const delEnd = at + n - 1;
  if (end < at) return [start, len];
  if (start > delEnd) return [start - n, len];
  const overlap = Math.min(end, delEnd) - Math.max(start, at) + 1;
  const remaining = len - overlap;
  if (remaining <= 0) return null;
  return [Math.min(start, at), remaining];
}

/** Copies cells, sizes and sheet-level formatting of a template sheet (insertSheet({template})). */
function copySheetContent(from: FakeSheet, to: FakeSheet): void {
  to.data = from.data.clone();
  to.frozenRows = from.frozenRows;
  to.frozenColumns = from.frozenColumns;
  for (const [k, v] of from.columnWidths) to.columnWidths.set(k, v);
  for (const [k, v] of from.rowHeights) to.rowHeights.set(k, v);
  to.tabColor = from.tabColor;
  to.conditionalFormatRules = from.conditionalFormatRules.map((rule) =>
    rule.withRanges(
      rule.state.ranges.map(
        (r) => new FakeRange(to, r.row, r.col, r.numRows, r.numCols, r.wholeColumns, r.wholeRows),
      ),
    ),
  );
}
