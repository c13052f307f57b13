import { createRuntime } from '../../../local/runtime';
import { fakeSheet } from '../../../local/spreadsheet';
import { setup } from './helpers';

describe('setValues / getValues', () => {
  test('exact rectangle, "" for empty cells, numbers/booleans/dates kept', () => {
    const { sheet } = setup();
    const d = new Date('2024-05-01T08:00:00Z');
    sheet.getRange('B2:D3').setValues([
      [1, true, d],
      ['text', null, undefined],
    ]);
    const values = sheet.getRange('A1:D3').getValues();
    expect(values).toEqual([
      ['', '', '', ''],
      ['', 1, true, d],
      ['', 'text', '', ''],
    ]);
    expect(values[1][3]).toBeInstanceOf(Date);
  });

  test('dates come back as copies', () => {
    const { sheet } = setup();
    const d = new Date('2024-05-01T08:00:00Z');
    sheet.getRange('A1').setValue(d);
    d.setFullYear(1999);
    const out = sheet.getRange('A1').getValue() as Date;
    expect(out.toISOString()).toBe('2024-05-01T08:00:00.000Z');
    out.setFullYear(2000);
    expect((sheet.getRange('A1').getValue() as Date).getUTCFullYear()).toBe(2024);
  });

  test('shape mismatches throw with Sheets wording', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B2');
    expect(() => r.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([1, 2] as unknown as unknown[][])).toThrow(
      "don't match the method signature for SpreadsheetApp.Range.setValues",
    );
    expect(() => r.setBackgrounds([['#fff']])).toThrow(
      'The number of rows in the data does not match',
    );
    expect(() => r.setNumberFormats([['0', '0'], ['0']])).toThrow(
      'The number of columns in the data does not match',
    );
    expect(() =>
      r.setFontWeights([
        ['bold', 'bold', 'bold'],
        ['bold', 'bold', 'bold'],
      ]),
    ).toThrow('The data has 3 but the range has 2.');
  });

  test('setValue fills every cell of the range; getValue reads the top-left one', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
    expect(sheet.getRange('A1:B2').getValue()).toBe(7);
  });
});

describe('USER_ENTERED coercion', () => {
  test('= starts a formula: getFormulas has it, getValues is "" until a computed value is attached', () => {
    const { sheet, fake } = setup();
    sheet.getRange('A1:B1').setValues([['=SUM(C1:C3)', 'x']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(C1:C3)', '']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(C1:C3)');
    expect(sheet.getRange('A1').getValue()).toBe('');
    fake.setComputedValue(1, 1, 42);
    expect(sheet.getRange('A1').getValue()).toBe(42);
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(C1:C3)');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('42');
  });

  test('formulas written as values are recorded; setFormula(s) are not', () => {
    const { sheet, fake } = setup();
    sheet.getRange('A1:A2').setValues([['=HYPERLINK("http://x")'], ['safe']]);
    sheet.getRange('B1').setValue('=1+1');
    sheet.appendRow(['=IMPORTXML("u","//a")', 2]);
    sheet.getRange('C1').setFormula('=A1*2');
    sheet.getRange('D1:D2').setFormulas([['=B1'], ['=B2']]);
    expect(fake.unintendedFormulaWrites).toEqual([
      { cell: 'A1', formula: '=HYPERLINK("http://x")', method: 'setValues' },
      { cell: 'B1', formula: '=1+1', method: 'setValue' },
      { cell: 'A3', formula: '=IMPORTXML("u","//a")', method: 'appendRow' },
    ]);
    expect(sheet.getRange('D1:D2').getFormulas()).toEqual([['=B1'], ['=B2']]);
  });

  test('setFormula on a block moves relative references like a fill', () => {
    const { sheet } = setup();
    sheet.getRange('B1:B3').setFormula('=A1*$C$1');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([
      ['=A1*$C$1'],
      ['=A2*$C$1'],
      ['=A3*$C$1'],
    ]);
  });

  test('a leading apostrophe forces text and is dropped', () => {
    const { sheet, fake } = setup();
    sheet.getRange('A1:C1').setValues([["'=1+1", "'0012", "'TRUE"]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['=1+1', '0012', 'TRUE']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '', '']]);
    expect(fake.unintendedFormulaWrites).toEqual([]);
  });

  test('numeric, boolean, percent and ISO-date text is parsed', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:H1')
      .setValues([['12', '3.5', '00123', ' -4 ', 'true', 'FALSE', '15%', '2024-03-01']]);
    const [row] = sheet.getRange('A1:H1').getValues();
    expect(row.slice(0, 7)).toEqual([12, 3.5, 123, -4, true, false, 0.15]);
    expect(row[7]).toBeInstanceOf(Date);
    expect((row[7] as Date).toISOString()).toBe('2024-02-29T23:00:00.000Z'); // midnight in Europe/Paris
    expect(sheet.getRange('G1:H1').getNumberFormats()).toEqual([['0%', 'yyyy-mm-dd']]);
  });

  test('decimal comma is parsed in comma locales only', () => {
    const fr = setup({ locale: 'fr_FR' });
    fr.sheet.getRange('A1').setValue('3,5');
    expect(fr.sheet.getRange('A1').getValue()).toBe(3.5);
    const us = setup({ locale: 'en_US' });
    us.sheet.getRange('A1').setValue('3,5');
    expect(us.sheet.getRange('A1').getValue()).toBe('3,5');
  });

  test("plain-text format '@' keeps the raw text, formulas included", () => {
    const { sheet, fake } = setup();
    const r = sheet.getRange('A1:D1');
    r.setNumberFormat('@');
    r.setValues([['0012', 'TRUE', '=1+1', '2024-01-01']]);
    expect(r.getValues()).toEqual([['0012', 'TRUE', '=1+1', '2024-01-01']]);
    expect(r.getFormulas()).toEqual([['', '', '', '']]);
    expect(fake.unintendedFormulaWrites).toEqual([]);
  });

  test('other text stays text; cells over 50 000 characters are refused', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['Recyclage', '12 kg', 'x=1']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['Recyclage', '12 kg', 'x=1']]);
    expect(() => sheet.getRange('A2').setValue('x'.repeat(50001))).toThrow(
      'more than the maximum of 50000 characters',
    );
  });

  test('writing a value over a formula removes the formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=B1');
    sheet.getRange('A1').setValue(3);
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(sheet.getRange('A1').getValue()).toBe(3);
  });

  test('isBlank', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
    sheet.getRange('B2').setFormula('=1');
    expect(sheet.getRange('A1:B2').isBlank()).toBe(false);
  });
});

describe('formats, notes and clears', () => {
  test('singular and plural format setters with defaults', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(r.getFontWeights()).toEqual([['normal', 'normal']]);
    expect(r.getNumberFormats()).toEqual([['0.###############', '0.###############']]);
    r.setBackground('#ABC')
      .setFontWeight('bold')
      .setFontColor('red')
      .setFontStyle('italic')
      .setFontSize(12);
    r.setHorizontalAlignment('center').setVerticalAlignment('middle').setWrap(true);
    expect(r.getBackgrounds()).toEqual([['#aabbcc', '#aabbcc']]);
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(
      r.getFontColorObjects().map((row) => row.map((c) => c.asRgbColor().asHexString())),
    ).toEqual([['#ff0000', '#ff0000']]);
    expect(r.getFontStyles()).toEqual([['italic', 'italic']]);
    expect(r.getFontSizes()).toEqual([[12, 12]]);
    expect(r.getHorizontalAlignments()).toEqual([['center', 'center']]);
    expect(r.getVerticalAlignments()).toEqual([['middle', 'middle']]);
    expect(r.getWraps()).toEqual([[true, true]]);
    r.setBackgrounds([['#000000', null]]).setFontWeights([['normal', 'bold']]);
    expect(r.getBackgrounds()).toEqual([['#000000', '#ffffff']]);
    expect(r.getFontWeights()).toEqual([['normal', 'bold']]);
    r.setWrapStrategy('CLIP' as unknown as GoogleAppsScript.Spreadsheet.WrapStrategy);
    expect(String(r.getWrapStrategy())).toBe('CLIP');
    expect(() => r.setFontWeight('heavy' as 'bold')).toThrow('Invalid argument');
    expect(() => r.setHorizontalAlignment('justify' as 'left')).toThrow('Invalid argument');
  });

  test('notes', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setNotes([['source: Eurostat', null]]);
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['source: Eurostat', '']]);
    sheet.getRange('A1').clearNote();
    expect(sheet.getRange('A1').getNote()).toBe('');
  });

  test('Range.clear variants and Sheet.clearContents/clearFormats', () => {
    const { sheet, app } = setup();
    const rule = app.newDataValidation().requireCheckbox().build();
    const fill = () => {
      const r = sheet.getRange('A1:B2');
      r.setValues([
        [1, 2],
        [3, '=A1'],
      ])
        .setBackground('#ff0000')
        .setNote('n')
        .setDataValidation(rule);
      return r;
    };
    let r = fill();
    r.clearContent();
    expect(r.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(r.getFormulas()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(r.getBackground()).toBe('#ff0000');
    r.clearFormat();
    expect(r.getBackground()).toBe('#ffffff');
    expect(r.getNote()).toBe('n');
    r = fill();
    r.clear({ contentsOnly: true });
    expect([r.getValue(), r.getBackground(), r.getNote(), r.getDataValidation() !== null]).toEqual([
      '',
      '#ff0000',
      'n',
      true,
    ]);
    r.clear({ validationsOnly: true });
    expect(r.getDataValidation()).toBeNull();
    r = fill();
    r.clear();
    expect([r.getValue(), r.getBackground(), r.getNote(), r.getDataValidation()]).toEqual([
      '',
      '#ffffff',
      '',
      null,
    ]);
    fill();
    sheet.clearContents();
    expect([r.getValue(), r.getBackground()]).toEqual(['', '#ff0000']);
    sheet.clearFormats();
    expect(r.getBackground()).toBe('#ffffff');
    fill();
    sheet.clear({ formatOnly: true });
    expect([r.getValue(), r.getBackground()]).toEqual([1, '#ffffff']);
    sheet.clear();
    expect(r.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  test('insertCheckboxes puts unchecked boxes in empty cells', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(true);
    sheet.getRange('A1:A2').insertCheckboxes();
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[true], [false]]);
    expect(String(sheet.getRange('A2').getDataValidation()!.getCriteriaType())).toBe('CHECKBOX');
  });

  test('setComputedValues attaches several results at once', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setFormulas([['=1', '=2']]);
    fakeSheet(sheet).setComputedValues(1, 1, [[1, 2]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, 2]]);
  });
});

test('slash dates typed into an automatic cell become dates, day first outside the US; plain text keeps them', () => {
  const rt = createRuntime({ spreadsheet: { locale: 'fr_FR', timeZone: 'Europe/Paris' } });
  rt.runAs('FULL', () => {
    const s = rt.spreadsheet!.getSheets()[0];
    s.getRange('A1:B1').setValues([['03/10/2026', '1/3']]);
    const [a, b] = s.getRange('A1:B1').getValues()[0];
    expect(a).toBeInstanceOf(Date);
    expect(a.toISOString()).toBe('2026-10-02T22:00:00.000Z'); // 3 Oct, midnight in Paris
    expect(b).toBeInstanceOf(Date); // "1/3" is 1 March: why the AHP block is plain text
    s.getRange('C1').setNumberFormat('@');
    s.getRange('C1').setValue('1/3');
    expect(s.getRange('C1').getValue()).toBe('1/3');
  });
});
