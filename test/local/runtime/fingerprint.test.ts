/**
 * fingerprintWorkbook / diffFingerprints: every kind of document state shows as a difference, in
 * one readable line, and only the listed exclusions (local/export/fingerprint.ts) are ignored.
 */
import { diffFingerprints, fingerprintWorkbook } from '../../../local/export/fingerprint';
import type { Runtime } from '../../../local/runtime';
import { FakeSheet } from '../../../local/spreadsheet/sheet';
import { FakeSpreadsheet } from '../../../local/spreadsheet/spreadsheet';
import { drawData, richRuntime } from './workbook-fixture';

type Gas = Runtime['globals'];
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The differences one change makes to the fixture's workbook. */
function differencesAfter(change: (sheet: Sheet, g: Gas) => void): string[] {
  const rt = richRuntime();
  const before = fingerprintWorkbook(rt);
  rt.runAs('FULL', () =>
    change(rt.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!, rt.globals),
  );
  return diffFingerprints(before, fingerprintWorkbook(rt));
}

describe('fingerprint: what counts as a different workbook', () => {
  test.each<[string, (s: Sheet, g: Gas) => void, RegExp]>([
    ['a value', (s) => s.getRange('B3').setValue(5), /^Data!B3 values: 4 → 5$/],
    ['a formula', (s) => s.getRange('C2').setFormula('=B2*3'), /^Data!C2 formulas:/],
    ['a note', (s) => s.getRange('B2').setNote('changed'), /^Data!B2 notes:/],
    ['a number format', (s) => s.getRange('B3').setNumberFormat('0%'), /^Data!B3 numberFormats:/],
    ['a background', (s) => s.getRange('A9').setBackground('#ff0000'), /^Data!A9 backgrounds:/],
    ['a font', (s) => s.getRange('A1').setFontWeight('bold'), /^Data!A1 fontWeights:/],
    ['a validation', (s) => s.getRange('B3').clearDataValidations(), /^Data!B3 validations:/],
    [
      'a protection',
      (s, g) => s.getProtections(g.SpreadsheetApp.ProtectionType.RANGE)[0].setWarningOnly(false),
      /^Data protections:/,
    ],
    ['a conditional rule', (s) => s.clearConditionalFormatRules(), /^Data conditionalFormatRules:/],
    [
      'a chart',
      (s) => s.updateChart(s.getCharts()[0].modify().setOption('title', 'Scores').build()),
      /^Data charts:/,
    ],
    [
      'a named range',
      (_s, g) => g.SpreadsheetApp.getActiveSpreadsheet().removeNamedRange('Scores'),
      /^named range Scores:/,
    ],
    [
      'a document property',
      (_s, g) => g.PropertiesService.getDocumentProperties()!.setProperty('doc', '2'),
      /^document property doc: "1" → "2"$/,
    ],
    [
      'a trigger',
      (_s, g) => g.ScriptApp.deleteTrigger(g.ScriptApp.getProjectTriggers()[0]),
      /^triggers:/,
    ],
    ['a column width', (s) => s.setColumnWidth(2, 240), /^Data columnWidths:/],
    ['frozen rows', (s) => s.setFrozenRows(1), /^Data frozen:/],
    ['a tab', (s, g) => g.SpreadsheetApp.getActiveSpreadsheet().deleteSheet(s), /^tabs:/],
    [
      'a cell far below the data',
      (s) => s.getRange('Z900').setNumberFormat('@'),
      /^Data!Z900 numberFormats:/,
    ],
  ])('%s', (_what, change, line) => {
    const diff = differencesAfter(change);
    expect(diff.length).toBeGreaterThan(0);
    expect(diff.some((d) => line.test(d))).toBe(true);
  });
});

describe('fingerprint: what two runs may legitimately differ in', () => {
  test('a tab built again (new sheet id, chart id), another active tab, toasts, alerts, logs, mail', () => {
    const diff = differencesAfter((s, g) => {
      const ss = g.SpreadsheetApp.getActiveSpreadsheet();
      const copy = ss.insertSheet('Data (building)', s.getIndex() - 1);
      drawData(copy, g);
      ss.deleteSheet(s);
      copy.setName('Data');
      ss.setNamedRange('Scores', copy.getRange('B2:B3'));
      ss.setActiveSheet(ss.getSheets()[0]);
      ss.toast('Rebuilt');
      g.SpreadsheetApp.getUi().alert('Rebuilt');
      g.Logger.log('rebuilt');
      g.MailApp.sendEmail('team@example.com', 'Rebuilt', 'Body');
      g.PropertiesService.getUserProperties().setProperty('seen', 'yes');
      g.ScriptApp.deleteTrigger(g.ScriptApp.getProjectTriggers()[0]);
      g.ScriptApp.newTrigger('monthly').timeBased().onMonthDay(1).atHour(7).create();
    });
    expect(diff).toEqual([]);
  });

  test("an emptied cell equals one never written; '' equals an empty value", () => {
    expect(
      differencesAfter((s) => {
        s.getRange('D5').setValue('x');
        s.getRange('D5').clearContent();
        s.getRange('E5').setValue('');
      }),
    ).toEqual([]);
  });

  test('volatile rows are left out, and only them', () => {
    const rt = richRuntime();
    const options = { volatileRows: { Data: 3 } };
    const before = fingerprintWorkbook(rt, options);
    rt.runAs('FULL', () => {
      const s = rt.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!;
      s.getRange('A3:A4').setValues([['log line'], ['another']]);
    });
    expect(diffFingerprints(before, fingerprintWorkbook(rt, options))).toEqual([]);
    rt.runAs('FULL', () =>
      rt.globals.SpreadsheetApp.getActiveSpreadsheet()
        .getSheetByName('Data')!
        .getRange('A2')
        .setValue('x'),
    );
    expect(diffFingerprints(before, fingerprintWorkbook(rt, options))).toEqual([
      'Data!A2 values: "Alpha" → "x"',
    ]);
  });

  test('every field of the sheet and spreadsheet models is compared or excluded on purpose', () => {
    // A field the model gains must be added to the fingerprint or to its list of exclusions.
    const rt = richRuntime();
    const sheet = rt.spreadsheet!.sheet('Data');
    expect(sheet).toBeInstanceOf(FakeSheet);
    expect(Object.keys(sheet).sort()).toEqual(
      [
        // compared
        'data',
        'maxRows',
        'maxColumns',
        'frozenRows',
        'frozenColumns',
        'columnWidths',
        'rowHeights',
        'tabColor',
        'hidden',
        'hiddenGridlines',
        'hiddenColumns',
        'hiddenRows',
        'conditionalFormatRules',
        'protections',
        'charts',
        'merges',
        'borders',
        'name',
        // excluded: see fingerprint.ts
        'parent',
        'sheetId',
        'autoResizedColumns',
        'unintendedFormulaWrites',
        'convertedStringWrites',
      ].sort(),
    );
    expect(rt.spreadsheet).toBeInstanceOf(FakeSpreadsheet);
    expect(Object.keys(rt.spreadsheet!).sort()).toEqual(
      [
        // compared
        'name',
        'timeZone',
        'locale',
        'sheets',
        'namedRanges',
        // excluded: see fingerprint.ts
        'ctx',
        'id',
        'activeSheet',
        'activeRange',
        'toasts',
        'nextChartId',
        'nextSheetId',
      ].sort(),
    );
  });
});

test('the tab list differs by name: missing, not expected, or moved among the others', () => {
  const diff = differencesAfter((s, g) => {
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet('Notes', 0).getRange('A1').setValue('only here');
    ss.deleteSheet(ss.getSheetByName('Feuille 1')!);
    ss.insertSheet('Feuille 1');
    ss.deleteSheet(s);
  });
  // The tab on one side only is one line, not a line per attribute and cell.
  expect(diff).toEqual([
    'named range Scores: "Data!B2:B3" → (absent)',
    "tabs: 'Data' missing",
    "tabs: 'Notes' not expected",
  ]);
  const moved = differencesAfter((_s, g) => {
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName('Feuille 1')!);
    ss.insertSheet('Feuille 1');
  });
  expect(moved).toEqual(["tabs: 'Data' at place 2 → 1", "tabs: 'Feuille 1' at place 1 → 2"]);
});
