import { displayValue } from '../../../local/spreadsheet/number-format';
import { setup } from './helpers';

const NNBSP = '\u202f';

describe('getDisplayValues', () => {
  const cases: Array<[unknown, string, string, string]> = [
    // value, format, fr_FR, en_US
    [1234.5678, '0', '1235', '1235'],
    [1234.5678, '0.0', '1234,6', '1234.6'],
    [1234.5678, '0.00', '1234,57', '1234.57'],
    [1.005, '0.00', '1,01', '1.01'],
    [1234567.891, '#,##0', `1${NNBSP}234${NNBSP}568`, '1,234,568'],
    [1234567.891, '#,##0.00', `1${NNBSP}234${NNBSP}567,89`, '1,234,567.89'],
    [-1234.5, '#,##0.00', `-1${NNBSP}234,50`, '-1,234.50'],
    [0.125, '0%', '13%', '13%'],
    [0.1234, '0.0%', '12,3%', '12.3%'],
    [0.5, '0.00', '0,50', '0.50'],
    [3.14159, '', '3,14159', '3.14159'],
    [1 / 3, '', '0,3333333333', '0.3333333333'],
    [42, '', '42', '42'],
    [42, '@', '42', '42'],
    ['00123', '@', '00123', '00123'],
    ['text', '0.00', 'text', 'text'],
    [true, '', 'TRUE', 'TRUE'],
  ];

  test.each(cases)('%p with %p', (value, format, fr, en) => {
    for (const [locale, expected] of [
      ['fr_FR', fr],
      ['en_US', en],
    ] as const) {
      const { sheet } = setup({ locale });
      const r = sheet.getRange('A1');
      if (format) r.setNumberFormat(format);
      r.setValue(value);
      expect(r.getDisplayValue()).toBe(expected);
    }
  });

  test('dates use the spreadsheet time zone', () => {
    const d = new Date('2024-03-31T22:30:00Z'); // 2024-04-01 00:30 in Paris (summer time)
    const { sheet, ss } = setup();
    const r = sheet.getRange('A1:E1');
    r.setNumberFormats([['yyyy-mm-dd', 'yyyy-mm', 'dd/mm/yyyy', 'yyyy-mm-dd hh:mm', '0.00']]);
    r.setValues([[d, d, d, d, d]]);
    expect(r.getDisplayValues()).toEqual([
      ['2024-04-01', '2024-04', '01/04/2024', '2024-04-01 00:30', '45383,02'],
    ]);
    ss.timeZone = 'America/New_York';
    expect(r.getDisplayValues()[0].slice(0, 4)).toEqual([
      '2024-03-31',
      '2024-03',
      '31/03/2024',
      '2024-03-31 18:30',
    ]);
  });

  test('changing the spreadsheet time zone keeps the wall clock (Sheets stores serials)', () => {
    const { app, sheet } = setup();
    const r = sheet.getRange('A1');
    r.setNumberFormat('yyyy-mm-dd hh:mm').setValue(new Date('2024-01-15T09:00:00Z')); // 10:00 in Paris
    app.getActiveSpreadsheet().setSpreadsheetTimeZone('America/New_York');
    expect(r.getDisplayValue()).toBe('2024-01-15 10:00');
    expect((r.getValue() as Date).toISOString()).toBe('2024-01-15T15:00:00.000Z');
  });

  test('unformatted dates get the locale default pattern', () => {
    const fr = setup();
    fr.sheet.getRange('A1:B1').setValues([[new Date('2024-03-05T09:15:00Z'), '2024-03-05']]);
    expect(fr.sheet.getRange('A1:B1').getDisplayValues()).toEqual([
      ['05/03/2024 10:15:00', '2024-03-05'],
    ]);
    const us = setup({ locale: 'en_US', timeZone: 'UTC' });
    us.sheet.getRange('A1').setValue(new Date('2024-03-05T09:15:00Z'));
    expect(us.sheet.getRange('A1').getDisplayValue()).toBe('3/5/2024 9:15:00');
  });

  test('date formats applied to serial numbers', () => {
    expect(displayValue(45383, 'yyyy-mm-dd', { locale: 'fr_FR', timeZone: 'Europe/Paris' })).toBe(
      '2024-04-01',
    );
    expect(
      displayValue(45383.5, 'dd/mm/yyyy hh:mm', { locale: 'fr_FR', timeZone: 'Europe/Paris' }),
    ).toBe('01/04/2024 12:00');
  });

  test('empty and formula cells without a computed value display as ""', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=B1');
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['', '']]);
  });

  test('sections, literals and optional digits', () => {
    const ctx = { locale: 'en_US', timeZone: 'UTC' };
    expect(displayValue(-5, '0.0;(0.0)', ctx)).toBe('(5.0)');
    expect(displayValue(0, '0.0;(0.0);"zero"', ctx)).toBe('zero');
    expect(displayValue(12.5, '#,##0.0 "t"', ctx)).toBe('12.5 t');
    expect(displayValue(0.5, '#.##', ctx)).toBe('.5');
    expect(displayValue(7, '000', ctx)).toBe('007');
  });
});
