/**
 * Refresh KPI dashboard: one read each of Settings, KPI Data (with Outcome labels), KPI Targets,
 * Factors and Partners (kpi-read.ts, the KPI tabs' one reader); the KPI engine in core; the `KPI
 * Dashboard` tab rebuilt whole with its table, RAG colours, sparklines, native charts and the
 * data-quality list, then `Data quality` and `Partner Performance` — the three with one read of the
 * add-on's registry of its tabs, and no tab asked for a size the action knows.
 */
import { SETTING } from '../core/settings-schema';
import { UserError } from '../core/cells';
import {
  ChartSpec,
  DashboardBlock,
  DashboardModel,
  dashboardBlocks,
  dashboardModel,
} from '../core/kpi/dashboard';
import { FactorTable } from '../core/kpi/factors';
import { Issue } from '../core/kpi/table';
import { TargetTable } from '../core/kpi/targets';
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
import { findingLine } from '../core/kpi/data-quality';
import { ActionContext, ActionResult } from './action';
import { chartKind } from './chart-options';
import { GeneratedTabs, keepingActiveTab } from './generated';
import { KpiTabs, rebuildDataQuality } from './kpi-read';
import { Deadline, GridSize, readTable, Sheet, sheetsByName, writeFreshBlock } from './workbook';

/** KPI Targets missing or unreadable: the KPIs without targets (no RAG), said in the warnings. */
const NO_TARGETS: TargetTable = { targets: {}, issues: [] };

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
    factors: FactorTable | null;
    tabs: Map<string, Sheet>;
  };
}

/** Reads the KPI tabs once each and computes the dashboard model. */
export function readKpis(ctx: ActionContext): KpiInputs {
  const { ss, now, timeZone } = ctx;
  const tabs = sheetsByName(ss, ctx.notices);
  const settingsSheet = tabs.get(SETTINGS.name);
  const settings = new Settings(settingsSheet ? readTable(settingsSheet) : []);
  const settingWarnings: string[] = [];
  const kpi = new KpiTabs(ss, tabs, settings, timeZone, settingWarnings);
  const read = kpi.orders().read;
  // The orders are all the dashboard shows: without them it stops, saying why.
  if (!read) throw new UserError(kpi.problems.get(KPI_DATA.name)!);
  const { parsed } = read;
  const targets = kpi.targets() ?? NO_TARGETS;
  const factors = kpi.factors();
  const model = dashboardModel({
    orders: parsed.orders,
    issues: parsed.issues,
    targets,
    factors,
    timeZone,
    now,
    scope: settings.of(SETTING.scope),
    staleAfterDays: read.staleAfterDays,
    hasReasonColumn: parsed.hasReason,
  });
  const warnings = [
    ...model.freshness.notes,
    ...(parsed.issues.length
      ? [
          // The same counts as the dashboard and the Data quality tab.
          `${model.qualityLine} Each is listed in the '${DATA_QUALITY.name}' tab.`,
          // The first issues in full, then a count: a dashboard refresh must not drown its reader.
          ...parsed.issues.slice(0, 10).map((i) => findingLine(KPI_DATA.name, i, timeZone)),
        ]
      : []),
    ...read.labelProblems,
    ...settingWarnings,
    ...[KPI_TARGETS.name, FACTORS.name].flatMap((t) => kpi.problems.get(t) ?? []),
    ...kpi.findings,
    ...model.result.missingFactors.map(
      (m) =>
        `${FACTORS.name}: no factor for ${m.category} / ${m.outcome} (${m.count} device(s)); their CO2e counts 0.`,
    ),
  ];
  return {
    model,
    issues: parsed.issues,
    rowsRead: kpi.rowsRead,
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
  const generated = new GeneratedTabs(ctx, ss);
  const [quality, perf] = keepingActiveTab(ss, () => {
    generated.rebuild(KPI_DASHBOARD.name, (sheet, size) => drawDashboard(ctx, sheet, size, model));
    const q = rebuildDataQuality(generated, issues, ctx.now, ctx.timeZone);
    const p = rebuildPartnerPerformance(
      generated,
      performance,
      read.targets,
      ctx.timeZone,
      ctx.now,
    );
    return [q, p] as const;
  });
  warnings.push(...perf.warnings);
  const rowsWritten =
    dashboardBlocks(model).reduce((n, b) => n + b.values.length, 0) + quality + perf.rowsWritten;
  return {
    rowsRead: rowsRead + partners.length,
    rowsWritten,
    warnings,
    summary: `KPI Dashboard refreshed: ${model.scorecard.length} KPIs over ${model.months[0]} – ${model.months[model.months.length - 1]}, ${model.charts.length} charts; '${PARTNER_PERFORMANCE_TAB}': ${performance.roles.length} partner role(s) over the last ${performance.months.length} month(s).`,
  };
}

function drawDashboard(
  deadline: Deadline,
  sheet: Sheet,
  size: GridSize,
  model: DashboardModel,
): void {
  for (const b of dashboardBlocks(model)) drawBlock(deadline, sheet, size, b);
  const { sparklines } = model;
  sheet
    .getRange(sparklines.row, sparklines.column, sparklines.formulas.length, 1)
    .setFormulas(sparklines.formulas);
  const { table } = model.blocks;
  sheet.setFrozenRows(table.row);
  sheet.setFrozenColumns(1);
  sheet.setColumnWidth(1, 230);
  const chartColumn = table.values[0].length + 2;
  model.charts.forEach((spec, i) =>
    sheet.insertChart(chart(sheet, spec, table.row + i * 20, chartColumn)),
  );
}

function drawBlock(deadline: Deadline, sheet: Sheet, size: GridSize, b: DashboardBlock): void {
  const width = b.values[0].length;
  writeFreshBlock(deadline, sheet, b.row, b.column, b.values, size);
  const range = sheet.getRange(b.row, b.column, b.values.length, width);
  if (b.formats) range.setNumberFormats(b.formats);
  if (b.backgrounds) range.setBackgrounds(b.backgrounds);
  for (const h of b.headings) sheet.getRange(b.row + h, b.column, 1, width).setFontWeight('bold');
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
