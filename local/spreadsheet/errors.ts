/**
 * Argument checks that fail with Apps Script's own wording, so product code that catches or
 * reports these errors behaves offline as it will on Google's servers.
 */

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (v instanceof Date) return 'Date';
  if (Array.isArray(v)) {
    const inner = v.length > 0 ? typeName(v[0]) : 'Object';
    return `${inner}[]`;
  }
  return 'Object';
}

/** `The parameters (String,number) don't match the method signature for SpreadsheetApp.Range.setValues.` */
export function signatureError(method: string, args: readonly unknown[]): Error {
  const list = args.map(typeName).join(',');
  return new Error(
    `The parameters (${list}) don't match the method signature for SpreadsheetApp.${method}.`,
  );
}

/** Apps Script's Integer parameters: numbers with no fractional part. */
export function requireInteger(
  method: string,
  args: readonly unknown[],
  ...indexes: number[]
): void {
  for (const i of indexes) {
    const v = args[i];
    if (typeof v !== 'number' || Number.isNaN(v)) throw signatureError(method, args);
    if (!Number.isInteger(v)) throw new Error(`Cannot convert ${v} to int.`);
  }
}

export function requireNumber(method: string, args: readonly unknown[]): void {
  if (args.some((a) => typeof a !== 'number' || Number.isNaN(a)))
    throw signatureError(method, args);
}

export function requireString(
  method: string,
  args: readonly unknown[],
  ...indexes: number[]
): void {
  for (const i of indexes) if (typeof args[i] !== 'string') throw signatureError(method, args);
}

/**
 * Checks a 2-D array against a range's shape with the messages Sheets uses
 * (`The number of rows in the data does not match the number of rows in the range. …`).
 */
export function requireShape(
  method: string,
  data: unknown,
  numRows: number,
  numCols: number,
): asserts data is unknown[][] {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row)))
    throw signatureError(method, [data]);
  if (data.length !== numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
    );
  }
  for (const row of data as unknown[][]) {
    if (row.length !== numCols) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numCols}.`,
      );
    }
  }
}

/**
 * A deprecated method. Google still answers it, but its reference lists it under "Deprecated
 * methods" with a replacement that returns a Color object; BooleanCondition, for one: "Some methods
 * for getting background and font color strings are deprecated and replaced by methods that return
 * Color objects" (developers.google.com/apps-script/reference/spreadsheet/boolean-condition). The
 * replacement answers the same question, so the local runtime refuses the deprecated call outright
 * (after counting it): every test that reaches it fails, and none has to remember to look.
 */
export function deprecatedError(method: string, replacement: string): Error {
  return new Error(
    `${method} is deprecated; use ${replacement} instead (the local runtime refuses deprecated methods).`,
  );
}
