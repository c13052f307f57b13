/**
 * Column formatting from the schema: widths, number formats, dropdowns, header style, header
 * notes and the warning-only header protection. Applied only to columns the add-on adds, so a
 * person's own formatting of their columns is left as they set it.
 */
import { ColumnSpec, Validation } from '../core/schema/tabs';
import { Sheet } from './workbook';

export const HEADER_BACKGROUND = '#e8f0fe';
export const PROTECTION_DESCRIPTION = 'Circularity Workbench: header row (edit with care)';

export function validationRule(v: Validation): GoogleAppsScript.Spreadsheet.DataValidation {
  const b = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  if (v.kind === 'list') return b.requireValueInList([...v.values], true).build();
  if (v.kind === 'date') return b.requireDate().setHelpText('A date, e.g. 2026-10-03').build();
  if (v.min !== undefined && v.max !== undefined) {
    return b.requireNumberBetween(v.min, v.max).setHelpText(`A number from ${v.min} to ${v.max}`).build();
  }
  return b.requireNumberGreaterThanOrEqualTo(v.min ?? 0).setHelpText(`A number ≥ ${v.min ?? 0}`).build();
}

/** Formats columns (given with their 1-based positions) below the header, down to maxRows. */
export function formatColumns(sheet: Sheet, columns: { spec: ColumnSpec; column: number }[], maxRows: number): void {
  const dataRows = Math.max(1, maxRows - 1);
  for (const { spec, column } of columns) {
    sheet.setColumnWidth(column, spec.width);
    const body = sheet.getRange(2, column, dataRows, 1);
    if (spec.format) body.setNumberFormat(spec.format);
    if (spec.validation) body.setDataValidation(validationRule(spec.validation));
  }
}

/** Bold, shaded header row over `width` columns, frozen, with notes on the new header cells. */
export function styleHeader(sheet: Sheet, width: number, notes: { column: number; note: string }[]): void {
  const header = sheet.getRange(1, 1, 1, width);
  if (notes.length) {
    // Notes are read first so a person's own header notes survive and no read follows a write.
    const row = header.getNotes()[0].slice();
    for (const { column, note } of notes) row[column - 1] = note;
    header.setNotes([row]);
  }
  header.setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
  sheet.setFrozenRows(1);
}

/** One warning-only protection over the header row, replaced (never duplicated) on each run. */
export function protectHeader(sheet: Sheet, width: number): void {
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (p.getDescription() === PROTECTION_DESCRIPTION) p.remove();
  }
  sheet.getRange(1, 1, 1, width).protect().setDescription(PROTECTION_DESCRIPTION).setWarningOnly(true);
}
