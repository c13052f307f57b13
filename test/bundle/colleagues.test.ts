/**
 * Colleagues keep typing while an action runs, and a service call can fail half-way: the built
 * bundle on the sample workbook, with a colleague's edit landing while an action is computing
 * (after its reads, before its writes) or a service failing at a chosen call. Nothing a person
 * types is overwritten, every failure converges on the next run, and the messages say what was
 * and was not written.
 */
import { holdEarlierSeedRevision } from '../helpers/seed-revision';
import { startWorkbook } from '../../demo/scenario';
import type { Runtime } from '../../local/runtime';
import type { LoadedBundle } from '../../local/load-bundle';
import { Cell } from '../../src/core/cells';

const NOW = new Date(Date.UTC(2026, 10, 26, 9));

function sample(): { rt: Runtime; bundle: LoadedBundle } {
  const { runtime: rt, bundle } = startWorkbook(NOW);
  bundle.open('NONE');
  bundle.clickMenu('Set up workbook');
  bundle.clickMenu('Load sample data');
  return { rt, bundle };
}

const tab = (rt: Runtime, name: string) => rt.spreadsheet!.getSheetByName(name);
const grid = (rt: Runtime, name: string): Cell[][] =>
  rt.runAs('FULL', () => tab(rt, name)!.getDataRange().getValues());
const notes = (rt: Runtime, name: string): string[][] =>
  rt.runAs('FULL', () => tab(rt, name)!.getDataRange().getNotes());
const tabNames = (rt: Runtime) =>
  rt.runAs('FULL', () => rt.spreadsheet!.getSheets().map((s) => s.getName()));
/** What the person was told last: the closing alert, else the closing toast. */
const told = (rt: Runtime, alertsBefore: number): string =>
  rt.ui.alerts.slice(alertsBefore).at(-1)?.prompt ?? rt.toasts.at(-1)?.message ?? '';

/** Runs `edit` as a colleague's, once, just when the action makes its `nth` call of `method`. */
function colleagueAt(rt: Runtime, method: string, nth: number, edit: () => void): () => boolean {
  const previous = rt.ctx.onCall;
  let seen = 0;
  let done = false;
  rt.ctx.onCall = (name) => {
    previous?.(name);
    if (done || name !== method || ++seen !== nth) return;
    done = true;
    rt.ctx.onCall = previous;
    edit();
  };
  return () => done;
}

const sameCells = (a: Cell[][], b: Cell[][]) =>
  JSON.stringify(a.map((r) => r.map((v) => (v instanceof Date ? v.getTime() : v)))) ===
  JSON.stringify(b.map((r) => r.map((v) => (v instanceof Date ? v.getTime() : v))));

describe('a colleague typing while an action runs', () => {
  test('a score typed while Consolidate ratings runs is kept, and the action says it wrote nothing', () => {
    const clean = sample();
    clean.bundle.clickMenu('Consolidate ratings');
    const filled = grid(clean.rt, 'Partners');
    const { rt, bundle } = sample();
    const before = grid(rt, 'Partners');
    // A cell the consolidation fills: blank before, a median after.
    let at: [number, number] | null = null;
    before.forEach((r, i) =>
      r.forEach((v, j) => {
        if (!at && i > 0 && v === '' && typeof filled[i][j] === 'number') at = [i, j];
      }),
    );
    expect(at).not.toBeNull();
    const [i, j] = at!;
    const typed = filled[i][j] === 1 ? 2 : 1;
    const happened = colleagueAt(rt, 'Range.getNotes', 1, () =>
      tab(rt, 'Partners')!
        .getRange(i + 1, j + 1)
        .setValue(typed),
    );
    const alerts = rt.ui.alerts.length;
    bundle.clickMenu('Consolidate ratings');
    expect(happened()).toBe(true);
    expect(grid(rt, 'Partners')[i][j]).toBe(typed);
    expect(told(rt, alerts)).toMatch(
      /'Partners' changed while Consolidate ratings ran.*run Consolidate ratings again/is,
    );
  });

  test('a row inserted in Partners while Score partners runs shifts no result onto another partner', () => {
    const { rt, bundle } = sample();
    const happened = colleagueAt(rt, 'Range.getFormulas', 1, () => {
      const s = tab(rt, 'Partners')!;
      s.insertRowBefore(3);
      s.getRange(3, 1, 1, 2).setValues([['Recyclerie du Vallon', 'FR']]);
    });
    const alerts = rt.ui.alerts.length;
    bundle.clickMenu('Score partners');
    expect(happened()).toBe(true);
    const g = grid(rt, 'Partners');
    const score = g[0].indexOf('Score');
    expect(g.slice(1).filter((r) => r[score] !== '')).toEqual([]);
    expect(told(rt, alerts)).toMatch(/'Partners' changed while Score partners ran/);
  });

  test('a fact a colleague adds while Import benchmark seed runs is kept, and the message says so', () => {
    const { runtime: rt, bundle } = startWorkbook(NOW);
    bundle.open('NONE');
    bundle.clickMenu('Set up workbook');
    // Tabs holding an earlier seed revision: the import writes to each (one up to date is left alone).
    holdEarlierSeedRevision(rt);
    const countries = ['FR', 'DE', 'US', 'UK', 'ES'];
    const happened = colleagueAt(rt, 'Sheet.getMaxRows', 1, () => {
      for (const c of countries)
        tab(rt, `Benchmark ${c}`)!
          .getRange(2, 1, 1, 3)
          .setValues([['law', 'Our own fact', `Typed in ${c}`]]);
    });
    const alerts = rt.ui.alerts.length;
    bundle.clickMenu('Import benchmark seed');
    expect(happened()).toBe(true);
    for (const c of countries)
      expect(grid(rt, `Benchmark ${c}`)[1].slice(0, 3)).toEqual([
        'law',
        'Our own fact',
        `Typed in ${c}`,
      ]);
    const message = told(rt, alerts);
    expect(message).toMatch(/changed while Import benchmark seed ran/);
    expect(message).not.toMatch(/nothing you typed was changed\. Run/);
  });
});

describe('a failure half-way converges on the next run', () => {
  test('Consolidate ratings failing between the scores and their notes: the next run recognises every score it wrote', () => {
    const clean = sample();
    clean.bundle.clickMenu('Consolidate ratings');
    const { rt, bundle } = sample();
    rt.ctx.failOn('Range.setNotes', 1, 'Service Spreadsheets failed while accessing document');
    const alerts = rt.ui.alerts.length;
    bundle.clickMenu('Consolidate ratings');
    const failure = told(rt, alerts);
    expect(failure).toMatch(
      /stopped: Service Spreadsheets failed.*It had begun writing the consolidated scores/,
    );
    expect(failure).not.toMatch(/Tabs you typed in were not changed/);
    const again = rt.ui.alerts.length;
    bundle.clickMenu('Consolidate ratings');
    expect(told(rt, again)).not.toMatch(/kept the typed/);
    expect(sameCells(grid(rt, 'Partners'), grid(clean.rt, 'Partners'))).toBe(true);
    expect(notes(rt, 'Partners')).toEqual(notes(clean.rt, 'Partners'));
  });

  test('Score partners failing while it draws the ranking says what it wrote; the next run finishes', () => {
    const clean = sample();
    clean.bundle.clickMenu('Score partners');
    const { rt, bundle } = sample();
    rt.ctx.failOn(
      'Spreadsheet.insertSheet',
      1,
      'Service Spreadsheets failed while accessing document',
    );
    const alerts = rt.ui.alerts.length;
    bundle.clickMenu('Score partners');
    const failure = told(rt, alerts);
    expect(failure).toMatch(/It had begun writing the scores.*drawing 'Partner Ranking'/);
    expect(failure).not.toMatch(/Tabs you typed in were not changed/);
    bundle.clickMenu('Score partners');
    expect(tabNames(rt)).toContain('Partner Ranking');
    expect(sameCells(grid(rt, 'Partners'), grid(clean.rt, 'Partners'))).toBe(true);
    expect(sameCells(grid(rt, 'Partner Ranking'), grid(clean.rt, 'Partner Ranking'))).toBe(true);
  });
});

describe("generated tabs and people's work", () => {
  test('notes typed on a generated tab are kept with the previous version, and said', () => {
    const { rt, bundle } = sample();
    bundle.clickMenu('Refresh KPI dashboard');
    rt.runAs('FULL', () =>
      tab(rt, 'KPI Dashboard')!.getRange('B3').setNote('Ask ops about this dip'),
    );
    const alerts = rt.ui.alerts.length;
    bundle.clickMenu('Refresh KPI dashboard');
    expect(tabNames(rt)).toEqual(
      expect.arrayContaining(['KPI Dashboard', 'KPI Dashboard (your notes)']),
    );
    expect(notes(rt, 'KPI Dashboard (your notes)')[2][1]).toBe('Ask ops about this dip');
    expect(told(rt, alerts)).toMatch(
      /'KPI Dashboard' had notes typed on it.*kept as 'KPI Dashboard \(your notes\)'/,
    );
    // The kept copy has served: the next refresh has nothing more to keep.
    bundle.clickMenu('Refresh KPI dashboard');
    expect(tabNames(rt).filter((n) => n.startsWith('KPI Dashboard'))).toHaveLength(2);
  });

  test("a team's own tab named like a generated one is kept, renamed, and said", () => {
    const { rt, bundle } = sample();
    rt.runAs('FULL', () =>
      rt.spreadsheet!.insertSheet('Partner Ranking').getRange('A1').setValue('Our shortlist'),
    );
    const alerts = rt.ui.alerts.length;
    bundle.clickMenu('Score partners');
    expect(grid(rt, 'Partner Ranking (yours)')[0][0]).toBe('Our shortlist');
    expect(grid(rt, 'Partner Ranking')[0][0]).not.toBe('Our shortlist');
    expect(told(rt, alerts)).toMatch(
      /'Partner Ranking' was a tab of yours.*kept as 'Partner Ranking \(yours\)'/,
    );
  });
});

describe('tabs found as people expect', () => {
  test("'KPI data' is KPI Data: the dashboard reads it and Set up neither fails nor adds another", () => {
    const { rt, bundle } = sample();
    rt.runAs('FULL', () => tab(rt, 'KPI Data')!.setName('KPI data'));
    const alerts = rt.ui.alerts.length;
    bundle.clickMenu('Set up workbook');
    expect(told(rt, alerts)).not.toMatch(/already exists|stopped/);
    expect(tabNames(rt)).not.toContain('KPI Data');
    bundle.clickMenu('Refresh KPI dashboard');
    expect(told(rt, alerts)).not.toMatch(/missing/);
    const requests = grid(rt, 'KPI Dashboard').find((r) => r[0] === 'Requests')!;
    expect(requests.some((v) => typeof v === 'number' && v > 0)).toBe(true);
  });

  test("a tab renamed 'KPI data (Oct export)' is found by its columns, named in the message, and no empty KPI Data is made", () => {
    const { rt, bundle } = sample();
    rt.runAs('FULL', () => tab(rt, 'KPI Data')!.setName('KPI data (Oct export)'));
    bundle.clickMenu('Set up workbook');
    expect(tabNames(rt)).not.toContain('KPI Data');
    const alerts = rt.ui.alerts.length;
    bundle.clickMenu('Refresh KPI dashboard');
    expect(told(rt, alerts)).toMatch(
      /the tab 'KPI data \(Oct export\)' has all its columns, so it was used as 'KPI Data'/,
    );
    const dashboard = grid(rt, 'KPI Dashboard');
    const requests = dashboard.find((r) => r[0] === 'Requests')!;
    expect(requests.some((v) => typeof v === 'number' && v > 0)).toBe(true);
  });
});
