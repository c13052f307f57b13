/**
 * The offline demo as a scenario: a fresh local runtime with the manifest's scopes, the built
 * bundle loaded the way Apps Script loads it, and the add-on driven through its menu like a
 * person would. `npm start` runs it and writes the artefacts; the end-to-end test runs it too.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SEED_FILE, seedFileText } from '../build/build';
import { createRuntime, Runtime } from '../local/runtime';
import { loadBundle, LoadedBundle } from '../local/load-bundle';
import { backOfficeExports } from '../src/core/sample/back-office-export';
import { importLikeTheDialog } from './import-csv';

export const ROOT = path.resolve(__dirname, '..');
export const DIST = path.join(ROOT, 'dist');
/** Revision 1 of the benchmark seed (135 facts, before the checks of 2026-11-29): a fixture, never shipped. */
export const SEED_R1 = path.join(ROOT, 'test', 'fixtures', 'benchmark-seed-r1.json');

/**
 * The project as a version that shipped seed revision 1 pushed it: the built files with the seed
 * file holding revision 1, in a fresh directory. Loading it, then the current dist/ into the same
 * runtime, is a workbook set up by the earlier version and upgraded by this one.
 */
export function revisionOneProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'circ-seed-r1-'));
  for (const f of fs.readdirSync(DIST))
    if (/\.(js|html|json)$/.test(f)) fs.copyFileSync(path.join(DIST, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, SEED_FILE), seedFileText(SEED_R1));
  return dir;
}

export interface StepRecord {
  action: string;
  serviceCalls: Record<string, number>;
  totalCalls: number;
  ms: number;
  alerts: string[];
}

export interface Demo {
  runtime: Runtime;
  bundle: LoadedBundle;
  steps: StepRecord[];
}

export function manifestScopes(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as {
    oauthScopes: string[];
  };
  return manifest.oauthScopes;
}

/** A runtime with the manifest's scopes and the bundle loaded (in AuthMode.NONE, as Apps Script does). */
export function startWorkbook(
  now = new Date(),
  locale = 'fr_FR',
  project = DIST,
): { runtime: Runtime; bundle: LoadedBundle } {
  const runtime = createRuntime({
    oauthScopes: manifestScopes(),
    timeZone: 'Europe/Paris',
    now,
    userEmail: 'camille.martin@example.com',
    spreadsheet: { name: 'Circularity Workbench — demo', locale },
  });
  const bundle = loadBundle(runtime, project);
  return { runtime, bundle };
}

/**
 * A team's work on seeded facts before an upgrade: an edit to a fact revision 2 changes (kept,
 * its new version offered), and a fact deleted (never brought back).
 */
export function editSeededFacts(runtime: Runtime): void {
  const fr = runtime.spreadsheet!.getSheetByName('Benchmark FR')!;
  const rows = fr.getRange(1, 1, fr.getLastRow(), 3).getValues();
  const row = (topic: string) => rows.findIndex((r) => r[1] === topic) + 1;
  fr.getRange(row('Dormant phones in France'), 3).setValue(
    'Our field estimate: about 100 million phones sleep in French drawers (team survey, 2025).',
  );
  fr.deleteRow(row('Back Market trade-in with Carrefour'));
}

/** Clicks a menu item and records the service calls, time and alerts of that one action. */
export function click(
  demo: Demo,
  caption: string,
  log: (line: string) => void = () => {},
): StepRecord {
  const { runtime, bundle } = demo;
  const alertsBefore = runtime.ui.alerts.length;
  runtime.ctx.resetCalls();
  const t0 = process.hrtime.bigint();
  bundle.clickMenu(caption);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const alerts = runtime.ui.alerts.slice(alertsBefore).map((a) => a.prompt);
  const step = {
    action: caption,
    serviceCalls: runtime.ctx.callsByMethod(),
    totalCalls: runtime.ctx.totalCalls(),
    ms,
    alerts,
  };
  demo.steps.push(step);
  log(
    `  ✓ ${caption.padEnd(28)} ${String(step.totalCalls).padStart(5)} service calls  ${ms.toFixed(0).padStart(6)} ms`,
  );
  const toast = runtime.toasts[runtime.toasts.length - 1];
  if (alerts.length)
    for (const a of alerts) log(`      ${a.split('\n').slice(0, 4).join('\n      ')}`);
  else if (toast) log(`      ${toast.message}`);
  return step;
}

/**
 * The back office's two exports imported as a person does it in the dialog: the first, a
 * correction typed in 'KPI Data', the second (more dates filled in; the correction is kept), an
 * undo, and the second again — so the workbook shows the imported orders, the Last import tab
 * with the kept correction, and the Log lines of each step.
 */
export function importBackOfficeExports(demo: Demo, log: (line: string) => void): void {
  const { runtime, bundle } = demo;
  const exports = backOfficeExports();
  const step = (action: string, run: () => { calls: number; message: string }): void => {
    const t0 = process.hrtime.bigint();
    const { calls, message } = run();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    demo.steps.push({
      action,
      serviceCalls: runtime.ctx.callsByMethod(),
      totalCalls: calls,
      ms,
      alerts: [],
    });
    log(
      `  ✓ ${action.padEnd(28)} ${String(calls).padStart(5)} service calls  ${ms.toFixed(0).padStart(6)} ms`,
    );
    log(`      ${message}`);
  };
  const importFile = (name: string, text: string) => () => {
    const r = importLikeTheDialog(runtime, bundle, name, text);
    return { calls: r.importCalls, message: r.outcome.summary };
  };
  step('Import orders (CSV)… (1st)', importFile('export-commandes-2026-10-31.csv', exports.first));
  // A person corrects the outcome of an imported order by hand: the next import keeps it.
  runtime.runAs('FULL', () => correctAnOutcome(runtime));
  step('Import orders (CSV)… (2nd)', importFile('export-commandes-2026-11-14.csv', exports.second));
  runtime.ctx.resetCalls();
  click(demo, 'Undo last import', log);
  step(
    'Import orders (CSV)… (again)',
    importFile('export-commandes-2026-11-14.csv', exports.second),
  );
}

/** Types `rejected` over the first imported order's outcome, as a person correcting it would. */
function correctAnOutcome(runtime: Runtime): void {
  const sheet = runtime.spreadsheet!.getSheetByName('KPI Data')!;
  const grid = sheet.getDataRange().getValues();
  const h = grid[0];
  const row = grid.findIndex(
    (r) => /^0\d+$/.test(String(r[h.indexOf('Order ID')])) && r[h.indexOf('Outcome')] !== '',
  );
  if (row > 0) sheet.getRange(row + 1, h.indexOf('Outcome') + 1).setValue('rejected');
}

/** Best practices a person would write beside seeded facts (found by topic, wherever they are). */
const PRACTICES: [string, RegExp, string][] = [
  [
    'Benchmark FR',
    /^Repair bonus \(bonus réparation\)/,
    'Deduct the repair bonus at the counter through certified repairers: no claim form for the customer.',
  ],
  [
    'Benchmark FR',
    /^Erasure required to sell as refurbished/,
    'Issue a per-device erasure certificate with every refurbished sale.',
  ],
  [
    'Benchmark DE',
    /^Supermarket take-back/,
    'Take-back points wherever electronics are sold, supermarkets included, signposted at the entrance.',
  ],
  [
    'Benchmark UK',
    /^Distributor take-back/,
    'Free like-for-like take-back at delivery, collected by the same van.',
  ],
];

export function noteBestPractices(runtime: Runtime): void {
  for (const [tab, topic, practice] of PRACTICES) {
    const sheet = runtime.spreadsheet!.getSheetByName(tab)!;
    const rows = sheet.getRange(1, 1, sheet.getLastRow(), 8).getValues();
    const header = rows[0].map(String);
    const row = rows.findIndex((r) => topic.test(String(r[header.indexOf('Topic')])));
    if (row > 0) sheet.getRange(row + 1, header.indexOf('Best practice') + 1).setValue(practice);
  }
}

/** Types a value next to a key of Settings, as a person would. */
export function typeSetting(runtime: Runtime, key: string, value: string): void {
  const settings = runtime.spreadsheet!.getSheetByName('Settings')!;
  const keys = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  settings.getRange(keys.indexOf(key) + 1, 2).setValue(value);
}

/**
 * The team measures three criteria from the orders (Criteria's optional columns) and clears the
 * typed scores of the partners that handle orders, so the orders score them — except one typed
 * QUALITY score, kept to show that a typed score wins.
 */
export function measureCriteria(runtime: Runtime): void {
  const ss = runtime.spreadsheet!;
  const criteria = ss.getSheetByName('Criteria')!;
  const grid = criteria.getDataRange().getValues();
  const h = grid[0].map(String);
  const measured: Record<string, [string, number, number]> = {
    QUALITY: ['reuse_rate', 0.4, 0.9],
    TRACE: ['erasure_coverage', 0.95, 1],
    COST: ['cost_per_device', 10, 25],
  };
  grid.forEach((r, i) => {
    const m = measured[String(r[h.indexOf('ID')])];
    if (m) criteria.getRange(i + 1, h.indexOf('Measured by') + 1, 1, 3).setValues([m]);
  });
  const partners = ss.getSheetByName('Partners')!;
  const rows = partners.getDataRange().getValues();
  const ph = rows[0].map(String);
  const handling =
    /^(Solidaire Numérique Nord|Logis Retour Express|Les Puces Vertes|EcoTri Bretagne|Recyclerie du Vallon 2) \(sample\)$/;
  rows.forEach((r, i) => {
    if (!handling.test(String(r[0]))) return;
    for (const id of Object.keys(measured)) {
      if (id === 'QUALITY' && String(r[0]).startsWith('Logis')) continue;
      partners.getRange(i + 1, ph.indexOf(id) + 1).setValue('');
    }
  });
}

/** Fills the AHP block the way a person would (upper triangle), here with consistent judgements. */
export function fillAhpBlock(runtime: Runtime): void {
  const sheet = runtime.spreadsheet!.getSheetByName('AHP');
  if (!sheet) throw new Error('the AHP tab was not created');
  const n = sheet.getLastColumn() - 1;
  // Importance points from the seed's recycling weights, turned into ratios: a consistent matrix.
  const ids = sheet.getRange(4, 2, 1, n).getValues()[0].map(String);
  const weights = sheet
    .getParent()
    .getSheetByName('Criteria')!
    .getRange(2, 10, ids.length, 1)
    .getValues()
    .map((r) => Number(r[0]) || 1);
  const block = ids.map((_, i) =>
    ids.map((__, j) =>
      j > i ? Math.round((weights[i] / weights[j]) * 100) / 100 : i === j ? 1 : '',
    ),
  );
  sheet.getRange(5, 2, n, n).setValues(block);
  sheet.getRange(2, 2).setValue('recycling');
}

/** The whole demo: open, set up, load sample data, assess partners. */
export function runDemo(log: (line: string) => void = () => {}, now = new Date()): Demo {
  // The workbook starts on the version that shipped seed revision 1; it is upgraded further down.
  const { runtime, bundle } = startWorkbook(now, 'fr_FR', revisionOneProject());
  const demo: Demo = { runtime, bundle, steps: [] };
  runtime.ctx.resetCalls();
  bundle.open('NONE');
  log(
    `  ✓ onOpen (AuthMode.NONE): menu with ${runtime.ui.menus[0]?.items.length ?? 0} items, ${runtime.ctx.totalCalls()} service calls, no document access`,
  );
  click(demo, 'Set up workbook', log);
  click(demo, 'Load sample data', log);
  importBackOfficeExports(demo, log);
  runtime.runAs('FULL', () => measureCriteria(runtime));
  click(demo, 'Consolidate ratings', log);
  click(demo, 'Score partners', log);
  click(demo, 'Derive weights (AHP)', log);
  runtime.runAs('FULL', () => fillAhpBlock(runtime));
  click(demo, 'Derive weights (AHP)', log);
  click(demo, 'Score partners', log);
  click(demo, 'Refresh KPI dashboard', log);
  // The team notes best practices next to the facts they come from, as people do in these tabs.
  runtime.runAs('FULL', () => noteBestPractices(runtime));
  runtime.runAs('FULL', () => editSeededFacts(runtime));
  // The add-on is updated to this version (seed revision 2): Import benchmark seed upgrades the
  // country tabs, keeping what the team wrote.
  demo.bundle = loadBundle(runtime, DIST);
  log('  ↑ the add-on is updated: the shipped seed is now revision 2');
  click(demo, 'Import benchmark seed', log);
  // The organisations the benchmark names become prospects in Partners, for the five countries;
  // Score partners then leaves them out of the ranking until someone scores them.
  runtime.ui.scriptResponses([{ button: 'OK', text: 'FR, DE, US, GB, ES' }]);
  click(demo, 'Propose partner candidates…', log);
  click(demo, 'Score partners', log);
  runtime.ui.scriptResponses([{ button: 'OK', text: 'IT' }]);
  click(demo, 'Add country…', log);
  click(demo, 'Refresh benchmark', log);
  // The period prompt answered with a blank: the default period (Settings, else last complete month).
  runtime.ui.scriptResponses([{ button: 'OK', text: '' }]);
  click(demo, 'Generate report…', log);
  // The team types its recipients in Settings, then e-mails the report and schedules it.
  runtime.runAs('FULL', () =>
    typeSetting(runtime, 'Report recipients', 'ops-team@example.com, director@example.com'),
  );
  runtime.ui.scriptResponses([{ button: 'OK', text: '' }]);
  click(demo, 'Email report…', log);
  click(demo, 'Schedule monthly report', log);
  click(demo, 'Schedule monthly report', log);
  return demo;
}
