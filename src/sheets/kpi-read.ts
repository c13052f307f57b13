/**
 * Reading `KPI Data` the same way for the dashboard and the report: in the spreadsheet's locale
 * and zone, with the team's `Outcome labels`, and `Stale after (days)` from Settings; and the
 * generated `Data quality` tab both rebuild from what was read.
 */
import { Grid } from '../core/cells';
import { DATA_QUALITY_TAB_ROWS, dataQualityGrid } from '../core/kpi/data-quality';
import { DEFAULT_STALE_AFTER_DAYS } from '../core/kpi/freshness';
import { ParsedOrders, parseOrders } from '../core/kpi/orders';
import { Issue } from '../core/kpi/table';
import { formatInstant } from '../core/report/format';
import { outcomeLabels } from '../core/read/outcomes';
import { DATA_QUALITY, OUTCOME_LABELS } from '../core/schema/tabs';
import { Settings } from '../core/settings';
import { rebuildTab } from './generated';
import { Deadline, readTable, Sheet, Spreadsheet, writeFreshBlock } from './workbook';

export interface OrdersRead {
  parsed: ParsedOrders;
  staleAfterDays: number;
  /** Rows of `Outcome labels` that could not be used ("Outcome labels, row 4: …"). */
  labelProblems: string[];
  rowsRead: number;
}

/**
 * Parses a `KPI Data` grid already read. One more read: the `Outcome labels` tab, when present
 * (the locale is a property of the spreadsheet, read once).
 */
export function readOrders(
  ss: Spreadsheet,
  tabs: Map<string, Sheet>,
  data: Grid,
  timeZone: string,
  settings: Settings,
  warnings: string[],
): OrdersRead {
  const labelsSheet = tabs.get(OUTCOME_LABELS.name);
  const labelsGrid = labelsSheet ? readTable(labelsSheet) : [];
  const labels = outcomeLabels(labelsGrid.slice(1), 2);
  const parsed = parseOrders(data, { timeZone, locale: ss.getSpreadsheetLocale(), labels });
  const staleAfterDays = settings.number(
    'Stale after (days)',
    DEFAULT_STALE_AFTER_DAYS,
    1,
    3650,
    warnings,
  );
  return {
    parsed,
    staleAfterDays,
    labelProblems: labels.problems.map((p) => `${OUTCOME_LABELS.name}, row ${p.row}: ${p.reason}.`),
    rowsRead: labelsGrid.length,
  };
}

/**
 * Rebuilds the `Data quality` tab from the findings just read (every action that reads KPI Data
 * does). Callers run it inside their keepingActiveTab, with their own tab. Returns the rows
 * written.
 */
export function rebuildDataQuality(
  deadline: Deadline,
  ss: Spreadsheet,
  issues: readonly Issue[],
  now: Date,
  timeZone: string,
): number {
  const grid = dataQualityGrid(issues, `${formatInstant(now, timeZone)} (${timeZone})`, timeZone);
  rebuildTab(deadline, ss, DATA_QUALITY.name, (sheet) => {
    writeFreshBlock(deadline, sheet, 1, 1, grid);
    sheet.setFrozenRows(3);
    sheet.getRange(3, 1, 1, 6).setFontWeight('bold');
    sheet.setTabColor(DATA_QUALITY.tabColor);
  });
  return Math.min(grid.length, DATA_QUALITY_TAB_ROWS + 3);
}
