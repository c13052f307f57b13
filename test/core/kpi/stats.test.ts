import fc from 'fast-check';
import { mean, median, percentile } from '../../../src/core/kpi/stats';

describe('stats', () => {
  test("percentile matches Sheets' PERCENTILE / PERCENTILE.INC on known lists", () => {
    // Excel/Sheets documentation example: PERCENTILE.INC({1,2,3,4}, 0.3) = 1.9 (rank 0.9 → 1 + 0.9 × 1).
    expect(percentile([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 12);
    // {1..10}, 0.9: rank 8.1 → 9 + 0.1 × 1 = 9.1.
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9)).toBeCloseTo(9.1, 12);
    // {15, 20, 35, 40, 50}, 0.4: rank 1.6 → 20 + 0.6 × 15 = 29.
    expect(percentile([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 12);
    expect(percentile([3], 0.9)).toBe(3);
    expect(percentile([1, 2], 1)).toBe(2);
    expect(percentile([], 0.5)).toBeNull();
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });

  test('median and mean', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });

  test('percentile is monotone in p and bounded by min and max (1000 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p, q) => {
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          const a = percentile(xs, lo) as number;
          const b = percentile(xs, hi) as number;
          return a <= b + 1e-9 && a >= Math.min(...xs) - 1e-9 && b <= Math.max(...xs) + 1e-9;
        },
      ),
      { numRuns: 1000 },
    );
  });
});
