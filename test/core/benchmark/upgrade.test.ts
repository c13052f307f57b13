/**
 * Issue 17, point 2 at the core: a tab imported from seed revision 1, edited by a team (content
 * edited, facts deleted, the team's columns filled), then upgraded to revision 2 — every case of
 * the three-way plan, the review list and the record of what the upgrade changed.
 */
import { Cell, Grid } from '../../../src/core/cells';
import { planSeedImport, ImportPlan } from '../../../src/core/benchmark/import-plan';
import { benchmarkModel } from '../../../src/core/benchmark/model';
import { overviewLayout } from '../../../src/core/benchmark/overview';
import {
  parseSeed,
  SeedFact,
  SeedFile,
  seedFacts,
  seedFactsFor,
  seedRef,
} from '../../../src/core/benchmark/seed';
import { mergeSeedUpdates, seedReview, seedUpdates } from '../../../src/core/benchmark/seed-review';
import { SEED_REF_COLUMN, FACT_HEADERS } from '../../../src/core/benchmark/tab-columns';
import R1 from '../../fixtures/benchmark-seed-r1.json';
import { HEADER, NOW } from './fixture';

const WITH_REF: Cell[] = [...HEADER, SEED_REF_COLUMN.header];
const at = (h: string) => FACT_HEADERS.indexOf(h);
/** A fact of revision 1 that revision 2 no longer has (the real r1 → r2 withdrew none). */
const WITHDRAWN: SeedFact = {
  ...parseSeed(R1 as SeedFile)[0],
  id: 'FR-gone1',
  country: 'FR',
  title: 'A fact revision 2 withdrew',
};
const r1: SeedFact[] = [...parseSeed(R1 as SeedFile), WITHDRAWN];
const r2 = seedFacts();

function applied(grid: Grid, plan: ImportPlan): Grid {
  const out = grid.map((r) => [...r]);
  plan.patch?.values.forEach((values, i) => {
    const r = plan.patch!.row - 1 + i;
    values.forEach((v, j) => (out[r][j] = v));
  });
  return [...out, ...plan.append];
}

const rowOf = (grid: Grid, topic: string) => grid.findIndex((r) => r[1] === topic);

/** Revision 1 imported into a fresh tab, then a team's edits. */
function editedRevision1(code: string) {
  const first = planSeedImport(code, `Benchmark ${code}`, [WITH_REF], [], { facts: r1 });
  const tab = applied([WITH_REF], first);
  return { tab, ledger: first.ledger };
}

describe('upgrading a tab from seed revision 1 to 2 keeps what people wrote', () => {
  const { tab, ledger } = editedRevision1('FR');
  // Changed upstream, nobody touched the content; the team filled its own columns.
  const laptop = rowOf(tab, 'Repair bonus amount laptop');
  tab[laptop][at('Implication / opportunity')] = 'Push laptop repairs';
  tab[laptop][at('Best practice')] = 'Bundle the bonus';
  tab[laptop][at('Status')] = 'to verify';
  tab[laptop][at('Owner')] = 'Chloé';
  const reviewedOn = new Date('2026-05-04T00:00:00Z');
  tab[laptop][at('Last reviewed')] = reviewedOn;
  // Changed upstream, and a person edited the content: kept.
  const dormant = rowOf(tab, 'Dormant phones in France');
  tab[dormant][at('Finding')] = 'Our own estimate: 100 million dormant phones';
  // Unchanged upstream, edited by a person: theirs, nothing to offer.
  tab[rowOf(tab, 'Repairability index')][at('Value')] = 42;
  // An EU fact changed upstream, edited here.
  const euRate = rowOf(tab, 'EU: EU WEEE collection rate 2022');
  tab[euRate][at('Source')] = 'our own source';
  // Deleted by a person: one unchanged, one changed upstream.
  const gone = [tab[rowOf(tab, 'Recommerce')], tab[rowOf(tab, 'AGEC law')]];
  const before = tab.filter((r) => !gone.includes(r));
  const unchangedUntouched = before[rowOf(before, 'WEEE drop-off points')];

  const plan = planSeedImport('FR', 'Benchmark FR', before, ledger, {
    facts: r2,
    upgrade: true,
  });
  const after = applied(before, plan);

  test('content nobody edited, changed upstream: updated in place; the team columns untouched', () => {
    const row = after[rowOf(after, 'Repair bonus amount laptop')];
    const fact = r2.find((f) => f.title === 'Repair bonus amount laptop')!;
    expect(row[at('Finding')]).toBe(fact.summary);
    expect(row[at('Value')]).toBe(fact.value);
    expect(row[at('Year')]).toBe(fact.year);
    expect(row[at('Source')]).toBe(fact.source);
    expect(row[12]).toBe(seedRef(fact));
    expect([
      row[at('Implication / opportunity')],
      row[at('Best practice')],
      row[at('Status')],
      row[at('Owner')],
      row[at('Last reviewed')],
    ]).toEqual(['Push laptop repairs', 'Bundle the bonus', 'to verify', 'Chloé', reviewedOn]);
    // Every FR and EU fact changed between the revisions that nobody edited or deleted.
    expect(plan.updated.map((u) => u.fact.title).sort()).toEqual(
      [
        'Approved eco-organismes for WEEE',
        'Manufacturing share of digital footprint',
        'Refurbished smartphones sold in France',
        'Repair bonus amount laptop',
        'Spare parts availability under 2023/1670',
      ].sort(),
    );
    // The block written covers only changed cells: the team's cells of updated rows are not in it.
    const changedColumns = new Set(
      plan.patch!.changed.flatMap((r) => r.flatMap((c, j) => (c ? [j] : []))),
    );
    for (const h of ['Implication / opportunity', 'Best practice', 'Status', 'Owner'])
      expect(changedColumns.has(at(h))).toBe(false);
  });

  test('content a person edited, changed upstream: kept as they left it, the new version offered once', () => {
    expect(after[rowOf(after, 'Dormant phones in France')][at('Finding')]).toBe(
      'Our own estimate: 100 million dormant phones',
    );
    expect(after[rowOf(after, 'EU: EU WEEE collection rate 2022')][at('Source')]).toBe(
      'our own source',
    );
    expect(plan.kept.map((k) => k.topic).sort()).toEqual([
      'Dormant phones in France',
      'EU: EU WEEE collection rate 2022',
    ]);
    // Edited without an upstream change: the person's, not "kept because edited".
    const mine = rowOf(after, 'Repairability index');
    expect(plan.edited.map((e) => e.row)).toContain(mine + 1);
    expect(after[mine][at('Value')]).toBe(42);
  });

  test('withdrawn upstream: flagged, never deleted; deleted by a person: never back; new facts added', () => {
    const withdrawnRow = rowOf(after, 'A fact revision 2 withdrew');
    expect(withdrawnRow).toBeGreaterThan(0);
    expect(plan.withdrawn).toEqual([
      { row: withdrawnRow + 1, topic: 'A fact revision 2 withdrew', id: 'FR-gone1' },
    ]);
    expect(rowOf(after, 'Recommerce')).toBe(-1);
    expect(rowOf(after, 'AGEC law')).toBe(-1);
    expect(plan.deleted.map((f) => f.title).sort()).toEqual(['AGEC law', 'Recommerce']);
    const r1Titles = new Set(r1.map((f) => `${f.country}|${f.title}`));
    const fresh = seedFactsFor('FR', r2).filter((f) => !r1Titles.has(`${f.country}|${f.title}`));
    expect(plan.added.map((f) => f.title).sort()).toEqual(fresh.map((f) => f.title).sort());
    expect(fresh).toHaveLength(8 + 7);
  });

  test('a seeded row nobody reviewed gets the date revision 2 checked it; a date the team typed stays', () => {
    const fact = r2.find((f) => `${f.country}|${f.title}` === `FR|${unchangedUntouched[1]}`)!;
    const row = after[rowOf(after, String(unchangedUntouched[1]))];
    expect(fact.checked).toBe('2026-11-29');
    expect(row[at('Last reviewed')]).toEqual(new Date('2026-11-29T00:00:00Z'));
    // Revision 1 knew no checked dates: before the upgrade every seeded row was due for review.
    expect(unchangedUntouched[at('Last reviewed')]).toBe('');
  });

  test('running the upgrade again changes nothing', () => {
    const again = planSeedImport('FR', 'Benchmark FR', after, plan.ledger, {
      facts: r2,
      upgrade: false,
    });
    expect([again.updated, again.added, again.patch, again.append]).toEqual([[], [], null, []]);
    expect(again.kept).toHaveLength(2);
  });

  test('the overview offers each new version once (an EU fact edited in two tabs, listed once) and lists what changed', () => {
    const de = editedRevision1('DE');
    const euDe = rowOf(de.tab, 'EU: EU WEEE collection rate 2022');
    de.tab[euDe][at('Source')] = 'our own source';
    const dePlan = planSeedImport('DE', 'Benchmark DE', de.tab, de.ledger, {
      facts: r2,
      upgrade: true,
    });
    const deAfter = applied(de.tab, dePlan);
    const model = benchmarkModel([
      { code: 'FR', tab: 'Benchmark FR', grid: after },
      { code: 'DE', tab: 'Benchmark DE', grid: deAfter },
    ]);
    const review = seedReview(model, r2);
    expect(review.offered.map((o) => [o.topic, o.places])).toEqual([
      [
        'Dormant phones in France',
        [`Benchmark FR row ${rowOf(after, 'Dormant phones in France') + 1}`],
      ],
      [
        'EU: EU WEEE collection rate 2022',
        [
          `Benchmark FR row ${rowOf(after, 'EU: EU WEEE collection rate 2022') + 1}`,
          `Benchmark DE row ${euDe + 1}`,
        ],
      ],
    ]);
    const eu = review.offered[1];
    expect(eu.changes.map((c) => c.column)).toEqual(['Finding', 'Source']);
    expect(eu.changes[1]).toMatchObject({ before: 'our own source' });
    expect(review.withdrawn.map((w) => w.topic)).toEqual(['A fact revision 2 withdrew']);

    const record = seedUpdates(2, '2026-11-29', [
      { tab: 'Benchmark FR', updated: plan.updated },
      { tab: 'Benchmark DE', updated: dePlan.updated },
    ]);
    const spare = record.facts.find(
      (f) => f.topic === 'EU: Spare parts availability under 2023/1670',
    )!;
    expect(spare.tabs).toEqual(['Benchmark FR', 'Benchmark DE']);
    expect(record.facts.filter((f) => f.id === spare.id)).toHaveLength(1);
    const laptop = record.facts.find((f) => f.topic === 'Repair bonus amount laptop')!;
    expect(laptop.changes.find((c) => c.column === 'Value')).toEqual({
      column: 'Value',
      before: '45',
      after: '50',
    });

    const layout = overviewLayout(model, NOW, 12, 'UTC', {
      revision: 2,
      facts: r2,
      updates: record,
    });
    const titles = layout.blocks.map((b) => String(b.values[0][0]));
    expect(titles).toContainEqual(expect.stringMatching(/^Seed review: 2 fact\(s\) you edited/));
    expect(titles).toContainEqual(
      expect.stringMatching(/^Seed updates: what the upgrade to seed revision 2 on 2026-11-29/),
    );
  });
});

describe('the upgrade record of a run cut short', () => {
  test("an earlier run's record of the same revision and this run's are one record; another revision's is replaced", () => {
    const change = (id: string, tab: string) => ({
      id,
      topic: id,
      tabs: [tab],
      changes: [{ column: 'Value', before: '45', after: '50' }],
    });
    const earlier = {
      revision: 2,
      on: '2026-11-26',
      facts: [change('a', 'Benchmark FR'), change('eu', 'Benchmark FR')],
    };
    const now = {
      revision: 2,
      on: '2026-11-27',
      facts: [change('eu', 'Benchmark DE'), change('b', 'Benchmark ES')],
    };
    const merged = mergeSeedUpdates(earlier, now);
    expect(merged.on).toBe('2026-11-26');
    expect(merged.facts.map((f) => [f.id, f.tabs])).toEqual([
      ['a', ['Benchmark FR']],
      ['eu', ['Benchmark FR', 'Benchmark DE']],
      ['b', ['Benchmark ES']],
    ]);
    expect(mergeSeedUpdates({ ...earlier, revision: 1 }, now)).toEqual(now);
    expect(mergeSeedUpdates(null, now)).toEqual(now);
  });
});

describe('an upgrade cut short between its column writes', () => {
  test('is finished by the next run from its record, not taken for edits; without the record it would be', () => {
    const { tab, ledger } = editedRevision1('FR');
    const whole = planSeedImport('FR', 'Benchmark FR', tab, ledger, { facts: r2, upgrade: true });
    const done = applied(tab, whole);
    // Half-way: the updated rows hold the new content in every column but their first changed
    // one, which still holds its value from before.
    const half = done.map((r) => [...r]);
    const record = seedUpdates(2, '2026-11-26', [{ tab: 'Benchmark FR', updated: whole.updated }]);
    const ref = FACT_HEADERS.length;
    whole.updated.forEach((u, k) => {
      const change = record.facts.find((f) => f.id === u.fact.id)!.changes[0];
      half[u.row - 1][at(change.column)] = tab[u.row - 1][at(change.column)];
      // The ref column is written last: most rows still hold the old ref, one the new.
      if (k) half[u.row - 1][ref] = tab[u.row - 1][ref];
    });
    const options = { facts: r2, upgrade: true };
    const unfinished = new Map(record.facts.map((f) => [f.id, f.changes]));
    const taken = planSeedImport('FR', 'Benchmark FR', half, whole.ledger, options);
    expect(taken.edited.length).toBeGreaterThan(whole.edited.length);
    const resumed = planSeedImport('FR', 'Benchmark FR', half, whole.ledger, {
      ...options,
      unfinished,
    });
    expect(resumed.edited).toEqual(whole.edited);
    expect(resumed.updated.map((u) => u.row)).toEqual(whole.updated.map((u) => u.row));
    expect(applied(half, resumed)).toEqual(done);
  });
});
