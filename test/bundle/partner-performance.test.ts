/**
 * Issue 19 through the built bundle, clicked like a person: the sample workbook, three criteria
 * measured from the orders (the demo's), Score partners and Refresh KPI dashboard. The measured
 * scores reach the ranking without ever being written into a score cell, and `Partner
 * Performance` lists the sample partners and the carrier that is not one.
 */
import { measureCriteria, startWorkbook } from '../../demo/scenario';
import type { Runtime } from '../../local/runtime';
import { Cell } from '../../src/core/cells';
import { CRITERIA_SEED } from '../../src/core/seed/criteria';

const NOW = new Date(Date.UTC(2026, 10, 26, 9));
const grid = (rt: Runtime, name: string): Cell[][] =>
  rt.runAs('FULL', () => rt.spreadsheet!.getSheetByName(name)!.getDataRange().getValues());

test('measured criteria fill blank cells in the ranking, never the score cells; Partner Performance is rebuilt by Refresh KPI dashboard', () => {
  const { runtime: rt, bundle } = startWorkbook(NOW);
  bundle.open('NONE');
  bundle.clickMenu('Set up workbook');
  bundle.clickMenu('Load sample data');
  rt.runAs('FULL', () => measureCriteria(rt));
  const scores = (g: Cell[][]) => g.map((r) => CRITERIA_SEED.map((c) => r[g[0].indexOf(c.id)]));
  const before = grid(rt, 'Partners');
  bundle.clickMenu('Score partners');
  const after = grid(rt, 'Partners');
  expect(scores(after)).toEqual(scores(before));
  const h = after[0];
  const puces = after.find((r) => r[0] === 'Les Puces Vertes (sample)')!;
  expect(puces[h.indexOf('QUALITY')]).toBe('');
  expect(String(puces[h.indexOf('Measured')])).toMatch(/QUALITY: reuse_rate [\d.]+% over /);
  expect(typeof puces[h.indexOf('Score')]).toBe('number');
  const logis = after.find((r) => r[0] === 'Logis Retour Express (sample)')!;
  expect(String(logis[h.indexOf('Measured')])).toMatch(/QUALITY: .* \(typed \d kept\)/);

  bundle.clickMenu('Refresh KPI dashboard');
  const t = grid(rt, 'Partner Performance');
  const partners = new Set(t.filter((r) => /^\d{4}-\d{2}$/.test(String(r[3]))).map((r) => r[0]));
  expect([...partners].sort()).toEqual([
    'EcoTri Bretagne (sample)',
    'Les Puces Vertes (sample)',
    'Logis Retour Express (sample)',
    'Recyclerie du Vallon 2 (sample)',
    'Solidaire Numérique Nord (sample)',
  ]);
  expect(t.some((r) => r[2] === 'Transports Inconnus')).toBe(true);
  // Run twice: the same tab.
  bundle.clickMenu('Refresh KPI dashboard');
  expect(grid(rt, 'Partner Performance').slice(3)).toEqual(t.slice(3));
});
