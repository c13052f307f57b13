/** The shapes Sheets passes to a custom function: a cell or a grid, "" or undefined for omitted. */
import { isOmitted, readGrid, readVector } from '../../src/functions/args';
import { userErrorMessage } from '../helpers/user-error';

const name = { fn: 'CIRC_X', arg: 'values', timeZone: 'UTC' };

describe('custom-function arguments', () => {
  test('omitted optional arguments: undefined, empty string, all-blank range', () => {
    expect(isOmitted(undefined)).toBe(true);
    expect(isOmitted('')).toBe(true);
    expect(isOmitted([[''], ['']])).toBe(true);
    expect(isOmitted([[0]])).toBe(false);
  });

  test('a single cell is a 1 × 1 grid without a position; a range keeps its shape', () => {
    expect(readGrid(4)).toEqual({ grid: [[4]], isRange: false });
    expect(readGrid([[1, 2]])).toEqual({ grid: [[1, 2]], isRange: true });
  });

  test('vectors from a row, a column or a cell, with positions; a block is refused', () => {
    const row = readVector(name, [[1, 2, 3]], 'values');
    expect([row.cells, row.pos(2)]).toEqual([
      [1, 2, 3],
      [0, 2],
    ]);
    const column = readVector(name, [[1], [2]], 'values');
    expect([column.cells, column.pos(1)]).toEqual([
      [1, 2],
      [1, 0],
    ]);
    const cell = readVector(name, 4, 'values');
    expect([cell.cells, cell.pos(0)]).toEqual([[4], null]);
    expect(
      userErrorMessage(() =>
        readVector(
          name,
          [
            [1, 2],
            [3, 4],
          ],
          'values',
        ),
      ),
    ).toBe(
      'CIRC_X: values: expected values in a single row or column, got a range of 2 rows × 2 columns.',
    );
  });
});
