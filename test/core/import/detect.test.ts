/**
 * What the dialog proposes from a file's own values: day- or month-first dates and the decimal
 * separator, falling back on the sheet's locale only when no value decides.
 */
import { detectDateOrder, detectDecimal, localeDateOrder } from '../../../src/core/import/detect';
import { backOfficeExports } from '../../../src/core/sample/back-office-export';
import Papa from 'papaparse';

describe('detectDateOrder', () => {
  test('a day above 12 in first place makes the file day-first, whatever the locale', () => {
    const d = detectDateOrder(['03/10/2026 09:12', '', '14/10/2026 17:40'], 'en_US');
    expect(d).toMatchObject({ value: 'dmy', fromFile: true });
    expect(d.because).toContain('14/10/2026');
  });

  test('a day above 12 in second place makes it month-first, even in a French sheet', () => {
    expect(detectDateOrder(['10/03/2026', '10/14/2026 5:40 PM'], 'fr_FR')).toMatchObject({
      value: 'mdy',
      fromFile: true,
    });
  });

  test('without a deciding value, the locale decides and says so', () => {
    const us = detectDateOrder(['01/02/2026', '2026-10-30', 42, null], 'en_US');
    expect(us).toMatchObject({ value: 'mdy', fromFile: false });
    expect(us.because).toContain('en_US');
    expect(detectDateOrder([], 'de_DE')).toMatchObject({ value: 'dmy', fromFile: false });
  });

  test('locale orders', () => {
    expect(localeDateOrder('en_US')).toBe('mdy');
    expect(localeDateOrder('en_GB')).toBe('dmy');
    expect(localeDateOrder('fr_FR')).toBe('dmy');
  });

  test('the sample French back-office export is detected day-first in an en_US sheet', () => {
    const parsed = Papa.parse<string[]>(backOfficeExports({ count: 40 }).first, {
      skipEmptyLines: true,
    });
    const created = parsed.data.slice(1).map((r) => r[1]);
    expect(detectDateOrder(created, 'en_US').value).toBe('dmy');
  });
});

describe('detectDecimal', () => {
  test('two decimals after a comma decide a decimal comma', () => {
    expect(detectDecimal(['', '1,234', '12,50 €'], 'en_US')).toMatchObject({
      value: ',',
      fromFile: true,
    });
  });

  test('two decimals after a point decide a decimal point, even in a French sheet', () => {
    expect(detectDecimal(['0,250', '12.5'], 'fr_FR')).toMatchObject({ value: '.', fromFile: true });
  });

  test('three digits after the separator decide nothing: the locale answers', () => {
    expect(detectDecimal(['1,234', '0.250', '7'], 'fr_FR')).toMatchObject({
      value: ',',
      fromFile: false,
    });
    expect(detectDecimal([], 'en_GB')).toMatchObject({ value: '.', fromFile: false });
  });
});
