import * as fs from 'node:fs';
import * as path from 'node:path';
import { asText } from '../../../src/core/cells';
import {
  benchmarkSeedRows,
  globalFacts,
  parseSeedRef,
  seedCells,
  seedFacts,
  seedFactsFor,
  seedRef,
  seedRevision,
} from '../../../src/core/benchmark/seed';
import { FACT_HEADERS } from '../../../src/core/benchmark/tab-columns';
import SEED from '../../../src/core/seed/benchmark-seed.json';

// The project never reads ../shared at run time; this test only checks the copy when it is there.
const SHARED = path.resolve(__dirname, '../../../../shared/data/benchmark-seed.json');

describe('benchmark seed', () => {
  test('revision 2: 165 facts, each with a source, a year (or none), a verified flag and a checked date (or none); stable, unique ids', () => {
    const facts = seedFacts();
    expect(seedRevision()).toBe(2);
    expect(facts).toHaveLength(165);
    expect(new Set(facts.map((f) => f.id)).size).toBe(165);
    for (const f of facts) {
      expect(f.source.length).toBeGreaterThan(3);
      expect(typeof f.verified).toBe('boolean');
      expect(f.year === null || (Number.isInteger(f.year) && f.year > 2000)).toBe(true);
      expect(f.id).toMatch(/^[A-Z]+-[0-9a-z]+$/);
      expect(f.checked === null || /^\d{4}-\d{2}-\d{2}$/.test(f.checked)).toBe(true);
    }
    expect(facts.filter((f) => !f.verified)).toHaveLength(9);
    expect(facts.filter((f) => f.checked === null)).toHaveLength(47);
    expect(seedFacts()[0].id).toBe(facts[0].id);
  });

  (fs.existsSync(SHARED) ? test : test.skip)('is a faithful copy of the shared seed', () => {
    const shared = JSON.parse(fs.readFileSync(SHARED, 'utf8')) as Record<string, unknown>[];
    const copy = SEED.facts.map((r) => Object.fromEntries(SEED.columns.map((c, i) => [c, r[i]])));
    expect(copy).toEqual(shared);
  });

  test('EU facts go to EU members marked "EU: ", never to the UK; GLOBAL facts to no tab', () => {
    const fr = seedFactsFor('FR');
    expect(fr).toHaveLength(38 + 20);
    expect(seedFactsFor('DE')).toHaveLength(25 + 20);
    expect(seedFactsFor('ES')).toHaveLength(23 + 20);
    expect(seedFactsFor('UK')).toHaveLength(24);
    expect(seedFactsFor('US')).toHaveLength(22);
    expect(seedFactsFor('IT')).toHaveLength(20);
    expect(seedFactsFor('JP')).toHaveLength(0);
    expect(seedFactsFor('UK').some((f) => f.country === 'EU')).toBe(false);
    expect(globalFacts()).toHaveLength(13);
    for (const code of ['FR', 'DE', 'US', 'UK', 'ES'])
      expect(seedFactsFor(code).some((f) => f.country === 'GLOBAL')).toBe(false);
    const eu = fr.find((f) => f.country === 'EU')!;
    expect(seedCells(eu)[1]).toMatch(/^EU: /);
    // Grouped by dimension, own facts before the EU's.
    const dims = fr.map((f) => f.dimension);
    expect(dims.slice(0, 3)).toEqual(['law', 'law', 'law']);
    expect(fr[dims.lastIndexOf('law')].country).toBe('EU');
    expect(fr[dims.indexOf('law')].country).toBe('FR');
  });

  test('rows in spec order: source, year and status kept; unverified facts say "to verify"; Seed ref last', () => {
    const rows = benchmarkSeedRows('ES');
    expect(rows).toHaveLength(43);
    for (const r of rows) expect(r).toHaveLength(FACT_HEADERS.length + 1);
    const movilway = rows.find((r) => r[1] === 'Movilway')!;
    expect(movilway[FACT_HEADERS.indexOf('Status')]).toBe('to verify');
    expect(movilway[FACT_HEADERS.indexOf('Year')]).toBe('');
    const rate = rows.find((r) => r[1] === 'Collection rate 2020')!;
    expect(rate.slice(3, 6)).toEqual([52.3, '%', 2020]);
    expect(rate[FACT_HEADERS.indexOf('Status')]).toBe('verified');
    expect(rate[FACT_HEADERS.indexOf('Source')]).not.toBe('');
    // Last reviewed is the date the fact was checked against its sources (blank: never checked).
    expect(rate[FACT_HEADERS.indexOf('Last reviewed')]).toEqual(new Date('2026-11-29T00:00:00Z'));
    expect(
      benchmarkSeedRows('ES', 'Europe/Paris').find((r) => r[1] === 'Collection rate 2020')![10],
    ).toEqual(new Date('2026-11-28T23:00:00Z'));
    expect(movilway[FACT_HEADERS.indexOf('Last reviewed')]).toBe('');
    const ref = parseSeedRef(rate[12]);
    expect(ref?.id).toMatch(/^ES-/);
    expect(parseSeedRef('my note')).toBeNull();
  });

  test('no seeded text needs an apostrophe to stay text (it would be kept doubled in @ columns)', () => {
    for (const f of seedFacts())
      for (const c of seedCells(f)) if (typeof c === 'string') expect(asText(c)).toBe(c);
    const quoted = seedFacts().find((f) => f.summary.startsWith("'"))!;
    expect(seedCells(quoted)[2]).toMatch(/^\u2018Refurbished/);
  });

  test('the ref changes when the seeded content changes', () => {
    const f = seedFacts()[30];
    expect(seedRef({ ...f, summary: f.summary + '!' })).not.toBe(seedRef(f));
    expect(seedRef({ ...f, summary: f.summary + '!' }).split('#')[0]).toBe(
      seedRef(f).split('#')[0],
    );
  });
});
