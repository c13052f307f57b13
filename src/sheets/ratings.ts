/**
 * Consolidate ratings: Ratings → the criterion score columns of Partners (medians into blank
 * cells or cells this action filled before) and the Disagreement column.
 */
import { Cell, Grid } from '../core/cells';
import { planConsolidation } from '../core/partners/consolidation';
import { readFramework } from '../core/partners/criteria';
import { CRITERIA, PARTNERS, RATINGS } from '../core/schema/tabs';
import { ActionContext, ActionResult } from './action';
import { columnRuns, ensureRunsUnchanged, readRuns } from './columns';
import { headerIndex, headerKey } from '../core/headers';
import { readMemoryTab, writeMemoryTab } from './memory-tab';
import { RATINGS_MEMORY_TAB } from '../core/schema/generated-names';
import { ProvenanceLedger } from '../core/provenance';
import { syncPartnerColumns } from './setup';
import {
  readTable,
  readTableWithFormats,
  rectangular,
  sheetsByName,
  writeBlock,
  writeBlockKeepingFormulas,
  requireTab,
} from './workbook';

export function consolidateRatings(ctx: ActionContext): ActionResult {
  const tabs = sheetsByName(ctx.ss, ctx.notices);
  const partnersSheet = requireTab(tabs, PARTNERS.name);
  const { values: criteria, formats } = readTableWithFormats(requireTab(tabs, CRITERIA.name));
  const framework = readFramework(criteria, ctx.timeZone, formats);
  const ratings = readTable(requireTab(tabs, RATINGS.name));
  // Partners is read by the columns this action uses (identity, scores, Disagreement), not whole:
  // at 5,000 partners its other columns are most of the tab.
  const extent = partnersSheet.getDataRange();
  const [rows, width] = [extent.getNumRows(), extent.getNumColumns()];
  const header = partnersSheet.getRange(1, 1, 1, width).getValues()[0];
  const empty = rows === 1 && header.every((h) => h === '');
  // Ratings of a criterion added since the last run need its score column first.
  const synced = syncPartnerColumns(ctx, partnersSheet, criteria, {
    header: empty ? [] : header,
    rows: empty ? 0 : rows,
  });
  const wide = Math.max(width, synced.header.length);
  const scored = usedColumns(
    synced.header,
    framework.criteria.map((c) => c.id),
  );
  const runs = columnRuns(scored.all.filter((c) => c <= width));
  const partners: Grid = empty
    ? []
    : rectangular(
        [
          synced.header,
          ...readRuns(partnersSheet, rows, width, runs, (r) => r.getValues(), '').slice(1),
        ],
        wide,
      );
  // Notes and formulas matter only where it writes.
  const written = columnRuns(scored.written.filter((c) => c <= width));
  const notes = empty ? [] : readRuns(partnersSheet, rows, width, written, (r) => r.getNotes(), '');
  const formulas = empty
    ? []
    : readRuns(partnersSheet, rows, width, written, (r) => r.getFormulas(), '');
  const ledger = readLedger(ctx);
  const plan = planConsolidation(
    framework.criteria,
    partners,
    notes,
    formulas,
    ratings,
    ctx.timeZone,
    ledger,
  );
  ctx.beforeWriting('writing the consolidated scores');
  const body = partners.length - 1;
  // A score a colleague typed meanwhile is theirs: nothing is written over a changed Partners.
  if (body > 0) ensureRunsUnchanged(ctx, partnersSheet, partners.slice(0, rows), runs);
  // The ledger first: whatever stops the run after it, every score cell stays recognisable.
  if (JSON.stringify(plan.ledger) !== JSON.stringify(ledger))
    writeMemoryTab(ctx, ctx.ss, RATINGS_MEMORY_TAB, MEMORY_TITLE, plan.ledger, ctx.interactive);
  if (body > 0) {
    for (const run of columnRuns(plan.columns)) {
      const offset = plan.columns.indexOf(run.first);
      const slice = (g: Grid | string[][]) => g.map((r) => r.slice(offset, offset + run.width));
      writeBlockKeepingFormulas(
        ctx,
        partnersSheet,
        2,
        run.first,
        slice(plan.values),
        slice(formulas.slice(1)) as string[][],
      );
      partnersSheet
        .getRange(2, run.first, body, run.width)
        .setNotes(slice(plan.notes) as string[][]);
    }
    if (plan.disagreementColumn)
      writeBlock(ctx, partnersSheet, 2, plan.disagreementColumn, plan.disagreements);
  }
  const flagged = plan.disagreements.filter((d) => d[0] !== '').length;
  return {
    rowsRead: framework.criteria.length + ratings.length + partners.length,
    rowsWritten: body,
    warnings: [...synced.warnings, ...framework.issues, ...plan.warnings],
    summary: `Consolidated ${Math.max(0, ratings.length - 1)} rating row(s): ${plan.filled} score(s) filled with the assessors' median; ${flagged} partner(s) with a disagreement to discuss.`,
  };
}

const MEMORY_TITLE =
  "Ratings memory — kept by Circularity Workbench for Consolidate ratings: which scores in 'Partners' it wrote (so a score you type is never taken for its own). Do not edit this tab: it is rebuilt on each run.";

function readLedger(ctx: ActionContext): ProvenanceLedger {
  const stored = readMemoryTab(
    ctx.ss,
    RATINGS_MEMORY_TAB,
    'the next Consolidate ratings then keeps every score it finds as typed by a person',
  );
  return stored && typeof stored === 'object' ? (stored as ProvenanceLedger) : {};
}

/**
 * The Partners columns Consolidate ratings reads (identity, scores, Disagreement) and those it
 * writes (scores, Disagreement), 1-based, from the header.
 */
function usedColumns(header: Cell[], criterionIds: string[]): { all: number[]; written: number[] } {
  const idx = headerIndex(header);
  const at = (names: string[]) =>
    names.map((n) => idx.get(headerKey(n))).filter((c): c is number => !!c);
  const written = at([...criterionIds, 'Disagreement']);
  return { all: [...at(['Partner', 'Country', 'Category', 'Partner type']), ...written], written };
}
