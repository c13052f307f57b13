/**
 * Chart options in the forms embedded charts honour. A nested `vAxis` object is reported ignored
 * ("the title of vAxis which is put by setOption("vAxis", {title: "y axis"}) doesn't work", while
 * setOption("vAxes", {0: {title: "y axis"}}) does: gist.github.com/tanaikech/
 * 4125cc280e15c0fc726cb2fe4f35a3f7), so the value axis is set through `vAxes`; other options use
 * dotted names, as the EmbeddedChartBuilder reference's sample does (`'animation.duration'`).
 */

/** The vertical (value) axis of a column or line chart, as `vAxes[0]`: title, number format, from 0. */
export function valueAxis(title: string, percent = false): Record<string, unknown> {
  return { title, format: percent ? 'percent' : 'decimal', minValue: 0 };
}

type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/**
 * The chart type and value axes of a chart kind, for the dashboard and the report alike. A
 * Pareto is a combo chart: the counts as bars on the left axis, the cumulative share as a line on
 * a right, percent axis (series 1 → targetAxisIndex 1, as the Combo chart options document).
 */
export function chartKind(
  builder: Builder,
  kind: 'column' | 'stacked-column' | 'line' | 'pareto',
  yTitle: string,
  percent = false,
): Builder {
  if (kind === 'pareto')
    return builder
      .setChartType(Charts.ChartType.COMBO)
      .setOption('seriesType', 'bars')
      .setOption('series', { 1: { type: 'line', targetAxisIndex: 1, pointSize: 5 } })
      .setOption('vAxes', {
        0: valueAxis(yTitle),
        1: { ...valueAxis('cumulative share', true), maxValue: 1 },
      });
  const b = builder
    .setChartType(kind === 'line' ? Charts.ChartType.LINE : Charts.ChartType.COLUMN)
    .setOption('vAxes', { 0: valueAxis(yTitle, percent) });
  return kind === 'stacked-column' ? b.setOption('isStacked', true) : b;
}
