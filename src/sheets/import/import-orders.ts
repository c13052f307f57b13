/**
 * The Apps Script side of Import orders (CSV)… and Undo last import. The dialog parses the file
 * and hands over its header and data lines with the person's column mapping; this side reads
 * `KPI Data` (and `Outcome labels`) once, plans with the import core, writes the plan's blocks
 * through the write helpers, then keeps the ledger and the undo record in the hidden
 * `Import memory` tab, the mapping in the document properties, and rebuilds `Last import`.
 * Only mapped columns are ever read from the lines: a file's other columns (personal data) are
 * never written, logged or shown.
 */
import { Grid, UserError } from '../../core/cells';
import {
  applyLedger,
  Block,
  FileValue,
  ImportPlan,
  KPI_DATA_TAB,
  KpiColumn,
  mapColumns,
  planImport,
  planUndo,
  toIncoming,
} from '../../core/import';
import { coverBlocks } from '../../core/import/blocks';
import { ImportPreview } from '../../core/import/wire';
import { outcomeLabels } from '../../core/read/outcomes';
import { OUTCOME_LABELS } from '../../core/schema/tabs';
import { ActionContext, ActionResult } from '../action';
import { ensureUnchanged } from '../unchanged';
import { activeUser } from '../log';
import { finishSwap } from '../generated';
import {
  Deadline,
  GridSize,
  readTable,
  Sheet,
  sheetsByName,
  writeBlock,
  writeBlockKeepingFormulas,
} from '../workbook';
import { lastImportGrid, LAST_IMPORT_TAB, undoneGrid, writeLastImport } from './last-import';
import { IMPORT_MEMORY_TAB, ImportMemory, readMemory, writeMemory } from './memory';

/** Document property holding the last mapping used (source header → KPI column, '' = not imported). */
export const MAPPING_KEY = 'circ.import.mapping';

export interface ImportRequest {
  fileName: string;
  /** The file's header row. */
  headers: string[];
  /** The file's data lines (header excluded), every column as parsed. */
  lines: FileValue[][];
  /** Source header → KPI column (null = not imported); default: the suggestion, remembered choices first. */
  mapping?: Record<string, string | null>;
  dateOrder: 'dmy' | 'mdy';
  decimal?: ',' | '.';
}

/**
 * Once `KPI Data` is written, its memory and report must follow whatever the time (a ledger behind
 * the tab would take the import's values for a person's): no deadline, but what they say is said.
 */
const afterWriting = (ctx: ActionContext): Deadline => ({
  beforeWriting: () => {},
  notices: ctx.notices,
});

function kpiSheet(ctx: ActionContext, tabs = sheetsByName(ctx.ss, ctx.notices)): Sheet {
  const sheet = tabs.get(KPI_DATA_TAB);
  if (!sheet)
    throw new UserError(
      `There is no '${KPI_DATA_TAB}' tab to import into. Run Set up workbook first; nothing was changed.`,
    );
  return sheet;
}

/** The mapping remembered from the last import ({} when none, or unreadable). */
export function rememberedMapping(): Record<string, string> {
  const text = PropertiesService.getDocumentProperties()?.getProperty(MAPPING_KEY);
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>))
      if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}

function writeBlocks(
  ctx: ActionContext,
  sheet: Sheet,
  blocks: readonly (Block | null)[],
  size: Partial<GridSize>,
): number {
  let rows = 0;
  for (const b of blocks) {
    if (!b || !b.values.length) continue;
    writeBlock(ctx, sheet, b.row, b.column, b.values, size);
    rows += b.values.length;
  }
  return rows;
}

/**
 * The cells to rewrite in existing rows as one rectangle (coverBlocks), and the formulas it
 * covers, read before anything is written: a formula a person put there is written back as
 * such, never replaced by its value.
 */
function coverWithFormulas(
  sheet: Sheet,
  blocks: readonly Block[],
  current: Grid,
): { block: Block; formulas: string[][] } | null {
  const block = coverBlocks(blocks, current);
  if (!block) return null;
  const formulas = sheet
    .getRange(block.row, block.column, block.values.length, block.values[0].length)
    .getFormulas();
  return { block, formulas };
}

/**
 * Stops the action (UserError, nothing written) when a block it is about to write no longer
 * holds what it read there: `current` for rows it read, blank for rows it appends. Answers what
 * the last check found of the grid (its rows): the writes that follow need not ask again, and a
 * question asked once they are buffered would make Sheets send them first.
 */
function guardBlocks(
  ctx: ActionContext,
  sheet: Sheet,
  current: Grid,
  blocks: readonly (Block | null)[],
): Partial<GridSize> {
  let maxRows: number | null = null;
  for (const b of blocks) {
    if (!b || !b.values.length) continue;
    const width = b.values[0].length;
    const before = b.values.map((_, i) =>
      Array.from({ length: width }, (_, j) => current[b.row - 1 + i]?.[b.column - 1 + j] ?? ''),
    );
    maxRows = ensureUnchanged(ctx, sheet, before, { top: b.row, left: b.column }) ?? maxRows;
  }
  return maxRows === null ? {} : { rows: maxRows };
}

function writeCovered(
  ctx: ActionContext,
  sheet: Sheet,
  covered: { block: Block; formulas: string[][] } | null,
): number {
  if (!covered) return 0;
  const { block, formulas } = covered;
  writeBlockKeepingFormulas(ctx, sheet, block.row, block.column, block.values, formulas);
  return block.values.length;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Everything an import decides before writing: read once, planned in memory. */
interface Prepared {
  sheet: Sheet;
  existing: Grid;
  labelsRows: number;
  labels: ReturnType<typeof outcomeLabels>;
  memory: ImportMemory;
  remembered: Record<string, string>;
  columns: (KpiColumn | null)[];
  mapped: { h: string; column: KpiColumn }[];
  plan: ImportPlan;
}

function prepare(ctx: ActionContext, request: ImportRequest): Prepared {
  const { fileName, headers, lines } = request;
  if (!Array.isArray(headers) || !headers.length)
    throw new UserError(`${fileName} has no header row; nothing was imported.`);
  const remembered = rememberedMapping();
  // The person's choices win, then what was remembered, then the suggestion (mapColumns).
  const columns = mapColumns(headers, { ...remembered, ...(request.mapping ?? {}) });
  if (!columns.includes('Order ID'))
    throw new UserError(
      `No column of ${fileName} is mapped to Order ID: orders cannot be matched without it. Choose the column that holds the order number; nothing was imported.`,
    );
  const mapped = headers
    .map((h, i) => ({ h, column: columns[i] }))
    .filter((m): m is { h: string; column: KpiColumn } => m.column !== null);

  // One look at the tabs' names for both (a getName per tab).
  const tabs = sheetsByName(ctx.ss, ctx.notices);
  const sheet = kpiSheet(ctx, tabs);
  const existing = readTable(sheet);
  const labelsSheet = tabs.get(OUTCOME_LABELS.name);
  const labelsGrid = labelsSheet ? readTable(labelsSheet) : [];
  const labels = outcomeLabels(labelsGrid.slice(1), 2);
  const memory = readMemory(ctx.ss);

  const incoming = toIncoming(lines, columns);
  const plan = planImport({
    existing,
    incoming,
    ledger: memory.ledger,
    options: {
      locale: ctx.ss.getSpreadsheetLocale(),
      timeZone: ctx.timeZone,
      dateOrder: request.dateOrder,
      labels,
      decimal: request.decimal,
    },
  });
  return {
    sheet,
    existing,
    labelsRows: labelsGrid.length,
    labels,
    memory,
    remembered,
    columns,
    mapped,
    plan,
  };
}

const PREVIEW_EXAMPLES = 5;

/** The import planned, nothing written: the dialog's "what the import will do". */
export function previewImport(ctx: ActionContext, request: ImportRequest): ImportPreview {
  const { plan } = prepare(ctx, request);
  const c = plan.counts;
  return {
    added: c.added,
    updated: c.updated,
    unchanged: c.unchanged,
    kept: c.kept,
    rejectedRows: c.rejectedRows,
    rejectedFields: c.rejectedFields,
    duplicates: c.duplicates,
    examples: plan.rejected
      .slice(0, PREVIEW_EXAMPLES)
      .map((r) => `line ${r.row}${r.column ? `, ${r.column}` : ''}: ${r.reason}`),
  };
}

export function importOrders(ctx: ActionContext, request: ImportRequest): ActionResult {
  const { fileName, headers, lines } = request;
  const { sheet, existing, labelsRows, labels, memory, remembered, columns, mapped, plan } =
    prepare(ctx, request);
  const who = activeUser();
  const changes = plan.counts.cells > 0 || Object.keys(plan.ledger).length > 0;
  let rowsWritten = 0;
  ctx.progress(
    `Writing ${plural(plan.counts.added, 'new order')} and ${plural(plan.counts.updated, 'update')}…`,
  );
  const updates = coverWithFormulas(sheet, plan.updates, existing);
  // The grid's width asked before anything is written, and its rows as the guards find them: the
  // blocks then ask nothing of the grid once writes wait (a question would send them first).
  const width = plan.headers || plan.append ? sheet.getMaxColumns() : undefined;
  // A colleague's edit meanwhile, where the import writes, stops it before anything is written.
  const size = {
    ...guardBlocks(ctx, sheet, existing, [updates?.block ?? null, plan.append]),
    columns: width,
  };
  rowsWritten += writeBlocks(ctx, sheet, [plan.headers], size);
  rowsWritten += writeCovered(ctx, sheet, updates);
  rowsWritten += writeBlocks(ctx, sheet, [plan.append], size);

  // Once `KPI Data` is written, its memory must follow whatever the time: a ledger or undo
  // record behind the tab would take the import's own values for a person's edits.
  if (changes) {
    const next: ImportMemory = {
      ledger: applyLedger(memory.ledger, plan.ledger),
      last: { fileName, at: ctx.now.toISOString(), who, record: plan.undo },
    };
    writeMemory(afterWriting(ctx), ctx.ss, next, ctx.interactive);
  }
  // The dialog sends only the mapped columns (personal data never leaves the browser) and the
  // person's choice for every header, "not imported" included: all of them are remembered.
  const used: Record<string, string> = { ...remembered };
  for (const [h, c] of Object.entries(request.mapping ?? {})) used[h] = c ?? '';
  headers.forEach((h, i) => (used[h] = columns[i] ?? ''));
  PropertiesService.getDocumentProperties()?.setProperty(MAPPING_KEY, JSON.stringify(used));

  rowsWritten += writeLastImport(
    afterWriting(ctx),
    ctx.ss,
    lastImportGrid(
      {
        fileName,
        at: ctx.now,
        who,
        timeZone: ctx.timeZone,
        columns: mapped.map((m) => `${m.h} → ${m.column}`),
      },
      plan,
    ),
    ctx.interactive,
  );

  const c = plan.counts;
  const rejected = c.rejectedRows + c.rejectedFields;
  const warnings: string[] = [];
  if (c.rejectedRows)
    warnings.push(
      `${plural(c.rejectedRows, 'line')} of ${fileName} not imported (see '${LAST_IMPORT_TAB}' for the file line and reason).`,
    );
  if (c.rejectedFields)
    warnings.push(
      `${plural(c.rejectedFields, 'value')} of ${fileName} not imported (see '${LAST_IMPORT_TAB}' for the file line, column and reason).`,
    );
  if (c.kept)
    warnings.push(
      `${plural(c.kept, 'order')} kept a value a person wrote in '${KPI_DATA_TAB}' over the file's (listed in '${LAST_IMPORT_TAB}').`,
    );
  if (c.duplicates)
    warnings.push(
      `${plural(c.duplicates, 'Order ID')} on several lines of ${fileName}, merged (listed in '${LAST_IMPORT_TAB}').`,
    );
  for (const p of labels.problems)
    warnings.push(`${OUTCOME_LABELS.name}, row ${p.row}: ${p.reason}.`);
  return {
    rowsRead: existing.length + lines.length + labelsRows,
    rowsWritten,
    warnings,
    summary: `Imported ${fileName} into '${KPI_DATA_TAB}': ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged, ${c.kept} kept a person's value, ${rejected} rejected.`,
  };
}

/** Undo last import: puts back what the last import changed, unless a person changed it since. */
export function undoLastImport(ctx: ActionContext): ActionResult {
  const who = activeUser();
  const memory = readMemory(ctx.ss);
  const last = memory.last;
  // An undo that stopped after its last write leaves only the previous memory tab aside.
  if (!last) finishSwap(ctx, ctx.ss, IMPORT_MEMORY_TAB);
  if (!last)
    throw new UserError(
      'There is no import to undo: the last one was already undone, or no file was imported yet. Nothing was changed.',
    );
  const sheet = kpiSheet(ctx);
  const current = readTable(sheet);
  const plan = planUndo(current, last.record, ctx.timeZone);
  if (!plan.ok) throw new UserError(plan.message);

  const restore = coverWithFormulas(sheet, plan.restore, current);
  guardBlocks(ctx, sheet, current, [restore?.block ?? null]);
  let rowsWritten = writeCovered(ctx, sheet, restore);
  // The rows are cleared as wide as they were read and checked (planUndo: nothing typed in them
  // since the import): a cell a colleague fills in a new column meanwhile is theirs, not the
  // import's. Asking the tab its width now would also make Sheets send the writes above first.
  const width = current[0]?.length ?? 0;
  for (const { row, count } of plan.clear) {
    if (width < 1) break;
    ctx.beforeWriting(`clearing the rows the import of ${last.fileName} added`);
    sheet.getRange(row, 1, count, width).clearContent();
    rowsWritten += count;
  }
  rowsWritten += writeLastImport(
    afterWriting(ctx),
    ctx.ss,
    undoneGrid(
      {
        fileName: last.fileName,
        importedAt: new Date(last.at),
        at: ctx.now,
        who,
        timeZone: ctx.timeZone,
      },
      plan.cells,
      plan.rows,
    ),
    ctx.interactive,
  );
  // As for an import: once `KPI Data` is written, its memory follows whatever the time. Last,
  // so that an undo cut short anywhere before it is resumed by the next Undo last import.
  writeMemory(
    afterWriting(ctx),
    ctx.ss,
    { ledger: applyLedger(memory.ledger, plan.ledger), last: null },
    ctx.interactive,
  );
  return {
    rowsRead: current.length,
    rowsWritten,
    warnings: [],
    summary: `Undid the import of ${last.fileName}: ${plural(plan.cells, 'cell')} of '${KPI_DATA_TAB}' put back, ${plural(plan.rows, 'added row')} cleared.`,
    details: [`'${IMPORT_MEMORY_TAB}' no longer holds an import to undo.`],
  };
}
