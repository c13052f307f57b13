import {
  formatDelta,
  formatInstant,
  formatNumber,
  textSparkline,
} from '../../../src/core/report/format';

describe('report number formats', () => {
  test.each([
    [1234.5, '#,##0', '1,235'],
    [1234.5, '#,##0.0', '1,234.5'],
    [0.7234, '0.0%', '72.3 %'],
    [0.7, '0%', '70 %'],
    [4.376, '0.00', '4.38'],
    [-1.94, '0.0', '-1.9'],
    [-0.04, '0.0', '0.0'],
    [1e6, '#,##0.00', '1,000,000.00'],
  ])('%d in %s → %s', (v, f, text) => {
    expect(formatNumber(v, f)).toBe(text);
  });

  test('blank for a missing value', () => {
    expect(formatNumber(null, '0.0')).toBe('');
    expect(formatNumber(NaN, '0.0')).toBe('');
  });

  test('deltas: signed, shares in percentage points', () => {
    expect(formatDelta(0.106, '0.0%')).toBe('+10.6 pts');
    expect(formatDelta(-1.2, '0.0')).toBe('−1.2');
    expect(formatDelta(0.00001, '0.0')).toBe('±0.0');
    expect(formatDelta(null, '0.0')).toBe('');
  });

  test('instants on the wall clock of the zone', () => {
    expect(formatInstant(new Date(Date.UTC(2026, 10, 26, 9, 5)), 'Europe/Paris')).toBe(
      '2026-11-26 10:05',
    );
  });

  test('text sparkline: lowest ▁, highest █, blanks as spaces, flat series mid-height', () => {
    expect(textSparkline([1, null, 8])).toBe('▁ █');
    expect(textSparkline([2, 2])).toBe('▄▄');
    expect(textSparkline([null, null])).toBe('');
  });
});
