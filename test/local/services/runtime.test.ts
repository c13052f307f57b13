import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCOPES } from '../../../local/context';
import { loadBundle } from '../../../local/load-bundle';
import { createRuntime } from '../../../local/runtime';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cw-runtime-'));
  writeFileSync(
    join(dir, 'Code.js'),
    `
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Stamp', 'menuStamp').addToUi();
}
function menuStamp() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getActiveSheet();
  sheet.getRange(1, 1, 1, 2).setValues([['Generated', new Date()]]);
  SpreadsheetApp.flush();
  ss.toast('Report ready', 'Workbench', 5);
  return sheet.getRange(1, 2).getValue() instanceof Date;
}
/** @customfunction */
function READ_A1() { return SpreadsheetApp.getActiveSheet().getRange('A1').getValue(); }
/** @customfunction */
function WRITE_A1() { SpreadsheetApp.getActiveSheet().getRange('A1').setValue('x'); return 1; }
function menuMail() { MailApp.sendEmail('a@example.com', 's', 'b'); }
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createRuntime', () => {
  test('globals cover every service and install() puts them on a scope', () => {
    const rt = createRuntime();
    expect(Object.keys(rt.globals).sort()).toEqual(
      [
        'CacheService',
        'Charts',
        'HtmlService',
        'LockService',
        'Logger',
        'MailApp',
        'PropertiesService',
        'ScriptApp',
        'Session',
        'SpreadsheetApp',
        'Utilities',
        'console',
      ].sort(),
    );
    const scope: Record<string, unknown> = {};
    rt.install(scope);
    expect(scope.SpreadsheetApp).toBe(rt.globals.SpreadsheetApp);
    expect(rt.globals.SpreadsheetApp.getUi()).toBe(rt.ui);
  });

  test('a menu action in FULL: cells, toast, flush and call counts', () => {
    const rt = createRuntime({ now: new Date('2026-11-03T10:00:00Z') });
    const b = loadBundle(rt, dir);
    b.open('NONE');
    rt.ctx.resetCalls();
    expect(b.clickMenu('Stamp')).toBe(true);
    expect(rt.toasts).toEqual([{ message: 'Report ready', title: 'Workbench', timeout: 5 }]);
    expect(rt.spreadsheetApp.flushes).toBe(1);
    const calls = rt.ctx.callsByMethod();
    expect(calls['Range.setValues']).toBe(1);
    expect(calls['Spreadsheet.toast']).toBe(1);
    // the date written by the bundle is the runtime clock's "now"
    expect(
      (rt.spreadsheet!.activeSheet.asGas().getRange(1, 2).getValue() as Date).toISOString(),
    ).toBe('2026-11-03T10:00:00.000Z');
  });

  test('custom functions read the sheet but may not write it', () => {
    const rt = createRuntime();
    const b = loadBundle(rt, dir);
    b.call('menuStamp');
    expect(b.runCustomFunction('READ_A1')).toBe('Generated');
    expect(b.runCustomFunction('WRITE_A1')).toEqual({ error: expect.stringMatching(/permission/) });
  });

  test('manifest scopes reach the bundle', () => {
    const rt = createRuntime({ oauthScopes: [SCOPES.currentonly, SCOPES.ui] });
    const b = loadBundle(rt, dir);
    expect(() => b.call('menuMail')).toThrow(SCOPES.mail);
  });

  test('spreadsheet options and time zones', () => {
    const rt = createRuntime({
      timeZone: 'America/New_York',
      spreadsheet: { name: 'Q4', locale: 'en_US' },
    });
    expect(rt.spreadsheet!.timeZone).toBe('America/New_York');
    expect(rt.globals.Session.getActiveUserLocale()).toBe('en');
    expect(rt.globals.SpreadsheetApp.getActiveSpreadsheet().getName()).toBe('Q4');
  });

  test('standalone script (noContainer): no active spreadsheet, no UI, no document stores', () => {
    const rt = createRuntime({ noContainer: true });
    expect(rt.spreadsheet).toBeNull();
    expect(rt.globals.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(() => rt.globals.SpreadsheetApp.getUi()).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(rt.globals.PropertiesService.getDocumentProperties()).toBeNull();
    expect(rt.toasts).toEqual([]);
  });
});
