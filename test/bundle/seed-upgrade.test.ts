/**
 * Issue 17 through the built bundle: a workbook set up by a version that shipped seed revision 1
 * (the same code with revision 1 in its seed file), edited by a team, then opened with this
 * version and upgraded by Import benchmark seed — every case of the three-way upgrade, the
 * message and the Log, the overview's review and updates, and restoring deleted facts.
 */
import { loadBundle } from '../../local/load-bundle';
import { DIST, revisionOneProject, startWorkbook } from '../../demo/scenario';
import type { Runtime } from '../../local/runtime';
import { Cell } from '../../src/core/cells';
import { FACT_HEADERS } from '../../src/core/benchmark/tab-columns';
import { parseSeed, SeedFile, seedFacts, seedRef } from '../../src/core/benchmark/seed';
import R1 from '../fixtures/benchmark-seed-r1.json';

const NOW = new Date(Date.UTC(2026, 11, 1, 9));
const at = (h: string) => FACT_HEADERS.indexOf(h);
const grid = (rt: Runtime, name: string): Cell[][] =>
  rt.runAs('FULL', () => rt.spreadsheet!.getSheetByName(name)!.getDataRange().getValues());
const rowOf = (g: Cell[][], topic: string) => g.findIndex((r) => r[1] === topic);
const told = (rt: Runtime) => rt.ui.alerts.at(-1)?.prompt ?? rt.toasts.at(-1)?.message ?? '';

describe('upgrading a revision-1 workbook through the bundle', () => {
  const { runtime: rt, bundle: old } = startWorkbook(NOW, 'fr_FR', revisionOneProject());
  old.open('NONE');
  old.clickMenu('Set up workbook');
  const r1Rows = grid(rt, 'Benchmark FR');
  // The team's work on revision 1.
  rt.runAs('FULL', () => {
    const fr = rt.spreadsheet!.getSheetByName('Benchmark FR')!;
    const row = (t: string) => rowOf(grid(rt, 'Benchmark FR'), t) + 1;
    // Changed upstream, content untouched, the team's columns filled.
    const laptop = row('Repair bonus amount laptop');
    fr.getRange(laptop, at('Implication / opportunity') + 1, 1, 3).setValues([
      ['Laptops qualify too', 'Advertise the bonus', 'to verify'],
    ]);
    fr.getRange(laptop, at('Owner') + 1).setValue('Chloé');
    // Changed upstream, content edited by a person.
    fr.getRange(row('Dormant phones in France'), at('Finding') + 1).setValue('Our own estimate');
    // Deleted by a person before any Import (the ledger exists from Set up onwards).
    fr.deleteRow(row('Recommerce'));
  });
  const alertsBefore = rt.ui.alerts.length;
  const bundle = loadBundle(rt, DIST);
  bundle.clickMenu('Import benchmark seed');
  const message = told(rt);
  const after = grid(rt, 'Benchmark FR');

  test('set up by the earlier version: revision 1, no checked dates', () => {
    expect(r1Rows.length - 1).toBe(
      parseSeed(R1 as SeedFile).filter((f) => ['FR', 'EU'].includes(f.country)).length,
    );
    expect(r1Rows.slice(1).every((r) => r[at('Last reviewed')] === '')).toBe(true);
  });

  test('updated in place, the team columns kept; edited kept; deleted not back; new facts added', () => {
    const laptop = after[rowOf(after, 'Repair bonus amount laptop')];
    const fact = seedFacts().find((f) => f.title === 'Repair bonus amount laptop')!;
    expect(laptop[at('Value')]).toBe(50);
    expect(laptop[at('Finding')]).toBe(fact.summary);
    expect(laptop[12]).toBe(seedRef(fact));
    expect(laptop.slice(at('Implication / opportunity'), at('Status') + 1)).toEqual([
      'Laptops qualify too',
      'Advertise the bonus',
      'to verify',
    ]);
    expect(laptop[at('Owner')]).toBe('Chloé');
    expect(after[rowOf(after, 'Dormant phones in France')][at('Finding')]).toBe('Our own estimate');
    expect(rowOf(after, 'Recommerce')).toBe(-1);
    expect(rowOf(after, 'Loi REEN 2021-1485')).toBeGreaterThan(0);
    // Revision 2's checked date filled the blank Last reviewed of the facts it checked.
    expect(laptop[at('Last reviewed')]).toBeInstanceOf(Date);
  });

  test('the message and the Log say added, updated, kept because edited, withdrawn and the revision now held', () => {
    expect(rt.ui.alerts.length).toBeGreaterThanOrEqual(alertsBefore);
    expect(message).toMatch(
      /^Benchmark seed revision 2 imported on 2026-12-01: \d+ fact\(s\) added, \d+ updated in place, 1 kept because you edited them .*, 0 withdrawn from the seed\. 1 fact\(s\) you deleted were not brought back/,
    );
    expect(message).toMatch(/The country tabs now hold revision 2/);
    const log = grid(rt, 'Log');
    const line = log.at(-1)!.map(String).join(' | ');
    expect(line).toMatch(/Import benchmark seed/);
    expect(line).toMatch(/Benchmark seed revision 2 \(165 facts\) held by the country tabs/);
    expect(line).toMatch(
      /'Dormant phones in France' has a new version in the seed; kept as you edited it/,
    );
  });

  test('the overview offers the new version of the edited fact and lists what the upgrade changed', () => {
    bundle.clickMenu('Refresh benchmark');
    const overview = grid(rt, 'Benchmark');
    const review = overview.findIndex((r) => String(r[0]).startsWith('Seed review: 1 fact(s)'));
    expect(overview[review + 2].slice(0, 3)).toEqual([
      'Dormant phones in France',
      `Benchmark FR row ${rowOf(after, 'Dormant phones in France') + 1}`,
      'Finding',
    ]);
    const updates = overview.findIndex((r) =>
      String(r[0]).startsWith('Seed updates: what the upgrade to seed revision 2 on 2026-12-01'),
    );
    const listed = overview.slice(updates + 2).map((r) => r[0]);
    expect(listed).toContain('Repair bonus amount laptop');
    // An EU fact updated in three tabs is listed once, with the three tabs.
    const spare = overview.find((r) => r[0] === 'EU: Spare parts availability under 2023/1670')!;
    expect(spare[1]).toBe('Benchmark FR, Benchmark DE, Benchmark ES');
    expect(listed.filter((t) => t === spare[0])).toHaveLength(1);
  });

  test('running it again adds and changes nothing; Restore deleted benchmark facts… brings the deleted fact back after saying which', () => {
    const before = grid(rt, 'Benchmark FR');
    bundle.clickMenu('Import benchmark seed');
    expect(grid(rt, 'Benchmark FR')).toEqual(before);
    rt.ui.scriptResponses([{ button: 'YES' }]);
    bundle.clickMenu('Restore deleted benchmark facts…');
    const question = rt.ui.alerts.find((a) => a.title === 'Restore deleted benchmark facts')!;
    expect(question.prompt).toMatch(/Benchmark FR: 1 fact\(s\) \(Recommerce\)/);
    expect(rowOf(grid(rt, 'Benchmark FR'), 'Recommerce')).toBeGreaterThan(0);
  });
});
