/**
 * Draws the report model on its `Report YYYY-MM` / `Report YYYY-Qn` tab: the whole layout in one
 * write per kind (values, number formats, backgrounds, font weights), the SPARKLINE formulas in
 * one setFormulas, then one native chart per chart spec. The tab is rebuilt whole through
 * rebuildTab, so running the report twice for a period leaves one tab, never half-built.
 */
import {
  ReportLayout,
  CHART_SIZE,
  LAYOUT_WIDTH,
  reportLayout,
  PlacedChart,
} from '../core/report/layout';
import { ReportChart, ReportModel } from '../core/report/types';
import { ActionContext } from './action';
import { chartKind } from './chart-options';
import { Issue } from '../core/kpi/table';
import { GeneratedTabs, keepingActiveTab } from './generated';
import { rebuildDataQuality } from './kpi-read';
import { Deadline, GridSize, Sheet, writeFreshBlock } from './workbook';

type Blob = GoogleAppsScript.Base.Blob;

const TAB_COLOR = '#188038';

/**
 * Rebuilds the period's report tab; returns the new tab and how many rows it holds. An interactive
 * run leaves the person on the tab they were on (insertSheet activates the new tab).
 */
export function drawReportTab(
  ctx: ActionContext,
  model: ReportModel,
  quality?: { issues: readonly Issue[]; now: Date },
): { sheet: Sheet; rowsWritten: number } {
  const { ss } = ctx;
  const layout = reportLayout(model);
  let written = layout.values.length;
  const generated = new GeneratedTabs(ctx, ss);
  const sheet = keepingActiveTab(
    ss,
    () => {
      const tab = generated.rebuild(
        model.header.period.tabName,
        (s, size) => draw(ctx, s, size, layout),
        { fallbackIndex: ss.getSheets().length },
      );
      // The report read KPI Data: the Data quality tab follows it.
      if (quality)
        written += rebuildDataQuality(generated, quality.issues, quality.now, ctx.timeZone);
      return tab;
    },
    ctx.interactive,
  );
  return { sheet, rowsWritten: written };
}

function draw(deadline: Deadline, sheet: Sheet, size: GridSize, layout: ReportLayout): void {
  const rows = layout.values.length;
  writeFreshBlock(deadline, sheet, 1, 1, layout.values, size);
  const all = sheet.getRange(1, 1, rows, LAYOUT_WIDTH);
  all.setNumberFormats(layout.formats);
  all.setBackgrounds(layout.backgrounds);
  all.setFontWeights(layout.weights);
  sheet.getRange(layout.titleRow, 1).setFontSize(15);
  const { sparklines } = layout;
  sheet
    .getRange(sparklines.row, sparklines.column, sparklines.formulas.length, 1)
    .setFormulas(sparklines.formulas);
  sheet.setColumnWidth(1, layout.columnWidths[0]);
  sheet.setColumnWidths(2, LAYOUT_WIDTH - 1, layout.columnWidths[1]);
  sheet.setTabColor(TAB_COLOR);
  for (const placed of layout.charts) sheet.insertChart(chart(sheet, placed));
}

function chart(sheet: Sheet, p: PlacedChart): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const c = p.chart;
  const builder = sheet
    .newChart()
    .addRange(sheet.getRange(p.row, p.column, p.rows, p.columns))
    .setNumHeaders(1)
    .setPosition(p.anchorRow, p.anchorColumn, 0, 0)
    .setOption('title', c.title)
    .setOption('hAxis.title', c.xTitle)
    .setOption('legend.position', 'bottom')
    .setOption('width', CHART_SIZE.width)
    .setOption('height', CHART_SIZE.height);
  return chartKind(builder, c.kind, c.yTitle, c.percent).build();
}

/**
 * PNG images of the tab's native charts, by chart id, named `<id>.png` (for inline e-mail
 * images). Charts are matched by title; a chart a person removed is simply absent.
 */
export function chartImages(
  sheet: Sheet,
  charts: readonly ReportChart[],
): Partial<Record<ReportChart['id'], Blob>> {
  const byTitle = new Map(charts.map((c) => [c.title, c.id]));
  const out: Partial<Record<ReportChart['id'], Blob>> = {};
  for (const embedded of sheet.getCharts()) {
    const id = byTitle.get(String(embedded.getOptions().get('title') ?? ''));
    if (id && !out[id]) out[id] = embedded.getAs('image/png').setName(`${id}.png`);
  }
  return out;
}
