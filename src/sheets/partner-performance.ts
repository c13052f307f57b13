/**
 * Partner Performance: the partners named in `KPI Data` (Processing partner, Logistics partner),
 * matched to `Partners`, and their KPIs. Built by Refresh KPI dashboard from the tables it has
 * already read, plus one read of `Partners`; the tab is rebuilt whole, one write per block.
 * Score partners reads the same model for its measured criteria.
 */
import { SETTING } from '../core/settings-schema';
import { Grid } from '../core/cells';
import { headerIndex, headerKey } from '../core/headers';
import { FactorTable } from '../core/kpi/factors';
import { ParsedOrders } from '../core/kpi/orders';
import { KpiId, KpiDirection } from '../core/kpi/registry';
import { TargetTable } from '../core/kpi/targets';
import { PerformanceModel, partnerPerformance } from '../core/partners/performance';
import {
  PARTNER_PERFORMANCE_TAB,
  performanceBlocks,
  unmatchedLines,
} from '../core/partners/performance-tab';
import { formatInstant } from '../core/report/format';
import { Settings } from '../core/settings';
import { Deadline, GridSize, Sheet, writeFreshBlock } from './workbook';
import { GeneratedTabs } from './generated';

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
    serviceCountry: input.settings.of(SETTING.serviceCountry),
    measuredMonths: input.settings.of(SETTING.measuredMonths, warnings),
    timeZone: input.timeZone,
    now: input.now,
    factors: input.factors,
    directions: directionsOf(input.targets),
  });
}

export function directionsOf(targets: TargetTable): Partial<Record<KpiId, KpiDirection>> {
  return Object.fromEntries(Object.values(targets.targets).map((t) => [t!.kpi, t!.direction]));
}

/**
 * Rebuilds the tab (kept when it already shows the same, but for its "generated" line); returns
 * the rows written and the lines for the action's message.
 */
export function rebuildPartnerPerformance(
  generated: GeneratedTabs,
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
  generated.rebuild(
    PARTNER_PERFORMANCE_TAB,
    (sheet, size) => draw(generated.deadline, sheet, size, blocks),
    // The title's second line says when the tab was generated.
    { reusable: { values: tabValues(blocks), volatile: [{ row: 2, column: 1 }] } },
  );
  return {
    rowsWritten: blocks.reduce((n, b) => n + b.values.length, 0),
    warnings: unmatchedLines(model),
  };
}

type Blocks = ReturnType<typeof performanceBlocks>;

/** Each block's rows padded to its widest (a block is written as one rectangle). */
const padded = <T>(rows: T[][], fill: T): T[][] => {
  const w = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<T>(w - r.length).fill(fill)]);
};

/** The values of the whole tab, from A1, as the blocks lay them out. */
function tabValues(blocks: Blocks): Grid {
  const grid: Grid = [];
  for (const b of blocks) padded(b.values, '').forEach((r, i) => (grid[b.row - 1 + i] = r));
  return Array.from(grid, (r) => r ?? []);
}

function draw(deadline: Deadline, sheet: Sheet, size: GridSize, blocks: Blocks): void {
  let width = 1;
  for (const b of blocks) {
    const values = padded(b.values, '');
    const w = values[0].length;
    width = Math.max(width, w);
    writeFreshBlock(deadline, sheet, b.row, 1, values, size);
    const range = sheet.getRange(b.row, 1, values.length, w);
    range.setNumberFormats(padded(b.formats, '@'));
    range.setBackgrounds(padded(b.backgrounds, null));
    if (b.header) sheet.getRange(b.row, 1, 1, w).setFontWeight('bold');
  }
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 260);
  if (width > 1) sheet.setColumnWidths(2, width - 1, 120);
}
