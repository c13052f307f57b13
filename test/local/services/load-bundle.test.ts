import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '../../../local/load-bundle';
import { createRuntime } from '../../../local/runtime';
import { NO_UI_MESSAGE } from '../../../local/services/ui';

const dirs: string[] = [];
function bundleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cw-bundle-'));
  dirs.push(dir);
  for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// A hand-written stand-in for dist/: an esbuild-style IIFE plus generated wrappers, split over
// two files so that the shared global scope matters.
const APP = `
var App = (function () {
  function double(x) {
    if (Array.isArray(x)) return x.map(function (r) { return r.map(function (v) { return v * 2; }); });
    if (typeof x !== 'number') throw new Error('Input must be a number');
    return x * 2;
  }
  function buildMenu(e) {
    var menu = SpreadsheetApp.getUi().createAddonMenu();
    if (e && e.authMode === ScriptApp.AuthMode.NONE) {
      menu.addItem('Start', 'menuStart');
    } else {
      menu.addItem('Report', 'menuReport').addSeparator().addItem('Help', 'menuHelp');
    }
    menu.addToUi();
  }
  return { double: double, buildMenu: buildMenu };
})();
var counter = 0;
`;

const WRAPPERS = `
/**
 * Doubles a number or a range.
 * @param {number} x
 * @return {number}
 * @customfunction
 */
function DOUBLE(x) { return App.double(x); }

function onOpen(e) { App.buildMenu(e); }
function menuReport() {
  counter++;
  var ui = SpreadsheetApp.getUi();
  var answer = ui.alert('Generate?', ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) return 'cancelled';
  PropertiesService.getDocumentProperties().setProperty('lastRun', Utilities.formatDate(new Date(), 'Europe/Paris', 'yyyy-MM-dd HH:mm'));
  return 'done ' + counter;
}
function menuHelp() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>help</p>').setTitle('Help')); }
function MAIL_IT() { MailApp.sendEmail('a@example.com', 's', 'b'); return 1; }
function SLOW() { Utilities.sleep(31000); return 1; }
function THROWS_STRING() { throw 'Invalid: Date input required'; }
function OBJ() { return { a: 1 }; }
function COLUMN() { return [1, null, 'x']; }
function helper_() { return 'private'; }
function realms(d) {
  var e; try { PropertiesService.getUserProperties().setProperty('', ''); } catch (x) { e = x; }
  return [d instanceof Date, new Date() instanceof Date, e instanceof Error, [] instanceof Array, Date.now()];
}
function makeDate() { return new Date(2026, 0, 1); }
function scheduled() { return SpreadsheetApp.getUi(); }
var notAFunctionDeclaration = function () { return 1; };
`;

describe('loadBundle', () => {
  test('files load alphabetically into one global scope; top-level declarations are listed', () => {
    const rt = createRuntime();
    const b = loadBundle(
      rt,
      bundleDir({ 'b-wrappers.js': WRAPPERS, 'a-app.js': APP, 'appsscript.json': '{}' }),
    );
    expect(b.files).toEqual(['a-app.js', 'b-wrappers.js']);
    expect(b.declaredFunctions()).toEqual([
      'DOUBLE',
      'onOpen',
      'menuReport',
      'menuHelp',
      'MAIL_IT',
      'SLOW',
      'THROWS_STRING',
      'OBJ',
      'COLUMN',
      'helper_',
      'realms',
      'makeDate',
      'scheduled',
    ]);
    expect(b.customFunctions()).toEqual(['DOUBLE']);
    expect(typeof (b.context as Record<string, unknown>).App).toBe('object');
  });

  test('a bundle that touches a service at load time fails in AuthMode.NONE', () => {
    const rt = createRuntime();
    const dir = bundleDir({
      'Code.js': `var SHEET = SpreadsheetApp.getActiveSpreadsheet();\nfunction onOpen() {}`,
    });
    expect(() => loadBundle(rt, dir)).toThrow(
      /Loading Code.js failed in AuthMode.NONE: You do not have permission/,
    );
    const props = bundleDir({ 'Code.js': `var P = PropertiesService.getScriptProperties();` });
    expect(() => loadBundle(rt, props)).toThrow(/AuthMode.NONE/);
    // Logger and Utilities are fine at load time
    const ok = bundleDir({
      'Code.js': `Logger.log('loaded'); var D = Utilities.formatString('%d', 1);`,
    });
    expect(() => loadBundle(rt, ok)).not.toThrow();
  });

  test('ES module output is rejected like clasp push would', () => {
    const rt = createRuntime();
    expect(() => loadBundle(rt, bundleDir({ 'Code.js': 'export function onOpen() {}' }))).toThrow(
      "Code.js: SyntaxError: Unexpected token 'export'",
    );
  });

  test('onOpen in NONE builds the static menu; in LIMITED the full one', () => {
    const rt = createRuntime();
    const b = loadBundle(rt, bundleDir({ 'a.js': APP, 'b.js': WRAPPERS }));
    b.open('NONE');
    expect(rt.ui.menus[0].items).toEqual([{ caption: 'Start', functionName: 'menuStart' }]);
    b.open('LIMITED');
    expect(rt.ui.menuItems().map((i) => i.functionName)).toEqual(['menuReport', 'menuHelp']);
    // every menu item names a declared function
    for (const item of rt.ui.menuItems())
      expect(b.declaredFunctions()).toContain(item.functionName);
  });

  test('menu actions run in FULL with UI; each execution starts from fresh globals', () => {
    const rt = createRuntime({ now: new Date('2026-10-31T23:30:00Z') });
    const b = loadBundle(rt, bundleDir({ 'a.js': APP, 'b.js': WRAPPERS }));
    b.open('LIMITED');
    expect(b.clickMenu('Report')).toBe('done 1');
    expect(b.call('menuReport')).toBe('done 1'); // `counter` did not survive: fresh global scope
    expect(rt.properties.document!.data.get('lastRun')).toBe('2026-11-01 00:30');
    rt.ui.scriptResponses([{ button: 'NO' }]);
    expect(b.call('menuReport')).toBe('cancelled');
    b.clickMenu('Help');
    expect(rt.ui.sidebars[0]).toMatchObject({ title: 'Help', html: '<p>help</p>' });
    expect(rt.ctx.calls.get('Ui.alert')).toBe(3);
  });

  test('isolateExecutions: false keeps one scope', () => {
    const rt = createRuntime();
    const b = loadBundle(rt, bundleDir({ 'a.js': APP, 'b.js': WRAPPERS }), {
      isolateExecutions: false,
    });
    b.call('menuReport');
    expect(b.call('menuReport')).toBe('done 2');
  });

  test('custom functions: value, 2-D array, thrown messages, forbidden services, limits', () => {
    const rt = createRuntime();
    const b = loadBundle(rt, bundleDir({ 'a.js': APP, 'b.js': WRAPPERS }));
    expect(b.runCustomFunction('DOUBLE', 21)).toBe(42);
    expect(
      b.runCustomFunction('double', [
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [2, 4],
      [6, 8],
    ]);
    expect(b.runCustomFunction('DOUBLE', 'x')).toEqual({ error: 'Input must be a number' });
    expect(b.runCustomFunction('THROWS_STRING')).toEqual({ error: 'Invalid: Date input required' });
    expect(b.runCustomFunction('MAIL_IT')).toEqual({
      error: expect.stringMatching(/permission to call MailApp.sendEmail/),
    });
    expect(b.runCustomFunction('SLOW')).toEqual({
      error: 'Exceeded maximum execution time (line 0).',
    });
    expect(b.runCustomFunction('helper_')).toEqual({ error: "Unknown function: 'helper_'." });
    expect(b.runCustomFunction('NOPE')).toEqual({ error: "Unknown function: 'NOPE'." });
    expect(b.runCustomFunction('OBJ')).toEqual({ error: expect.stringMatching(/object/) });
    expect(b.runCustomFunction('COLUMN')).toEqual([[1], [''], ['x']]);
    expect(b.runCustomFunction('scheduled')).toEqual({ error: NO_UI_MESSAGE });
    expect(rt.outbox).toHaveLength(0);
  });

  test('values cross between bundle and services as in one realm; new Date() follows the runtime clock', () => {
    const rt = createRuntime({ now: new Date('2026-05-05T10:00:00Z') });
    const b = loadBundle(rt, bundleDir({ 'a.js': APP, 'b.js': WRAPPERS }));
    expect(b.call('realms', new Date())).toEqual([
      true,
      true,
      true,
      true,
      Date.parse('2026-05-05T10:00:00Z'),
    ]);
    expect(b.call('makeDate')).toBeInstanceOf(Date);
  });

  test('installable triggers resolve their handlers in the bundle', () => {
    const rt = createRuntime();
    const b = loadBundle(rt, bundleDir({ 'a.js': APP, 'b.js': WRAPPERS }));
    const id = rt.globals.ScriptApp.newTrigger('scheduled')
      .timeBased()
      .everyDays(1)
      .create()
      .getUniqueId();
    expect(() => rt.fireTrigger(id)).toThrow(NO_UI_MESSAGE);
    expect(b.declaredFunctions()).toContain('scheduled');
  });

  test('unknown functions fail like a menu pointing nowhere', () => {
    const rt = createRuntime();
    const b = loadBundle(rt, bundleDir({ 'a.js': APP, 'b.js': WRAPPERS }));
    expect(() => b.call('menuStart')).toThrow('Script function not found: menuStart');
    expect(() => b.call('notAFunctionDeclaration')).toThrow('Script function not found');
  });
});
