/**
 * Load sample data: fills the input tabs that hold no data yet with clearly marked sample rows
 * (names end in "(sample)", order ids start with SAMPLE-). A tab with a person's data is left
 * alone and named in the summary.
 */
import { Cell, Grid, formatDay } from '../core/cells';
import { alignRows } from '../core/align';
import { headerKey } from '../core/headers';
import { KPI_DATA, PARTNER_INPUT_COLUMNS, PARTNERS, RATINGS, SETTINGS } from '../core/schema/tabs';
import { CRITERIA_SEED } from '../core/seed/criteria';
import { samplePartners } from '../core/sample/partners';
import { sampleOrderGrid } from '../core/sample/orders';
import { ActionContext } from './action';
import { readTable, Sheet, sheetsByName, writeBlock } from './workbook';

export interface SampleResult {
  filled: string[];
  skipped: string[];
  rowsWritten: number;
  warnings: string[];
}

export const SAMPLE_MARK = 'Sample data';

/** Sample rows dated from `ctx.now`, the day the action runs. */
export function loadSampleData(ctx: ActionContext, orderCount = 3000): SampleResult {
  const today = ctx.now;
  const tabs = sheetsByName(ctx.ss, ctx.notices);
  const sample = samplePartners(CRITERIA_SEED, 50, 7, today);
  const blocks: { tab: string; header: string[]; rows: Grid }[] = [
    {
      tab: PARTNERS.name,
      header: [...PARTNER_INPUT_COLUMNS.map((c) => c.header), ...CRITERIA_SEED.map((c) => c.id)],
      rows: sample.partners,
    },
    { tab: RATINGS.name, header: RATINGS.columns.map((c) => c.header), rows: sample.ratings },
  ];
  const orders = sampleOrderGrid(orderCount, today);
  blocks.push({ tab: KPI_DATA.name, header: orders[0].map(String), rows: orders.slice(1) });

  const result: SampleResult = { filled: [], skipped: [], rowsWritten: 0, warnings: [] };
  for (const block of blocks) {
    const sheet = tabs.get(block.tab);
    if (!sheet) continue;
    const lastRow = sheet.getLastRow();
    if (lastRow > 1) {
      result.skipped.push(block.tab);
      continue;
    }
    const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0];
    ctx.beforeWriting(`writing sample rows to '${block.tab}'`);
    const aligned = alignRows(block.header, block.rows, header);
    for (const d of aligned.dropped)
      result.warnings.push(
        `${block.tab}: sample column '${d}' has no column in the tab; left out.`,
      );
    writeBlock(ctx, sheet, 2, 1, aligned.rows);
    result.filled.push(block.tab);
    result.rowsWritten += aligned.rows.length;
  }
  if (result.filled.length) markSettings(ctx, tabs.get(SETTINGS.name), result);
  return result;
}

/** A Settings row saying sample data is in the workbook, added once. */
function markSettings(ctx: ActionContext, sheet: Sheet | undefined, result: SampleResult): void {
  if (!sheet) return;
  const table = readTable(sheet);
  if (table.some((r) => headerKey(r[0]) === headerKey(SAMPLE_MARK))) return;
  const row: Cell[] = [
    SAMPLE_MARK,
    `loaded ${formatDay(ctx.now, ctx.timeZone)} into ${result.filled.join(', ')}`,
    'Sample partners end in "(sample)" and sample orders start with SAMPLE-; delete those rows before real use.',
  ];
  writeBlock(ctx, sheet, Math.max(table.length, 1) + 1, 1, [row]);
  result.rowsWritten += 1;
}
