import { wallClock } from '../../../local/spreadsheet/number-format';
import { TYPED_INPUT } from '../../fixtures/typed-input';
import { setup } from './helpers';

const TZ = 'Europe/Paris';
const pad = (n: number) => String(n).padStart(2, '0');
const wall = (d: Date) => {
  const w = wallClock(d, TZ);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
};

/** What a cell holds, in the table's terms. */
function kindOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): [string, string | number | boolean] {
  const range = sheet.getRange('A1');
  const formula = range.getFormula();
  if (formula) return ['formula', formula];
  const v = range.getValue();
  if (v instanceof Date) return ['date', wall(v)];
  if (typeof v === 'number') return ['number', v];
  if (typeof v === 'boolean') return ['boolean', v];
  // An error reads back as its code; only the display and the written record tell it apart.
  const fake = sheet as unknown as { convertedStringWrites: { became: string }[] };
  if (fake.convertedStringWrites.at(-1)?.became === 'error') return ['error', v as string];
  return ['text', v as string];
}

describe('typed input: what Sheets makes of a string written by setValue (the shared table)', () => {
  test.each(TYPED_INPUT.map((c) => [c.input, c.locale, c] as const))(
    '%s in %s',
    (_input, locale, c) => {
      const { sheet } = setup({ locale, timeZone: TZ });
      sheet.getRange('A1').setValue(c.input);
      expect(kindOf(sheet)).toEqual([c.kind, c.value]);
    },
  );

  test.each(TYPED_INPUT.map((c) => [c.input, c.locale, c] as const))(
    '%s in %s stays the text written in a plain-text (@) cell',
    (_input, locale, c) => {
      const { sheet, fake } = setup({ locale, timeZone: TZ });
      sheet.getRange('A1').setNumberFormat('@').setValue(c.input);
      expect(sheet.getRange('A1').getValue()).toBe(c.input);
      expect(sheet.getRange('A1').getFormula()).toBe('');
      expect(fake.convertedStringWrites).toEqual([]);
    },
  );

  test('a string that became a value is recorded with its cell, what it became and the method', () => {
    const { sheet, fake } = setup({ locale: 'fr_FR', timeZone: TZ });
    sheet.getRange('B2:C2').setValues([['2026-10', 'Requests']]);
    sheet.appendRow(['#N/A']);
    expect(fake.convertedStringWrites).toEqual([
      { cell: 'B2', input: '2026-10', became: 'date', method: 'setValues' },
      { cell: 'A3', input: '#N/A', became: 'error', method: 'appendRow' },
    ]);
    expect(sheet.getRange('A3').getDisplayValue()).toBe('#N/A');
  });

  test('a number or date written as such is not a converted string', () => {
    const { sheet, fake } = setup({ locale: 'fr_FR', timeZone: TZ });
    sheet.getRange('A1:B1').setValues([[12, new Date(Date.UTC(2026, 9, 1))]]);
    expect(fake.convertedStringWrites).toEqual([]);
  });
});
