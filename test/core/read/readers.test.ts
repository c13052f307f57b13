import { readAmountText } from '../../../src/core/read/amounts';
import { readDateText } from '../../../src/core/read/dates';
import { outcomeLabels, readOutcome } from '../../../src/core/read/outcomes';
import { wallClock } from '../../../src/core/kpi/months';
import { TYPED_INPUT } from '../../fixtures/typed-input';

const TZ = 'Europe/Paris';
const pad = (n: number) => String(n).padStart(2, '0');
const wall = (at: number) => {
  const w = wallClock(at, TZ);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
};

describe('the typed-input table, read as a KPI Data reader reads text', () => {
  test.each(
    TYPED_INPUT.filter(
      (c) => c.kind === 'date' && !c.input.startsWith("'") && !/^\d+:\d+$/.test(c.input),
    ).map((c) => [c.input, c.locale, c] as const),
  )('date %s in %s', (_i, locale, c) => {
    const d = readDateText(c.input, locale, TZ);
    expect(d && wall(d.at)).toBe(c.value);
  });

  test.each(
    TYPED_INPUT.filter((c) => c.kind === 'number').map((c) => [c.input, c.locale, c] as const),
  )('number %s in %s', (_i, locale, c) => {
    expect(readAmountText(c.input, locale)).toBeCloseTo(c.value as number, 10);
  });

  test.each(TYPED_INPUT.filter((c) => c.kind === 'text').map((c) => [c.input, c.locale] as const))(
    'text %s in %s is neither a date nor a number',
    (input, locale) => {
      if (input.startsWith("'")) return;
      expect(readDateText(input, locale, TZ)).toBeNull();
      expect(readAmountText(input, locale)).toBeNull();
    },
  );
});

describe('dates as exports write them', () => {
  test('ISO 8601 with Z or an offset is that instant, placed in the spreadsheet zone', () => {
    const z = readDateText('2026-09-30T22:30:00Z', 'fr_FR', TZ)!;
    expect(wall(z.at)).toBe('2026-10-01 00:30');
    expect(z.dateOnly).toBe(false);
    expect(wall(readDateText('2026-10-01T00:30:00+02:00', 'fr_FR', TZ)!.at)).toBe(
      '2026-10-01 00:30',
    );
    expect(wall(readDateText('2026-10-01T02:30:00.123+0400', 'en_US', TZ)!.at)).toBe(
      '2026-10-01 00:30',
    );
  });

  test('date-times day first (month first in en_US), with seconds; date-only is flagged', () => {
    expect(wall(readDateText('02/10/2026 14:03:59', 'fr_FR', TZ)!.at)).toBe('2026-10-02 14:03');
    expect(readDateText('02/10/2026', 'fr_FR', TZ)!.dateOnly).toBe(true);
    expect(wall(readDateText('10/02/2026 14:03', 'en_US', TZ)!.at)).toBe('2026-10-02 14:03');
    expect(wall(readDateText('02.10.2026', 'de_DE', TZ)!.at)).toBe('2026-10-02 00:00');
  });

  test('impossible dates are not dates', () => {
    for (const s of ['31/02/2026', '2026-13-01', '02/10/2026 25:00', 'yesterday', '12', ''])
      expect(readDateText(s, 'fr_FR', TZ)).toBeNull();
  });
});

describe('amounts as exports write them', () => {
  test.each([
    ['300 €', 'fr_FR', 300],
    ['1.234,56', 'fr_FR', 1234.56],
    ['1 234,56', 'fr_FR', 1234.56],
    ['1,234.56', 'en_US', 1234.56],
    ['1,2 kg', 'fr_FR', 1.2],
    ['EUR 12', 'fr_FR', 12],
    ['12,50 EUR', 'fr_FR', 12.5],
    ['1,234', 'en_US', 1234],
    ['1,234', 'fr_FR', 1.234],
    ['-3,5', 'fr_FR', -3.5],
    ['12 %', 'fr_FR', 0.12],
  ] as const)('%s in %s is %d', (text, locale, n) => {
    expect(readAmountText(text, locale)).toBeCloseTo(n, 10);
  });

  test('text that is not an amount is not one', () => {
    for (const s of ['abc', '12 apples', '1,2,3,4', '1.23.4', 'EUR', '', '3 kg 2'])
      expect(readAmountText(s, 'fr_FR')).toBeNull();
  });
});

describe('outcome labels', () => {
  test('English and French, any case, with or without accents', () => {
    const read = (s: string) => readOutcome(s);
    expect(
      [
        'Recyclé',
        'RECYCLE',
        'Reconditionné',
        'réutilisé',
        'Retourné',
        'Perdu',
        'Refusé',
        ' Reused ',
      ].map(read),
    ).toEqual([
      'recycled',
      'recycled',
      'refurbished',
      'reused',
      'returned',
      'lost',
      'rejected',
      'reused',
    ]);
    expect(read('Broken')).toBeNull();
    expect(read(3 as unknown as string)).toBeNull();
  });

  test("the team's own labels extend and override the built-in ones; bad rows are reported", () => {
    const labels = outcomeLabels([
      ['Grade C - broyé', 'recycled'],
      ['Perdu', 'returned'],
      ['Mystery', 'vanished'],
      ['', 'lost'],
      ['', ''],
    ]);
    expect(readOutcome('grade c - BROYÉ', labels)).toBe('recycled');
    expect(readOutcome('perdu', labels)).toBe('returned');
    // A back office that codes outcomes as numbers: the table maps them, as text or number.
    const coded = outcomeLabels([[1, 'reused']]);
    expect([readOutcome(1 as never, coded), readOutcome('1', coded)]).toEqual(['reused', 'reused']);
    expect(labels.problems).toEqual([
      { row: 4, reason: expect.stringMatching(/'vanished' is not an outcome/) },
      { row: 5, reason: 'no label' },
    ]);
  });
});
