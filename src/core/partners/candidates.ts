/**
 * Propose partner candidates…: the organisations the benchmark names (seed/partner-candidates.json,
 * a copy of shared/data/partner-candidates.json) become `prospect` rows of `Partners` for the
 * countries, partner types and categories a person chooses — one row per candidate and category,
 * evidence = the fact and its source, no scores.
 *
 * A candidate is matched by the one partner-identity rule (identity.ts): its normalised name
 * within its country. A (partner, category) already in Partners is not added again; a name that
 * only nearly matches one there (nearMatch) is listed, not added, since only a person can tell
 * whether `WeFix` is `WeFix (Fnac Darty)`. What was proposed is kept in a ledger (provenance.ts:
 * keyed by what the row is about, written before the rows), so a prospect a person deleted is
 * never proposed again, and running twice adds nothing.
 */
import { Cell, Grid, UserError, isBlank } from '../cells';
import { describeMissing, editDistance, headerIndex, headerKey } from '../headers';
import { ProvenanceLedger, recordWrite } from '../provenance';
import { readCountry } from '../read/country';
import { readKnown } from '../read/segment';
import { textKey } from '../read/text-key';
import { CATEGORIES, PARTNER_TYPES } from '../schema/lists';
import CANDIDATES from '../seed/partner-candidates.json';
import { countryKey, nameKey } from './identity';

export interface Candidate {
  name: string;
  country: string;
  partnerType: string;
  categories: string[];
  role: string;
  fact: string;
  source: string;
  verified: boolean;
}

export const partnerCandidates = (): Candidate[] => CANDIDATES as Candidate[];

/** What a person chose; an empty list means all. */
export interface Choice {
  countries: string[];
  types: string[];
  categories: string[];
}

/** Words people use for a partner type that are not its name. */
const TYPE_WORDS: Record<string, string> = {
  recycler: 'recycling',
  refurbisher: 'refurbishment',
  refurbishing: 'refurbishment',
  collection: 'collection & logistics',
  logistics: 'collection & logistics',
  'take-back': 'collection & logistics',
  erasure: 'data erasure',
  'data wiping': 'data erasure',
  charity: 'donation',
};

/**
 * Reads "FR, DE; recycler; smartphone": items separated by commas or semicolons, in any order,
 * each a country (code or name), a partner type or a category. Blank = everything. An item that
 * is none of them stops the action before anything is written.
 */
export function readChoice(typed: string): Choice {
  const choice: Choice = { countries: [], types: [], categories: [] };
  const add = (list: string[], v: string) => list.includes(v) || list.push(v);
  const unknown: string[] = [];
  for (const item of typed.split(/[,;]/).map((s) => s.trim())) {
    if (!item) continue;
    const type = readKnown(item, PARTNER_TYPES) ?? TYPE_WORDS[textKey(item).replace(/s$/, '')];
    const category = readKnown(item, CATEGORIES);
    const country = readCountry(item);
    if (type) add(choice.types, type);
    else if (category) add(choice.categories, category);
    else if (country) add(choice.countries, country);
    else unknown.push(item);
  }
  if (unknown.length)
    throw new UserError(
      `Propose partner candidates: ${unknown.map((u) => `'${u}'`).join(', ')} is neither a country (FR, DE, UK…), a partner type (${PARTNER_TYPES.join(', ')}) nor a category (${CATEGORIES.join(', ')}). Nothing was changed.`,
    );
  return choice;
}

/** "countries FR, DE; partner types: all; categories smartphone" */
export function describeChoice(c: Choice): string {
  const part = (what: string, list: string[]) => `${what} ${list.length ? list.join(', ') : 'all'}`;
  return [
    part('countries', c.countries),
    part('partner types', c.types),
    part('categories', c.categories),
  ].join('; ');
}

const words = (name: Cell): string[] =>
  nameKey(name)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * Two names of different identity that may well be one organisation: they differ only by
 * punctuation or spacing (`Re-commerce` / `Recommerce`); the words of one are a run of the
 * other's (`WeFix` / `WeFix (Fnac Darty)`, `Gazelle` / `ecoATM / Gazelle`); or, both at least 5
 * letters long, one letter apart (`Ecologik` / `Ecologic`). Two letters apart is too loose:
 * `Fundación Ecolec` and `Fundación Ecotic` are two eco-organismes.
 */
export function isNearMatch(a: Cell, b: Cell): boolean {
  if (nameKey(a) === nameKey(b)) return false;
  const [wa, wb] = [words(a), words(b)];
  const [ca, cb] = [wa.join(''), wb.join('')];
  if (!ca || !cb) return false;
  if (ca === cb) return true;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  for (let i = 0; i + short.length <= long.length; i++)
    if (short.every((w, j) => long[i + j] === w)) return true;
  return Math.min(ca.length, cb.length) >= 5 && editDistance(ca, cb) <= 1;
}

/**
 * The ledger: every (country, name, category) proposed, as provenance.ts keeps it, and the last
 * batch written, so that a run stopped between the ledger and the rows is told apart from rows a
 * person deleted (see resolveBatch).
 */
export interface CandidateLedger {
  proposed: ProvenanceLedger;
  batch: { id: string; keys: string[] } | null;
}

/**
 * A batch's id is a hash of its keys, not a counter: a run that repeats a batch that never landed
 * writes the very ledger a clean run writes. Two batches never share keys once one has landed.
 */
function batchId(keys: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const ch of keys.join('\n')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export const EMPTY_LEDGER: CandidateLedger = { proposed: {}, batch: null };

export function readLedger(stored: unknown): CandidateLedger {
  if (!stored || typeof stored !== 'object') return { proposed: {}, batch: null };
  const s = stored as Partial<CandidateLedger>;
  return { proposed: { ...(s.proposed ?? {}) }, batch: s.batch ?? null };
}

const rowKey = (country: Cell, name: Cell, category: string) =>
  `${countryKey(country)}|${nameKey(name)}|${category}`;

export const PROPOSAL_COLUMNS = [
  'Partner',
  'Country',
  'Category',
  'Partner type',
  'Status',
  'Evidence',
];

export interface Proposal {
  /** Rows to append below the table, as wide as its header. */
  rows: Grid;
  /** The ledger to write before the rows (unchanged when there are none). */
  ledger: CandidateLedger;
  /** Organisations with at least one row added. */
  organisations: number;
  /** (candidate, category) pairs already in Partners, by the add-on or typed by a person. */
  already: number;
  /** Pairs proposed before that are no longer there: a person deleted them. */
  declined: number;
  /** One line per candidate not added because a partner of a near name is there. */
  nearMatches: string[];
  /**
   * The id to record as landed when the last batch is in Partners but was never recorded so (the
   * run stopped between the rows and the mark); null when there is nothing to repair.
   */
  markLanded: string | null;
}

/** The evidence of a candidate's rows: what it does, the benchmark fact that names it, its source. */
export const evidence = (c: Candidate): string =>
  `${c.role}. Named in the benchmark (${c.fact}); source: ${c.source}.`;

/**
 * The batch of the last run counts as written when the run said so (`landedId`, recorded after
 * the rows) or when any of its rows is in Partners (the run stopped after the one write that adds
 * them all); otherwise it never reached Partners and its entries are forgotten, so the next run
 * proposes them again instead of taking them for deleted.
 */
function resolveBatch(
  ledger: CandidateLedger,
  landedId: string | null,
  present: Set<string>,
): ProvenanceLedger {
  const proposed = { ...ledger.proposed };
  const b = ledger.batch;
  if (b && String(b.id) !== landedId && !b.keys.some((k) => present.has(k)))
    for (const k of b.keys) delete proposed[k];
  return proposed;
}

export function planProposal(
  candidates: readonly Candidate[],
  choice: Choice,
  partners: Grid,
  stored: CandidateLedger,
  landedId: string | null,
): Proposal {
  if (!partners.length)
    throw new UserError('Partners: the tab is empty; run Set up workbook first.');
  const header = partners[0];
  const idx = headerIndex(header);
  const col = Object.fromEntries(
    PROPOSAL_COLUMNS.map((name) => {
      const c = idx.get(headerKey(name));
      if (!c) throw new UserError(describeMissing('Partners', name, header));
      return [name, c];
    }),
  );
  const present = new Set<string>();
  const byCountry = new Map<string, { name: string; row: number }[]>();
  partners.slice(1).forEach((r, i) => {
    const name = r[col.Partner - 1];
    if (isBlank(name)) return;
    const category = readKnown(r[col.Category - 1], CATEGORIES) ?? textKey(r[col.Category - 1]);
    present.add(rowKey(r[col.Country - 1], name, category));
    const country = countryKey(r[col.Country - 1]);
    byCountry.set(country, [...(byCountry.get(country) ?? []), { name: String(name), row: i + 2 }]);
  });
  const proposed = resolveBatch(stored, landedId, present);
  const ledger: CandidateLedger = { proposed, batch: stored.batch };
  const width = header.length;
  const rows: Grid = [];
  const keys: string[] = [];
  const out = { organisations: 0, already: 0, declined: 0, nearMatches: [] as string[] };
  const wanted = (list: string[], v: string) => !list.length || list.includes(v);
  for (const c of candidates) {
    const country = countryKey(c.country);
    if (!wanted(choice.countries, country) || !wanted(choice.types, c.partnerType)) continue;
    const categories = c.categories.filter((k) => wanted(choice.categories, k));
    if (!categories.length) continue;
    const there = byCountry.get(country) ?? [];
    const same = there.some((p) => nameKey(p.name) === nameKey(c.name));
    const near = same ? [] : there.filter((p) => isNearMatch(p.name, c.name));
    let added = 0;
    for (const category of categories) {
      const key = rowKey(c.country, c.name, category);
      if (proposed[key]) {
        if (present.has(key)) out.already++;
        else out.declined++;
      } else if (present.has(key)) out.already++;
      else if (!near.length) {
        const row: Cell[] = new Array(width).fill('');
        const put = (name: string, v: Cell) => (row[col[name] - 1] = v);
        put('Partner', c.name);
        put('Country', c.country);
        put('Category', category);
        put('Partner type', c.partnerType);
        put('Status', 'prospect');
        put('Evidence', evidence(c));
        rows.push(row);
        keys.push(key);
        recordWrite(ledger.proposed, key, '', c.name);
        added++;
      }
    }
    if (added) out.organisations++;
    if (near.length && !categories.every((k) => proposed[rowKey(c.country, c.name, k)]))
      out.nearMatches.push(
        `'${c.name}' (${c.country}) not added: Partners has ${near.map((p) => `'${p.name}' (row ${p.row})`).join(', ')}, a near match. If they are one organisation, keep your row; if not, add '${c.name}' by hand.`,
      );
  }
  if (keys.length) ledger.batch = { id: batchId(keys), keys };
  const b = stored.batch;
  const markLanded =
    b && String(b.id) !== landedId && b.keys.some((k) => present.has(k)) ? String(b.id) : null;
  return { rows, ledger, ...out, markLanded };
}
