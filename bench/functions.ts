/**
 * The custom-function cases of npm run bench: every CIRC_* function, with its arguments as Sheets
 * would pass them (the ranges read from the size's workbook; building them is not measured).
 * The range of the scoring, control and CO2e cases is the size's order count (1,000 / 10,000 /
 * 100,000 rows), so the large size measures each function at 100,000 rows: the README's
 * recommended maximum range per function comes from these figures.
 */
import { Runtime } from '../local/runtime';
import { Cell, Grid } from '../src/core/cells';
import { KPI_IDS, OUTCOMES } from '../src/core/kpi/registry';
import { CRITERIA_SEED } from '../src/core/seed/criteria';

/** What a case needs to know of its size. */
export interface FunctionCaseSize {
  orders: number;
  partners: number;
}

/** The last complete month of the bench's sample orders (they run up to 31 October 2026). */
const LAST_MONTH = { year: 2026, month: 10 };

/** The 12 months up to the last complete one, as the dashboard shows them: 2025-11 … 2026-10. */
function twelveMonths(): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const k = LAST_MONTH.year * 12 + LAST_MONTH.month - 1 - (11 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** A consistent 15 × 15 pairwise matrix (the most CIRC_AHP_* accept): w_i / w_j, upper triangle. */
function pairwise(): Grid {
  const w = Array.from({ length: 15 }, (_, i) => 1 + (i % 5));
  return w.map((wi, i) => w.map((wj, j): Cell => (j < i ? '' : wi / wj)));
}

/** [function, arguments, rows of its main range] for one size; read from the workbook, not measured. */
export function customFunctions(
  runtime: Runtime,
  size: FunctionCaseSize,
): { customFunctionArgs: [string, unknown[], number][] } {
  return runtime.runAs('FULL', () => {
    const ss = runtime.spreadsheet!;
    const partners = ss.getSheetByName('Partners')!;
    const n = CRITERIA_SEED.length;
    const scoreBlock = partners.getRange(2, 9, size.partners, n).getValues();
    const segments = partners.getRange(2, 2, size.partners, 3).getValues();
    const weights = [CRITERIA_SEED.map((c) => c.weights[0])];
    const directions = [CRITERIA_SEED.map((c) => c.direction)];
    const names = [CRITERIA_SEED.map((c) => c.name)];
    const data = ss.getSheetByName('KPI Data')!.getDataRange().getValues();
    const factors = ss.getSheetByName('Factors')!.getDataRange().getValues();
    const outcomes = new Set<string>(['', ...OUTCOMES]);
    const clean = data.slice(1).filter((r) => outcomes.has(String(r[7])));
    // The partners' scores repeated (blanks filled) up to the size's row count.
    const rows = size.orders;
    const scoresRows: Grid = Array.from({ length: rows }, (_, i) =>
      scoreBlock[i % scoreBlock.length].map((v, j) => (v === '' ? 1 + ((i + j) % 5) : v)),
    );
    const totals = scoresRows.map((r) => [r.reduce((s: number, v) => s + Number(v), 0)]);
    const groups = Array.from({ length: rows }, (_, i) => [
      segments[i % segments.length].join('|'),
    ]);
    // Weights as a control chart would watch them: a column of numbers (text errors left out).
    const weightsKg = clean.filter((r) => typeof r[8] === 'number').map((r) => [r[8]]);
    return {
      customFunctionArgs: [
        ['CIRC_SCORE', [scoresRows, weights, directions], rows],
        ['CIRC_NORMALIZE', [scoresRows, directions], rows],
        ['CIRC_TOPSIS', [scoresRows, weights, directions], rows],
        ['CIRC_RANK', [totals, groups], rows],
        ['CIRC_STRENGTHS', [scoresRows, weights, names, 2, directions], rows],
        ['CIRC_WEAKNESSES', [scoresRows, weights, names, 2, directions], rows],
        // Defaults (no trials): the largest call the trials rule allows at this range.
        ['CIRC_RANK_STABILITY', [scoresRows, weights, directions], rows],
        ['CIRC_AHP_WEIGHTS', [pairwise()], 15],
        ['CIRC_AHP_CR', [pairwise()], 15],
        ['CIRC_KPI', ['reuse_rate', '2026-09', data, factors], data.length - 1],
        // Every KPI of the registry × the 12 months the dashboard shows, in one execution.
        [
          'CIRC_KPI_TABLE',
          [KPI_IDS.map((id) => [id]), [twelveMonths()], data, factors],
          data.length - 1,
        ],
        // The sample's one planted bad outcome would (rightly) make CIRC_CO2E answer an error.
        [
          'CIRC_CO2E',
          [clean.map((r) => [r[2]]), clean.map((r) => [r[7]]), 1, factors],
          clean.length,
        ],
        ['CIRC_CONTROL_LIMITS', [weightsKg], weightsKg.length],
      ],
    };
  });
}
