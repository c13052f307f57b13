import {
  newTabSize,
  NO_DEADLINE,
  readTable,
  writeBlock,
  writeFreshBlock,
} from '../../src/sheets/workbook';
import { installRuntime, sheet } from '../helpers/runtime';

test('formula-looking and number-looking text stays text, in plain-text and in other cells alike', () => {
  const rt = installRuntime();
  rt.runAs('FULL', () => {
    const s = rt.spreadsheet!.insertSheet('T') as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    s.getRange('A1:A5').setNumberFormat('@');
    const texts = ['=1+1', "'quoted", '+33 6', '007', 'plain'];
    writeBlock(
      NO_DEADLINE,
      s,
      1,
      1,
      texts.map((t) => [t, t]),
    );
    const back = sheet(rt, 'T').getRange(1, 1, 5, 2);
    expect(back.getValues()).toEqual(texts.map((t) => [t, t]));
    expect(back.getFormulas().flat().filter(Boolean)).toEqual([]);
  });
});

test('a table is read in one server read, whatever its size; an empty tab reads as no rows', () => {
  const rt = installRuntime();
  rt.runAs('FULL', () => {
    const ss = rt.spreadsheet!;
    const s = ss.insertSheet('T') as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    s.getRange(1, 1, 3, 4).setValues([
      ['a', 'b', 'c', 'd'],
      [1, 2, 3, 4],
      ['', '', '', 'last'],
    ]);
    const empty = ss.insertSheet('E') as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    rt.ctx.resetCalls();
    expect(readTable(s)).toEqual([
      ['a', 'b', 'c', 'd'],
      [1, 2, 3, 4],
      ['', '', '', 'last'],
    ]);
    expect(readTable(empty)).toEqual([]);
    expect(rt.ctx.callsByMethod()).toEqual({ 'Sheet.getSheetValues': 2 });
  });
});

test('a fresh tab of known size is grown and written without being asked its size', () => {
  const rt = installRuntime();
  rt.runAs('FULL', () => {
    const s = rt.spreadsheet!.insertSheet('F') as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    const size = newTabSize();
    const block = Array.from({ length: 1200 }, (_, i) => Array.from({ length: 30 }, () => i));
    rt.ctx.resetCalls();
    writeFreshBlock(NO_DEADLINE, s, 1, 1, block, size);
    writeFreshBlock(NO_DEADLINE, s, 1201, 1, [['after']], size);
    const calls = rt.ctx.callsByMethod();
    expect(calls['Sheet.getMaxRows']).toBeUndefined();
    expect(calls['Sheet.getMaxColumns']).toBeUndefined();
    expect(size).toEqual({ rows: 1201, columns: 30 });
    expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([1201, 30]);
    expect(sheet(rt, 'F').getRange(1200, 30).getValue()).toBe(1199);
  });
});
