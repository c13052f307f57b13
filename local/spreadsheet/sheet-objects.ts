/**
 * The bodies behind FakeSheet's methods for the objects laid over a sheet's grid: its
 * protections, conditional format rules and charts. FakeSheet delegates here; each function
 * counts its own call, as the method did.
 */
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
import { FakeConditionalFormatRule } from './conditional-format';
import { signatureError } from './errors';
import { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';

type Protection = GoogleAppsScript.Spreadsheet.Protection;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

// ------------------------------------------------------------------ protections

export function protect(sheet: FakeSheet): Protection {
  sheet.write('protect');
  // Apps Script hands back the existing sheet protection rather than stacking a second one.
  let p = sheet.protections.find((x) => x.type === 'SHEET');
  if (!p) {
    p = new FakeProtection(sheet.parent.ctx, sheet, 'SHEET', null);
    sheet.protections.push(p);
  }
  return p as unknown as Protection;
}

export function getProtections(
  sheet: FakeSheet,
  type: GoogleAppsScript.Spreadsheet.ProtectionType,
): Protection[] {
  sheet.read('getProtections');
  const t = String(type);
  if (t !== 'RANGE' && t !== 'SHEET') throw signatureError('Sheet.getProtections', [type]);
  return sheet.protections.filter((p) => p.type === t) as unknown as Protection[];
}

// ------------------------------------------------------------------ conditional formats

export function setConditionalFormatRules(sheet: FakeSheet, rules: ConditionalFormatRule[]): void {
  sheet.write('setConditionalFormatRules');
  if (!Array.isArray(rules) || rules.some((r) => !(r instanceof FakeConditionalFormatRule))) {
    throw signatureError('Sheet.setConditionalFormatRules', [rules]);
  }
  const list = rules as unknown as FakeConditionalFormatRule[];
  for (const rule of list) {
    if (rule.state.ranges.length === 0)
      throw new Error('A conditional format rule must have at least one range.');
    if (rule.state.ranges.some((r) => r.sheet !== sheet)) {
      throw new Error('Conditional format rule cannot reference a different sheet.');
    }
  }
  sheet.conditionalFormatRules = list.slice();
}

export function getConditionalFormatRules(sheet: FakeSheet): ConditionalFormatRule[] {
  sheet.read('getConditionalFormatRules');
  return sheet.conditionalFormatRules.slice() as unknown as ConditionalFormatRule[];
}

export function clearConditionalFormatRules(sheet: FakeSheet): void {
  sheet.write('clearConditionalFormatRules');
  sheet.conditionalFormatRules = [];
}

// ------------------------------------------------------------------ charts

export function newChart(sheet: FakeSheet): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  sheet.read('newChart');
  return new FakeEmbeddedChartBuilder(
    sheet.parent.ctx,
    sheet,
  ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
}

function chartArg(method: string, chart: unknown): FakeEmbeddedChart {
  if (!(chart instanceof FakeEmbeddedChart)) throw signatureError(`Sheet.${method}`, [chart]);
  return chart;
}

export function insertChart(sheet: FakeSheet, chart: EmbeddedChart): void {
  sheet.write('insertChart');
  const c = chartArg('insertChart', chart);
  // A chart object already placed is inserted again as a new chart, as in Sheets.
  const placed =
    c.state.chartId !== null
      ? new FakeEmbeddedChart(sheet.parent.ctx, sheet, { ...c.state, chartId: null })
      : c;
  placed.state.chartId = sheet.parent.nextChartId++;
  sheet.charts.push(placed);
}

export function updateChart(sheet: FakeSheet, chart: EmbeddedChart): void {
  sheet.write('updateChart');
  const c = chartArg('updateChart', chart);
  const i = sheet.charts.findIndex(
    (x) => x.state.chartId !== null && x.state.chartId === c.state.chartId,
  );
  if (i < 0) throw new Error('The chart to update does not exist on this sheet.');
  sheet.charts[i] = c;
}

export function removeChart(sheet: FakeSheet, chart: EmbeddedChart): void {
  sheet.write('removeChart');
  const c = chartArg('removeChart', chart);
  const i = sheet.charts.findIndex(
    (x) => x.state.chartId !== null && x.state.chartId === c.state.chartId,
  );
  if (i < 0) throw new Error('The chart to remove does not exist on this sheet.');
  sheet.charts.splice(i, 1);
}

export function getCharts(sheet: FakeSheet): EmbeddedChart[] {
  sheet.read('getCharts');
  return sheet.charts.slice() as unknown as EmbeddedChart[];
}
