/**
 * What the overview tells the team about the seed, so that an upgrade is news they can read:
 *
 * - review: seeded rows a person edited whose fact has a newer version in the shipped seed (the
 *   upgrade kept their row; the new version is offered here, an EU fact copied into several tabs
 *   listed once), and seeded rows whose fact the seed withdrew (flagged, never deleted);
 * - updates: what the last upgrade changed in place, old and new values (remembered by Import
 *   benchmark seed in a hidden tab, since the old values are gone from the country tabs).
 */
import { Cell, Grid, isBlank } from '../cells';
import { canonical } from './fingerprint';
import { BenchmarkModel } from './model';
import { UpdatedRow } from './import-plan';
import { SeedFact, seedContent } from './seed';
import { contentHash, CONTENT_HEADERS, hashMatches } from './seed-content';

export interface ColumnChange {
  column: string;
  before: Cell;
  after: Cell;
}

export interface OfferedVersion {
  id: string;
  topic: string;
  /** Where the edited rows are ("Benchmark FR row 12"). */
  places: string[];
  /** The columns where the person's row (the first place) differs from the new version. */
  changes: ColumnChange[];
}

export interface WithdrawnRow {
  tab: string;
  row: number;
  topic: string;
}

export interface SeedReview {
  offered: OfferedVersion[];
  withdrawn: WithdrawnRow[];
}

/** The columns where two content rows differ (CONTENT_HEADERS order). */
export function contentChanges(before: readonly Cell[], after: readonly Cell[]): ColumnChange[] {
  return CONTENT_HEADERS.flatMap((column, j) =>
    canonical(before[j]) === canonical(after[j])
      ? []
      : [{ column, before: before[j] ?? '', after: after[j] ?? '' }],
  );
}

export function seedReview(model: BenchmarkModel, facts: readonly SeedFact[]): SeedReview {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const offered = new Map<string, OfferedVersion>();
  const withdrawn: WithdrawnRow[] = [];
  for (const c of model.countries) {
    for (const f of c.findings) {
      if (!f.seed) continue;
      const fact = byId.get(f.seed.id);
      if (!fact) {
        withdrawn.push({ tab: c.tab, row: f.row, topic: f.topic });
        continue;
      }
      const latest = seedContent(fact);
      const edited = !hashMatches(f.seed.hash, f.content);
      const changedUpstream = !hashMatches(f.seed.hash, latest);
      if (!edited || !changedUpstream || contentHash(f.content) === contentHash(latest)) continue;
      const entry = offered.get(fact.id) ?? {
        id: fact.id,
        topic: String(latest[1]),
        places: [],
        changes: contentChanges(f.content, latest),
      };
      entry.places.push(`${c.tab} row ${f.row}`);
      offered.set(fact.id, entry);
    }
  }
  return { offered: [...offered.values()], withdrawn };
}

/** What the last upgrade changed, remembered between runs (the `Seed memory` tab). */
export interface SeedUpdates {
  revision: number;
  /** yyyy-mm-dd, the spreadsheet's day. */
  on: string;
  facts: { id: string; topic: string; tabs: string[]; changes: ColumnChange[] }[];
}

/** The record of an upgrade from each tab's updated rows; an EU fact updated in several tabs once. */
export function seedUpdates(
  revision: number,
  on: string,
  tabs: { tab: string; updated: UpdatedRow[] }[],
): SeedUpdates {
  const byId = new Map<string, SeedUpdates['facts'][number]>();
  for (const t of tabs) {
    for (const u of t.updated) {
      const entry = byId.get(u.fact.id) ?? {
        id: u.fact.id,
        topic: String(seedContent(u.fact)[1]),
        tabs: [],
        changes: contentChanges(u.before, seedContent(u.fact)).map((c) => ({
          ...c,
          // Dates and numbers as text: the record is JSON.
          before: canonical(c.before),
          after: canonical(c.after),
        })),
      };
      if (!entry.tabs.includes(t.tab)) entry.tabs.push(t.tab);
      byId.set(u.fact.id, entry);
    }
  }
  return { revision, on, facts: [...byId.values()] };
}

/** A record read back from the memory tab, or null when it is not one. */
/**
 * The record an upgrade writes when an earlier run of the same upgrade (same revision) stopped
 * half-way: that run's record was written before its tabs, so it holds the rows it had already
 * updated, which this run now finds up to date. The two together are the upgrade's whole record.
 */
export function mergeSeedUpdates(earlier: SeedUpdates | null, now: SeedUpdates): SeedUpdates {
  if (!earlier || earlier.revision !== now.revision) return now;
  const byId = new Map(earlier.facts.map((f) => [f.id, { ...f, tabs: [...f.tabs] }]));
  for (const f of now.facts) {
    const known = byId.get(f.id);
    if (!known) byId.set(f.id, f);
    else for (const t of f.tabs) if (!known.tabs.includes(t)) known.tabs.push(t);
  }
  return { revision: now.revision, on: earlier.on, facts: [...byId.values()] };
}

export function asSeedUpdates(v: unknown): SeedUpdates | null {
  if (!v || typeof v !== 'object') return null;
  const r = v as Partial<SeedUpdates>;
  return typeof r.revision === 'number' && typeof r.on === 'string' && Array.isArray(r.facts)
    ? (r as SeedUpdates)
    : null;
}

/** One row per changed column: what, where, column, before, after (the first two once per fact). */
function changeRows(items: { topic: string; where: string[]; changes: ColumnChange[] }[]): Grid {
  const shown = (v: Cell) => (isBlank(v) ? '(blank)' : v);
  return items.flatMap((f) =>
    f.changes.map((c, i) => [
      i ? '' : f.topic,
      i ? '' : f.where.join(', '),
      c.column,
      shown(c.before),
      shown(c.after),
    ]),
  );
}

/** The last upgrade's changes: fact, tabs, column, old value, new value. */
export const seedUpdateRows = (updates: SeedUpdates): Grid =>
  changeRows(updates.facts.map((f) => ({ ...f, where: f.tabs })));

/** The offered versions: fact, where, column, your version, new version. */
export const offeredRows = (review: SeedReview): Grid =>
  changeRows(review.offered.map((o) => ({ ...o, where: o.places })));
