/**
 * Import benchmark seed, decided before anything is written. A seeded row is recognised by its
 * `Seed ref` (fact id + fingerprint of the cells as seeded); a person's edit is a row whose
 * twelve product cells no longer match that fingerprint. The plan only ever appends rows and
 * fills blank `Seed ref` cells: it never rewrites a product cell.
 *
 * - seed facts the tab has never had are appended;
 * - seeded rows a person edited are left alone and reported (tab, row);
 * - seed facts a person deleted are not added back: the ids already imported into a tab are
 *   remembered (the "ledger", kept by the adapter in document properties);
 * - a row without a ref that matches a seed fact (same cells, or same dimension and topic) is
 *   adopted: its ref is filled in, so rows seeded by Set up workbook are not duplicated.
 */
import { Cell, Grid, isBlank } from '../cells';
import { headerKey } from '../headers';
import { fingerprint } from './fingerprint';
import { parseSeedRef, SeedFact, seedCells, seedFactsFor, seedRef } from './seed';
import { factCells, FACT_HEADERS, locateColumns, SEED_REF_COLUMN } from './tab-columns';

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
  /** Blank `Seed ref` cells to fill for adopted rows: one block from `row`, existing values kept. */
  refFill: { row: number; values: Grid } | null;
  /** Rows to append at `appendAt`, laid out under the tab's own header positions. */
  append: Grid;
  appendAt: number;
  added: SeedFact[];
  adopted: { row: number; id: string }[];
  edited: { row: number; topic: string }[];
  /** Rows unchanged since seeding whose fact the shipped seed now words differently (left as they are). */
  outdated: { row: number; topic: string }[];
  /** Facts imported before and since deleted by a person (not added back). */
  deleted: number;
  /** Every fact id this tab has now received: remembered for the next run. */
  ledger: string[];
}

const identity = (dimension: Cell, topic: Cell) => `${headerKey(dimension)}|${headerKey(topic)}`;

function lastFilled(row: readonly Cell[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i + 1;
  return 0;
}

/** @param grid the tab's whole used area, header row included. @param ledger ids imported into it before. */
export function planSeedImport(
  code: string,
  tab: string,
  grid: Grid,
  ledger: readonly string[],
): ImportPlan {
  const facts = seedFactsFor(code);
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
    refFill: null,
    append: [],
    appendAt: layOut ? 2 : Math.max(grid.length, 1) + 1,
    added: [],
    adopted: [],
    edited: [],
    outdated: [],
    deleted: 0,
    ledger: [...ledger],
  };
  if (columns.missing.length) {
    plan.skipped = `${columns.messages.join(' ')} Nothing was imported into ${tab}; rename the column back (or run Set up workbook to add it).`;
    plan.addRefHeader = false;
    return plan;
  }

  const byId = new Map(facts.map((f) => [f.id, f]));
  const present = new Set<string>();
  const unclaimed: number[] = [];
  for (let i = 1; i < grid.length; i++) {
    const cells = factCells(grid[i], columns);
    const ref = columns.seedRef ? parseSeedRef(grid[i][columns.seedRef - 1]) : null;
    const fact = ref ? byId.get(ref.id) : undefined;
    if (!ref || !fact) {
      if (!cells.every(isBlank) && (!columns.seedRef || isBlank(grid[i][columns.seedRef - 1])))
        unclaimed.push(i);
      continue;
    }
    present.add(fact.id);
    if (fingerprint(cells) !== ref.hash)
      plan.edited.push({ row: i + 1, topic: String(cells[1] ?? '') });
    else if (seedRef(fact) !== `${ref.id}#${ref.hash}`)
      plan.outdated.push({ row: i + 1, topic: String(cells[1] ?? '') });
  }

  // Rows a person (or Set up workbook) has but that carry no ref: same cells first, then same
  // dimension and topic (an edited copy), each fact adopted at most once.
  const open = facts.filter((f) => !present.has(f.id));
  const byPrint = new Map(open.map((f) => [fingerprint(seedCells(f)), f]));
  const byIdentity = new Map(open.map((f) => [identity(seedCells(f)[0], seedCells(f)[1]), f]));
  const fills = new Map<number, string>();
  for (const i of unclaimed) {
    const cells = factCells(grid[i], columns);
    const print = fingerprint(cells);
    const fact = byPrint.get(print) ?? byIdentity.get(identity(cells[0], cells[1]));
    if (!fact || present.has(fact.id)) continue;
    present.add(fact.id);
    fills.set(i + 1, seedRef(fact));
    plan.adopted.push({ row: i + 1, id: fact.id });
    if (print !== fingerprint(seedCells(fact)))
      plan.edited.push({ row: i + 1, topic: String(cells[1] ?? '') });
  }
  if (fills.size) {
    const rows = [...fills.keys()];
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    const values: Grid = [];
    for (let r = first; r <= last; r++) {
      const existing = columns.seedRef ? (grid[r - 1][columns.seedRef - 1] ?? '') : '';
      values.push([fills.get(r) ?? existing]);
    }
    plan.refFill = { row: first, values };
  }
  plan.edited.sort((a, b) => a.row - b.row);

  const remembered = new Set(ledger);
  plan.deleted = facts.filter((f) => remembered.has(f.id) && !present.has(f.id)).length;
  plan.added = facts.filter((f) => !present.has(f.id) && !remembered.has(f.id));
  const width = Math.max(plan.refColumn, ...columns.at.values());
  plan.append = plan.added.map((f) => {
    const row: Cell[] = new Array(width).fill('');
    seedCells(f).forEach((v, j) => (row[columns.at.get(FACT_HEADERS[j])! - 1] = v));
    row[plan.refColumn - 1] = seedRef(f);
    return row;
  });
  plan.ledger = [...new Set([...ledger, ...present, ...plan.added.map((f) => f.id)])];
  return plan;
}
