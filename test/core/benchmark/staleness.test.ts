import fc from 'fast-check';
import { isDue, referenceDate, staleBefore } from '../../../src/core/benchmark/staleness';
import { NOW } from './fixture';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('due for review', () => {
  test('Last reviewed first, else 31 December of Year, else due', () => {
    expect(staleBefore(NOW, 12).toISOString()).toBe('2025-11-26T09:00:00.000Z');
    expect(isDue({ lastReviewed: d('2025-11-27'), year: 2010 }, NOW, 12)).toBe(false);
    expect(isDue({ lastReviewed: d('2025-11-25'), year: 2026 }, NOW, 12)).toBe(true);
    expect(isDue({ lastReviewed: null, year: 2025 }, NOW, 12)).toBe(false);
    expect(isDue({ lastReviewed: null, year: 2024 }, NOW, 12)).toBe(true);
    expect(isDue({ lastReviewed: null, year: 2025 }, NOW, 6)).toBe(true);
    expect(isDue({ lastReviewed: null, year: null }, NOW, 120)).toBe(true);
    expect(referenceDate({ lastReviewed: null, year: 2024 })).toEqual(d('2024-12-31'));
  });

  test('calendar months, the 31st falling back to the last day of a shorter month', () => {
    expect(staleBefore(new Date('2026-03-31T00:00:00Z'), 1).toISOString().slice(0, 10)).toBe(
      '2026-02-28',
    );
    expect(staleBefore(new Date('2026-01-15T00:00:00Z'), 14).toISOString().slice(0, 10)).toBe(
      '2024-11-15',
    );
  });

  test('a fact due under a staleness of m months is due under any shorter one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2030 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 120 }),
        (year, a, b) => {
          const [short, long] = a < b ? [a, b] : [b, a];
          if (isDue({ lastReviewed: null, year }, NOW, long))
            expect(isDue({ lastReviewed: null, year }, NOW, short)).toBe(true);
        },
      ),
    );
  });
});
