/**
 * Score partners: reads Criteria, Partners and Settings once each, scores in core, writes the
 * computed columns of Partners in one block, lays a heat map over the score columns, and rebuilds
 * the `Partner Ranking` tab (top 3 per segment and a native bar chart).
 */
import { SETTING } from '../core/settings-schema';
import { Grid, UserError, isBlank } from '../core/cells';
import { headerIndex, headerKey } from '../core/headers';
import { Framework, readFramework } from '../core/partners/criteria';
import { assessPartners, computedRow, COMPUTED_HEADERS } from '../core/partners/assess';
import { chartData, rankingTable, RANKING_TAB } from '../core/partners/ranking';
import { describeReplaced, typedInComputed } from '../core/partners/computed-cells';
import { CRITERIA, PARTNERS, SETTINGS } from '../core/schema/tabs';
import { MeasuredValue, measuredValues, readMeasured } from '../core/partners/measured';
import { pooledKpis } from '../core/partners/performance';
import { unmatchedLines } from '../core/partners/performance-tab';
import { KpiTabs } from './kpi-read';
import { directionsOf, performanceModel } from './partner-performance';
import { Settings } from '../core/settings';
import { ActionContext, ActionResult } from './action';
import { ensureUnchanged } from './unchanged';
import { HEADER_BACKGROUND } from './formats';
import { keepingActiveTab, rebuildTab } from './generated';
import { syncPartnerColumns } from './setup';
import {
  Deadline,
  readTable,
  readTableWithFormats,
  rectangular,
  Sheet,
  sheetsByName,
  writeBlock,
  writeFreshBlock,
  requireTab,
  GridSize,
} from './workbook';

const FORMATS: Record<string, string> = {
  Score: '0.00',
  Coverage: '0%',
  Rank: '0',
  Stability: '0%',
};

export function scorePartners(ctx: ActionContext): ActionResult {
  const { ss } = ctx;
  const tabs = sheetsByName(ss, ctx.notices);
  const partnersSheet = requireTab(tabs, PARTNERS.name);
  const { values: criteria, formats: criteriaFormats } = readTableWithFormats(
    requireTab(tabs, CRITERIA.name),
  );
  const partners = readTable(partnersSheet);
  const settingsSheet = tabs.get(SETTINGS.name);
  const settings = new Settings(settingsSheet ? readTable(settingsSheet) : []);
  // A criterion added to Criteria gets its score column before anything is scored.
  const synced = syncPartnerColumns(ctx, partnersSheet, criteria, {
    header: partners[0] ?? [],
    rows: partners.length,
  });
  if (partners.length)
    partners.splice(0, partners.length, ...rectangular([synced.header, ...partners.slice(1)]));
  const warnings: string[] = [...synced.warnings];
  const spread = settings.of(SETTING.stabilitySpread, warnings);

  const framework = readFramework(criteria, ctx.timeZone, criteriaFormats);
  // Measured criteria (issue 19): KPI Data and its companions are read only when one is named.
  const measured = measuredScores(ctx, tabs, criteria, framework, partners, settings, warnings);
  // Set up's notes on the header say which columns are score columns (of a criterion since gone).
  const headerNotes = partners.length
    ? partnersSheet.getRange(1, 1, 1, partners[0].length).getNotes()[0]
    : [];
  const assessment = assessPartners(framework, partners, {
    spread,
    timeZone: ctx.timeZone,
    headerNotes,
    measured: measured.byPartner,
  });
  warnings.push(...assessment.issues);

  ctx.beforeWriting('writing the scores');
  const columns = computedColumns(ctx, partnersSheet, partners[0] ?? []);
  const byRow = new Map(assessment.results.map((r) => [r.row, r]));
  const rows: Grid = [];
  for (let row = 2; row <= assessment.dataRows + 1; row++) rows.push(computedRow(byRow.get(row)));
  // The heat map's rules are read with the rest, before anything is written.
  const currentRules = partnersSheet.getConditionalFormatRules();
  if (rows.length) {
    // What a person typed in the computed columns is replaced, and said (README, "Computed
    // columns"): the cells, and what they held, in the message and the Log.
    const width = COMPUTED_HEADERS.length;
    const current = partners
      .slice(1)
      .map((r) => COMPUTED_HEADERS.map((_, j) => r[columns.first - 1 + j] ?? ''));
    const formulas = partnersSheet.getRange(2, columns.first, rows.length, width).getFormulas();
    const replaced = typedInComputed(COMPUTED_HEADERS, columns.first, current, formulas, rows);
    warnings.push(...replaced.map(describeReplaced));
    // A row a colleague inserted or deleted meanwhile would put every result below it on the
    // wrong partner: nothing is written unless Partners still holds what was scored.
    const measuredCol = headerIndex(partners[0] ?? []).get(headerKey(MEASURED_HEADER));
    const measuredRows: Grid = [];
    for (let row = 2; row <= assessment.dataRows + 1; row++)
      measuredRows.push([byRow.get(row)?.measured ?? '']);
    if (measuredCol) {
      const typedMeasured = typedInComputed(
        [MEASURED_HEADER],
        measuredCol,
        partners.slice(1).map((r) => [r[measuredCol - 1] ?? '']),
        partnersSheet.getRange(2, measuredCol, rows.length, 1).getFormulas(),
        measuredRows,
      );
      warnings.push(...typedMeasured.map(describeReplaced));
    }
    ensureUnchanged(ctx, partnersSheet, partners);
    writeBlock(ctx, partnersSheet, 2, columns.first, rows);
    partnersSheet
      .getRange(2, columns.first, rows.length, COMPUTED_HEADERS.length)
      .setNumberFormats(rows.map(() => COMPUTED_HEADERS.map((h) => FORMATS[h] ?? '@')));
    // Measured scores live in this column only, never in the score cells (README, "Measured
    // criteria"): the next run would read them as typed.
    if (measuredCol) writeBlock(ctx, partnersSheet, 2, measuredCol, measuredRows);
  }
  heatMap(
    partnersSheet,
    currentRules,
    partners[0] ?? [],
    framework.criteria.map((c) => c.id),
    columns.first,
    Math.max(rows.length, 1),
  );

  const table = rankingTable(assessment.results);
  keepingActiveTab(ss, () =>
    rebuildTab(
      ctx,
      ss,
      RANKING_TAB,
      (sheet, size) => drawRanking(ctx, sheet, size, table, chartData(table)),
      ss.getSheets().length,
    ),
  );
  const scored = assessment.results.filter((r) => r.score !== null).length;
  const measuredUsed = assessment.results.filter((r) => r.measured).length;
  const knocked = assessment.results.filter((r) => r.score !== null && !r.passes).length;
  const { prospects, others } = assessment.unscored;
  const unscored = [
    prospects ? `${prospects} prospect(s) not scored yet` : '',
    others ? `${others} partner(s) with no score (listed below)` : '',
  ].filter(Boolean);
  return {
    rowsRead: criteria.length + partners.length + measured.rowsRead,
    rowsWritten: rows.length + table.length,
    warnings,
    summary: `Scored ${scored} partner(s); ${knocked} knocked out${unscored.map((u) => `; ${u}`).join('')}${measured.criteria ? `; ${measured.criteria} measured criteria, from the orders of ${measuredUsed} partner row(s) (column ${MEASURED_HEADER})` : ''}. Ranking and chart in '${RANKING_TAB}'.`,
  };
}

/**
 * Where the computed columns are; missing ones are added as a block to the right. They are
 * expected side by side in the schema's order, as setup lays them out.
 */
function computedColumns(
  deadline: Deadline,
  sheet: Sheet,
  header: Grid[number],
): { first: number } {
  const idx = headerIndex(header);
  const positions = COMPUTED_HEADERS.map((h) => idx.get(headerKey(h)));
  const first = positions[0];
  if (first && positions.every((p, i) => p === first + i)) return { first };
  if (positions.some((p) => p !== undefined)) {
    throw new UserError(
      `Partners: the computed columns ${COMPUTED_HEADERS.join(', ')} must stay side by side in this order; put them back (or delete them all and run Score partners to re-create them).`,
    );
  }
  const start = header.length + 1;
  writeBlock(deadline, sheet, 1, start, [COMPUTED_HEADERS]);
  sheet
    .getRange(1, start, 1, COMPUTED_HEADERS.length)
    .setFontWeight('bold')
    .setBackground(HEADER_BACKGROUND);
  return { first: start };
}

/** Red–amber–green gradients on the criterion scores and the weighted score; other rules kept. */
function heatMap(
  sheet: Sheet,
  current: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[],
  header: Grid[number],
  ids: string[],
  scoreColumn: number,
  rows: number,
): void {
  const idx = headerIndex(header);
  const columns = ids
    .map((id) => idx.get(headerKey(id)))
    .filter((c): c is number => c !== undefined);
  const ours = new Set([...columns, scoreColumn]);
  // Only the add-on's own heat maps are replaced (recognised by their colours on these columns);
  // a rule a person added stays.
  const kept = current.filter(
    (rule) =>
      !(
        isOurHeatMap(rule) &&
        rule.getRanges().some((r) => r.getNumColumns() === 1 && ours.has(r.getColumn()))
      ),
  );
  const rules = [...kept];
  if (columns.length) {
    rules.push(
      SpreadsheetApp.newConditionalFormatRule()
        .setGradientMinpointWithValue(LOW, SpreadsheetApp.InterpolationType.NUMBER, '1')
        .setGradientMidpointWithValue('#ffd666', SpreadsheetApp.InterpolationType.NUMBER, '3')
        .setGradientMaxpointWithValue(HIGH, SpreadsheetApp.InterpolationType.NUMBER, '5')
        .setRanges(columns.map((c) => sheet.getRange(2, c, rows, 1)))
        .build(),
    );
  }
  rules.push(
    SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpointWithValue(LOW, SpreadsheetApp.InterpolationType.NUMBER, '0')
      .setGradientMidpointWithValue('#ffd666', SpreadsheetApp.InterpolationType.NUMBER, '0.5')
      .setGradientMaxpointWithValue(HIGH, SpreadsheetApp.InterpolationType.NUMBER, '1')
      .setRanges([sheet.getRange(2, scoreColumn, rows, 1)])
      .build(),
  );
  sheet.setConditionalFormatRules(rules);
}

const LOW = '#e67c73';
const HIGH = '#57bb8a';

type Color = GoogleAppsScript.Spreadsheet.Color;
/**
 * GradientCondition's colour getters: getMinColor() / getMaxColor() are deprecated, replaced by
 * getMinColorObject() / getMaxColorObject() (developers.google.com/apps-script/reference/
 * spreadsheet/gradient-condition), which @types/google-apps-script 2.0.13 does not list yet.
 */
type GradientColors = GoogleAppsScript.Spreadsheet.GradientCondition & {
  getMinColorObject(): Color | null;
  getMaxColorObject(): Color | null;
};

/** '#rrggbb' of an RGB colour; '' for none or a theme colour (never one of ours). */
function hex(c: Color | null): string {
  return c && String(c.getColorType()) === 'RGB' ? c.asRgbColor().asHexString().toLowerCase() : '';
}

function isOurHeatMap(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const g = rule.getGradientCondition() as GradientColors | null;
  return !!g && hex(g.getMinColorObject()) === LOW && hex(g.getMaxColorObject()) === HIGH;
}

function drawRanking(
  deadline: Deadline,
  sheet: Sheet,
  size: GridSize,
  table: Grid,
  chart: Grid,
): void {
  const width = table[0].length;
  // The fresh tab's size is known: never asked after a write.
  writeFreshBlock(deadline, sheet, 1, 1, table, size);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  sheet.setFrozenRows(1);
  if (table.length > 1) {
    const formats: Record<string, string> = {
      Score: '0.00',
      Coverage: '0%',
      Stability: '0%',
      Rank: '0',
    };
    sheet
      .getRange(2, 1, table.length - 1, width)
      .setNumberFormats(table.slice(1).map(() => table[0].map((h) => formats[String(h)] ?? '@')));
  }
  sheet.setColumnWidths(1, width, 130);
  // The chart reads its own small block beside the table, so it always shows segment leaders.
  const chartColumn = width + 2;
  writeFreshBlock(deadline, sheet, 1, chartColumn, chart, size);
  sheet.getRange(1, chartColumn, 1, 2).setFontWeight('bold');
  if (chart.length > 1) {
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.BAR)
        .addRange(sheet.getRange(1, chartColumn, chart.length, 2))
        .setNumHeaders(1)
        .setPosition(2, chartColumn + 3, 0, 0)
        .setOption('title', 'Segment leaders: weighted score (0–1)')
        .setOption('legend.position', 'none')
        .setOption('hAxis.minValue', 0)
        .setOption('hAxis.maxValue', 1)
        .build(),
    );
  }
}

const MEASURED_HEADER = 'Measured';

/**
 * The measured scores of every partner, by identity key: the criteria that name a KPI, scored on
 * each partner's orders pooled over the last `Measured months`. Reads KPI Targets, then — only when
 * a criterion is measured — KPI Data (with Outcome labels) and Factors, once each, through the KPI
 * tabs' one reader: a tab missing or unreadable leaves the measured criteria unscored and is said.
 */
function measuredScores(
  ctx: ActionContext,
  tabs: Map<string, Sheet>,
  criteria: Grid,
  framework: Framework,
  partners: Grid,
  settings: Settings,
  warnings: string[],
): { byPartner: Map<string, MeasuredValue[]>; criteria: number; rowsRead: number } {
  const byPartner = new Map<string, MeasuredValue[]>();
  const idx = headerIndex(criteria[0] ?? []);
  const byCol = idx.get(headerKey('Measured by'));
  if (!byCol || !criteria.slice(1).some((r) => !isBlank(r[byCol - 1])))
    return { byPartner, criteria: 0, rowsRead: 0 };
  const kpi = new KpiTabs(ctx.ss, tabs, settings, ctx.timeZone, warnings);
  const targets = kpi.targets() ?? { targets: {}, issues: [] };
  const { measured, issues } = readMeasured(
    criteria,
    framework,
    ctx.timeZone,
    directionsOf(targets),
  );
  warnings.push(...issues);
  if (!measured.length) return { byPartner, criteria: 0, rowsRead: kpi.rowsRead };
  const read = kpi.orders().read;
  const factors = read && kpi.factors();
  warnings.push(...kpi.problems.values());
  if (!read) return { byPartner, criteria: measured.length, rowsRead: kpi.rowsRead };
  const model = performanceModel(
    {
      parsed: read.parsed,
      partners,
      settings,
      timeZone: ctx.timeZone,
      now: ctx.now,
      factors,
      targets,
    },
    warnings,
  );
  warnings.push(...unmatchedLines(model));
  const span = `${model.months[0]} – ${model.months[model.months.length - 1]}`;
  for (const key of model.ordersOf.keys()) {
    const kpis = pooledKpis(model, key, ctx.timeZone, factors);
    if (kpis) byPartner.set(key, measuredValues(measured, kpis, span));
  }
  return { byPartner, criteria: measured.length, rowsRead: kpi.rowsRead };
}
