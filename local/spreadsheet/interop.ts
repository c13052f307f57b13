/**
 * From the @types view back to the model: product code handles `GoogleAppsScript.Spreadsheet.*`
 * objects, tests want the fake's extras (setComputedValue, unintendedFormulaWrites, toasts, …).
 */
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';

function fail(what: string): never {
  throw new Error(`Not a ${what} of the local runtime.`);
}

export function fakeSpreadsheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet | FakeSpreadsheet,
): FakeSpreadsheet {
  return ss instanceof FakeSpreadsheet ? ss : fail('Spreadsheet');
}

export function fakeSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet | FakeSheet | null): FakeSheet {
  return sheet instanceof FakeSheet ? sheet : fail('Sheet');
}

export function fakeRange(range: GoogleAppsScript.Spreadsheet.Range | FakeRange | null): FakeRange {
  return range instanceof FakeRange ? range : fail('Range');
}
