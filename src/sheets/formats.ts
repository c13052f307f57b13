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
    return b
      .requireNumberBetween(v.min, v.max)
      .setHelpText(`A number from ${v.min} to ${v.max}`)
      .build();
  }
  return b
    .requireNumberGreaterThanOrEqualTo(v.min ?? 0)
    .setHelpText(`A number ≥ ${v.min ?? 0}`)
    .build();
}

/**
 * Formats columns (given with their 1-based positions) below the header, down to maxRows: one
 * call per run of adjacent columns that have a number format, one per run of adjacent columns for
 * dropdowns, one per run of equal widths. Each distinct validation rule is built once.
 */
export function formatColumns(
  sheet: Sheet,
  columns: { spec: ColumnSpec; column: number }[],
  maxRows: number,
): void {
  const rows = Math.max(1, maxRows - 1);
  const rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();
  const ruleFor = (v: Validation) => {
    const key = JSON.stringify(v);
    if (!rules.has(key)) rules.set(key, validationRule(v));
    return rules.get(key)!;
  };
  for (const run of adjacentRuns(columns)) {
    const first = run[0].column;
    for (const w of adjacentRuns(run, (a, b) => a.spec.width === b.spec.width)) {
      sheet.setColumnWidths(w[0].column, w.length, w[0].spec.width);
    }
    const body = sheet.getRange(2, first, rows, run.length);
    // A column without a format is left as Sheets makes it ("Automatic"), not given the pattern
    // Sheets reports for it: only an Automatic cell takes the format of what is typed into it
    // (a typed 20 % becomes a percentage cell), which is how weights typed as percentages are told
    // from plain numbers. Setting the pattern would make it a custom format like any other.
    for (const part of adjacentRuns(run, (a, b) => !!a.spec.format === !!b.spec.format)) {
      if (!part[0].spec.format) continue;
      const formats = part.map((c) => c.spec.format!);
      sheet
        .getRange(2, part[0].column, rows, part.length)
        .setNumberFormats(Array.from({ length: rows }, () => formats));
    }
    if (run.some((c) => c.spec.validation)) {
      const line = run.map((c) => (c.spec.validation ? ruleFor(c.spec.validation) : null));
      body.setDataValidations(Array.from({ length: rows }, () => line));
    }
  }
}

/** Splits column specs into runs of adjacent columns (optionally also sharing a property). */
function adjacentRuns<T extends { column: number }>(
  items: T[],
  same: (a: T, b: T) => boolean = () => true,
): T[][] {
  const sorted = [...items].sort((a, b) => a.column - b.column);
  const runs: T[][] = [];
  for (const it of sorted) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.column + 1 === it.column && same(prev, it)) last.push(it);
    else runs.push([it]);
  }
  return runs;
}

/**
 * Bold, shaded header row over `width` columns, frozen, with notes on the new header cells.
 * `known`: the header row's notes (columns 1..width) when the action read them before its writes.
 */
export function styleHeader(
  sheet: Sheet,
  width: number,
  notes: { column: number; note: string }[],
  known?: string[],
): void {
  const header = sheet.getRange(1, 1, 1, width);
  if (notes.length) {
    // Notes are read first so a person's own header notes survive and no read follows a write.
    const row = (known ?? header.getNotes()[0]).slice();
    for (const { column, note } of notes) row[column - 1] = note;
    header.setNotes([row]);
  }
  header.setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
  sheet.setFrozenRows(1);
}
