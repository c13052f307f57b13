import { Cell, Grid } from '../../../src/core/cells';
import { planSeedImport } from '../../../src/core/benchmark/import-plan';
import { benchmarkSeedRows, seedFactsFor } from '../../../src/core/benchmark/seed';
import { SEED_REF_COLUMN } from '../../../src/core/benchmark/tab-columns';
import { fact, HEADER } from './fixture';

const WITH_REF: Cell[] = [...HEADER, SEED_REF_COLUMN.header];
const FR = seedFactsFor('FR').length;

/** The tab as it looks once a plan is applied (what the adapter writes, in memory). */
function apply(grid: Grid, plan: ReturnType<typeof planSeedImport>): Grid {
  const out = grid.map((r) => [...r]);
  const width = Math.max(plan.refColumn, ...out.map((r) => r.length));
  const pad = (r: Cell[]) => [...r, ...new Array(Math.max(0, width - r.length)).fill('')];
  if (plan.addRefHeader)
    out[0] = pad(out[0]).map((v, i) => (i === plan.refColumn - 1 ? SEED_REF_COLUMN.header : v));
  plan.patch?.values.forEach((values, i) => {
    const r = plan.patch!.row - 1 + i;
    out[r] = pad(out[r]);
    values.forEach((v, j) => (out[r][j] = v));
  });
  return [...out, ...plan.append];
}

describe('Import benchmark seed: the plan', () => {
  test('a fresh tab gets every fact; a second run adds nothing', () => {
    const first = planSeedImport('FR', 'Benchmark FR', [WITH_REF], []);
    expect(first.added).toHaveLength(FR);
    expect(first.append[0]).toHaveLength(13);
    expect(first.appendAt).toBe(2);
    const after = apply([WITH_REF], first);
    const second = planSeedImport('FR', 'Benchmark FR', after, first.ledger);
    expect(second.added).toEqual([]);
    expect(second.edited).toEqual([]);
    expect(second.patch).toBeNull();
    // Even with the ledger lost, the refs in the tab are enough.
    expect(planSeedImport('FR', 'Benchmark FR', after, []).added).toEqual([]);
  });

  test('an edited seeded row is kept and reported by row; a deleted one is not added back', () => {
    const tab = apply([WITH_REF], planSeedImport('FR', 'Benchmark FR', [WITH_REF], []));
    const ledger = planSeedImport('FR', 'Benchmark FR', tab, []).ledger;
    tab[4][2] = 'My own wording of the finding';
    tab[6][10] = new Date('2026-10-01T00:00:00Z'); // reviewed: the team's column, not an edit
    tab[6][6] = 'Our implication'; // the team's column too
    const deleted = tab.splice(9, 1)[0];
    const plan = planSeedImport('FR', 'Benchmark FR', tab, ledger);
    expect(plan.edited.map((e) => e.row)).toEqual([5]);
    expect(plan.edited[0].topic).toBe(String(tab[4][1]));
    expect(plan.added).toEqual([]);
    expect(plan.deleted.map((f) => f.title)).toEqual([deleted[1]]);
    expect(plan.append).toEqual([]);
    expect(plan.patch).toBeNull();
    // Without the ledger (ids never remembered) the deleted fact would come back, once.
    const noLedger = planSeedImport('FR', 'Benchmark FR', tab, []);
    expect(noLedger.append.map((r) => r[1])).toEqual([deleted[1]]);
  });

  test('rows seeded without a Seed ref (setup before the column existed) are adopted, not duplicated', () => {
    const seeded = benchmarkSeedRows('DE').map((r) => r.slice(0, 12));
    seeded[3][2] = 'edited before the first import';
    const grid: Grid = [[...HEADER], ...seeded, fact('law', 'A row of my own')];
    const plan = planSeedImport('DE', 'Benchmark DE', grid, []);
    expect(plan.addRefHeader).toBe(true);
    expect(plan.refColumn).toBe(13);
    expect(plan.adopted).toHaveLength(seeded.length);
    expect(plan.added).toEqual([]);
    expect(plan.edited.map((e) => e.row)).toEqual([5]);
    expect(plan.patch!.row).toBe(2);
    expect(plan.patch!.values).toHaveLength(seeded.length);
    // Only the Seed ref cells change; every other cell of the block is the tab's own.
    expect(plan.patch!.changed.every((r) => r.every((c, j) => c === (j === 12)))).toBe(true);
    const again = planSeedImport('DE', 'Benchmark DE', apply(grid, plan), plan.ledger);
    expect([again.added.length, again.adopted.length, again.edited.map((e) => e.row)]).toEqual([
      0,
      0,
      [5],
    ]);
  });

  test('columns in any order: appended rows land under the tab’s own headers; Seed ref goes right of all data', () => {
    const order = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    const header = [...order.map((i) => HEADER[i]), 'My notes'];
    const grid: Grid = [header, [...order.map((i) => fact('law', 'mine')[i]), 'note', '', 'stray']];
    const plan = planSeedImport('UK', 'Benchmark UK', grid, []);
    expect(plan.refColumn).toBe(16);
    const first = plan.append[0];
    expect(first[11]).toBe('law'); // Dimension is column L here
    expect(first[10]).toBe(plan.added[0].title);
    expect(first[15]).toMatch(/^UK-/);
    expect(first[12]).toBe('');
  });

  test('a missing product column: the tab is skipped with tab, row 1 and the column named', () => {
    const header = HEADER.map((h) => (h === 'Source' ? 'Sources' : h));
    const plan = planSeedImport('ES', 'Benchmark ES', [header], []);
    expect(plan.skipped).toBe(
      "Benchmark ES, row 1: column 'Source' is missing from the header row (is it 'Sources' in column J?). Nothing was imported into Benchmark ES; rename the column back (or run Set up workbook to add it).",
    );
    expect(plan.append).toEqual([]);
    expect(plan.addRefHeader).toBe(false);
  });

  test('an empty tab is laid out first; a country outside the seed gets nothing', () => {
    const plan = planSeedImport('IT', 'Benchmark IT', [['']], []);
    expect(plan.layOut).toBe(true);
    expect(plan.added).toHaveLength(20);
    expect(plan.appendAt).toBe(2);
    expect(planSeedImport('JP', 'Benchmark JP', [WITH_REF], []).added).toEqual([]);
  });

  test('an unknown ref (a person’s text, another tab’s fact) is left alone', () => {
    const rows = benchmarkSeedRows('US');
    const grid: Grid = [WITH_REF, ...rows.slice(1), [...rows[0].slice(0, 12), 'my text']];
    const plan = planSeedImport('US', 'Benchmark US', grid, []);
    expect(plan.patch).toBeNull();
    expect(plan.added.map((f) => f.title)).toEqual([rows[0][1]]);
  });
});
