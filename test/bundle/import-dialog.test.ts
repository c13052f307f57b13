/**
 * Import orders (CSV)… through the built bundle, as its dialog calls it: the menu opens the page
 * (built from dist/ImportDialog.html), then each google.script.run call is its own execution on
 * the runtime — chunks to the person's cache, a preview that writes nothing, the import under the
 * lock — and Undo last import from the menu. The page itself is driven in Chromium
 * (test/e2e/import-dialog.test.ts).
 */
import { importLikeTheDialog, openImportDialog } from '../../demo/import-csv';
import { startWorkbook } from '../../demo/scenario';
import { backOfficeExports, PERSONAL_DATA_HEADERS } from '../../src/core/sample/back-office-export';
import { ScriptRunBridge } from '../../local/services/script-run';
import { typedCells } from '../helpers/runtime';
import Papa from 'papaparse';

const NOW = new Date(Date.UTC(2026, 10, 20, 9));
const EX = backOfficeExports({ count: 120 });

function workbook() {
  const { runtime, bundle } = startWorkbook(NOW);
  bundle.open('NONE');
  bundle.clickMenu('Set up workbook');
  return { runtime, bundle };
}

/** Cells added, changed or cleared between two readings of the workbook. */
function changedCells(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k));
}

/** Every cell of every tab, as text, to look for values that must never be written. */
function everything(runtime: ReturnType<typeof workbook>['runtime']): string {
  return runtime.runAs('FULL', () =>
    runtime
      .spreadsheet!.getSheets()
      .map((s) => JSON.stringify(s.getDataRange().getValues()))
      .join('\n'),
  );
}

/** One google.script.run call completed; its success value, or the Error its failure handler got. */
function serverCall(bundle: ReturnType<typeof workbook>['bundle'], name: string, arg: unknown) {
  const bridge = new ScriptRunBridge(bundle);
  const answers: { ok: boolean; value: unknown }[] = [];
  const runner = bridge
    .runner()
    .withSuccessHandler((value) => answers.push({ ok: true, value }))
    .withFailureHandler((error) => answers.push({ ok: false, value: error }));
  runner[name](arg);
  bridge.completeAll();
  return answers[0];
}

describe('Import orders (CSV)… on the built bundle', () => {
  test('the menu offers Import orders (CSV)… and Undo last import', () => {
    const { runtime } = workbook();
    const captions = runtime.ui.menus[0].items.map((i) => ('caption' in i ? i.caption : ''));
    expect(captions).toEqual(expect.arrayContaining(['Import orders (CSV)…', 'Undo last import']));
  });

  test('before Set up workbook, the menu item says why and opens no dialog', () => {
    const { runtime, bundle } = startWorkbook(NOW);
    bundle.open('NONE');
    bundle.clickMenu('Import orders (CSV)…');
    expect(runtime.ui.surfaces).toHaveLength(0);
    expect(runtime.ui.alerts[0].prompt).toMatch(/no 'KPI Data' tab.*Set up workbook/);
  });

  test('the dialog starts with the sheet locale, the KPI Data columns and the remembered mapping', () => {
    const { runtime, bundle } = workbook();
    const boot = openImportDialog(runtime, bundle);
    expect(boot.locale).toBe('fr_FR');
    expect(boot.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Order ID', 'Created', 'Outcome', 'Reason', 'Country']),
    );
    expect(boot.remembered).toEqual({});
    importLikeTheDialog(runtime, bundle, 'export.csv', EX.first, { Canal: null });
    const again = openImportDialog(runtime, bundle);
    expect(again.remembered).toMatchObject({ 'N° commande': 'Order ID', Canal: '', IBAN: '' });
  });

  test('preview writes nothing; the import writes what the preview said; the same file twice changes nothing', () => {
    const { runtime, bundle } = workbook();
    const before = typedCells(runtime);
    const first = importLikeTheDialog(runtime, bundle, 'export-oct.csv', EX.first);
    expect(first.preview).toMatchObject({ added: EX.orders, updated: 0, rejectedRows: 0 });
    expect(first.preview.rejectedFields).toBe(EX.badCells.length);
    expect(first.outcome.summary).toContain(`${EX.orders} added`);
    // The report of an import: the dialog's summary, a toast in the sheet, a Log line.
    expect(runtime.toasts.at(-1)?.message).toBe(first.outcome.summary);
    const log = runtime.runAs('FULL', () =>
      runtime.spreadsheet!.getSheetByName('Log')!.getDataRange().getValues(),
    );
    expect(log.at(-1)).toEqual(expect.arrayContaining(['Import orders (CSV)']));
    expect(changedCells(before, typedCells(runtime)).length).toBeGreaterThan(EX.orders);

    const second = importLikeTheDialog(runtime, bundle, 'export-nov.csv', EX.second);
    expect((second.preview.added as number) + (second.preview.updated as number)).toBeGreaterThan(
      0,
    );
    expect(second.outcome.summary).toContain(`${second.preview.added} added`);
    expect(second.outcome.summary).toContain(`${second.preview.updated} updated`);

    const afterSecond = typedCells(runtime, ['KPI Data']);
    const third = importLikeTheDialog(runtime, bundle, 'export-nov.csv', EX.second);
    expect(third.preview).toMatchObject({ added: 0, updated: 0 });
    expect(changedCells(afterSecond, typedCells(runtime, ['KPI Data']))).toEqual([]);
  });

  test('no personal data of the file reaches the workbook: not in KPI Data, Log, Last import or Import memory', () => {
    const { runtime, bundle } = workbook();
    importLikeTheDialog(runtime, bundle, 'export-oct.csv', EX.first);
    const parsed = Papa.parse<string[]>(EX.first, { skipEmptyLines: true }).data;
    const columns = PERSONAL_DATA_HEADERS.map((h) => parsed[0].indexOf(h));
    const text = everything(runtime);
    const personal = parsed.slice(1).flatMap((row) => columns.map((c) => row[c]).filter(Boolean));
    expect(personal.length).toBeGreaterThan(EX.orders);
    const leaked = personal.filter((v) => text.includes(JSON.stringify(v).slice(1, -1)));
    expect(leaked).toEqual([]);
  });

  test('a preview alone writes nothing, not even a Log line', () => {
    const { runtime, bundle } = workbook();
    openImportDialog(runtime, bundle);
    const before = typedCells(runtime);
    const rows = [['A-1', '02/10/2026 10:00', 'Recyclé']];
    serverCall(bundle, 'importOrdersUpload', { token: 'tok12345', index: 0, rows });
    const r = serverCall(bundle, 'importOrdersPreview', {
      token: 'tok12345',
      chunks: 1,
      fileName: 'export.csv',
      headers: ['N° commande', 'Date de création', 'Résultat'],
      mapping: { 'N° commande': 'Order ID', 'Date de création': 'Created', Résultat: 'Outcome' },
      dateOrder: 'dmy',
      decimal: ',',
    });
    expect(r.value).toMatchObject({ added: 1, rejectedRows: 0, rejectedFields: 0 });
    expect(changedCells(before, typedCells(runtime))).toEqual([]);
  });

  test('the uploaded chunks leave the cache once imported', () => {
    const { runtime, bundle } = workbook();
    importLikeTheDialog(runtime, bundle, 'export-oct.csv', EX.first);
    const left = [...runtime.caches.user.data.keys()].filter((k) => k.startsWith('circ.import.'));
    expect(left).toEqual([]);
  });

  test('an upload the cache dropped is refused by name, and nothing is written', () => {
    const { runtime, bundle } = workbook();
    openImportDialog(runtime, bundle);
    const rows = [['A-1', '02/10/2026 10:00']];
    expect(serverCall(bundle, 'importOrdersUpload', { token: 'tok12345', index: 0, rows }).ok).toBe(
      true,
    );
    runtime.caches.user.data.clear(); // "expiry is only a suggestion": the cache may drop it
    const before = typedCells(runtime);
    const r = serverCall(bundle, 'importOrdersRun', {
      token: 'tok12345',
      chunks: 1,
      fileName: 'export.csv',
      headers: ['N° commande', 'Date de création'],
      mapping: { 'N° commande': 'Order ID', 'Date de création': 'Created' },
      dateOrder: 'dmy',
      decimal: ',',
    });
    expect(r.ok).toBe(false);
    expect((r.value as Error).message).toMatch(/upload of export.csv is no longer available/);
    expect(changedCells(before, typedCells(runtime)).filter((c) => !c.startsWith('Log!'))).toEqual(
      [],
    );
  });

  test('a request the dialog could not have sent is refused before anything is read', () => {
    const { bundle } = workbook();
    const bad = (patch: Record<string, unknown>) =>
      serverCall(bundle, 'importOrdersPreview', {
        token: 'tok12345',
        chunks: 0,
        fileName: 'x.csv',
        headers: [],
        mapping: {},
        dateOrder: 'dmy',
        decimal: ',',
        ...patch,
      });
    expect((bad({ token: '../../x' }).value as Error).message).toMatch(/upload id/);
    expect((bad({ mapping: { IBAN: 'Bank account' } }).value as Error).message).toMatch(
      /column that 'KPI Data' does not have/,
    );
    expect((bad({ dateOrder: 'ymd' }).value as Error).message).toMatch(/date order/);
    expect(
      (
        serverCall(bundle, 'importOrdersUpload', { token: 'tok12345', index: 0, rows: [[{}]] })
          .value as Error
      ).message,
    ).toMatch(/cell that is not text/);
  });

  test('while another action holds the document, the import says so to the dialog and writes nothing', () => {
    const { runtime, bundle } = workbook();
    const before = typedCells(runtime);
    runtime.locks.holdElsewhere('document', true);
    expect(() => importLikeTheDialog(runtime, bundle, 'export-oct.csv', EX.first)).toThrow(
      /busy with another Circularity Workbench action/,
    );
    expect(changedCells(before, typedCells(runtime))).toEqual([]);
  });

  test('Undo last import from the menu puts KPI Data back as it was', () => {
    const { runtime, bundle } = workbook();
    const before = typedCells(runtime, ['KPI Data']);
    importLikeTheDialog(runtime, bundle, 'export-oct.csv', EX.first);
    bundle.clickMenu('Undo last import');
    expect(changedCells(before, typedCells(runtime, ['KPI Data']))).toEqual([]);
    expect(runtime.toasts.at(-1)?.message ?? runtime.ui.alerts.at(-1)?.prompt).toMatch(
      /Undid the import of export-oct.csv/,
    );
  });
});
