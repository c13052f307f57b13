import {
  isPartial,
  lastCompleteQuarter,
  monthPeriod,
  parsePeriod,
  quarterPeriod,
} from '../../../src/core/report/period';
import { UserError } from '../../../src/core/cells';

const TZ = 'Europe/Paris';
// 1 Nov 2026 00:30 in Paris is still 31 Oct in UTC: months are read on the spreadsheet's wall clock.
const NOW = new Date(Date.UTC(2026, 9, 31, 23, 30));

describe('report periods', () => {
  test('a month has its exact first and last day, label and tab name', () => {
    expect(monthPeriod('2026-10')).toEqual({
      key: '2026-10',
      kind: 'month',
      months: ['2026-10'],
      label: 'October 2026',
      first: '2026-10-01',
      last: '2026-10-31',
      tabName: 'Report 2026-10',
    });
    expect(monthPeriod('2028-02').last).toBe('2028-02-29');
    expect(monthPeriod('2026-02').last).toBe('2026-02-28');
  });

  test('a quarter pools three months', () => {
    const q = quarterPeriod(2026, 3);
    expect(q.months).toEqual(['2026-07', '2026-08', '2026-09']);
    expect([q.first, q.last, q.tabName, q.label]).toEqual([
      '2026-07-01',
      '2026-09-30',
      'Report 2026-Q3',
      'Q3 2026 (July to September 2026)',
    ]);
    expect(quarterPeriod(2026, 4).last).toBe('2026-12-31');
  });

  test.each([
    ['2026-10', '2026-10'],
    ['10/2026', '2026-10'],
    ['Oct 2026', '2026-10'],
    ['octobre 2026', '2026-10'],
    [' 2026-9 ', '2026-09'],
    ['2026-Q3', '2026-Q3'],
    ['2026 Q3', '2026-Q3'],
    ['Q3 2026', '2026-Q3'],
    ['q2-2026', '2026-Q2'],
    ['T1 2026', '2026-Q1'],
    ['last complete month', '2026-10'],
    ['Last month', '2026-10'],
    ['last complete quarter', '2026-Q3'],
  ])('%s → %s', (text, key) => {
    expect(parsePeriod(text, NOW, TZ).key).toBe(key);
  });

  test('blank means the fallback, itself blank = the last complete month in the spreadsheet zone', () => {
    expect(parsePeriod('', NOW, TZ).key).toBe('2026-10');
    expect(parsePeriod('', NOW, 'UTC').key).toBe('2026-09');
    expect(parsePeriod('', NOW, TZ, '2026-Q2').key).toBe('2026-Q2');
    expect(parsePeriod(null, NOW, TZ, '').key).toBe('2026-10');
  });

  test('a Date cell in Settings is the month containing it', () => {
    expect(parsePeriod(new Date(Date.UTC(2026, 5, 15)), NOW, TZ).key).toBe('2026-06');
  });

  test('unreadable text and periods that have not started are refused with the text quoted', () => {
    expect(() => parsePeriod('next month', NOW, TZ)).toThrow(UserError);
    expect(() => parsePeriod('2026-13', NOW, TZ)).toThrow(
      /"2026-13" is not a period.*2026-10.*2026-Q3/,
    );
    expect(() => parsePeriod('2026-Q5', NOW, TZ)).toThrow(/not a period/);
    expect(() => parsePeriod('2026-12', NOW, TZ)).toThrow(/December 2026 has not started yet/);
    expect(() => parsePeriod('2027-Q1', NOW, TZ)).toThrow(/has not started yet/);
  });

  test('the current month or quarter is accepted but partial', () => {
    const p = parsePeriod('2026-Q4', NOW, TZ);
    expect(isPartial(p, NOW, TZ)).toBe(true);
    expect(isPartial(monthPeriod('2026-10'), NOW, TZ)).toBe(false);
  });

  test('last complete quarter across a year boundary', () => {
    expect(lastCompleteQuarter(new Date(Date.UTC(2027, 1, 10)), TZ).key).toBe('2026-Q4');
    expect(lastCompleteQuarter(new Date(Date.UTC(2026, 3, 1, 12)), TZ).key).toBe('2026-Q1');
  });
});
