/**
 * Layer 3: dist/Code.js loaded the way Apps Script loads a project (every file in one global
 * scope, top-level code in AuthMode.NONE), driven through its declared functions only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRuntime } from '../../local/runtime';
import { loadBundle } from '../../local/load-bundle';
import { publicFunctions } from '../../build/build';

const DIST = path.resolve(__dirname, '../../dist');
const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'));

function load() {
  const runtime = createRuntime({
    oauthScopes: manifest.oauthScopes,
    now: new Date(Date.UTC(2026, 10, 26, 9)),
  });
  const bundle = loadBundle(runtime, DIST);
  return { runtime, bundle };
}

describe('the built bundle', () => {
  test('is a script Apps Script accepts: no module syntax, @OnlyCurrentDoc, under 350 KB', () => {
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    expect(code).not.toMatch(/^\s*(export|import)\s/m);
    expect(code).toContain('@OnlyCurrentDoc');
    // Every execution (each custom-function recalculation included) loads the whole script: the
    // budget keeps that cost bounded, and catches something bundled by accident.
    // 350 KB since the features of issues 17–19 (seed upgrade, control charts, partner
    // performance): the load cost itself is measured per execution by the bench (issue 20).
    expect(Buffer.byteLength(code)).toBeLessThan(350 * 1024);
  });

  test('the benchmark seed is its own file, read only by the actions that need it', () => {
    const seed = fs.readFileSync(path.join(DIST, 'Seed.js'), 'utf8');
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    // One private function (hidden from menus and google.script.run) returning the JSON text.
    expect(seed).toMatch(/^function CircBenchmarkSeed_\(\) \{$/m);
    expect(seed).not.toMatch(/^function (?!CircBenchmarkSeed_)/m);
    expect(code).not.toContain('Copy of ../shared/data/benchmark-seed.json');
    expect(Buffer.byteLength(seed)).toBeLessThan(100 * 1024);
  });

  test('the import dialog is one HTML file whose only scriptlet is its start-up data', () => {
    const html = fs.readFileSync(path.join(DIST, 'ImportDialog.html'), 'utf8');
    expect(html.match(/<\?[\s\S]*?\?>/g)).toEqual(['<?= bootJson ?>']);
    // The page loads nothing from outside: Papa Parse and the readers are inlined.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//i);
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
  });

  test('manifest: V8, Europe/Paris, Stackdriver, explicit minimal scopes', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Paris');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/userinfo.email',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/script.scriptapp',
    ]);
  });

  test('loading touches no service, and every public function is a declared top-level function', () => {
    const { runtime, bundle } = load();
    expect(runtime.ctx.totalCalls()).toBe(0);
    const declared = bundle.declaredFunctions();
    for (const f of publicFunctions()) expect(declared).toContain(f.name);
    expect(declared).toEqual(expect.arrayContaining(['onOpen', 'onInstall']));
    expect(bundle.customFunctions().sort()).toEqual(
      declared.filter((n) => n.startsWith('CIRC_')).sort(),
    );
  });

  test.each(['NONE', 'LIMITED', 'FULL'] as const)(
    'onOpen in AuthMode.%s builds the menu without touching the document',
    (mode) => {
      const { runtime, bundle } = load();
      bundle.open(mode);
      const touched = Object.keys(runtime.ctx.callsByMethod()).filter(
        (k) => !/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(k),
      );
      expect(touched).toEqual([]);
      const menu = runtime.ui.menus[0];
      expect(menu.addon).toBe(true);
      expect(menu.caption).toBe('Circularity Workbench');
      const items = runtime.ui.menuItems();
      expect(items[0]).toMatchObject({ caption: 'Set up workbook', functionName: 'setUpWorkbook' });
      for (const item of items) expect(bundle.declaredFunctions()).toContain(item.functionName);
    },
  );

  test('onInstall builds the same menu', () => {
    const { runtime, bundle } = load();
    bundle.callAs('FULL', 'onInstall', { authMode: 'FULL' });
    expect(runtime.ui.menuItems().map((i) => i.functionName)).toContain('setUpWorkbook');
  });

  test('every menu item runs in AuthMode.FULL on a fresh workbook, each ending with a message (or its dialog) and a Log line', () => {
    const { runtime, bundle } = load();
    bundle.open('NONE');
    const shown = () =>
      runtime.ui.alerts.length + runtime.toasts.length + runtime.ui.surfaces.length;
    for (const item of runtime.ui.menuItems()) {
      const before = shown();
      expect(() => bundle.clickMenu(item.caption)).not.toThrow();
      expect(shown()).toBeGreaterThan(before);
    }
    // Opening the import dialog is not an action: the import it runs is, and logs itself.
    const dialogs = ['Import orders (CSV)…'];
    expect(runtime.ui.surfaces.map((s) => s.title)).toEqual(['Import orders (CSV)']);
    const log = runtime.spreadsheet!.getSheetByName('Log')!;
    const actions = log
      .getRange(2, 3, log.getLastRow() - 1, 1)
      .getValues()
      .map((r) => r[0]);
    expect(actions).toEqual(
      runtime.ui
        .menuItems()
        .map((i) => i.caption)
        .filter((c) => !dialogs.includes(c)),
    );
  });

  test('custom functions run in CUSTOM_FUNCTION mode and answer whole columns', () => {
    const { bundle } = load();
    const out = bundle.runCustomFunction(
      'CIRC_SCORE',
      [
        [5, 1],
        [1, 5],
        ['', ''],
      ],
      [[1, 1]],
      [['benefit', 'cost']],
    );
    expect(out).toEqual([[1], [0], ['']]);
    const err = bundle.runCustomFunction('CIRC_SCORE', [[5, 'abc']], [[1, 1]]) as { error: string };
    expect(err.error).toMatch(
      /^CIRC_SCORE: scores, row 1, column 2.*expected a number.*got the text "abc"/,
    );
  });

  test('a custom function cannot write: the runtime refuses set* in CUSTOM_FUNCTION mode', () => {
    const { runtime } = load();
    expect(() =>
      runtime.runAs('CUSTOM_FUNCTION', () =>
        runtime.spreadsheet!.getSheets()[0].getRange('A1').setValue(1),
      ),
    ).toThrow(/permission/);
  });
});
