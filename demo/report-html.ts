/**
 * The demo's offline report (out/report.html): the workbook on the local runtime read by the
 * product's own report reader,
 * modelled by the same core as the tab and the e-mail, rendered to one self-contained HTML file
 * whose charts are the model's chart specs drawn as SVG by Vega-Lite (in a child process, see
 * vega-svg.mjs) and embedded as data: images — no hand-drawn SVG, no external request.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Runtime } from '../local/runtime';
import { ChartImage, renderReportHtml } from '../src/core/html/report';
import { lastMonthWithData } from '../src/core/kpi/months';
import { buildReport } from '../src/core/report/model';
import { monthPeriod, parsePeriod } from '../src/core/report/period';
import { ReportChart, ReportModel } from '../src/core/report/types';
import { readReportInputs } from '../src/sheets/report-read';

const HELPER = path.join(__dirname, 'vega-svg.mjs');
const VEGA_TIMEOUT_MS = 60_000;

/** Which period, and when "now" is. */
export interface ReportHtmlOptions {
  /** `2026-10`, `2026-Q3`…; default: the last complete month that holds data. */
  period?: string;
  /** Default: the runtime clock. */
  now?: Date;
}

/** A Vega-Lite spec for a report chart (values inline, long format: one datum per x × series). */
export function vegaLiteSpec(chart: ReportChart): Record<string, unknown> {
  const values = chart.rows.flatMap((r) =>
    chart.series
      .map((s, i) => ({ x: r.x, series: s, value: r.values[i] }))
      .filter((d) => d.value !== null && d.value !== undefined),
  );
  const y = {
    field: 'value',
    type: 'quantitative',
    title: chart.yTitle,
    axis: chart.percent ? { format: '.0%' } : {},
  };
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: chart.series },
    legend: { orient: 'bottom' },
  };
  const x = { field: 'x', type: 'ordinal', title: chart.xTitle, sort: chart.rows.map((r) => r.x) };
  if (chart.kind === 'pareto') return paretoSpec(chart, values, x);
  const encoding: Record<string, unknown> =
    chart.kind === 'column'
      ? { x, xOffset: { field: 'series', sort: chart.series }, y, color }
      : chart.kind === 'stacked-column'
        ? { x, y: { ...y, stack: 'zero' }, color, order: { field: 'order' } }
        : { x, y, color };
  const mark = chart.kind === 'line' ? { type: 'line', point: true } : { type: 'bar' };
  const order = new Map(chart.series.map((s, i) => [s, i]));
  // No Vega title: the HTML puts the chart's title in a heading above the image.
  return {
    width: 560,
    height: 240,
    background: 'white',
    config: { font: 'Arial', title: { fontSize: 14 } },
    data: { values: values.map((d) => ({ ...d, order: order.get(d.series) })) },
    mark,
    encoding,
  };
}

/**
 * A Pareto: the counts as bars on the left axis, the cumulative share as a line with points on an
 * independent right axis in percent (the native chart's combo with a second axis).
 */
function paretoSpec(
  chart: ReportChart,
  values: { x: string; series: string; value: number | null }[],
  x: Record<string, unknown>,
): Record<string, unknown> {
  const [count, cumulative] = chart.series;
  return {
    width: 560,
    height: 240,
    background: 'white',
    config: { font: 'Arial', title: { fontSize: 14 } },
    data: { values },
    encoding: { x: { ...x, axis: { labelAngle: -30 } } },
    layer: [
      {
        transform: [{ filter: { field: 'series', equal: count } }],
        mark: { type: 'bar', color: '#4285f4' },
        encoding: { y: { field: 'value', type: 'quantitative', title: chart.yTitle } },
      },
      {
        transform: [{ filter: { field: 'series', equal: cumulative } }],
        mark: { type: 'line', point: true, color: '#db4437' },
        encoding: {
          y: {
            field: 'value',
            type: 'quantitative',
            title: 'cumulative share',
            scale: { domain: [0, 1] },
            axis: { format: '.0%', orient: 'right' },
          },
        },
      },
    ],
    resolve: { scale: { y: 'independent' } },
  };
}

/** SVG text per chart id, rendered by Vega-Lite in a child Node process. */
export function chartsToSvg(charts: readonly ReportChart[]): Record<string, string> {
  const input = JSON.stringify(charts.map((c) => ({ id: c.id, spec: vegaLiteSpec(c) })));
  const out = execFileSync(process.execPath, [HELPER], {
    input,
    timeout: VEGA_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as Record<string, string>;
}

/** The report model of the workbook held by a local runtime. */
export function reportModelOf(runtime: Runtime, options: ReportHtmlOptions = {}): ReportModel {
  return runtime.runAs('FULL', () => {
    const ss = runtime.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const now = options.now ?? runtime.clock.date();
    const tz = ss.getSpreadsheetTimeZone();
    const by = `${runtime.options.userEmail ?? 'local user'} (offline export)`;
    const read = readReportInputs(ss, parsePeriod(options.period ?? '', now, tz), now, by);
    if (!options.period)
      read.input.period = monthPeriod(lastMonthWithData(read.input.kpi?.orders ?? [], now, tz));
    return buildReport(read.input);
  });
}

/** Writes the offline report (HTML, Vega-Lite SVG charts inline) and returns its model. */
export function writeReportHtml(
  runtime: Runtime,
  file: string,
  options: ReportHtmlOptions = {},
): ReportModel {
  const model = reportModelOf(runtime, options);
  const svgs = chartsToSvg(model.charts);
  const images: Partial<Record<ReportChart['id'], ChartImage>> = {};
  for (const c of model.charts) {
    const svg = svgs[c.id];
    if (svg)
      images[c.id] = {
        src: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`,
        width: 600,
      };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderReportHtml(model, { images, maxQualityRows: 200 }));
  return model;
}
