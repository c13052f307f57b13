/**
 * Refresh KPI dashboard: one read each of KPI Data, KPI Targets, Factors and Settings; the KPI
 * engine in core; the `KPI Dashboard` tab rebuilt whole with its table, RAG colours, sparklines,
 * four native charts and the data-quality list.
 */
import { describe } from '../core/cells';
import { ChartSpec, DashboardModel, dashboardModel } from '../core/dashboard';
import { FactorTable, parseFactors } from '../core/kpi/factors';
import { Issue } from '../core/kpi/table';
import { TargetTable, parseTargets } from '../core/kpi/targets';
import {
  DATA_QUALITY,
  FACTORS,
  KPI_DASHBOARD,
  KPI_DATA,
  KPI_TARGETS,
  PARTNERS,
  SETTINGS,
} from '../core/schema/tabs';
import { ParsedOrders } from '../core/kpi/orders';
import { PARTNER_PERFORMANCE_TAB } from '../core/partners/performance-tab';
import { performanceModel, rebuildPartnerPerformance } from './partner-performance';
import { Settings } from '../core/settings';
import { ActionContext, ActionResult } from './action';
import { chartKind } from './chart-options';
import { keepingActiveTab, rebuildTab } from './generated';
import { readOrders, rebuildDataQuality } from './kpi-read';
import { requireTab } from './partners';
import { Deadline, readTable, Sheet, sheetsByName, writeFreshBlock } from './workbook';

export interface KpiInputs {
  model: DashboardModel;
  issues: Issue[];
  rowsRead: number;
  warnings: string[];
  /** What was read, for Partner Performance (no second read). */
  read: {
    parsed: ParsedOrders;
    settings: Settings;
    targets: TargetTable;
    factors: FactorTable;
    tabs: Map<string, Sheet>;
  };
}

/** Reads the KPI tabs once each and computes the dashboard model (shared with the report). */
export function readKpis(ctx: ActionContext): KpiInputs {
  const { ss, now, timeZone } = ctx;
  const tabs = sheetsByName(ss, ctx.notices);
  const data = readTable(requireTab(tabs, KPI_DATA.name));
  const targetsGrid = readTable(requireTab(tabs, KPI_TARGETS.name));
  const factorsGrid = readTable(requireTab(tabs, FACTORS.name));
  const settingsSheet = tabs.get(SETTINGS.name);
  const settings = new Settings(settingsSheet ? readTable(settingsSheet) : []);
  const settingWarnings: string[] = [];
  const read = readOrders(ss, tabs, data, timeZone, settings, settingWarnings);
  const { parsed } = read;
  const targets = parseTargets(targetsGrid);
  const factors = parseFactors(factorsGrid);
  const model = dashboardModel({
    orders: parsed.orders,
    issues: parsed.issues,
    targets,
    factors,
    timeZone,
    now,
    scope: settings.text('Scope', 'Recycling service France'),
    staleAfterDays: read.staleAfterDays,
    hasReasonColumn: parsed.hasReason,
  });
  const line = (tab: string, i: Issue) => issueLine(tab, i, timeZone);
  const warnings = [
    ...model.freshness.notes,
    ...(parsed.issues.length
      ? [
          // The same counts as the dashboard and the Data quality tab.
          `${model.qualityLine} Each is listed in the '${DATA_QUALITY.name}' tab.`,
          // The first issues in full, then a count: a dashboard refresh must not drown its reader.
          ...parsed.issues.slice(0, 10).map((i) => line(KPI_DATA.name, i)),
        ]
      : []),
    ...read.labelProblems,
    ...settingWarnings,
    ...targets.issues.map((i) => line(KPI_TARGETS.name, i)),
    ...factors.issues.map((i) => line(FACTORS.name, i)),
    ...model.result.missingFactors.map(
      (m) =>
        `${FACTORS.name}: no factor for ${m.category} / ${m.outcome} (${m.count} device(s)); their CO2e counts 0.`,
    ),
  ];
  return {
    model,
    issues: parsed.issues,
    rowsRead: data.length + targetsGrid.length + factorsGrid.length + read.rowsRead,
    warnings,
    read: { parsed, settings, targets, factors, tabs },
  };
}

export function refreshDashboard(ctx: ActionContext): ActionResult {
  const { ss } = ctx;
  const { model, issues, rowsRead, warnings, read } = readKpis(ctx);
  // Partner Performance (issue 19): the same orders, the partners they name (one more read).
  const partnersSheet = read.tabs.get(PARTNERS.name);
  const partners = partnersSheet ? readTable(partnersSheet) : [];
  const performance = performanceModel(
    { ...read, partners, timeZone: ctx.timeZone, now: ctx.now },
    warnings,
  );
  ctx.beforeWriting('drawing the dashboard');
  const [quality, perf] = keepingActiveTab(ss, () => {
    rebuildTab(ctx, ss, KPI_DASHBOARD.name, (sheet) => drawDashboard(ctx, sheet, model));
    const q = rebuildDataQuality(ctx, ss, issues, ctx.now, ctx.timeZone);
    const p = rebuildPartnerPerformance(ctx, ss, performance, read.targets, ctx.timeZone, ctx.now);
    return [q, p] as const;
  });
  warnings.push(...perf.warnings);
  const rowsWritten =
    model.blocks.reduce((n, b) => n + b.values.length, 0) + quality + perf.rowsWritten;
  return {
    rowsRead: rowsRead + partners.length,
    rowsWritten,
    warnings,
    summary: `KPI Dashboard refreshed: ${model.scorecard.length} KPIs over ${model.months[0]} – ${model.months[model.months.length - 1]}, ${model.charts.length} charts; '${PARTNER_PERFORMANCE_TAB}': ${performance.roles.length} partner role(s) over the last ${performance.months.length} month(s).`,
  };
}

function drawDashboard(deadline: Deadline, sheet: Sheet, model: DashboardModel): void {
  for (const b of model.blocks) {
    writeFreshBlock(deadline, sheet, b.row, b.column, b.values);
    const range = sheet.getRange(b.row, b.column, b.values.length, b.values[0].length);
    if (b.formats) range.setNumberFormats(b.formats);
    if (b.backgrounds) range.setBackgrounds(b.backgrounds);
    if (b.bold !== undefined)
      sheet.getRange(b.row, b.column, 1, b.values[0].length).setFontWeight('bold');
  }
  const { sparklines } = model;
  sheet
    .getRange(sparklines.row, sparklines.column, sparklines.formulas.length, 1)
    .setFormulas(sparklines.formulas);
  const table = model.blocks[1];
  sheet.setFrozenRows(table.row);
  sheet.setFrozenColumns(1);
  sheet.setColumnWidth(1, 230);
  const chartColumn = table.values[0].length + 2;
  model.charts.forEach((spec, i) =>
    sheet.insertChart(chart(sheet, spec, table.row + i * 20, chartColumn)),
  );
}

function chart(
  sheet: Sheet,
  spec: ChartSpec,
  row: number,
  column: number,
): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const builder = sheet
    .newChart()
    .addRange(sheet.getRange(spec.row, spec.column, spec.rows, spec.columns))
    .setNumHeaders(1)
    .setPosition(row, column, 0, 0)
    .setOption('title', spec.title)
    .setOption('legend.position', 'bottom')
    .setOption('width', 640)
    .setOption('height', 360);
  return chartKind(builder, spec.kind, spec.yTitle, spec.percent).build();
}

function issueLine(tab: string, i: Issue, timeZone: string): string {
  return `${tab}, row ${i.row}${i.column ? `, column ${i.column}` : ''}: ${describe(i.value, timeZone)} — ${i.reason}${i.skipped ? ' (row skipped)' : ''}.`;
}
