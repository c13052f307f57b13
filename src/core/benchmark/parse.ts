/**
 * Reading a `Benchmark XX` tab (its whole grid, header row included) into findings. Columns are
 * found by header name; a missing column is reported by tab, row 1 and name (with the likely
 * rename) and read as blank; a bad cell is reported by tab, row and column and read as blank.
 */
import { Cell, columnLetter, describe, Grid, isBlank, toDate, toNumber, formatDay } from '../cells';
import { headerKey } from '../headers';
import { BENCHMARK_DIMENSIONS } from '../schema/lists';
import { countryName } from './countries';
import { EU_PREFIX, parseSeedRef } from './seed';
import { contentOf } from './seed-content';
import { factCells, FACT_HEADERS, locateColumns, TabColumns } from './tab-columns';

export interface Finding {
  /** 1-based row in the tab. */
  row: number;
  /** One of BENCHMARK_DIMENSIONS, or '' when blank or not recognised (reported). */
  dimension: string;
  topic: string;
  finding: string;
  value: Cell;
  unit: string;
  year: number | null;
  implication: string;
  bestPractice: string;
  /** Status is "verified"; anything else (blank, "to verify") counts as to verify. */
  verified: boolean;
  source: string;
  lastReviewed: Date | null;
  owner: string;
  /** EU-level when the Topic starts with "EU:". */
  scope: 'country' | 'EU';
  /** The row's `Seed ref` (the seed fact it came from, fingerprint as seeded), or null. */
  seed: { id: string; hash: string } | null;
  /** The seed's columns as the row holds them (seed-content.ts), to compare with a revision. */
  content: Cell[];
}

export interface CountryFindings {
  code: string;
  name: string;
  tab: string;
  /** False when the tab is not in the workbook (one of the five, before setup). */
  exists: boolean;
  findings: Finding[];
  /** What keeps the tab from being read in full (missing tab, missing columns): shown on the overview. */
  problems: string[];
  /** Cells that could not be read, by tab, row and column. */
  issues: string[];
}

const ALIASES: Record<string, string> = {
  legal: 'law',
  legislation: 'law',
  epr: 'pro_scheme',
  pro: 'pro_scheme',
  producerresponsibilityscheme: 'pro_scheme',
  retailertakeback: 'take_back',
  collectiontarget: 'target',
  donationrules: 'donation',
  repairincentive: 'repair',
  stat: 'statistic',
};

/** A typed dimension in any case, spacing or plural ("Take-back", "competitors") → its id. */
export function dimensionOf(v: Cell): string | null {
  const k = headerKey(v);
  if (!k) return null;
  for (const d of BENCHMARK_DIMENSIONS)
    if (headerKey(d) === k || `${headerKey(d)}s` === k) return d;
  const alias = ALIASES[k] ?? ALIASES[k.replace(/s$/, '')];
  return alias ?? null;
}

const textIn = (v: Cell, timeZone: string) =>
  isBlank(v) ? '' : v instanceof Date ? formatDay(v, timeZone) : String(v).trim();

/** A tab the workbook lacks: no findings, and the problem stated for the overview. */
export function missingCountry(code: string, tab: string): CountryFindings {
  return {
    code,
    name: countryName(code),
    tab,
    exists: false,
    findings: [],
    problems: [`tab '${tab}' is missing (run Set up workbook or Add country…)`],
    issues: [],
  };
}

export function parseCountryTab(
  code: string,
  tab: string,
  grid: Grid,
  /** The spreadsheet's zone: a date in a text cell or a message is its day there. */
  timeZone = 'UTC',
): CountryFindings {
  const header = grid[0] ?? [];
  const columns = locateColumns(tab, header);
  const out: CountryFindings = {
    code,
    name: countryName(code),
    tab,
    exists: true,
    findings: [],
    problems: [],
    issues: [],
  };
  out.problems.push(...columns.missing.map((h) => `column '${h}' is missing`));
  out.issues.push(...columns.messages);
  if (!columns.at.has('Dimension')) return out;
  for (let i = 1; i < grid.length; i++) {
    const cells = factCells(grid[i], columns);
    if (cells.every(isBlank)) continue;
    const finding = readRow(i + 1, cells, columns, tab, out.issues, timeZone);
    if (columns.seedRef) finding.seed = parseSeedRef(grid[i][columns.seedRef - 1]);
    out.findings.push(finding);
  }
  return out;
}

function readRow(
  row: number,
  cells: Cell[],
  columns: TabColumns,
  tab: string,
  issues: string[],
  timeZone: string,
): Finding {
  const get = (h: string) => cells[FACT_HEADERS.indexOf(h)];
  const text = (v: Cell) => textIn(v, timeZone);
  const bad = (h: string, expected: string) =>
    issues.push(
      `${tab}, row ${row}, column ${columnLetter(columns.at.get(h)!)} (${h}): ${describe(get(h), timeZone)} — expected ${expected}; read as blank.`,
    );

  const dimension = dimensionOf(get('Dimension'));
  if (!dimension) bad('Dimension', `one of ${BENCHMARK_DIMENSIONS.join(', ')}`);

  let year: number | null = null;
  if (!isBlank(get('Year'))) {
    const n = toNumber(get('Year'));
    if (n !== null && Number.isInteger(n) && n >= 1900 && n <= 2100) year = n;
    else bad('Year', 'a year such as 2024');
  }

  let lastReviewed: Date | null = null;
  if (!isBlank(get('Last reviewed'))) {
    lastReviewed = toDate(get('Last reviewed'));
    if (!lastReviewed) bad('Last reviewed', 'a date such as 2026-10-03');
  }

  const status = headerKey(get('Status'));
  if (status && status !== 'verified' && status !== 'toverify')
    bad('Status', "'verified' or 'to verify'");

  const topic = text(get('Topic'));
  return {
    row,
    dimension: dimension ?? '',
    topic,
    finding: text(get('Finding')),
    value: isBlank(get('Value')) ? '' : get('Value'),
    unit: text(get('Unit')),
    year,
    implication: text(get('Implication / opportunity')),
    bestPractice: text(get('Best practice')),
    verified: status === 'verified',
    source: text(get('Source')),
    lastReviewed,
    owner: text(get('Owner')),
    scope: topic.toUpperCase().startsWith(EU_PREFIX.trim()) ? 'EU' : 'country',
    seed: null,
    content: contentOf(cells),
  };
}
