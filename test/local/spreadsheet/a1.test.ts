import {
  columnToLetters,
  formatA1,
  lettersToColumn,
  parseA1,
  quoteSheetName,
} from '../../../local/spreadsheet/a1';
import { shiftFormula } from '../../../local/spreadsheet/formula';
import { setup } from './helpers';

describe('A1 notation', () => {
  test('column letters round-trip', () => {
    for (const [n, s] of [
      [1, 'A'],
      [26, 'Z'],
      [27, 'AA'],
      [52, 'AZ'],
      [702, 'ZZ'],
      [703, 'AAA'],
      [18278, 'ZZZ'],
    ] as const) {
      expect(columnToLetters(n)).toBe(s);
      expect(lettersToColumn(s)).toBe(n);
    }
  });

  test.each([
    ['A1', { sheetName: null, startRow: 1, startCol: 1, endRow: 1, endCol: 1 }],
    ['b2:d5', { sheetName: null, startRow: 2, startCol: 2, endRow: 5, endCol: 4 }],
    ['D5:B2', { sheetName: null, startRow: 2, startCol: 2, endRow: 5, endCol: 4 }],
    ['$A$1:$C$3', { sheetName: null, startRow: 1, startCol: 1, endRow: 3, endCol: 3 }],
    ['A:A', { sheetName: null, startRow: null, startCol: 1, endRow: null, endCol: 1 }],
    ['1:3', { sheetName: null, startRow: 1, startCol: null, endRow: 3, endCol: null }],
    ['A2:C', { sheetName: null, startRow: 2, startCol: 1, endRow: null, endCol: 3 }],
    ["'My Sheet'!A1:B2", { sheetName: 'My Sheet', startRow: 1, startCol: 1, endRow: 2, endCol: 2 }],
    ["'It''s'!C3", { sheetName: "It's", startRow: 3, startCol: 3, endRow: 3, endCol: 3 }],
    ['Data!A1', { sheetName: 'Data', startRow: 1, startCol: 1, endRow: 1, endCol: 1 }],
  ])('parses %s', (a1, expected) => {
    expect(parseA1(a1)).toEqual(expected);
  });

  test.each([
    '',
    'A',
    '1',
    'A0',
    'A1:B2:C3',
    '1A',
    'AAAA1',
    'A:1',
    'My Sheet!A1',
    "'Bad!A1",
    'A1!',
    '!A1',
  ])('rejects %p', (a1) => {
    expect(parseA1(a1)).toBeNull();
  });

  test('formats ranges and quotes sheet names only when needed', () => {
    expect(formatA1({ row: 1, col: 1, numRows: 1, numCols: 1 })).toBe('A1');
    expect(formatA1({ row: 2, col: 2, numRows: 3, numCols: 2 })).toBe('B2:C4');
    expect(formatA1({ row: 1, col: 1, numRows: 1000, numCols: 2 }, true)).toBe('A:B');
    expect(formatA1({ row: 1, col: 1, numRows: 2, numCols: 26 }, false, true)).toBe('1:2');
    expect(quoteSheetName('Data')).toBe('Data');
    expect(quoteSheetName('My Sheet')).toBe("'My Sheet'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName('AB12')).toBe("'AB12'");
  });

  test('getRange(a1) on a sheet, including whole columns/rows and other sheets', () => {
    const { app, sheet } = setup({ sheets: ['Data', 'My Sheet'] });
    expect(sheet.getRange('B2:C4').getA1Notation()).toBe('B2:C4');
    const col = sheet.getRange('A:B');
    expect([col.getRow(), col.getNumRows(), col.getNumColumns(), col.getA1Notation()]).toEqual([
      1,
      1000,
      2,
      'A:B',
    ]);
    const row = sheet.getRange('2:3');
    expect([row.getColumn(), row.getNumColumns(), row.getNumRows(), row.getA1Notation()]).toEqual([
      1,
      26,
      2,
      '2:3',
    ]);
    const other = sheet.getRange("'My Sheet'!A1:B2");
    expect(other.getSheet().getName()).toBe('My Sheet');
    expect(app.getActiveSpreadsheet().getRange("'My Sheet'!C3").getA1Notation()).toBe('C3');
    expect(() => sheet.getRange('Nope!A1')).toThrow('Range not found');
    expect(() => sheet.getRange('foo')).toThrow('Range not found');
  });

  test('getRange(row, col, …) rejects zero, negative, fractional and out-of-grid coordinates', () => {
    const { sheet } = setup();
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, -1)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1.5, 1)).toThrow('Cannot convert 1.5 to int.');
    expect(() => sheet.getRange(NaN as number, 1)).toThrow(
      "don't match the method signature for SpreadsheetApp.Sheet.getRange",
    );
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('AA1')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  test('offset and getCell', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => r.offset(-2, 0)).toThrow('The starting row of the range is too small.');
    expect(() => r.getCell(3, 1)).toThrow();
  });
});

describe('formula reference shifting', () => {
  test.each([
    ['=A1*2', 1, 0, '=A2*2'],
    ['=SUM($A$1:A1)', 2, 0, '=SUM($A$1:A3)'],
    ['=B$1+$C2', 1, 1, '=C$1+$C3'],
    ['=LOG10(A1)', 0, 1, '=LOG10(B1)'],
    ['=IF(A1="B2",1,0)', 1, 0, '=IF(A2="B2",1,0)'],
    ["='Q1 A1'!A1", 1, 0, "='Q1 A1'!A2"],
    ['=SUM(A:A)', 0, 2, '=SUM(C:C)'],
    ['=A1', -1, 0, '=#REF!'],
  ])('%s shifted by (%i, %i)', (f, dr, dc, expected) => {
    expect(shiftFormula(f, dr, dc)).toBe(expected);
  });
});
