import fc from 'fast-check';
import {
  dueReason,
  isDue,
  referenceDate,
  staleBefore,
} from '../../../src/core/benchmark/staleness';
import { NOW } from './fixture';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('due for review', () => {
  test('Last reviewed counts; a fact never reviewed is due, whatever its Year', () => {
    expect(staleBefore(NOW, 12).toISOString()).toBe('2025-11-26T09:00:00.000Z');
    expect(isDue({ lastReviewed: d('2025-11-27') }, NOW, 12)).toBe(false);
    expect(isDue({ lastReviewed: d('2025-11-25') }, NOW, 12)).toBe(true);
    expect(dueReason({ lastReviewed: null }, NOW, 120)).toBe('never');
    expect(referenceDate({ lastReviewed: null })).toBeNull();
  });

  // Issue 17: the rule measured an unreviewed fact from its Year, so a 2012 law was "stale"
  // and a 2031 projection never due; a reviewed-in-2062 typo was fresh for ever.
  test('the Year is not a review date; a Last reviewed in the future is flagged', () => {
    const old = { lastReviewed: null, year: 2025 } as { lastReviewed: null };
    expect(isDue(old, NOW, 12)).toBe(true);
    expect(dueReason({ lastReviewed: d('2062-03-01') }, NOW, 12)).toBe('future');
    expect(dueReason({ lastReviewed: d('2026-11-26') }, NOW, 12)).toBeNull();
    // The spreadsheet's zone may be a day ahead of UTC: tomorrow is not "the future".
    expect(dueReason({ lastReviewed: d('2026-11-27') }, NOW, 12)).toBeNull();
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
        fc.integer({ min: 0, max: 20 * 365 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 120 }),
        (daysAgo, a, b) => {
          const [short, long] = a < b ? [a, b] : [b, a];
          const f = { lastReviewed: new Date(NOW.getTime() - daysAgo * 86400000) };
          if (isDue(f, NOW, long)) expect(isDue(f, NOW, short)).toBe(true);
        },
      ),
    );
  });
});
