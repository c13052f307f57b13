/**
 * YYYY-MM-DD from formatToParts, never from a locale's pattern: 'en-CA' printed M/D/YYYY under
 * some ICU versions (github.com/nodejs/node/issues/45945).
 */
import fc from 'fast-check';
import { formatDay } from '../../src/core/cells';
import { isoDay } from '../../src/core/iso-day';

// 23:30 UTC on 4 March is already 5 March in Paris, and still 4 March in Los Angeles at 05:00 UTC.
const LATE_UTC = new Date(Date.UTC(2026, 2, 4, 23, 30));
const EARLY_UTC = new Date(Date.UTC(2026, 2, 5, 5, 0));

/** Makes every DateTimeFormat#format answer as a locale pattern gone wrong would. */
function withBrokenLocalePattern(body: () => void): void {
  // `format` is an accessor on the prototype (it hands out a bound function): stub its getter.
  const proto = Intl.DateTimeFormat.prototype as unknown as { format: unknown };
  const spy = jest.spyOn(proto, 'format', 'get').mockReturnValue(() => '3/5/2026');
  try {
    body();
  } finally {
    spy.mockRestore();
  }
}

describe('isoDay', () => {
  test('the calendar day in the zone, not in UTC', () => {
    expect(isoDay(LATE_UTC, 'Europe/Paris')).toBe('2026-03-05');
    expect(isoDay(LATE_UTC, 'UTC')).toBe('2026-03-04');
    expect(isoDay(EARLY_UTC, 'America/Los_Angeles')).toBe('2026-03-04');
    expect(isoDay(new Date(Date.UTC(2026, 0, 9, 12)), 'Asia/Tokyo')).toBe('2026-01-09');
  });

  test('built from formatToParts: a locale pattern printing 3/5/2026 does not reach it', () => {
    withBrokenLocalePattern(() => {
      // The stub is live: a pattern-based implementation (en-CA + format) would answer 3/5/2026.
      expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(LATE_UTC)).toBe(
        '3/5/2026',
      );
      expect(isoDay(LATE_UTC, 'Europe/Paris')).toBe('2026-03-05');
    });
  });

  test('agrees with the UTC calendar for any instant of 1900–2199', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) }),
        (ms) => isoDay(new Date(ms), 'UTC') === new Date(ms).toISOString().slice(0, 10),
      ),
    );
  });

  test('an unknown zone or an invalid date is refused', () => {
    expect(() => isoDay(LATE_UTC, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => isoDay(new Date(NaN), 'UTC')).toThrow(RangeError);
  });
});

test('formatDay survives a locale pattern printing 3/5/2026', () => {
  withBrokenLocalePattern(() => {
    expect(formatDay(LATE_UTC, 'Europe/Paris')).toBe('2026-03-05');
  });
});
