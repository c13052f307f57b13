import fc from 'fast-check';
import {
  MonthIndex,
  addMonths,
  isMonthKey,
  lastCompleteMonth,
  monthDiff,
  monthKey,
  monthLabel,
  monthRange,
  monthStart,
  parseMonth,
  serialToEpoch,
  wallClock,
  zonedTimeToEpoch,
} from '../../../src/core/kpi/months';

describe('months', () => {
  test('monthKey uses the wall clock of the zone', () => {
    const t = new Date('2026-10-31T23:30:00Z');
    expect(monthKey(t, 'UTC')).toBe('2026-10');
    expect(monthKey(t, 'Europe/Paris')).toBe('2026-11'); // 00:30 CET on 1 Nov
    expect(monthKey(t, 'America/Los_Angeles')).toBe('2026-10');
    expect(monthKey(new Date('2026-11-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-10'); // 20:00 PDT on 31 Oct
  });

  test('month arithmetic across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-11', 14)).toBe('2027-01');
    expect(monthDiff('2025-11', '2026-02')).toBe(3);
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-01')).toEqual([]);
    expect(isMonthKey('2026-13')).toBe(false);
    expect(monthLabel('2026-10')).toBe('October 2026');
  });

  test('monthStart is local midnight on the 1st, across DST', () => {
    expect(new Date(monthStart('2026-11', 'Europe/Paris')).toISOString()).toBe(
      '2026-10-31T23:00:00.000Z',
    );
    expect(new Date(monthStart('2026-07', 'Europe/Paris')).toISOString()).toBe(
      '2026-06-30T22:00:00.000Z',
    );
    expect(new Date(monthStart('2026-03', 'America/New_York')).toISOString()).toBe(
      '2026-03-01T05:00:00.000Z',
    );
    // Spring forward in Paris at 02:00 on 29 Mar 2026: 03:30 local is 01:30 UTC.
    expect(new Date(zonedTimeToEpoch(2026, 2, 29, 3, 30, 0, 'Europe/Paris')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  test('parseMonth: keys, month texts, dates, date texts, serials; refuses the rest', () => {
    expect(parseMonth('2026-10', 'UTC')).toBe('2026-10');
    expect(parseMonth(' 2026-3 ', 'UTC')).toBe('2026-03');
    expect(parseMonth('10/2026', 'UTC')).toBe('2026-10');
    expect(parseMonth('Oct 2026', 'UTC')).toBe('2026-10');
    expect(parseMonth('octobre 2026', 'UTC')).toBe('2026-10');
    expect(parseMonth('03/10/2026', 'UTC')).toBe('2026-10');
    expect(parseMonth('2026-10-31', 'UTC')).toBe('2026-10');
    expect(parseMonth(new Date('2026-10-31T23:30:00Z'), 'Europe/Paris')).toBe('2026-11');
    expect(parseMonth(46296, 'UTC')).toBe('2026-10'); // serial of 2026-10-01
    for (const bad of [
      '2026-13',
      'October',
      'soon',
      '',
      10,
      202610,
      true,
      null,
      undefined,
      new Date('x'),
    ]) {
      expect(parseMonth(bad as never, 'UTC')).toBeNull();
    }
  });

  test('serialToEpoch reads the wall clock in the zone', () => {
    expect(new Date(serialToEpoch(46296.5, 'Europe/Paris') as number).toISOString()).toBe(
      '2026-10-01T10:00:00.000Z',
    );
    expect(serialToEpoch(12, 'UTC')).toBeNull();
  });

  test('lastCompleteMonth depends on the zone', () => {
    const now = new Date('2026-10-31T23:30:00Z');
    expect(lastCompleteMonth(now, 'Europe/Paris')).toBe('2026-10');
    expect(lastCompleteMonth(now, 'UTC')).toBe('2026-09');
  });

  test('MonthIndex agrees with Intl month keys (property, 1000 runs)', () => {
    const zones = [
      'UTC',
      'Europe/Paris',
      'America/New_York',
      'Asia/Kolkata',
      'Pacific/Auckland',
      'America/Sao_Paulo',
    ];
    const indexes = new Map(zones.map((z) => [z, new MonthIndex('2024-01', '2027-12', z)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2023, 11, 20), max: Date.UTC(2028, 0, 10) }),
        (z, t) => {
          const idx = indexes.get(z)!;
          const i = idx.indexOf(t);
          const k = monthKey(t, z);
          return i === -1 ? k < '2024-01' || k > '2027-12' : idx.months[i] === k;
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('wall clock: the offset cached per day agrees with what Intl prints, clock changes included', () => {
  const zones = [
    'Europe/Paris',
    'America/New_York',
    'Australia/Lord_Howe', // 30-minute clock change
    'Asia/Kolkata',
    'America/Sao_Paulo',
    'Pacific/Chatham', // +12:45 / +13:45
    'UTC',
  ];
  // An independent oracle: the Swedish locale prints an ISO-like '2026-03-29 02:30:00'.
  const printed = (epoch: number, tz: string) => {
    const [date, time] = new Date(epoch)
      .toLocaleString('sv-SE', { timeZone: tz, hourCycle: 'h23' })
      .split(' ');
    const [year, month, day] = date.split('-').map(Number);
    const [hour, minute, second] = time.split(':').map(Number);
    return { year, month, day, hour, minute, second };
  };
  const from = Date.UTC(1995, 0, 1);
  const to = Date.UTC(2035, 0, 1);

  test('random instants', () => {
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...zones), (t, tz) => {
        expect(wallClock(t, tz)).toEqual(printed(t, tz));
      }),
      { numRuns: 3000 },
    );
  });

  test('every quarter hour around the 2026 clock changes of Paris and New York', () => {
    for (const [tz, day] of [
      ['Europe/Paris', Date.UTC(2026, 2, 29)],
      ['Europe/Paris', Date.UTC(2026, 9, 25)],
      ['America/New_York', Date.UTC(2026, 2, 8)],
      ['America/New_York', Date.UTC(2026, 10, 1)],
    ] as const)
      for (let t = day - 86_400_000; t < day + 2 * 86_400_000; t += 900_000 + 1234)
        expect(wallClock(t, tz)).toEqual(printed(t, tz));
  });
});
