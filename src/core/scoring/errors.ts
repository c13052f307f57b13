/**
 * A problem with one cell of a matrix handed to the scoring core. The core knows which cell is
 * wrong but not which function or argument it came from; the custom-function layer catches it
 * and adds both (see `args.ts`), so the person at the keyboard gets one complete sentence.
 */

import { UserError, cellPosition, describeValue } from '../cells';

export class CellError extends UserError {
  /** The offending value, described ("the text \"abc\"", "a blank"). */
  readonly gotText: string;

  /**
   * @param row 0-based row within the matrix
   * @param column 0-based column within the matrix
   * @param expected what the cell should hold ("a positive number")
   * @param got the offending value (the scoring core checks numbers, never dates), or its
   *   description when `gotIsText`
   */
  constructor(
    readonly row: number,
    readonly column: number,
    readonly expected: string,
    got: number | string | null,
    gotIsText = false,
  ) {
    const gotText = gotIsText ? String(got) : describeValue(got);
    super(`${cellPosition(row + 1, column + 1)}: expected ${expected}, got ${gotText}.`);
    this.name = 'CellError';
    this.gotText = gotText;
  }
}
