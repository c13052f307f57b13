import { parseCountryTab } from '../../src/core/benchmark/parse';
import { TYPED_INPUT } from '../fixtures/typed-input';
import {
  asText,
  mightBeTypedValue,
  describe as describeCell,
  formatDay,
  columnLetter,
  inertBlock,
  toDate,
  toNumber,
  toYesNo,
} from '../../src/core/cells';

describe('cells', () => {
  test('numbers from cells and numeric text, nothing else', () => {
    expect(toNumber(3)).toBe(3);
    expect(toNumber(' 3,5 ')).toBe(3.5);
    expect(toNumber('10 %')).toBeCloseTo(0.1);
    expect(toNumber('1e3')).toBe(1000);
    expect(toNumber('abc')).toBeNull();
    expect(toNumber('#N/A')).toBeNull();
    expect(toNumber(true)).toBeNull();
    expect(toNumber(NaN)).toBeNull();
    expect(toNumber('')).toBeNull();
  });

  test('dates as Date, ISO, French and English text; impossible dates refused', () => {
    expect(toDate('2026-10-03')?.toISOString()).toBe('2026-10-03T00:00:00.000Z');
    expect(toDate('03/10/2026')?.toISOString()).toBe('2026-10-03T00:00:00.000Z');
    expect(toDate('3 octobre 2026')?.toISOString()).toBe('2026-10-03T00:00:00.000Z');
    expect(toDate('Oct 3, 2026')?.toISOString()).toBe('2026-10-03T00:00:00.000Z');
    expect(toDate('31/02/2026')).toBeNull();
    expect(toDate('soon')).toBeNull();
    expect(toDate(45000)).toBeNull();
  });

  test('yes/no in English and French', () => {
    expect(['yes', 'TRUE', 'y', 1, 'oui', true].map(toYesNo)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['no', 'false', 'N', 0, 'non', false].map(toYesNo)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(toYesNo('')).toBeNull();
    expect(toYesNo('maybe')).toBeUndefined();
  });

  test('formula-looking text is made inert, other values pass through', () => {
    expect(['=1+1', '+33 6', '-5 units', '@home', 'plain'].map(asText)).toEqual([
      "'=1+1",
      "'+33 6",
      "'-5 units",
      "'@home",
      'plain',
    ]);
    const d = new Date();
    expect(inertBlock([['=SUM(A1)', 5, true, d]])).toEqual([["'=SUM(A1)", 5, true, d]]);
  });

  test('column letters', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

test('text that Sheets would turn into a number, boolean or date stays text', () => {
  expect(['12', '3,5', 'TRUE', '2026-10-03', "'quoted", 'FR', 'Requests'].map(asText)).toEqual([
    "'12",
    "'3,5",
    "'TRUE",
    "'2026-10-03",
    "''quoted",
    'FR',
    'Requests',
  ]);
  // Text that merely starts with a number or a word like a month stays as it is.
  expect(['12 rue de la Paix', '5% of fees', 'Collection 2017'].map(asText)).toEqual([
    '12 rue de la Paix',
    '5% of fees',
    'Collection 2017',
  ]);
});

test('every string of the typed-input table that Sheets would not keep as text is marked', () => {
  for (const c of TYPED_INPUT) {
    if (c.input.startsWith("'")) continue; // already marked by whoever wrote it
    if (c.kind === 'text') continue;
    expect([c.input, c.locale, asText(c.input)]).toEqual([c.input, c.locale, `'${c.input}`]);
  }
  // …and plain labels are left as they are.
  for (const label of ['Requests', 'Reuse rate', 'Q3 2026', 'SAMPLE-0001', '—'])
    expect(mightBeTypedValue(label)).toBe(false);
});

test('dates in messages are the day the spreadsheet shows, not the UTC day', () => {
  // A date cell of 3 Oct 2026 in Paris is 22:00 UTC on 2 Oct.
  const cell = new Date(Date.UTC(2026, 9, 2, 22));
  expect(describeCell(cell, 'Europe/Paris')).toBe('the date 2026-10-03');
  expect(formatDay(cell, 'Europe/Paris')).toBe('2026-10-03');
  expect(formatDay(cell, 'UTC')).toBe('2026-10-02');
  // The zone may be a way to get it (a custom function's service call), asked only for a date.
  let asked = 0;
  const zone = () => (asked++, 'Europe/Paris');
  expect(describeCell(7, zone)).toBe('number 7');
  expect(asked).toBe(0);
  expect(describeCell(cell, zone)).toBe('the date 2026-10-03');
  expect(asked).toBe(1);
});

test('the benchmark core prints days in the zone it is given (no zone in module state)', () => {
  const cell = new Date(Date.UTC(2026, 9, 2, 22));
  const grid = [
    [
      'Dimension',
      'Topic',
      'Finding',
      'Value',
      'Unit',
      'Year',
      'Implication / opportunity',
      'Best practice',
      'Status',
      'Source',
      'Last reviewed',
      'Owner',
    ],
    ['law', cell, 'x', '', '', 'year?', '', '', 'verified', 's', '', ''],
  ];
  expect(parseCountryTab('FR', 'Benchmark FR', grid, 'Europe/Paris').findings[0].topic).toBe(
    '2026-10-03',
  );
  expect(parseCountryTab('FR', 'Benchmark FR', grid).findings[0].topic).toBe('2026-10-02');
  expect(formatDay(cell, 'Europe/Paris')).toBe('2026-10-03');
});
