/**
 * The data-quality section: how many rows of KPI Data were skipped and why (counted by reason),
 * values that were kept but blanked, inspected devices without an emission factor, and what the
 * readers found in the other tabs. Row-level findings are listed, skipped rows first, up to a cap.
 */
import { qualityCounts, qualitySentence } from '../kpi/data-quality';
import { MissingFactor } from '../kpi/engine';
import { Issue } from '../kpi/table';
import { QualityRow, ReportInput, ReportModel } from './types';

/** Row-level findings listed in the model (the tab shows them all; the e-mail fewer). */
export const MAX_QUALITY_ROWS = 200;
/** Reader notes listed (5,000 partners with a typo each must not make a 5,000-line section). */
export const MAX_NOTES = 50;

/** The data-quality section from the parsed KPI Data, reader notes and missing factors. */
export function qualitySection(
  input: ReportInput,
  missingFactors: readonly MissingFactor[],
): ReportModel['quality'] {
  const issues = input.kpi?.issues ?? [];
  const skipped = input.kpi?.rowsSkipped ?? 0;
  const notes: string[] = [];
  if (input.kpi) {
    // The same sentence as the alert, the dashboard and the Data quality tab.
    notes.push(
      `KPI Data: ${input.kpi.rowsRead} order(s) read. ${qualitySentence(qualityCounts(issues), Math.min(issues.length, MAX_QUALITY_ROWS))}`,
    );
    for (const [reason, n] of byReason(issues.filter((i) => i.skipped)))
      notes.push(`Order left out — ${reason} (${n}).`);
    for (const [reason, n] of byReason(issues.filter((i) => !i.skipped)))
      notes.push(`Order kept — ${reason} (${n}).`);
  }
  for (const m of missingFactors) {
    notes.push(
      `Factors: no emission factor for ${m.category} / ${m.outcome} (${m.count} device(s)); their CO2e counts 0.`,
    );
  }
  notes.push(...input.notes.slice(0, MAX_NOTES));
  if (input.notes.length > MAX_NOTES)
    notes.push(`… and ${input.notes.length - MAX_NOTES} more findings in the tabs named above.`);
  if (!notes.length) notes.push('No data-quality finding.');
  const ordered = [...issues.filter((i) => i.skipped), ...issues.filter((i) => !i.skipped)];
  const rows: QualityRow[] = ordered.slice(0, MAX_QUALITY_ROWS).map((i) => ({
    tab: 'KPI Data',
    row: i.row,
    column: i.column,
    value: i.value,
    reason: i.reason,
    skipped: i.skipped,
  }));
  return { notes, rows, total: issues.length, skipped };
}

/** Reasons with their counts, most frequent first; row-specific wording ("first seen in row 12") folded. */
function byReason(issues: readonly Issue[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const i of issues) {
    const reason = `${i.column.replace(/\s*\([A-Z]+\)$/, '')}: ${i.reason.replace(/,? first seen in row \d+/, '').replace(/ in row \d+/, '')}`;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
