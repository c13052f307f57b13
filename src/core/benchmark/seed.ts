/**
 * The benchmark seed shipped with the add-on (a compact copy of ../shared/data/benchmark-seed.json,
 * bundled by esbuild) and how a fact becomes a row of a `Benchmark XX` tab.
 *
 * Scope rules (documented in the README):
 * - a country's own facts go to its tab;
 * - EU facts go to every EU member's tab (FR, DE, ES, and any member added later), with the
 *   Topic prefixed "EU: " so they read, sort and filter as EU-level; not to the UK (out of the EU);
 * - GLOBAL facts are context for every country, so they go to no tab: the overview lists them
 *   once, under "Global context", and they count in no country's findings or coverage.
 */
import { Cell, Grid } from '../cells';
import { BENCHMARK_DIMENSIONS } from '../schema/lists';
import SEED from '../seed/benchmark-seed.json';
import { isEuMember } from './countries';
import { fnv1a } from './fingerprint';
import { zonedTimeToEpoch } from '../kpi/months';
import { contentHash, contentOf, TO_VERIFY, VERIFIED } from './seed-content';

export { TO_VERIFY, VERIFIED };

export interface SeedFact {
  /** Stable id: the scope and a hash of scope + title ("FR-1x2y3z"). */
  id: string;
  /** FR, DE, UK, ES, US, EU or GLOBAL. */
  country: string;
  dimension: string;
  title: string;
  summary: string;
  value: number | null;
  unit: string | null;
  year: number | null;
  source: string;
  verified: boolean;
  /** The date (yyyy-mm-dd) the fact was last checked against its sources; null: never checked. */
  checked: string | null;
}

/** A seed file's shape: the keys once, one array per fact (build/copy-seed.ts). */
export interface SeedFile {
  revision?: number;
  columns: string[];
  facts: unknown[][];
}

/** One revision of the seed: its id and its facts in the seed's order. */
export interface SeedRevision {
  revision: number;
  facts: SeedFact[];
}

export const EU_SCOPE = 'EU';
export const GLOBAL_SCOPE = 'GLOBAL';
/** Marks an EU-level fact in a member's tab (its Topic starts with it). */
export const EU_PREFIX = 'EU: ';

/** A fact's stable id: its scope and a hash of scope + title (the same in every revision). */
export const factId = (country: string, title: string) =>
  `${country}-${fnv1a(`${country}|${title}`)}`;

/** The facts of a seed file (a revision without a `checked` column has none checked). */
export function parseSeed(file: SeedFile): SeedFact[] {
  const col = (name: string) => file.columns.indexOf(name);
  const [c, d, t, s, v, u, y, src, ver, chk] = [
    'country',
    'dimension',
    'title',
    'summary',
    'value',
    'unit',
    'year',
    'source',
    'verified',
    'checked',
  ].map(col);
  return file.facts.map((r) => {
    const country = String(r[c]);
    const title = String(r[t]);
    return {
      id: factId(country, title),
      country,
      dimension: String(r[d]),
      title,
      summary: String(r[s] ?? ''),
      value: typeof r[v] === 'number' ? (r[v] as number) : null,
      unit: r[u] === null || r[u] === undefined ? null : String(r[u]),
      year: typeof r[y] === 'number' ? (r[y] as number) : null,
      source: String(r[src] ?? ''),
      verified: r[ver] === true,
      checked: chk >= 0 && typeof r[chk] === 'string' ? (r[chk] as string) : null,
    };
  });
}

let facts: SeedFact[] | null = null;

/** Every fact of the shipped seed, in the seed's order (parsed once, on first use: nothing runs at load time). */
export function seedFacts(): SeedFact[] {
  return (facts ??= parseSeed(SEED as SeedFile));
}

/** Which revision of the shared seed the add-on ships (recorded in Log by the seed's actions). */
export function seedRevision(): number {
  return Number(SEED.revision);
}

/** The shipped revision: what Import benchmark seed upgrades a workbook to. */
export function shippedSeed(): SeedRevision {
  return { revision: seedRevision(), facts: seedFacts() };
}

/** GLOBAL facts: shown once on the overview, in no country tab. */
export function globalFacts(): SeedFact[] {
  return seedFacts().filter((f) => f.country === GLOBAL_SCOPE);
}

/**
 * The facts a country's tab holds: its own, plus the EU's when it is a member; ordered by
 * dimension (product order), own facts before EU ones, seed order otherwise.
 */
export function seedFactsFor(code: string, all: readonly SeedFact[] = seedFacts()): SeedFact[] {
  const mine = all.filter(
    (f) => f.country === code || (f.country === EU_SCOPE && isEuMember(code)),
  );
  const rank = (f: SeedFact) => {
    const dim = BENCHMARK_DIMENSIONS.indexOf(f.dimension);
    return (dim < 0 ? BENCHMARK_DIMENSIONS.length : dim) * 2 + (f.country === EU_SCOPE ? 1 : 0);
  };
  return mine
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map((x) => x.f);
}

/**
 * A leading apostrophe used as a quotation mark becomes a typographic one: written as is, it
 * would be taken for Sheets' text marker, and in a plain-text (@) column kept doubled.
 */
const quoted = (s: string) => s.replace(/^'/, '\u2018');

/**
 * A fact as the twelve cells of product.md's columns. Last reviewed is the date the fact was
 * checked against its sources (blank when it never was: then it is due for review), as a date at
 * midnight in the spreadsheet's zone; Implication, Best practice and Owner are left for the team.
 */
export function seedCells(fact: SeedFact, timeZone = 'UTC'): Cell[] {
  return [
    fact.dimension,
    (fact.country === EU_SCOPE ? EU_PREFIX : '') + quoted(fact.title),
    quoted(fact.summary),
    fact.value ?? '',
    quoted(fact.unit ?? ''),
    fact.year ?? '',
    '',
    '',
    fact.verified ? VERIFIED : TO_VERIFY,
    quoted(fact.source),
    checkedDate(fact, timeZone),
    '',
  ];
}

/** The seed's content cells of a fact (dimension, topic, finding, value, unit, year, source). */
export function seedContent(fact: SeedFact): Cell[] {
  return contentOf(seedCells(fact));
}

/** The fact's `checked` day as a date at midnight in `timeZone`, or '' when never checked. */
export function checkedDate(fact: SeedFact, timeZone: string): Cell {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(fact.checked ?? '');
  return m ? new Date(zonedTimeToEpoch(+m[1], +m[2] - 1, +m[3], 0, 0, 0, timeZone)) : '';
}

/**
 * The `Seed ref` of a seeded row: fact id and fingerprint of the seeded *content* — dimension,
 * topic, finding, value, unit, year, source; never the team's columns ("FR-1x2y3z#9k8j7h").
 */
export function seedRef(fact: SeedFact): string {
  return `${fact.id}#${contentHash(seedContent(fact))}`;
}

/** "FR-1x2y3z#9k8j7h" → its parts; null for anything else (a person's text, a blank). */
export function parseSeedRef(v: Cell): { id: string; hash: string } | null {
  const m = /^\s*([A-Z]+-[0-9a-z]+)#([0-9a-z]+)\s*$/.exec(String(v ?? ''));
  return m ? { id: m[1], hash: m[2] } : null;
}

/**
 * Seed rows for a new or empty `Benchmark XX` tab, in spec column order (product.md's twelve)
 * followed by the `Seed ref` cell: what Set up workbook and Add country write.
 */
export function benchmarkSeedRows(
  code: string,
  timeZone = 'UTC',
  all: readonly SeedFact[] = seedFacts(),
): Grid {
  return seedFactsFor(code, all).map((f) => [...seedCells(f, timeZone), seedRef(f)]);
}
