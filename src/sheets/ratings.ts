/**
 * Consolidate ratings: Ratings → the criterion score columns of Partners (medians into blank
 * cells or cells this action filled before) and the Disagreement column.
 */
import { Grid } from '../core/cells';
import { planConsolidation } from '../core/partners/consolidation';
import { readFramework } from '../core/partners/criteria';
import { CRITERIA, PARTNERS, RATINGS } from '../core/schema/tabs';
import { ActionContext, ActionResult } from './action';
import { ensureUnchanged } from './unchanged';
import { readMemoryTab, writeMemoryTab } from './memory-tab';
import { RATINGS_MEMORY_TAB } from '../core/schema/generated-names';
import { ProvenanceLedger } from '../core/provenance';
import { requireTab } from './partners';
import { syncPartnerColumns } from './setup';
import {
  readTable,
  readTableWithFormats,
  rectangular,
  sheetsByName,
  writeBlock,
  writeBlockKeepingFormulas,
} from './workbook';

export function consolidateRatings(ctx: ActionContext): ActionResult {
  const tabs = sheetsByName(ctx.ss, ctx.notices);
  const partnersSheet = requireTab(tabs, PARTNERS.name);
  const { values: criteria, formats } = readTableWithFormats(requireTab(tabs, CRITERIA.name));
  const framework = readFramework(criteria, ctx.timeZone, formats);
  const ratings = readTable(requireTab(tabs, RATINGS.name));
  const partners = readTable(partnersSheet);
  // Ratings of a criterion added since the last run need its score column first.
  const synced = syncPartnerColumns(ctx, partnersSheet, criteria, partners);
  if (partners.length)
    partners.splice(0, partners.length, ...rectangular([synced.header, ...partners.slice(1)]));
  const range = partners.length
    ? partnersSheet.getRange(1, 1, partners.length, partners[0].length)
    : null;
  const notes = range ? range.getNotes() : [];
  const formulas = range ? range.getFormulas() : [];
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
  if (body > 0) ensureUnchanged(ctx, partnersSheet, partners);
  // The ledger first: whatever stops the run after it, every score cell stays recognisable.
  if (JSON.stringify(plan.ledger) !== JSON.stringify(ledger))
    writeMemoryTab(ctx, ctx.ss, RATINGS_MEMORY_TAB, MEMORY_TITLE, plan.ledger, ctx.interactive);
  if (body > 0) {
    for (const run of runs(plan.columns)) {
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

/** Consecutive column numbers grouped, so each group is one write. */
function runs(columns: number[]): { first: number; width: number }[] {
  const out: { first: number; width: number }[] = [];
  for (const c of columns) {
    const last = out[out.length - 1];
    if (last && last.first + last.width === c) last.width++;
    else out.push({ first: c, width: 1 });
  }
  return out;
}
