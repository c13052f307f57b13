/**
 * The data-quality findings of `KPI Data`, counted the same way everywhere (the alert, the
 * dashboard, the report, the `Data quality` tab): findings and the orders they affect, how many
 * orders were left out, and, when a list is capped, how much of it is shown.
 */
import { Cell, describe, Grid } from '../cells';
import { formatInstant } from '../report/format';
import { Issue } from './table';

/** The generated `Data quality` tab lists at most this many findings, then the count of the rest. */
export const DATA_QUALITY_TAB_ROWS = 10_000;
export const DATA_QUALITY_TAB = 'Data quality';

export interface QualityCounts {
  findings: number;
  /** Orders with at least one finding. */
  ordersAffected: number;
  /** Orders left out of every KPI (no or unreadable Order ID / Created, duplicate id). */
  ordersLeftOut: number;
}

export function qualityCounts(issues: readonly Issue[]): QualityCounts {
  const rows = new Set<number>();
  const out = new Set<number>();
  for (const i of issues) {
    rows.add(i.row);
    if (i.skipped) out.add(i.row);
  }
  return { findings: issues.length, ordersAffected: rows.size, ordersLeftOut: out.size };
}

/**
 * One sentence: "12 findings on 9 orders of KPI Data: 2 orders left out, the others kept with the
 * field blanked", and, when `listed` is below the count, "first 500 of 12 listed here; all in the
 * 'Data quality' tab".
 */
export function qualitySentence(c: QualityCounts, listed?: number): string {
  if (!c.findings) return 'Data quality: every order of KPI Data was read in full.';
  const kept = c.ordersAffected - c.ordersLeftOut;
  const base = `Data quality: ${c.findings} finding(s) on ${c.ordersAffected} order(s) of KPI Data — ${c.ordersLeftOut} order(s) left out of every KPI, ${kept} kept with the unreadable field(s) blanked`;
  if (listed === undefined || listed >= c.findings) return `${base}.`;
  return `${base}; first ${listed} of ${c.findings} listed here, all of them in the '${DATA_QUALITY_TAB}' tab.`;
}

/**
 * One finding as a line of a message or a list: "KPI Targets, row 4, column B: 'abc' — not a
 * number (row skipped)." — the same for every tab and every action.
 */
export function findingLine(tab: string, i: Issue, timeZone: string): string {
  return `${tab}, row ${i.row}${i.column ? `, column ${i.column}` : ''}: ${describe(i.value, timeZone)} — ${i.reason}${i.skipped ? ' (row skipped)' : ''}.`;
}

/** A cell as a list shows it: text stays text, a Date as the spreadsheet shows it (its zone). */
export function listedValue(v: Cell, timeZone: string): Cell {
  if (v instanceof Date) return isNaN(v.getTime()) ? 'invalid date' : formatInstant(v, timeZone);
  return v ?? '';
}

/** The rows of the `Data quality` tab: a title, the header, one row per finding (capped). */
export function dataQualityGrid(
  issues: readonly Issue[],
  generated: string,
  timeZone: string,
): Grid {
  const c = qualityCounts(issues);
  const shown = issues.slice(0, DATA_QUALITY_TAB_ROWS);
  const rest = issues.length - shown.length;
  return [
    [qualitySentence(c), '', '', '', '', ''],
    [
      `Rebuilt by every action that reads KPI Data (${generated}).${rest ? ` The first ${shown.length} findings are listed; ${rest} more are not.` : ''}`,
      '',
      '',
      '',
      '',
      '',
    ],
    ['Tab', 'Row', 'Column', 'Value', 'Order', 'Reason'],
    ...shown.map((i) => [
      'KPI Data',
      i.row,
      i.column,
      listedValue(i.value, timeZone),
      i.skipped ? 'left out' : 'kept, field blanked',
      i.reason,
    ]),
  ];
}
