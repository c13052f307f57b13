import { NO_DEADLINE, writeBlock } from '../../src/sheets/workbook';
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
