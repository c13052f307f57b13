/**
 * The door: every function Apps Script can see. The build turns each export below into a
 * top-level function declaration carrying this JSDoc, so menus, triggers and custom functions
 * find it. Each body is one delegation; the work lives in sheets/, functions/ and core/.
 */
import { CellArg, Output } from './functions/args';
import { circControlLimits } from './functions/control-functions';
import { circCo2e, circKpi } from './functions/kpi-functions';
import { circKpiTable } from './functions/kpi-table';
import * as scoring from './functions/scoring-functions';
import { buildMenu } from './menu';
import { emailReportFromMenu } from './sheets/mail';
import { generateReportFromMenu } from './sheets/report';
import {
  runScheduledReportFromTrigger,
  scheduleMonthlyReportFromMenu,
  stopScheduleFromMenu,
} from './sheets/schedule';
import { runAction } from './sheets/action';
import {
  importUpload,
  previewUpload,
  receiveChunk,
  showImportDialog,
} from './sheets/import/dialog';
import { undoLastImport as undoImport } from './sheets/import/import-orders';
import { deriveWeights } from './sheets/ahp';
import * as benchmark from './sheets/benchmark';
import { refreshDashboard } from './sheets/dashboard';
import { scorePartners as score } from './sheets/partners';
import { proposeCandidatesFromMenu } from './sheets/candidates';
import { consolidateRatings as consolidate } from './sheets/ratings';
import { loadSampleData as loadSample } from './sheets/sample';
import { setUpWorkbook as setUp } from './sheets/setup';
import { summarizeSample, summarizeSetup } from './sheets/summaries';
import { spreadsheetLocale, spreadsheetTimeZone } from './sheets/workbook';

/**
 * Builds the add-on menu. Static items only, so it works in every authorisation mode.
 * @param {Object} e the open event
 */
export function onOpen(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  buildMenu(SpreadsheetApp.getUi(), e);
}

/**
 * Runs when the add-on is installed from inside the editor: same menu as onOpen.
 * @param {Object} e the install event
 */
export function onInstall(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  onOpen(e);
}

/** Menu: creates the missing tabs, columns and reference rows; never changes a typed cell. */
export function setUpWorkbook(): void {
  runAction('Set up workbook', (ctx) => summarizeSetup(setUp(ctx)));
}

/** Menu: fills empty input tabs with clearly marked sample data. */
export function loadSampleData(): void {
  runAction('Load sample data', (ctx) => {
    const setup = setUp(ctx);
    ctx.progress('Writing sample partners, ratings and orders…');
    return summarizeSample(loadSample(ctx), setup);
  });
}

/** Menu: scores, ranks and explains every partner; rebuilds the Partner Ranking tab. */
export function scorePartners(): void {
  runAction('Score partners', score);
}

/** Menu: assessors' ratings → median scores in Partners, with disagreements flagged. */
export function consolidateRatings(): void {
  runAction('Consolidate ratings', consolidate);
}

/** Menu: criteria weights from the AHP pairwise block, checked for consistency. */
export function deriveWeightsAhp(): void {
  runAction('Derive weights (AHP)', deriveWeights);
}

/** Menu: recomputes every KPI from KPI Data and rebuilds the KPI Dashboard tab. */
export function refreshKpiDashboard(): void {
  runAction('Refresh KPI dashboard', refreshDashboard);
}

/** Menu: opens the dialog that imports a back-office CSV export into KPI Data (upsert by Order ID). */
export function importOrdersCsv(): void {
  showImportDialog();
}

/**
 * Called by the import dialog (google.script.run): keeps one chunk of the file's mapped columns
 * in the person's cache until the import runs.
 * @param {Object} chunk {token, index, rows}
 * @return {Object} {index, rows}
 */
export function importOrdersUpload(chunk: unknown): { index: number; rows: number } {
  return receiveChunk(chunk);
}

/**
 * Called by the import dialog: what the import would do (added, updated, unchanged, kept,
 * rejected), nothing written.
 * @param {Object} request the upload and how to read it
 * @return {Object} the counts and the first reasons for rejection
 */
export function importOrdersPreview(request: unknown): object {
  return previewUpload(request);
}

/**
 * Called by the import dialog: imports the uploaded file into KPI Data, under the document lock.
 * @param {Object} request the upload and how to read it
 * @return {Object} {summary, warnings}
 */
export function importOrdersRun(request: unknown): object {
  return importUpload(request);
}

/** Menu: puts back every cell the last import changed and clears the rows it added. */
export function undoLastImport(): void {
  runAction('Undo last import', undoImport);
}

/**
 * Menu: rebuilds the Benchmark tab: the countries side by side per dimension, key figures,
 * coverage (✓ ? ✗) and the facts due for review. Country tabs are only read.
 */
export function refreshBenchmark(): void {
  runAction('Refresh benchmark', benchmark.refreshBenchmark);
}

/** Menu: asks for an ISO 3166 country code (UK for the United Kingdom) and adds its Benchmark tab. */
export function addCountry(): void {
  benchmark.addCountryFromMenu();
}

/**
 * Menu: upgrades the Benchmark tabs to the shipped seed revision: new facts added, facts nobody
 * edited updated in place, edited ones kept (their new version offered on the overview), withdrawn
 * ones flagged, deleted ones never brought back; the team's columns never overwritten.
 */
export function importBenchmarkSeed(): void {
  runAction('Import benchmark seed', benchmark.importBenchmarkSeed);
}

/** Menu: after a confirmation naming them per tab, adds back the seed facts a person deleted. */
export function restoreDeletedBenchmarkFacts(): void {
  runAction('Restore deleted benchmark facts…', benchmark.restoreDeletedFacts);
}

/**
 * Menu: asks which countries, partner types and categories, then adds the organisations the
 * benchmark names to Partners as prospects (never one already there, nor one a person deleted).
 */
export function proposePartnerCandidates(): void {
  proposeCandidatesFromMenu();
}

/** Menu: asks for a period (a month such as 2026-10 or a quarter such as 2026-Q3) and rebuilds its Report tab. */
export function generateReport(): void {
  generateReportFromMenu();
}

/** Menu: builds the report of a period and e-mails it to the Report recipients in Settings, charts inline. */
export function emailReport(): void {
  emailReportFromMenu();
}

/**
 * Menu: schedules the monthly report for the workbook: one daily trigger (around 7:00) that e-mails
 * the last complete month once, on the first day it can; a schedule owned by someone else can be
 * taken over.
 */
export function scheduleMonthlyReport(): void {
  scheduleMonthlyReportFromMenu();
}

/** Menu: stops the workbook's monthly report schedule (the owner's trigger removes itself on its next run). */
export function stopSchedule(): void {
  stopScheduleFromMenu();
}

/**
 * Time-driven trigger of Schedule monthly report (daily): e-mails the last complete month once, on
 * the first day a run succeeds; otherwise says why in Log and, on failure, e-mails the schedule's
 * owner. No UI.
 * @param {Object} e the time-driven event (its triggerUid tells the run which trigger it is)
 */
export function runScheduledReport(e?: { triggerUid?: string }): void {
  runScheduledReportFromTrigger(e);
}

/**
 * Weighted score of each row, 0–1, on a fixed rating scale (default 1–5). Cost criteria are
 * inverted; blank scores are left out and the other weights renormalised. Blank rows stay blank.
 * @param {number[][]} scores one row per partner, one column per criterion
 * @param {number[][]} weights one weight per criterion (a row or a column; any positive scale)
 * @param {string[][]} directions optional: benefit or cost per criterion (also max/min, +/-, 1/-1)
 * @param {number} scale_min optional: bottom of the rating scale (default 1)
 * @param {number} scale_max optional: top of the rating scale (default 5)
 * @return {number[][]} one score per row, 0–1
 * @customfunction
 */
export function CIRC_SCORE(
  scores: CellArg,
  weights: CellArg,
  directions?: CellArg,
  scale_min?: CellArg,
  scale_max?: CellArg,
): Output {
  return scoring.circScore(scores, weights, directions, scale_min, scale_max, spreadsheetTimeZone);
}

/**
 * The matrix normalised per column: minmax (default), max, vector or sum; cost columns inverted.
 * @param {number[][]} matrix one row per alternative, one column per criterion
 * @param {string[][]} directions optional: benefit or cost per column
 * @param {string} method optional: minmax, max, vector or sum
 * @return {number[][]} the normalised matrix
 * @customfunction
 */
export function CIRC_NORMALIZE(matrix: CellArg, directions?: CellArg, method?: CellArg): Output {
  return scoring.circNormalize(matrix, directions, method, spreadsheetTimeZone);
}

/**
 * TOPSIS closeness of each row to the ideal solution, 0–1 (vector normalisation, Euclidean distances).
 * @param {number[][]} matrix one row per alternative, one column per criterion
 * @param {number[][]} weights one weight per criterion
 * @param {string[][]} directions optional: benefit or cost per criterion
 * @return {number[][]} one closeness per row
 * @customfunction
 */
export function CIRC_TOPSIS(matrix: CellArg, weights: CellArg, directions?: CellArg): Output {
  return scoring.circTopsis(matrix, weights, directions, spreadsheetTimeZone);
}

/**
 * AHP priority weights (principal eigenvector, sums to 1) of a pairwise-comparison matrix. A blank
 * lower triangle is filled with reciprocals; "1/3" is accepted.
 * @param {number[][]} pairwise square matrix of comparisons (row vs column, 1/9 … 9)
 * @return {number[][]} one weight per criterion, as a column
 * @customfunction
 */
export function CIRC_AHP_WEIGHTS(pairwise: CellArg): Output {
  return scoring.circAhpWeights(pairwise, spreadsheetTimeZone);
}

/**
 * Saaty's consistency ratio of a pairwise-comparison matrix (acceptable up to 0.10; 0 for n ≤ 2).
 * @param {number[][]} pairwise square matrix of comparisons
 * @return {number} the consistency ratio
 * @customfunction
 */
export function CIRC_AHP_CR(pairwise: CellArg): number {
  return scoring.circAhpCr(pairwise, spreadsheetTimeZone);
}

/**
 * Rank of each value within its group, 1 = best (highest unless order is "asc"); ties share the
 * best rank and the next is skipped, as RANK does.
 * @param {number[][]} values the values to rank
 * @param {string[][]} groups optional: a group per row (e.g. country × category); ranks restart per group
 * @param {string} order optional: desc (default) or asc
 * @return {number[][]} one rank per row
 * @customfunction
 */
export function CIRC_RANK(values: CellArg, groups?: CellArg, order?: CellArg): Output {
  return scoring.circRank(values, groups, order, spreadsheetTimeZone);
}

/**
 * The criteria that contribute most to each row's score, in words.
 * @param {number[][]} scores one row per partner, one column per criterion
 * @param {number[][]} weights one weight per criterion
 * @param {string[][]} criteria the criterion names
 * @param {number} count optional: how many to name (default 2)
 * @param {string[][]} directions optional: benefit or cost per criterion (default benefit)
 * @return {string[][]} one text per row
 * @customfunction
 */
export function CIRC_STRENGTHS(
  scores: CellArg,
  weights: CellArg,
  criteria: CellArg,
  count?: CellArg,
  directions?: CellArg,
): Output {
  return scoring.circStrengths(scores, weights, criteria, count, directions, spreadsheetTimeZone);
}

/**
 * The criteria that contribute least to each row's score, in words.
 * @param {number[][]} scores one row per partner, one column per criterion
 * @param {number[][]} weights one weight per criterion
 * @param {string[][]} criteria the criterion names
 * @param {number} count optional: how many to name (default 2)
 * @param {string[][]} directions optional: benefit or cost per criterion (default benefit)
 * @return {string[][]} one text per row
 * @customfunction
 */
export function CIRC_WEAKNESSES(
  scores: CellArg,
  weights: CellArg,
  criteria: CellArg,
  count?: CellArg,
  directions?: CellArg,
): Output {
  return scoring.circWeaknesses(scores, weights, criteria, count, directions, spreadsheetTimeZone);
}

/**
 * Per row, the share of random weight perturbations (± spread) under which the row keeps its
 * rank. Seeded, so the answer is always the same for the same input.
 * @param {number[][]} scores one row per partner, one column per criterion
 * @param {number[][]} weights one weight per criterion
 * @param {string[][]} directions optional: benefit or cost per criterion
 * @param {number} spread optional: relative perturbation of each weight (default 20 %)
 * @param {number} trials optional: number of perturbations (default 500, at most 2000; fewer on very large ranges)
 * @return {number[][]} one share (0–1) per row
 * @customfunction
 */
export function CIRC_RANK_STABILITY(
  scores: CellArg,
  weights: CellArg,
  directions?: CellArg,
  spread?: CellArg,
  trials?: CellArg,
): Output {
  return scoring.circRankStability(
    scores,
    weights,
    directions,
    spread,
    trials,
    spreadsheetTimeZone,
  );
}

/**
 * kg CO2e avoided per row, from the Factors table (factor per category and outcome × units).
 * @param {string[][]} categories device category per row
 * @param {string[][]} outcomes outcome per row (reused, refurbished, recycled, …)
 * @param {number|number[][]} units units per row (a column, or one number for all)
 * @param {Array<Array<*>>} factors the Factors table, header row included
 * @return {number[][]} kg CO2e avoided per row
 * @customfunction
 */
export function CIRC_CO2E(
  categories: CellArg,
  outcomes: CellArg,
  units: CellArg,
  factors: CellArg,
): Output {
  return circCo2e(categories, outcomes, units, factors, spreadsheetTimeZone);
}

/**
 * Any KPI of the registry for one month, from a KPI Data range that includes its header row.
 * @param {string} kpi the KPI id (requests, received, conversion, reuse_rate, lead_time_median, …)
 * @param {string|Date} month a month as 2026-10, or a date inside it
 * @param {Array<Array<*>>} data_range the KPI Data table, header row included
 * @param {Array<Array<*>>} factors optional: the Factors table (needed for co2e_kg)
 * @param {Array<Array<string>>} labels optional: your own outcome labels, two columns (label, outcome), e.g. 'Outcome labels'!A:B; English and French labels are known without it
 * @return {number} the KPI's value; blank when its denominator is zero
 * @customfunction
 */
export function CIRC_KPI(
  kpi: CellArg,
  month: CellArg,
  data_range: CellArg,
  factors?: CellArg,
  labels?: CellArg,
): number | string {
  return circKpi(kpi, month, data_range, factors, spreadsheetTimeZone(), labels, spreadsheetLocale);
}

/**
 * A whole KPI × month grid in one execution, reading the data range once: each cell equals
 * CIRC_KPI(kpi, month, data_range, factors, labels). Prefer it to a grid of CIRC_KPI formulas,
 * each of which re-reads the whole range on every edit.
 * @param {string[][]} kpis KPI ids down the rows (one id, or a column of ids); a blank id answers a blank row
 * @param {Array<Array<string|Date>>} months months across the columns (2026-10 or dates in them; one, or a row of them); a blank month answers a blank column
 * @param {Array<Array<*>>} data_range the KPI Data table, header row included
 * @param {Array<Array<*>>} factors optional: the Factors table (needed for co2e_kg)
 * @param {Array<Array<string>>} labels optional: your own outcome labels, two columns (label, outcome); English and French labels are known without it
 * @return {Array<Array<number|string>>} one row per KPI, one column per month, no headers; blank when a denominator is zero
 * @customfunction
 */
export function CIRC_KPI_TABLE(
  kpis: CellArg,
  months: CellArg,
  data_range: CellArg,
  factors?: CellArg,
  labels?: CellArg,
): Output {
  return circKpiTable(
    kpis,
    months,
    data_range,
    factors,
    spreadsheetTimeZone(),
    labels,
    spreadsheetLocale,
  );
}

/**
 * Control limits and Western Electric signals for a column of values: per row the centre, the
 * lower and upper control limits, and the rules the point completes (1 beyond a limit, 2 two of
 * three beyond 2 sigma, 3 four of five beyond 1 sigma, 4 eight in a row on one side).
 * @param {number[][]} values a column of values, e.g. a KPI month by month (blank rows answer blank)
 * @param {string} chart optional: xmr (default, individuals chart) or p (proportions 0-1; needs sizes)
 * @param {number[][]} sizes for a p chart: each value's denominator (e.g. devices inspected), same length
 * @return {Array<Array<*>>} one row per value: centre, lower limit, upper limit, signals ("1", "2,4" or "")
 * @customfunction
 */
export function CIRC_CONTROL_LIMITS(values: CellArg, chart?: CellArg, sizes?: CellArg): Output {
  return circControlLimits(values, chart, sizes, spreadsheetTimeZone);
}
