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
