import { readDateText } from '../../../src/core/read/dates';
import { DateTextReader } from '../../../src/core/import/dates';
import { ValueReader } from '../../../src/core/import/values';

describe('DateTextReader', () => {
  test.each(['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'])(
    'gives the instant readDateText gives, across zone changes (%s)',
    (zone) => {
      const reader = new DateTextReader(zone);
      const texts = [
        '29/03/2026 01:30',
        '29/03/2026 02:30',
        '29/03/2026 03:30',
        '25/10/2026 02:30',
        '25/10/2026 03:00',
        '08/03/2026 02:30',
        '01/11/2026 01:30',
        '05/04/2026 01:45',
        '04/10/2026 02:15',
        '02/10/2026',
        '2026-10-02 14:03:59',
        '2026-10-02T14:03',
        '2026-10',
        '3 Oct 2026 14:05',
        'octobre 2026',
        '2026-10-02T14:03:00+05:30',
        '2026-10-02T14:03:00Z',
        '21/09/2026 10:00',
        '02/10/2026 2:03 PM',
        '02/10/99 12:30 am',
        '31/02/2026 10:00',
        '02/10/2026 24:00',
        'yesterday',
        '',
      ];
      for (const locale of ['fr_FR', 'en_US'])
        for (const t of texts)
          expect([t, locale, reader.read(t, locale)]).toEqual([
            t,
            locale,
            readDateText(t, locale, zone)?.at ?? null,
          ]);
    },
  );
});

describe('ValueReader', () => {
  const reader = new ValueReader({ locale: 'fr_FR', timeZone: 'UTC', dateOrder: 'dmy' });

  test('a tab cell and a file value that mean the same compare equal', () => {
    const same = (column: Parameters<typeof reader.sheet>[0], sheet: unknown, file: string) => {
      const read = reader.file(column, file);
      return read !== null && 'key' in read && read.key === reader.sheet(column, sheet as never);
    };
    expect(same('Outcome', 'Recyclé', 'recycled')).toBe(true);
    expect(same('Created', new Date('2026-10-02T14:03:00Z'), '02/10/2026 14:03')).toBe(true);
    expect(same('Created', '02/10/2026 14:03', '2026-10-02 14:03')).toBe(true);
    expect(same('Weight kg', 1.2, '1,2 kg')).toBe(true);
    expect(same('Weight kg', '1,2', '1,2')).toBe(true);
    expect(same('Complaint', true, 'oui')).toBe(true);
    expect(same('Complaint', 'yes', 'no')).toBe(false);
    expect(same('Category', ' laptop  pro', 'laptop pro')).toBe(true);
    expect(same('Category', 'Laptop', 'laptop')).toBe(false);
    expect(same('Weight kg', 'heavy', 'heavy')).toBe(false);
  });

  test('blank file values are null; unreadable ones say why', () => {
    expect(reader.file('Created', '  ')).toBeNull();
    expect(reader.file('Created', null)).toBeNull();
    expect(reader.file('Created', 'tomorrow')).toEqual({
      bad: expect.stringMatching(/^not a date/),
    });
    expect(reader.file('CSAT', '0')).toEqual({ bad: 'outside 1 to 5' });
    expect(reader.file('Order ID', ' 000123 ')).toEqual({ value: '000123', key: 't000123' });
  });
});
