/**
 * Import benchmark seed — an upgrade that keeps what people wrote — decided before anything is
 * written. A seeded row is recognised by its `Seed ref` (fact id + fingerprint of the seeded
 * *content*: dimension, topic, finding, value, unit, year, source; seed-content.ts). Three-way,
 * per seeded row, between what was seeded (the ref), what the row holds now, and the revision
 * being imported:
 *
 * - content nobody edited, fact unchanged upstream: nothing to do;
 * - content nobody edited, fact changed upstream: the content cells are updated in place (and
 *   the ref with them); the team's columns (implication, best practice, status, last reviewed,
 *   owner) are never overwritten — a blank Last reviewed gets the fact's checked date;
 * - content a person edited, fact changed upstream: kept as they left it; the new version is
 *   offered on the overview (seed-review.ts) — "kept because edited";
 * - content a person edited, fact unchanged upstream: theirs, nothing to offer;
 * - a fact the revision no longer has (withdrawn upstream): flagged, never deleted;
 * - facts the tab has never had are appended; facts a person deleted are never brought back: the
 *   ids a tab has received are remembered (the ledger, kept from Set up workbook onwards), unless
 *   the person asks for them (`restoreDeleted`, the menu's Restore deleted benchmark facts…);
 * - a row without a ref that matches a fact (same content, or same dimension and topic) is
 *   adopted: its ref is filled in, so rows seeded before the column existed are not duplicated.
 */
import { Cell, Grid, isBlank } from '../cells';
import { headerKey } from '../headers';
import { canonical } from './fingerprint';
import { contentHash, contentOf, CONTENT_HEADERS, hashMatches } from './seed-content';
import {
  checkedDate,
  parseSeedRef,
  SeedFact,
  seedCells,
  seedContent,
  seedFacts,
  seedFactsFor,
  seedRef,
} from './seed';
import { factCells, FACT_HEADERS, locateColumns, SEED_REF_COLUMN } from './tab-columns';

export interface ImportOptions {
  /** Every fact of the revision imported (all scopes); the shipped seed by default. */
  facts?: readonly SeedFact[];
  /** The spreadsheet's zone: a checked date is written as midnight there. */
  timeZone?: string;
  /** Add back the facts the ledger says the tab had and a person deleted. */
  restoreDeleted?: boolean;
  /**
   * The tab held an older revision (or none known): a blank Last reviewed of every row that now
   * holds the fact's content gets the date this revision checked it. Otherwise only updated rows
   * get it, so a date a person cleared on purpose is not filled again by a re-import.
   */
  upgrade?: boolean;
  /**
   * What an upgrade to this revision that stopped half-way had begun (its record, written before
   * the tabs): fact id → the columns it changes and their values before. A row holding, column by
   * column, either that value before or the new one is that upgrade's unfinished work, not a
   * person's edit, and is finished.
   */
  unfinished?: ReadonlyMap<string, readonly { column: string; before: Cell }[]>;
}

export interface UpdatedRow {
  row: number;
  fact: SeedFact;
  /** The content cells the row held (CONTENT_HEADERS order). */
  before: Cell[];
}

export interface ImportPlan {
  code: string;
  tab: string;
  /** Why nothing can be imported into this tab (a product column is missing); null when fine. */
  skipped: string | null;
  /** The tab has no header at all: the adapter lays it out (header, formats) first. */
  layOut: boolean;
  /** 1-based column of `Seed ref` once the plan is applied. */
  refColumn: number;
  /** `Seed ref` is missing from row 1 and is added at refColumn. */
  addRefHeader: boolean;
  /**
   * Cells rewritten in place, as one block: rows from `row`, columns 1..refColumn, holding the
   * grid's own values except where `changed` is true (the adapter puts formulas back there).
   */
  patch: { row: number; values: Grid; changed: boolean[][] } | null;
  /** Rows to append at `appendAt`, laid out under the tab's own header positions. */
  append: Grid;
  appendAt: number;
  /** New facts appended (restored ones not included). */
  added: SeedFact[];
  /** Deleted facts appended again (restoreDeleted only). */
  restored: SeedFact[];
  adopted: { row: number; id: string }[];
  /** Rows nobody edited whose fact changed upstream: updated in place. */
  updated: UpdatedRow[];
  /** Rows a person edited whose fact changed upstream: kept, the new version offered. */
  kept: { row: number; topic: string; fact: SeedFact }[];
  /** Every seeded row whose content a person edited (kept as it is), `kept` included. */
  edited: { row: number; topic: string }[];
  /** Rows whose fact the revision no longer has: flagged, never deleted. */
  withdrawn: { row: number; topic: string; id: string }[];
  /** Blank Last reviewed cells of seeded rows filled with the fact's checked date. */
  reviewedFilled: number;
  /** Facts the tab received before and a person deleted (not added back unless restoreDeleted). */
  deleted: SeedFact[];
  /** Every fact id this tab has now received: remembered for the next run. */
  ledger: string[];
}

const identity = (dimension: Cell, topic: Cell) => `${headerKey(dimension)}|${headerKey(topic)}`;

function lastFilled(row: readonly Cell[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i + 1;
  return 0;
}

/** Every content cell is the new value, or the value an unfinished upgrade recorded as before. */
function halfUpdated(
  content: readonly Cell[],
  latest: readonly Cell[],
  changes: readonly { column: string; before: Cell }[] | undefined,
): boolean {
  if (!changes) return false;
  return CONTENT_HEADERS.every((column, j) => {
    if (canonical(content[j]) === canonical(latest[j])) return true;
    const change = changes.find((c) => c.column === column);
    return !!change && canonical(content[j]) === canonical(change.before);
  });
}

/** @param grid the tab's whole used area, header row included. @param ledger ids imported into it before. */
export function planSeedImport(
  code: string,
  tab: string,
  grid: Grid,
  ledger: readonly string[],
  options: ImportOptions = {},
): ImportPlan {
  const all = options.facts ?? seedFacts();
  const timeZone = options.timeZone ?? 'UTC';
  const facts = seedFactsFor(code, all);
  const header = grid[0] ?? [];
  const layOut = lastFilled(header) === 0 && grid.every((r) => r.every(isBlank));
  const columns = locateColumns(tab, layOut ? [...FACT_HEADERS, SEED_REF_COLUMN.header] : header);
  const plan: ImportPlan = {
    code,
    tab,
    skipped: null,
    layOut,
    // A new Seed ref column goes right of every cell in use, so it never lands on a person's data.
    refColumn: columns.seedRef ?? Math.max(0, ...grid.map(lastFilled)) + 1,
    addRefHeader: !layOut && columns.seedRef === null,
    patch: null,
    append: [],
    appendAt: layOut ? 2 : Math.max(grid.length, 1) + 1,
    added: [],
    restored: [],
    adopted: [],
    updated: [],
    kept: [],
    edited: [],
    withdrawn: [],
    reviewedFilled: 0,
    deleted: [],
    ledger: [...ledger],
  };
  if (columns.missing.length) {
    plan.skipped = `${columns.messages.join(' ')} Nothing was imported into ${tab}; rename the column back (or run Set up workbook to add it).`;
    plan.addRefHeader = false;
    return plan;
  }
  const col = (h: string) => columns.at.get(h)! - 1;
  const contentColumns = CONTENT_HEADERS.map(col);
  const reviewedColumn = col('Last reviewed');

  // Cells to write: row (1-based) → column (0-based) → value.
  const writes = new Map<number, Map<number, Cell>>();
  const write = (row: number, column: number, value: Cell) => {
    if (!writes.has(row)) writes.set(row, new Map());
    writes.get(row)!.set(column, value);
  };
  /** A row whose content is now the fact's: its ref, and a blank Last reviewed gets the checked date. */
  const current = (i: number, fact: SeedFact, ref: string) => {
    if (ref !== seedRef(fact)) write(i + 1, plan.refColumn - 1, seedRef(fact));
    const checked = checkedDate(fact, timeZone);
    if ((options.upgrade || !ref) && checked !== '' && isBlank(grid[i][reviewedColumn])) {
      write(i + 1, reviewedColumn, checked);
      plan.reviewedFilled++;
    }
  };

  const allIds = new Set(all.map((f) => f.id));
  const byId = new Map(facts.map((f) => [f.id, f]));
  const present = new Set<string>();
  const unclaimed: number[] = [];
  for (let i = 1; i < grid.length; i++) {
    const cells = factCells(grid[i], columns);
    const refCell = columns.seedRef ? grid[i][columns.seedRef - 1] : '';
    const ref = parseSeedRef(refCell);
    const topic = String(cells[1] ?? '');
    if (!ref) {
      if (!cells.every(isBlank) && isBlank(refCell)) unclaimed.push(i);
      continue;
    }
    const fact = byId.get(ref.id);
    if (!fact) {
      if (!allIds.has(ref.id)) plan.withdrawn.push({ row: i + 1, topic, id: ref.id });
      continue;
    }
    present.add(fact.id);
    const content = contentOf(cells);
    const latest = seedContent(fact);
    const sameAsLatest = contentHash(content) === contentHash(latest);
    // Whichever of its columns (the ref among them) the unfinished upgrade had written.
    const resumed = !sameAsLatest && halfUpdated(content, latest, options.unfinished?.get(fact.id));
    const nobodyEdited = hashMatches(ref.hash, content) || resumed;
    const changedUpstream = resumed || !hashMatches(ref.hash, latest);
    if (sameAsLatest) current(i, fact, String(refCell).trim());
    else if (nobodyEdited && changedUpstream) {
      // A restore only restores: the update waits for Import benchmark seed.
      if (options.restoreDeleted) continue;
      plan.updated.push({ row: i + 1, fact, before: content });
      latest.forEach((v, j) => write(i + 1, contentColumns[j], v));
      current(i, fact, '');
    } else {
      plan.edited.push({ row: i + 1, topic });
      if (changedUpstream) plan.kept.push({ row: i + 1, topic, fact });
    }
  }

  // Rows a person (or Set up workbook) has but that carry no ref: same content first, then same
  // dimension and topic (an edited copy), each fact adopted at most once.
  const open = facts.filter((f) => !present.has(f.id));
  const byPrint = new Map(open.map((f) => [contentHash(seedContent(f)), f]));
  const byIdentity = new Map(open.map((f) => [identity(seedContent(f)[0], seedContent(f)[1]), f]));
  for (const i of unclaimed) {
    const cells = factCells(grid[i], columns);
    const print = contentHash(contentOf(cells));
    const fact = byPrint.get(print) ?? byIdentity.get(identity(cells[0], cells[1]));
    if (!fact || present.has(fact.id)) continue;
    present.add(fact.id);
    write(i + 1, plan.refColumn - 1, seedRef(fact));
    plan.adopted.push({ row: i + 1, id: fact.id });
    if (print !== contentHash(seedContent(fact)))
      plan.edited.push({ row: i + 1, topic: String(cells[1] ?? '') });
  }
  plan.edited.sort((a, b) => a.row - b.row);
  plan.patch = patchOf(grid, writes, plan.refColumn);

  const remembered = new Set(ledger);
  plan.deleted = facts.filter((f) => remembered.has(f.id) && !present.has(f.id));
  // A restore adds back only what was deleted; new facts wait for Import benchmark seed.
  plan.added = options.restoreDeleted
    ? []
    : facts.filter((f) => !present.has(f.id) && !remembered.has(f.id));
  if (options.restoreDeleted) plan.restored = plan.deleted;
  const width = Math.max(plan.refColumn, ...columns.at.values());
  // In the seed's order, restored facts among the new ones.
  const appended = new Set([...plan.added, ...plan.restored]);
  plan.append = facts
    .filter((f) => appended.has(f))
    .map((f) => {
      const row: Cell[] = new Array(width).fill('');
      seedCells(f, timeZone).forEach((v, j) => (row[columns.at.get(FACT_HEADERS[j])! - 1] = v));
      row[plan.refColumn - 1] = seedRef(f);
      return row;
    });
  plan.ledger = [
    ...new Set([
      ...ledger,
      ...present,
      ...plan.added.map((f) => f.id),
      ...plan.restored.map((f) => f.id),
    ]),
  ];
  return plan;
}

/** The rows the plan rewrites as one block (columns 1..width), or null when it rewrites none. */
function patchOf(
  grid: Grid,
  writes: Map<number, Map<number, Cell>>,
  width: number,
): ImportPlan['patch'] {
  if (!writes.size) return null;
  const rows = [...writes.keys()];
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const values: Grid = [];
  const changed: boolean[][] = [];
  for (let r = first; r <= last; r++) {
    const mine = writes.get(r);
    const source = grid[r - 1] ?? [];
    values.push(
      Array.from({ length: width }, (_, c) => (mine?.has(c) ? mine.get(c)! : (source[c] ?? ''))),
    );
    changed.push(Array.from({ length: width }, (_, c) => mine?.has(c) ?? false));
  }
  return { row: first, values, changed };
}
