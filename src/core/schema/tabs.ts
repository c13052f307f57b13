/**
 * The workbook of product.md as data: every tab, its kind, its columns and how each column is
 * formatted and validated. Setup, the readers and the tests all work from this one description.
 */
import {
  BENCHMARK_DIMENSIONS,
  CATEGORIES,
  CHANNELS,
  COUNTRIES,
  DIRECTIONS,
  FACT_STATUSES,
  KPI_DIRECTIONS,
  OUTCOMES,
  PARTNER_STATUSES,
  PARTNER_TYPES,
  YES_NO,
} from './lists';
import { SEED_REF_COLUMN } from '../benchmark/seed-ref-column';
import type { ColumnSpec, Validation } from './column-spec';

/** What Sheets reports for a cell nobody formatted ("Automatic"): numbers shown as typed. */
export const AUTOMATIC_FORMAT = '0.###############';

export type { ColumnSpec, Validation } from './column-spec';

export type TabKind = 'input' | 'generated' | 'log';

export interface TabSpec {
  name: string;
  kind: TabKind;
  columns: ColumnSpec[];
  tabColor: string;
  /** What the tab is for, shown on generated tabs before their first run. */
  purpose: string;
}

const INPUT_COLOR = '#1a73e8';
const GENERATED_COLOR = '#188038';

const col = (header: string, width: number, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  header,
  width,
  ...extra,
});
const list = (values: readonly string[]): Validation => ({ kind: 'list', values });
const DATE = 'yyyy-mm-dd';
const DATE_TIME = 'yyyy-mm-dd hh:mm';

export const SETTINGS: TabSpec = {
  name: 'Settings',
  kind: 'input',
  tabColor: INPUT_COLOR,
  purpose: 'Key / value settings read by every action.',
  columns: [
    col('Key', 220, { format: '@' }),
    col('Value', 320),
    col('Notes', 420, { format: '@' }),
  ],
};

export const CRITERIA: TabSpec = {
  name: 'Criteria',
  kind: 'input',
  tabColor: INPUT_COLOR,
  purpose: 'The assessment framework: criteria, anchored scales, direction, knock-outs, weights.',
  columns: [
    col('ID', 110, {
      format: '@',
      note: 'Stable identifier; it is the header of the score column in Partners.',
    }),
    col('Criterion', 220, { format: '@' }),
    col('Group', 160, { format: '@' }),
    col('Description', 320, { format: '@' }),
    col('Scale 1', 220, { format: '@', note: 'What a score of 1 means.' }),
    col('Scale 3', 220, { format: '@', note: 'What a score of 3 means.' }),
    col('Scale 5', 220, { format: '@', note: 'What a score of 5 means.' }),
    col('Direction', 90, { validation: list(DIRECTIONS) }),
    col('Knock-out min', 110, {
      validation: { kind: 'number', min: 1, max: 5 },
      note: 'A partner scoring below this on this criterion is knocked out, whatever its total.',
    }),
    ...PARTNER_TYPES.map((t) =>
      // No number format: a weight shows as typed (0.5 stays 0.5) and a typed 20 % keeps the
      // percent format Sheets gives it, which is how the reader knows it was a percentage.
      col(`Weight ${t}`, 120, { validation: { kind: 'number', min: 0 } }),
    ),
    // Optional (contract additions 2026-11): a criterion measured from the orders (issue 19).
    col('Measured by', 150, {
      format: '@',
      optional: true,
      note: "Optional: a KPI id (e.g. reuse_rate) measuring this criterion on each partner's own orders in KPI Data. Used where the partner's score cell is blank; a typed score always wins.",
    }),
    col('Score 1 at', 90, {
      optional: true,
      note: 'The KPI value that scores 1 (linear up to Score 5 at, clipped to 1–5).',
    }),
    col('Score 5 at', 90, { optional: true, note: 'The KPI value that scores 5.' }),
  ],
};

export const PARTNER_INPUT_COLUMNS: ColumnSpec[] = [
  col('Partner', 220, { format: '@' }),
  col('Country', 80, { validation: list(COUNTRIES) }),
  col('Category', 110, { validation: list(CATEGORIES) }),
  col('Partner type', 160, { validation: list(PARTNER_TYPES) }),
  col('Status', 110, { validation: list(PARTNER_STATUSES) }),
  col('Assessor', 140, { format: '@' }),
  col('Assessed on', 110, { format: DATE, validation: { kind: 'date' } }),
  col('Evidence', 260, { format: '@' }),
];

/** Computed by Score partners / Consolidate ratings; written as values, never typed. */
export const PARTNER_COMPUTED_COLUMNS: ColumnSpec[] = [
  col('Score', 80, { format: '0.00', note: 'Weighted score 0–1 for the partner type (computed).' }),
  col('Coverage', 90, { format: '0%', note: 'Share of the weight actually scored (computed).' }),
  col('Knock-out', 160, { note: 'Failed must-have criteria (computed).' }),
  col('Rank', 60, {
    format: '0',
    note: 'Rank within country × category × partner type (computed).',
  }),
  col('Strengths', 260, { note: 'Criteria contributing most (computed).' }),
  col('Weaknesses', 260, { note: 'Criteria contributing least (computed).' }),
  col('Stability', 90, {
    format: '0%',
    note: 'Share of ±20 % weight perturbations keeping the rank (computed).',
  }),
  col('Disagreement', 200, {
    note: 'Criteria where assessors differ by 2 points or more (computed).',
  }),
  col('Measured', 320, {
    format: '@',
    note: "Criteria scored from the partner's own orders: KPI value, months, score; a typed score wins (computed).",
  }),
];

export const PARTNERS: TabSpec = {
  name: 'Partners',
  kind: 'input',
  tabColor: INPUT_COLOR,
  purpose: 'Partners to assess, one score column per criterion, computed results on the right.',
  columns: [...PARTNER_INPUT_COLUMNS, ...PARTNER_COMPUTED_COLUMNS],
};

export const RATINGS: TabSpec = {
  name: 'Ratings',
  kind: 'input',
  tabColor: INPUT_COLOR,
  purpose: 'Several assessors: one row per partner × assessor × criterion.',
  columns: [
    col('Partner', 220, { format: '@' }),
    col('Assessor', 140, { format: '@' }),
    col('Criterion', 110, { format: '@' }),
    col('Score', 70, { validation: { kind: 'number', min: 1, max: 5 } }),
    col('Comment', 320, { format: '@' }),
    col('Date', 110, { format: DATE, validation: { kind: 'date' } }),
    col('Country', 80, {
      validation: list(COUNTRIES),
      note: "Optional: the partner's country. Needed when the same name is a partner in several countries; a rating without it is then not used.",
    }),
  ],
};

export const BENCHMARK_COLUMNS: ColumnSpec[] = [
  col('Dimension', 120, { validation: list(BENCHMARK_DIMENSIONS) }),
  col('Topic', 220, { format: '@' }),
  col('Finding', 420, { format: '@' }),
  col('Value', 90),
  col('Unit', 140, { format: '@' }),
  col('Year', 60, { format: '0' }),
  col('Implication / opportunity', 280, { format: '@' }),
  col('Best practice', 220, { format: '@' }),
  col('Status', 90, { validation: list(FACT_STATUSES) }),
  col('Source', 260, { format: '@' }),
  col('Last reviewed', 110, { format: DATE, validation: { kind: 'date' } }),
  col('Owner', 120, { format: '@' }),
];

export function benchmarkCountryTab(code: string): TabSpec {
  return {
    name: `Benchmark ${code}`,
    kind: 'input',
    tabColor: '#8430ce',
    purpose: `Legal framework and competitive landscape for ${code}, one sourced fact per row.`,
    columns: [...BENCHMARK_COLUMNS, SEED_REF_COLUMN],
  };
}

export const BENCHMARK_OVERVIEW: TabSpec = {
  name: 'Benchmark',
  kind: 'generated',
  tabColor: GENERATED_COLOR,
  purpose:
    'Countries side by side per dimension. Rebuilt by Circularity Workbench › Refresh benchmark.',
  columns: [col('Dimension', 160), ...COUNTRIES.map((c) => col(c, 160))],
};

export const KPI_DATA_COLUMNS: ColumnSpec[] = [
  col('Order ID', 130, { format: '@' }),
  col('Created', 130, { format: DATE_TIME, validation: { kind: 'date' } }),
  col('Category', 110, { validation: list(CATEGORIES) }),
  col('Channel', 130, { validation: list(CHANNELS) }),
  col('Kit sent', 130, { format: DATE_TIME, validation: { kind: 'date' } }),
  col('Received', 130, { format: DATE_TIME, validation: { kind: 'date' } }),
  col('Inspected', 130, { format: DATE_TIME, validation: { kind: 'date' } }),
  col('Outcome', 110, { validation: list(OUTCOMES) }),
  col('Weight kg', 80, { format: '0.00', validation: { kind: 'number', min: 0 } }),
  col('Erasure certificate', 120, { validation: list(YES_NO) }),
  col('Payout EUR', 90, { format: '#,##0.00' }),
  col('Cost EUR', 90, { format: '#,##0.00' }),
  col('CSAT', 60, { format: '0', validation: { kind: 'number', min: 1, max: 5 } }),
  col('Complaint', 90, { validation: list(YES_NO) }),
  // Optional (contract additions 2026-11): read by its header, every KPI works without it.
  col('Reason', 200, {
    format: '@',
    optional: true,
    note: 'Optional: why the order was not reused (e.g. "Screen cracked"), or what its complaint was about. Feeds the Pareto of reasons on the KPI Dashboard and in the report.',
  }),
  col('Processing partner', 200, {
    format: '@',
    optional: true,
    note: 'Optional: the partner (as named in Partners) that inspected and processed the device. Feeds Partner Performance and measured criteria.',
  }),
  col('Logistics partner', 200, {
    format: '@',
    optional: true,
    note: 'Optional: the partner (as named in Partners) that carried the kit and the device. Feeds Partner Performance and measured criteria.',
  }),
];

export const KPI_DATA: TabSpec = {
  name: 'KPI Data',
  kind: 'input',
  tabColor: '#e37400',
  purpose: 'One row per order of the French recycling service.',
  columns: KPI_DATA_COLUMNS,
};

export const OUTCOME_LABELS: TabSpec = {
  name: 'Outcome labels',
  kind: 'input',
  tabColor: '#e37400',
  purpose:
    "Your back office's own outcome labels and the outcome each means; English and French labels are known without it.",
  columns: [
    col('Label', 200, {
      format: '@',
      note: 'As your back office writes it (any case, accents optional), e.g. "Grade C - broyé".',
    }),
    col('Outcome', 120, { validation: list(OUTCOMES) }),
  ],
};

export const DATA_QUALITY: TabSpec = {
  name: 'Data quality',
  kind: 'generated',
  tabColor: GENERATED_COLOR,
  purpose:
    'Every data-quality finding of KPI Data, one row each. Rebuilt by every action that reads KPI Data.',
  columns: [col('Tab', 90)],
};

export const KPI_TARGETS: TabSpec = {
  name: 'KPI Targets',
  kind: 'input',
  tabColor: '#e37400',
  purpose: 'Target, direction and amber tolerance per KPI id.',
  columns: [
    col('KPI', 170, { format: '@' }),
    col('Target', 90),
    col('Direction', 90, { validation: list(KPI_DIRECTIONS) }),
    col('Amber tolerance', 120, {
      note: 'How far from the target is still amber, in the KPI unit.',
    }),
    col('Owner', 120, { format: '@' }),
  ],
};

export const FACTORS: TabSpec = {
  name: 'Factors',
  kind: 'input',
  tabColor: '#e37400',
  purpose: 'Emission factors: kg CO2e avoided per unit, per category and outcome, with sources.',
  columns: [
    col('Category', 110, { format: '@' }),
    col('Outcome', 150, { format: '@' }),
    col('kg CO2e avoided per unit', 160, { format: '0.0' }),
    col('Basis', 320, { format: '@' }),
    col('Source', 320, { format: '@' }),
    col('Year', 60, { format: '0' }),
  ],
};

export const KPI_DASHBOARD: TabSpec = {
  name: 'KPI Dashboard',
  kind: 'generated',
  tabColor: GENERATED_COLOR,
  purpose:
    'Monthly KPIs against targets. Rebuilt by Circularity Workbench › Refresh KPI dashboard.',
  columns: [col('KPI', 200)],
};

export const LOG: TabSpec = {
  name: 'Log',
  kind: 'log',
  tabColor: '#5f6368',
  purpose: 'Append-only record of every action.',
  columns: [
    col('When', 140, { format: DATE_TIME }),
    col('Who', 200),
    col('Action', 180),
    col('Rows read', 80, { format: '0' }),
    col('Rows written', 90, { format: '0' }),
    col('Warnings', 480),
  ],
};

/** Every tab of product.md, in the order setup lays them out. */
export function workbookTabs(countries: readonly string[] = COUNTRIES): TabSpec[] {
  return [
    SETTINGS,
    CRITERIA,
    PARTNERS,
    RATINGS,
    BENCHMARK_OVERVIEW,
    ...countries.map(benchmarkCountryTab),
    KPI_DATA,
    OUTCOME_LABELS,
    KPI_TARGETS,
    FACTORS,
    KPI_DASHBOARD,
    LOG,
  ];
}
