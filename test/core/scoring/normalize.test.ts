import fc from 'fast-check';
import { CellError } from '../../../src/core/scoring/errors';
import {
  NORMALIZE_METHODS,
  normalizeColumn,
  normalizeMatrix,
  parseMethod,
} from '../../../src/core/scoring/normalize';
import { RUNS, direction } from './arbitraries';

describe('normalizeColumn', () => {
  const x = [2, 4, 6, 8];

  it('minmax: (x − min)/(max − min), cost (max − x)/(max − min)', () => {
    expect(normalizeColumn(x, 1, 'minmax')).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(normalizeColumn(x, -1, 'minmax')).toEqual([1, 2 / 3, 1 / 3, 0]);
  });

  it('minmax: a constant column gives 1 for every row', () => {
    expect(normalizeColumn([3, 3, null, 3], 1, 'minmax')).toEqual([1, 1, null, 1]);
    expect(normalizeColumn([3, 3], -1, 'minmax')).toEqual([1, 1]);
  });

  it('max: x/max, cost min/x', () => {
    expect(normalizeColumn(x, 1, 'max')).toEqual([0.25, 0.5, 0.75, 1]);
    expect(normalizeColumn(x, -1, 'max')).toEqual([1, 0.5, 2 / 6, 0.25]);
  });

  it('vector: x/‖x‖, cost 1 − x/‖x‖', () => {
    const norm = Math.sqrt(4 + 16 + 36 + 64);
    normalizeColumn(x, 1, 'vector').forEach((v, i) => expect(v).toBeCloseTo(x[i] / norm, 15));
    normalizeColumn(x, -1, 'vector').forEach((v, i) => expect(v).toBeCloseTo(1 - x[i] / norm, 15));
  });

  it('sum: x/Σx, cost (1/x)/Σ(1/x)', () => {
    expect(normalizeColumn(x, 1, 'sum')).toEqual([0.1, 0.2, 0.3, 0.4]);
    const inv = 1 / 2 + 1 / 4 + 1 / 6 + 1 / 8;
    normalizeColumn(x, -1, 'sum').forEach((v, i) => expect(v).toBeCloseTo(1 / x[i] / inv, 15));
  });

  it('keeps blanks blank and leaves them out of the statistics', () => {
    expect(normalizeColumn([2, null, 6], 1, 'minmax')).toEqual([0, null, 1]);
    expect(normalizeColumn([1, null, 3], 1, 'sum')).toEqual([0.25, null, 0.75]);
  });

  it('gives the limits of equal values when a denominator is 0', () => {
    expect(normalizeColumn([0, 0], 1, 'max')).toEqual([1, 1]);
    expect(normalizeColumn([0, 4], -1, 'max')).toEqual([1, 0]);
    expect(normalizeColumn([0, 0, 0, 0], 1, 'vector')).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(normalizeColumn([0, 0, 0, 0], -1, 'vector')).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(normalizeColumn([0, 0, 0, 0], 1, 'sum')).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(normalizeColumn([0, 2, 0], -1, 'sum')).toEqual([0.5, 0, 0.5]);
  });

  it('refuses negative values for the ratio methods, naming the cell', () => {
    for (const m of ['max', 'vector', 'sum'] as const) {
      expect(() => normalizeColumn([1, -2], 1, m, 3)).toThrow(CellError);
      expect(() => normalizeColumn([1, -2], 1, m, 3)).toThrow(
        `row 2, column 4 (D2 of the range): expected a number of 0 or more (the ${m} method`,
      );
    }
    expect(normalizeColumn([1, -3], 1, 'minmax')).toEqual([1, 0]);
  });
});

describe('parseMethod', () => {
  it.each([
    ['minmax', 'minmax'],
    ['MinMax', 'minmax'],
    ['min-max', 'minmax'],
    [' MAX ', 'max'],
    ['Vector', 'vector'],
    ['SUM', 'sum'],
  ])('%p → %p', (v, m) => expect(parseMethod(v)).toBe(m));
  it.each([['zscore'], [''], [1], [null]])('%p is not a method', (v) =>
    expect(parseMethod(v as never)).toBeNull(),
  );
});

describe('normalizeMatrix properties', () => {
  const matrix = fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }))
    .chain(([n, m]) =>
      fc.record({
        rows: fc.array(
          fc.array(
            fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { freq: 5, nil: null }),
            { minLength: m, maxLength: m },
          ),
          { minLength: n, maxLength: n },
        ),
        directions: fc.array(direction, { minLength: m, maxLength: m }),
      }),
    );

  it('minmax columns lie in [0, 1], with the best value at 1 and blanks kept', () => {
    fc.assert(
      fc.property(matrix, ({ rows, directions }) => {
        const out = normalizeMatrix(rows, directions, 'minmax');
        return (
          out.every((r, i) =>
            r.every((v, j) => (rows[i][j] === null ? v === null : v !== null && v >= 0 && v <= 1)),
          ) &&
          directions.every((_, j) => {
            const col = out.map((r) => r[j]).filter((v): v is number => v !== null);
            return col.length === 0 || Math.max(...col) === 1;
          })
        );
      }),
      RUNS,
    );
  });

  it('every method stays in [0, 1] for values ≥ 0', () => {
    fc.assert(
      fc.property(matrix, fc.constantFrom(...NORMALIZE_METHODS), ({ rows, directions }, method) =>
        normalizeMatrix(rows, directions, method).every((r) =>
          r.every((v) => v === null || (v >= 0 && v <= 1)),
        ),
      ),
      RUNS,
    );
  });
});
