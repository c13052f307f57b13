/**
 * out/email.html: the e-mail *Email report…* sent in the demo, as its recipients see it. In the
 * message the charts are inline images (`cid:chart_<id>`) that only a mail client can resolve, and
 * offline they are the local runtime's blank stand-ins; so each one the e-mail shows is replaced
 * by a PNG drawn from the same chart's Vega-Lite spec (chart-png.ts), embedded as a data: URI. A
 * chart the e-mail left out to fit its size stays left out, with the line naming its tab.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Runtime } from '../local/runtime';
import { ReportChart } from '../src/core/report/types';
import { chartsToPng } from './chart-png';
import { reportModelOf } from './report-html';

const CID = /src="cid:chart_([a-z_]+)"/g;

/** Writes the first e-mail of the outbox with its charts drawn; returns the chart ids drawn. */
export function writeEmailHtml(runtime: Runtime, file: string): ReportChart['id'][] {
  const html = runtime.outbox[0]?.htmlBody;
  if (!html) return [];
  // The period the e-mail reports: its header names the report tab.
  const period = />Report (\d{4}-(?:\d{2}|Q[1-4]))</.exec(html)?.[1];
  const model = reportModelOf(runtime, period ? { period } : {});
  const shown = new Set([...html.matchAll(CID)].map((m) => m[1]));
  const pngs = chartsToPng(model.charts.filter((c) => shown.has(c.id)));
  const page = html
    .replace(CID, (all, id: ReportChart['id']) =>
      pngs[id] ? `src="data:image/png;base64,${pngs[id].toString('base64')}"` : all,
    )
    .replace(
      '<!DOCTYPE html>',
      '<!DOCTYPE html>\n<!-- The e-mail Email report… sent; its inline chart images drawn offline from the same chart specs (Vega-Lite, resvg). -->',
    );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, page);
  return Object.keys(pngs) as ReportChart['id'][];
}
