/** The in-memory Spreadsheet service of the local Apps Script runtime. */
export { columnToLetters, lettersToColumn, parseA1, formatA1, quoteSheetName } from './a1';
export { enterValue, normalizeColor } from './cell';
export { Charts, FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
export { FakeConditionalFormatRule, FakeConditionalFormatRuleBuilder } from './conditional-format';
export { FakeDataValidation, FakeDataValidationBuilder } from './data-validation';
export * from './enums';
export { shiftFormula } from './formula';
export { FakeNamedRange } from './named-range';
export { DEFAULT_NUMBER_FORMAT, displayValue, dateToSerial } from './number-format';
export { FakeProtection } from './protection';
export { FakeRange } from './range';
export { FakeSheet, type FormulaWrite } from './sheet';
export { FakeSpreadsheet, type SpreadsheetOptions, type ToastRecord } from './spreadsheet';
export {
  FakeSpreadsheetApp,
  createSpreadsheet,
  createSpreadsheetApp,
  type UiProvider,
} from './spreadsheet-app';
export { fakeRange, fakeSheet, fakeSpreadsheet } from './interop';
