/**
 * coverBlocks: scattered updates become one rectangle whose other cells are what the tab holds,
 * so the Apps Script side writes them in one call.
 */
import { coverBlocks } from '../../../src/core/import/blocks';

const CURRENT = [
  ['Order ID', 'Created', 'Outcome', 'CSAT'],
  ['001', 'd1', '', 4],
  ['002', 'd2', 'reused', ''],
  ['003', 'd3', '', 5],
  ['004', 'd4', 'lost', ''],
];

describe('coverBlocks', () => {
  test('two runs on distant rows and columns: one rectangle, the cells between kept as they are', () => {
    const cover = coverBlocks(
      [
        { row: 2, column: 3, values: [['recycled']] },
        { row: 5, column: 4, values: [[2]] },
      ],
      CURRENT,
    );
    expect(cover).toEqual({
      row: 2,
      column: 3,
      values: [
        ['recycled', 4],
        ['reused', ''],
        ['', 5],
        ['lost', 2],
      ],
    });
  });

  test('one block stays as it is; none (or only empty ones) is nothing to write', () => {
    const one = { row: 3, column: 2, values: [['x', 'y']] };
    expect(coverBlocks([one], CURRENT)).toBe(one);
    expect(coverBlocks([], CURRENT)).toBeNull();
    expect(coverBlocks([{ row: 2, column: 1, values: [] }], CURRENT)).toBeNull();
  });

  test('cells beyond what the tab holds (a column just added) are blank', () => {
    const cover = coverBlocks(
      [
        { row: 2, column: 5, values: [['FR']] },
        { row: 3, column: 4, values: [[1]] },
      ],
      CURRENT,
    );
    expect(cover!.values).toEqual([
      [4, 'FR'],
      [1, ''],
    ]);
  });
});
