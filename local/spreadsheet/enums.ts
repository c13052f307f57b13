/**
 * Runtime values for the Apps Script enums the add-on uses. The @types declare them as ambient
 * numeric enums with no runtime object, so each is a string-valued object cast to the enum's type:
 * `SpreadsheetApp.ProtectionType.SHEET === 'SHEET'` at run time, and it prints as its name
 * like the real enum values do.
 */
type S = typeof GoogleAppsScript.Spreadsheet;

function stringEnum<T>(names: readonly string[]): T {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as T;
}

export const ProtectionType = stringEnum<S['ProtectionType']>(['RANGE', 'SHEET']);

export const DataValidationCriteria = stringEnum<S['DataValidationCriteria']>([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

export const BooleanCriteria = stringEnum<S['BooleanCriteria']>([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);

export const WrapStrategy = stringEnum<S['WrapStrategy']>(['WRAP', 'OVERFLOW', 'CLIP']);

export const BorderStyle = stringEnum<S['BorderStyle']>([
  'DOTTED',
  'DASHED',
  'SOLID',
  'SOLID_MEDIUM',
  'SOLID_THICK',
  'DOUBLE',
]);

export const InterpolationType = stringEnum<S['InterpolationType']>([
  'NUMBER',
  'PERCENT',
  'PERCENTILE',
  'MIN',
  'MAX',
]);

export const RelativeDate = stringEnum<S['RelativeDate']>([
  'TODAY',
  'TOMORROW',
  'YESTERDAY',
  'PAST_WEEK',
  'PAST_MONTH',
  'PAST_YEAR',
]);

export const Dimension = stringEnum<S['Dimension']>(['COLUMNS', 'ROWS']);

export const SheetType = stringEnum<S['SheetType']>(['GRID', 'OBJECT']);

/** The name of an enum value (the string itself here; anything else is reported as given). */
export function enumName(v: unknown): string {
  return String(v);
}
