/**
 * The report in plain text: the e-mail's text part, read by clients that show no HTML and by
 * screen readers. Header, summary and the KPI table; the rest is in the HTML part and the tab.
 */
import { formatNumber } from './format';
import { ReportModel } from './types';

/** The plain-text report. */
export function renderReportText(model: ReportModel): string {
  const h = model.header;
  const kpis = model.kpis.map((r) => {
    const f = (v: number | null) => formatNumber(v, r.format) || '–';
    const rag = r.rag ? ` [${r.rag}]` : '';
    return `- ${r.label}: ${f(r.actual)}${r.target !== null ? ` (target ${f(r.target)})` : ''}${rag}; previous ${f(r.previous)}; year to date ${f(r.ytd)}`;
  });
  return [
    model.title,
    `Scope: ${h.scope}`,
    `Period: ${h.periodText}`,
    `Generated: ${h.generatedAt} by ${h.generatedBy}`,
    '',
    ...model.summary,
    '',
    'Key performance indicators',
    ...(model.kpiNote ? [model.kpiNote] : []),
    ...kpis,
    '',
    'Signals: real changes, not noise',
    ...(model.signals.note ? [model.signals.note] : []),
    ...model.signals.lines.map((x) => `- ${x.text}`),
    '',
    `Pareto of reasons, breakdown by category, partner shortlist, benchmark highlights and data quality: see the HTML version of this e-mail or the tab "${h.period.tabName}" in the workbook.`,
  ].join('\n');
}
