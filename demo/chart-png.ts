/**
 * Report charts as PNG images, offline: the Vega-Lite spec of each chart (report-html.ts, the
 * same specs out/report.html draws) rendered to SVG by Vega, then rasterised by resvg
 * (@resvg/resvg-js, a devDependency: the demo's Node side only, never the Apps Script bundle).
 * Text is set in DejaVu Sans when the specs' Arial is missing (Debian's fonts-dejavu-core, on
 * this project's machines); a machine with no font at all would draw the charts without text.
 */
import { Resvg } from '@resvg/resvg-js';
import { ReportChart } from '../src/core/report/types';
import { chartsToSvg } from './report-html';

/** A PNG of an SVG at its own size (Vega's: about 600 × 330 px for a report chart). */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return Buffer.from(resvg.render().asPng());
}

/** PNG bytes per chart id (charts Vega could not draw are absent). */
export function chartsToPng(
  charts: readonly ReportChart[],
): Partial<Record<ReportChart['id'], Buffer>> {
  const svgs = chartsToSvg(charts);
  const out: Partial<Record<ReportChart['id'], Buffer>> = {};
  for (const c of charts) if (svgs[c.id]) out[c.id] = svgToPng(svgs[c.id]);
  return out;
}
