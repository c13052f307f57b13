/**
 * A `Benchmark XX` tab's own layout, as Set up workbook, Add country… and Import benchmark seed
 * make it: its columns, a blank tab laid out, and the Status shading with the greyed Seed ref.
 */
import { AMBER } from '../core/benchmark/overview';
import { TO_VERIFY } from '../core/benchmark/seed';
import { FACT_HEADERS, SEED_REF_COLUMN } from '../core/benchmark/tab-columns';
import { headerKey } from '../core/headers';
import { benchmarkCountryTab, ColumnSpec } from '../core/schema/tabs';
import { formatColumns, styleHeader } from './formats';
import { HeaderProtections } from './header-protection';
import { Deadline, ensureSize, GridSize, Sheet, writeFreshBlock } from './workbook';

const REF_FONT = '#80868b';
/** Where a laid-out tab has Status (1-based). */
export const STATUS_COLUMN = FACT_HEADERS.indexOf('Status') + 1;

/** product.md's columns of a country tab, then `Seed ref` (unless the schema already has it). */
export function countryColumns(code: string): ColumnSpec[] {
  const columns = benchmarkCountryTab(code).columns;
  return columns.some((c) => headerKey(c.header) === headerKey(SEED_REF_COLUMN.header))
    ? columns
    : [...columns, SEED_REF_COLUMN];
}

/**
 * Lays out a blank country tab as setup does: header, formats, dropdowns, notes, colour, protection.
 * `known`: the tab's size and its header row's notes, read before the action's first write (the
 * import's), so that laying it out asks nothing.
 */
export function layOutTab(
  deadline: Deadline,
  sheet: Sheet,
  code: string,
  dataRows: number,
  headers: HeaderProtections,
  known?: { size: GridSize; headerNotes: string[] },
): void {
  const columns = countryColumns(code);
  const rows = ensureSize(sheet, dataRows + 2, columns.length, known?.size);
  writeFreshBlock(deadline, sheet, 1, 1, [columns.map((c) => c.header)], known?.size);
  formatColumns(
    sheet,
    columns.map((spec, i) => ({ spec, column: i + 1 })),
    rows,
  );
  styleHeader(
    sheet,
    columns.length,
    columns.flatMap((c, i) => (c.note ? [{ column: i + 1, note: c.note }] : [])),
    known?.headerNotes,
  );
  sheet.setTabColor(benchmarkCountryTab(code).tabColor);
  headers.protect(sheet, columns.length);
}

/** Shades Status "to verify" amber, and greys the Seed ref column; replaces only the add-on's own rule. */
export function markTab(
  sheet: Sheet,
  statusColumn: number,
  refColumn: number,
  rows: number,
  /** The tab's rules when known (a tab just made has none): not asked again. */
  rules?: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[],
): void {
  const ours = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) => {
    const c = rule.getBooleanCondition();
    return (
      !!c &&
      c.getCriteriaType() === SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO &&
      String(c.getCriteriaValues()[0]) === TO_VERIFY
    );
  };
  const kept = (rules ?? sheet.getConditionalFormatRules()).filter((r) => !ours(r));
  const body = (column: number) => sheet.getRange(2, column, Math.max(rows - 1, 1), 1);
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenTextEqualTo(TO_VERIFY)
    .setBackground(AMBER)
    .setRanges([body(statusColumn)])
    .build();
  sheet.setConditionalFormatRules([...kept, rule]);
  body(refColumn).setFontColor(REF_FONT);
}
