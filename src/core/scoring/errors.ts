/**
 * A problem with one cell of a matrix handed to the scoring core. The core knows which cell is
 * wrong but not which function or argument it came from; the custom-function layer catches it
 * and adds both (see `args.ts`), so the person at the keyboard gets one complete sentence.
 */

import { Cell, UserError, cellPosition, describe } from '../cells';

export class CellError extends UserError {
  /** The offending value, described ("the text \"abc\"", "a blank"). */
  readonly gotText: string;

  /**
   * @param row 0-based row within the matrix
   * @param column 0-based column within the matrix
   * @param expected what the cell should hold ("a positive number")
   * @param got the offending value, or its description when `gotIsText`
   */
  constructor(
    readonly row: number,
    readonly column: number,
    readonly expected: string,
    got: Cell,
    gotIsText = false,
  ) {
    const gotText = gotIsText ? String(got) : describe(got);
    super(`${cellPosition(row + 1, column + 1)}: expected ${expected}, got ${gotText}.`);
    this.name = 'CellError';
    this.gotText = gotText;
  }
}
