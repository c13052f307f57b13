/**
 * The tab a new spreadsheet comes with (`Sheet1`, `Feuille 1`): Set up removes it while it is
 * untouched, and never when a person put anything in it — before Set up or while it ran.
 */
import { createRuntime, Runtime } from '../../local/runtime';
import { setUpWorkbook } from '../../src/index';
import { workbookTabs } from '../../src/core/schema/tabs';
import MANIFEST from '../../appsscript.json';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function newWorkbook(locale = 'en_US'): Runtime {
  const rt = createRuntime({
    oauthScopes: MANIFEST.oauthScopes,
    now: new Date(Date.UTC(2026, 10, 26, 9)),
    timeZone: 'Europe/Paris',
    userEmail: 'ops@example.com',
    spreadsheet: { locale },
  });
  rt.install(globalThis as unknown as Record<string, unknown>);
  return rt;
}

const names = (rt: Runtime) => rt.spreadsheet!.getSheets().map((s) => s.getName());
const lastMessage = (rt: Runtime) =>
  rt.ui.alerts.slice(-1)[0]?.prompt ?? rt.spreadsheet!.toasts.slice(-1)[0]?.message ?? '';

/** Set up on a new workbook, with the journal of its service calls. */
function setUp(rt: Runtime): string[] {
  rt.ctx.journal = [];
  rt.runAs('FULL', () => setUpWorkbook());
  const calls = rt.ctx.journal.map((c) => c.name);
  rt.ctx.journal = null;
  return calls;
}

test.each([
  ['en_US', 'Sheet1'],
  ['fr_FR', 'Feuille 1'],
])(
  'a new %s workbook loses its untouched %s, with one deleteSheet, and says so',
  (locale, name) => {
    const rt = newWorkbook(locale);
    expect(names(rt)).toEqual([name]);
    const calls = setUp(rt);
    expect(names(rt)).not.toContain(name);
    for (const t of workbookTabs()) expect(names(rt)).toContain(t.name);
    expect(calls.filter((c) => c === 'Spreadsheet.deleteSheet')).toHaveLength(1);
    expect(lastMessage(rt)).toContain(
      `removed '${name}', the empty tab the new spreadsheet came with`,
    );
    // The person is on one of the add-on's tabs, not on a tab that no longer exists.
    expect(names(rt)).toContain(rt.spreadsheet!.activeSheet.name);
  },
);

test('once it is gone, Set up makes no call for it: no deleteSheet, no look at formats or notes', () => {
  const rt = newWorkbook();
  setUp(rt);
  const again = setUp(rt);
  for (const name of [
    'Spreadsheet.deleteSheet',
    'Range.getNotes',
    'Range.getBackgrounds',
    'Range.getFontWeights',
    'Range.getDataValidations',
  ])
    expect(again).not.toContain(name);
});

describe('a default tab a person touched is kept, with what they put there', () => {
  const cases: [string, (s: Sheet) => void, (s: Sheet) => unknown, unknown][] = [
    [
      'a typed value',
      (s) => s.getRange('C7').setValue('notes for Monday'),
      (s) => s.getRange('C7').getValue(),
      'notes for Monday',
    ],
    [
      'a formula',
      (s) => s.getRange('A1').setFormula('=1+1'),
      (s) => s.getRange('A1').getFormula(),
      '=1+1',
    ],
    [
      'a note',
      (s) => s.getRange('B2').setNote('paste the export here'),
      (s) => s.getRange('B2').getNote(),
      'paste the export here',
    ],
    [
      'a number format',
      (s) => s.getRange('D:D').setNumberFormat('yyyy-mm-dd'),
      (s) => s.getRange('D5').getNumberFormat(),
      'yyyy-mm-dd',
    ],
    [
      'a fill',
      (s) => s.getRange('A1:F1').setBackground('#fce5cd'),
      (s) => s.getRange('A1').getBackground(),
      '#fce5cd',
    ],
    [
      'a bold header',
      (s) => s.getRange('A1:F1').setFontWeight('bold'),
      (s) => s.getRange('A1').getFontWeight(),
      'bold',
    ],
    [
      'a dropdown',
      (s) =>
        s
          .getRange('E2:E9')
          .setDataValidation(
            SpreadsheetApp.newDataValidation().requireValueInList(['yes', 'no']).build(),
          ),
      (s) => s.getRange('E3').getDataValidation() !== null,
      true,
    ],
  ];
  test.each(cases)('%s', (_what, touch, read, expected) => {
    const rt = newWorkbook();
    rt.runAs('FULL', () => touch(rt.spreadsheet!.getSheetByName('Sheet1')!));
    const calls = setUp(rt);
    expect(calls).not.toContain('Spreadsheet.deleteSheet');
    expect(rt.runAs('FULL', () => read(rt.spreadsheet!.getSheetByName('Sheet1')!))).toEqual(
      expected,
    );
    expect(lastMessage(rt)).not.toContain('removed');
  });
});

test('an empty tab the person named is theirs: kept', () => {
  const rt = newWorkbook();
  rt.runAs('FULL', () => rt.spreadsheet!.getSheetByName('Sheet1')!.setName('Orders 2026'));
  setUp(rt);
  expect(names(rt)).toContain('Orders 2026');
});

test('what a colleague types into it while Set up runs is seen: the tab is kept', () => {
  // The clean run tells when Set up first looks at the default tab (its getLastRow).
  const clean = newWorkbook();
  const calls = setUp(clean);
  const look = calls.lastIndexOf('Sheet.getLastRow', calls.indexOf('Spreadsheet.deleteSheet'));
  const rt = newWorkbook();
  rt.beforeCall(look + 1, () =>
    rt.spreadsheet!.getSheetByName('Sheet1')!.getRange('A1').setValue('Q4 targets draft'),
  );
  setUp(rt);
  expect(rt.plannedCalls()).toBe(0);
  expect(rt.spreadsheet!.getSheetByName('Sheet1')!.getRange('A1').getValue()).toBe(
    'Q4 targets draft',
  );
});
