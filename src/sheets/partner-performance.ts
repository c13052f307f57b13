/**
 * Partner Performance: the partners named in `KPI Data` (Processing partner, Logistics partner),
 * matched to `Partners`, and their KPIs. Built by Refresh KPI dashboard from the tables it has
 * already read, plus one read of `Partners`; the tab is rebuilt whole, one write per block.
 * Score partners reads the same model for its measured criteria.
 */
import { Grid } from '../core/cells';
import { headerIndex, headerKey } from '../core/headers';
import { FactorTable } from '../core/kpi/factors';
import { ParsedOrders } from '../core/kpi/orders';
import { KpiId, Direction } from '../core/kpi/registry';
import { TargetTable } from '../core/kpi/targets';
import {
  DEFAULT_MEASURED_MONTHS,
  DEFAULT_SERVICE_COUNTRY,
  PerformanceModel,
  partnerPerformance,
} from '../core/partners/performance';
import {
  PARTNER_PERFORMANCE_TAB,
  performanceBlocks,
  unmatchedLines,
} from '../core/partners/performance-tab';
import { formatInstant } from '../core/report/format';
import { Settings } from '../core/settings';
import { Deadline, Sheet, Spreadsheet, writeFreshBlock } from './workbook';
import { rebuildTab } from './generated';

export interface PerformanceInputs {
  parsed: ParsedOrders;
  /** The `Partners` grid as read (header first); empty when the tab is missing. */
  partners: Grid;
  settings: Settings;
  timeZone: string;
  now: Date;
  factors?: FactorTable | null;
  targets: TargetTable;
}

/** The partners' performance from tables already read; warnings for unreadable settings. */
export function performanceModel(input: PerformanceInputs, warnings: string[]): PerformanceModel {
  const idx = headerIndex(input.partners[0] ?? []);
  const nameCol = idx.get(headerKey('Partner'));
  const countryCol = idx.get(headerKey('Country'));
  const partners =
    nameCol && countryCol
      ? input.partners.slice(1).map((r) => ({ name: r[nameCol - 1], country: r[countryCol - 1] }))
      : [];
  return partnerPerformance({
    orders: input.parsed.orders,
    columns: input.parsed.partnerColumns,
    partners,
    serviceCountry: input.settings.text('Service country', DEFAULT_SERVICE_COUNTRY),
    measuredMonths: input.settings.number(
      'Measured months',
      DEFAULT_MEASURED_MONTHS,
      1,
      60,
      warnings,
    ),
    timeZone: input.timeZone,
    now: input.now,
    factors: input.factors,
    directions: directionsOf(input.targets),
  });
}

export function directionsOf(targets: TargetTable): Partial<Record<KpiId, Direction>> {
  return Object.fromEntries(Object.values(targets.targets).map((t) => [t!.kpi, t!.direction]));
}

/** Rebuilds the tab; returns the rows written and the lines for the action's message. */
export function rebuildPartnerPerformance(
  deadline: Deadline,
  ss: Spreadsheet,
  model: PerformanceModel,
  targets: TargetTable,
  timeZone: string,
  now: Date,
): { rowsWritten: number; warnings: string[] } {
  const { processing, logistics } = model.columns;
  const missingColumns =
    processing || logistics
      ? null
      : "KPI Data has no 'Processing partner' or 'Logistics partner' column: run Set up workbook to add them, then name each order's partners as in Partners.";
  const blocks = performanceBlocks(model, targets, {
    generated: `${formatInstant(now, timeZone)} (${timeZone})`,
    missingColumns,
  });
  rebuildTab(deadline, ss, PARTNER_PERFORMANCE_TAB, (sheet) => draw(deadline, sheet, blocks));
  return {
    rowsWritten: blocks.reduce((n, b) => n + b.values.length, 0),
    warnings: unmatchedLines(model),
  };
}

function draw(
  deadline: Deadline,
  sheet: Sheet,
  blocks: ReturnType<typeof performanceBlocks>,
): void {
  let width = 1;
  for (const b of blocks) {
    // Each block is rectangular: shorter rows (the title's lines) are padded.
    const w = Math.max(...b.values.map((r) => r.length));
    width = Math.max(width, w);
    const pad = <T>(rows: T[][], fill: T) =>
      rows.map((r) => [...r, ...new Array<T>(w - r.length).fill(fill)]);
    const values = pad(b.values, '');
    writeFreshBlock(deadline, sheet, b.row, 1, values);
    const range = sheet.getRange(b.row, 1, values.length, w);
    range.setNumberFormats(pad(b.formats, '@'));
    range.setBackgrounds(pad(b.backgrounds, null));
    if (b.header) sheet.getRange(b.row, 1, 1, w).setFontWeight('bold');
  }
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 260);
  if (width > 1) sheet.setColumnWidths(2, width - 1, 120);
}
