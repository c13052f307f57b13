/**
 * The `Factors` tab: kg CO2e avoided per device for a (category, outcome), with basis, source and
 * year, plus one editable assumption — the years of extra use of a reused device.
 *
 * How a row's value becomes a per-device factor:
 * - Basis starting with "per year of use": the value is a published per-year figure (ADEME gives
 *   kg CO2e per year of use) and is multiplied by the `assumption` / `years of extra use` row, so
 *   editing that one cell updates every such factor. Without that row these rows are unusable and
 *   reported.
 * - Any other basis: the value is already per device.
 *
 * Lookup (case-insensitive) tries, in order: (category, outcome), ('*', outcome), (category, '*'),
 * ('*', '*'). The outcome-specific wildcard wins over the category one because the outcome decides
 * whether anything is avoided at all (a recycled laptop avoids no new laptop).
 */
import { Cell, Grid, UserError, isBlank, toNumber } from '../cells';
import { OUTCOMES } from './registry';
import { ColumnSpec, Issue, Located, isBlankRow, locateColumns } from './table';

export const FACTORS_HEADERS = [
  'Category',
  'Outcome',
  'kg CO2e avoided per unit',
  'Basis',
  'Source',
  'Year',
] as const;

/** The category of the assumption rows, and the outcome text of the years-of-use row. */
export const ASSUMPTION_CATEGORY = 'assumption';
/** Rows of context (e.g. manufacturers' footprints of new devices): shown, never used as factors. */
export const REFERENCE_CATEGORY = 'reference';
export const YEARS_OF_USE = 'years of extra use';

export interface FactorRow {
  row: number;
  /** Lower case; '*' = any. */
  category: string;
  /** Lower case outcome; '*' = any. */
  outcome: string;
  /** The value as written. */
  value: number;
  /** True when the value is per year of use (Basis starts with "per year"). */
  perYear: boolean;
  /** kg CO2e avoided per device, as the engine uses it. */
  perUnit: number;
  basis: string;
  source: string;
  year: number | null;
}

export interface FactorTable {
  rows: FactorRow[];
  /** The years-of-extra-use assumption, or null when the row is absent. */
  yearsOfUse: number | null;
  issues: Issue[];
  /** 'category|outcome' → row. */
  index: ReadonlyMap<string, FactorRow>;
}

type Key = 'category' | 'outcome' | 'value' | 'basis' | 'source' | 'year';
const SPECS: readonly ColumnSpec<Key>[] = [
  { key: 'category', header: 'Category', required: true },
  { key: 'outcome', header: 'Outcome', required: true },
  {
    key: 'value',
    header: 'kg CO2e avoided per unit',
    required: true,
    aliases: ['kg CO2e avoided', 'kg CO2e per unit', 'kg CO2e', 'CO2e avoided', 'Factor'],
  },
  { key: 'basis', header: 'Basis', required: false },
  { key: 'source', header: 'Source', required: false },
  { key: 'year', header: 'Year', required: false },
];

const isYearsOfUse = (outcome: string) => /^years?\s+of\s+(extra\s+)?use$/i.test(outcome.trim());

/**
 * The factor table from a `Factors` grid whose first row holds the headers. Rows with a blank
 * category, an outcome that is neither one of the six nor '*', a value that is not a number, or a
 * repeated (category, outcome) are skipped and reported; the first of two duplicates wins.
 */
export function parseFactors(
  grid: Grid,
  options: { firstRow?: number; firstColumn?: number; table?: string } = {},
): FactorTable {
  const table = options.table ?? 'Factors';
  const firstRow = options.firstRow ?? 1;
  if (!grid.length)
    throw new UserError(
      `${table}: the range is empty; it must start with the header row (${FACTORS_HEADERS.join(', ')}).`,
    );
  const col = locateColumns(grid[0], SPECS, table, options.firstColumn ?? 1);
  const issues: Issue[] = [];
  const get = (cells: Cell[], k: Key): Cell => (col[k] ? cells[(col[k] as Located).index] : '');
  const report = (
    row: number,
    k: Key,
    cells: Cell[],
    code: string,
    reason: string,
    skipped = true,
  ) =>
    issues.push({ row, column: col[k]?.label ?? '', value: get(cells, k), reason, code, skipped });

  let yearsOfUse: number | null = null;
  const pending: Omit<FactorRow, 'perUnit'>[] = [];
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells || isBlankRow(cells)) continue;
    const row = firstRow + r;
    const category = String(get(cells, 'category') ?? '')
      .trim()
      .toLowerCase();
    const outcome = String(get(cells, 'outcome') ?? '')
      .trim()
      .toLowerCase();
    const raw = get(cells, 'value');
    const value = raw instanceof Date ? null : toNumber(raw);
    if (category === ASSUMPTION_CATEGORY) {
      if (!isYearsOfUse(outcome)) {
        report(
          row,
          'outcome',
          cells,
          'unknown-assumption',
          `unknown assumption (the only one read is "${YEARS_OF_USE}")`,
        );
      } else if (value === null || value <= 0) {
        report(row, 'value', cells, 'bad-number', 'years of extra use must be a number above 0');
      } else if (yearsOfUse !== null) {
        report(
          row,
          'outcome',
          cells,
          'duplicate-factor',
          'a second years-of-extra-use row; the first one is used',
        );
      } else {
        yearsOfUse = value;
      }
      continue;
    }
    if (category === REFERENCE_CATEGORY) continue;
    if (!category) {
      report(row, 'category', cells, 'missing-category', "no Category (use '*' for any category)");
      continue;
    }
    if (outcome !== '*' && !(OUTCOMES as readonly string[]).includes(outcome)) {
      report(
        row,
        'outcome',
        cells,
        'unknown-outcome',
        `unknown outcome (expected one of ${OUTCOMES.join(', ')}, or '*')`,
      );
      continue;
    }
    if (value === null) {
      report(row, 'value', cells, 'bad-number', 'not a number (expected kg CO2e avoided per unit)');
      continue;
    }
    const basis = isBlank(get(cells, 'basis')) ? '' : String(get(cells, 'basis')).trim();
    const yearCell = get(cells, 'year');
    pending.push({
      row,
      category,
      outcome,
      value,
      basis,
      perYear: /^per\s+year/i.test(basis),
      source: isBlank(get(cells, 'source')) ? '' : String(get(cells, 'source')).trim(),
      year: yearCell instanceof Date ? yearCell.getUTCFullYear() : toNumber(yearCell),
    });
  }

  const rows: FactorRow[] = [];
  const index = new Map<string, FactorRow>();
  for (const p of pending) {
    const k = `${p.category}|${p.outcome}`;
    const first = index.get(k);
    if (first) {
      issues.push({
        row: p.row,
        column: col.outcome!.label,
        value: p.outcome,
        reason: `same category and outcome as row ${first.row}; row ${first.row} is used`,
        code: 'duplicate-factor',
        skipped: true,
      });
      continue;
    }
    if (p.perYear && yearsOfUse === null) {
      issues.push({
        row: p.row,
        column: col.basis?.label ?? '',
        value: p.basis,
        reason: `per year of use, but no "${ASSUMPTION_CATEGORY}" / "${YEARS_OF_USE}" row to multiply by; factor not used`,
        code: 'missing-years-of-use',
        skipped: true,
      });
      continue;
    }
    const fr: FactorRow = { ...p, perUnit: p.perYear ? p.value * (yearsOfUse as number) : p.value };
    rows.push(fr);
    index.set(k, fr);
  }
  issues.sort((a, b) => a.row - b.row);
  return { rows, yearsOfUse, issues, index };
}

/** The factor row that applies to (category, outcome), following the wildcard order; null when none. */
export function factorRowFor(
  table: FactorTable,
  category: string,
  outcome: string,
): FactorRow | null {
  const c = category.trim().toLowerCase();
  const o = outcome.trim().toLowerCase();
  return (
    table.index.get(`${c}|${o}`) ??
    table.index.get(`*|${o}`) ??
    table.index.get(`${c}|*`) ??
    table.index.get('*|*') ??
    null
  );
}

/** kg CO2e avoided per device for (category, outcome); null when no row applies. */
export function factorFor(table: FactorTable, category: string, outcome: string): number | null {
  return factorRowFor(table, category, outcome)?.perUnit ?? null;
}

const ADEME =
  'ADEME, "Évaluation de l\'impact environnemental d\'un ensemble de produits reconditionnés" ' +
  '(LCA with DDemain, Hubblo, LCIE Bureau Veritas), 9 Sep 2022; via alliancy.fr / reporterre.net';

/**
 * Seed of the `Factors` tab (header row first, ready for setValues), from kpi-reference.md §2a.
 * ADEME's smartphone and laptop figures are per year of use and are multiplied by the
 * years-of-extra-use assumption (2). ADEME gives tablets only a % reduction, so the tablet rows are
 * an estimate whose arithmetic is in Basis. No published avoided-emission factor for recycling,
 * return, loss or rejection is in the reference, so those outcomes count 0, said so in Basis.
 * Smartwatches and consoles have no factor: the engine reports them as missing, not invented.
 */
export const FACTORS_SEED: Grid = [
  [...FACTORS_HEADERS],
  [
    ASSUMPTION_CATEGORY,
    YEARS_OF_USE,
    2,
    'assumption: years a reused or refurbished device stays in use instead of a new one; every row whose Basis starts with "per year of use" is multiplied by it. Edit to your own figure.',
    'Circularity Workbench default (method: kpi-reference.md, CO2e avoided = units × factor per year of use × expected extra years)',
    '',
  ],
  [
    'smartphone',
    'refurbished',
    24.6,
    'per year of use: GHG avoided by a refurbished vs a new smartphone',
    ADEME,
    2022,
  ],
  [
    'smartphone',
    'reused',
    24.6,
    'per year of use: the ADEME refurbished-smartphone factor applied to reuse as-is (assumption: a new device is avoided either way)',
    ADEME,
    2022,
  ],
  [
    'laptop',
    'refurbished',
    27,
    'per year of use: GHG avoided by a refurbished vs a new laptop (about 82 km by car)',
    ADEME + ' (alliancy.fr)',
    2022,
  ],
  [
    'laptop',
    'reused',
    27,
    'per year of use: the ADEME refurbished-laptop factor applied to reuse as-is (assumption)',
    ADEME + ' (alliancy.fr)',
    2022,
  ],
  [
    'tablet',
    'refurbished',
    33.1,
    'estimate, per unit (not per year): 72 kg CO2e life cycle of a new iPad 10th gen × 46 % (lower bound of the impact reduction ADEME gives for a refurbished tablet) = 33.1 kg. ADEME publishes no kg figure for tablets.',
    'Circularity Workbench estimate from: Apple Product Environmental Report iPad (10th gen), Oct 2022, via Boavizta environmental-footprint-data (2023); ' +
      ADEME +
      ' (46–80 % reduction, juristes-environnement.com)',
    2022,
  ],
  [
    'tablet',
    'reused',
    33.1,
    'estimate, per unit: the tablet estimate above applied to reuse as-is (assumption)',
    'Circularity Workbench estimate (see the tablet / refurbished row)',
    2022,
  ],
  // Context for the factors above: full life-cycle footprints of new devices, not factors.
  [
    REFERENCE_CATEGORY,
    'new smartphone (median of 50)',
    69.5,
    'context, kg CO2e life cycle of a new device (IQR 57–78, ~80 % from production); not used as a factor',
    "Boavizta environmental-footprint-data, boavizta-data-us.csv (manufacturers' product carbon footprints)",
    2023,
  ],
  [
    REFERENCE_CATEGORY,
    'new laptop (median of 452)',
    307,
    'context, kg CO2e life cycle of a new device (IQR 244–360, ~80 % from production); not used as a factor',
    "Boavizta environmental-footprint-data, boavizta-data-us.csv (manufacturers' product carbon footprints)",
    2023,
  ],
  [
    REFERENCE_CATEGORY,
    'Apple iPhone 14, 128 GB',
    61,
    'context, kg CO2e life cycle of a new device (79 % from production); not used as a factor',
    'Apple Product Environmental Report, Sep 2022 (via Boavizta)',
    2022,
  ],
  [
    REFERENCE_CATEGORY,
    'Fairphone 4',
    49.9,
    'context, kg CO2e life cycle of a new device (74 % from production); not used as a factor',
    'Fairphone LCA, May 2022 (via Boavizta)',
    2022,
  ],
  [
    '*',
    'recycled',
    0,
    'none: no published avoided-emission factor for recycling in the reference; counted as 0 (conservative)',
    '',
    '',
  ],
  ['*', 'returned', 0, 'none: the device goes back to its owner, no new device is avoided', '', ''],
  ['*', 'lost', 0, 'none: the device never arrived', '', ''],
  ['*', 'rejected', 0, 'none: the device was not accepted', '', ''],
];
