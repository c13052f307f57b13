/**
 * Propose partner candidates…: the prompt, then one read of Partners, the ledger (hidden tab
 * 'Candidate memory') written before the rows, one optimistic append below Partners, and a
 * document property saying the rows landed (core/partners/candidates.ts says why).
 */
import { UserError } from '../core/cells';
import {
  CandidateLedger,
  describeChoice,
  partnerCandidates,
  planProposal,
  readChoice,
  readLedger,
} from '../core/partners/candidates';
import { CANDIDATE_MEMORY_TAB } from '../core/schema/generated-names';
import { PARTNERS } from '../core/schema/tabs';
import { ActionContext, ActionResult, runAction } from './action';
import { readMemoryTab, writeMemoryTab } from './memory-tab';
import { ensureUnchanged } from './unchanged';
import { readTable, sheetsByName, writeBlock, requireTab } from './workbook';

export const CAPTION = 'Propose partner candidates…';
/** Document property: the id of the last batch whose rows reached Partners. */
const LANDED_KEY = 'circ.candidates.landed';

const MEMORY_TITLE =
  "Candidate memory — kept by Circularity Workbench for Propose partner candidates…: which candidates it added to 'Partners' (so one you delete is never proposed again). Do not edit this tab: it is rebuilt on each run.";

/**
 * What the person chose, or null on Cancel; asked before the lock, as Add country… does (a
 * dialog suspends the script and the lock would not survive it).
 */
export function askCandidateChoice(): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    'Propose partner candidates',
    'Countries, partner types and categories, separated by commas or semicolons (e.g. FR, DE; recycling; smartphone). Leave blank for every organisation the benchmark names.',
    ui.ButtonSet.OK_CANCEL,
  );
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
}

/** Menu flow: the prompt, then the action (Cancel changes nothing, not even the Log). */
export function proposeCandidatesFromMenu(): ActionResult | null {
  const started = Date.now();
  const typed = askCandidateChoice();
  return typed === null
    ? null
    : runAction(CAPTION, (ctx) => proposeCandidates(ctx, typed), true, started);
}

export function proposeCandidates(ctx: ActionContext, typed: string): ActionResult {
  if (!ctx.interactive)
    throw new UserError(`${CAPTION} asks what to propose, so it runs only from the menu.`);
  const choice = readChoice(typed);
  const understood = `Understood: ${describeChoice(choice)}.`;
  const sheet = requireTab(sheetsByName(ctx.ss, ctx.notices), PARTNERS.name);
  const partners = readTable(sheet);
  const props = PropertiesService.getDocumentProperties();
  const stored: CandidateLedger = readLedger(
    readMemoryTab(
      ctx.ss,
      CANDIDATE_MEMORY_TAB,
      'the next run then proposes again every candidate not in Partners',
    ),
  );
  const plan = planProposal(
    partnerCandidates(),
    choice,
    partners,
    stored,
    props?.getProperty(LANDED_KEY) ?? null,
  );
  const kept = [
    plan.already ? `${plan.already} already in Partners` : '',
    plan.declined ? `${plan.declined} deleted from Partners earlier, not proposed again` : '',
    plan.nearMatches.length ? `${plan.nearMatches.length} near match(es) listed` : '',
  ].filter(Boolean);
  const tail = `${kept.length ? ` (${kept.join('; ')})` : ''}. ${understood}`;
  if (!plan.rows.length) {
    // The last run stopped after its rows, before saying they landed: said now, as it would have.
    if (plan.markLanded) {
      ctx.beforeWriting('recording the last candidates');
      props?.setProperty(LANDED_KEY, plan.markLanded);
    }
    return {
      rowsRead: partners.length,
      rowsWritten: 0,
      warnings: plan.nearMatches,
      summary: `No candidate to add${tail}`,
    };
  }
  ctx.beforeWriting('adding the candidates');
  // The ledger first: a run stopped after it is recognised by the next one (the batch never
  // landed), which proposes those rows again; rows a person deletes later are never proposed.
  writeMemoryTab(ctx, ctx.ss, CANDIDATE_MEMORY_TAB, MEMORY_TITLE, plan.ledger, ctx.interactive);
  // Appended below the table only: a row a colleague added or changed meanwhile would be
  // overwritten or duplicated, so nothing is written unless Partners is as read.
  ensureUnchanged(ctx, sheet, partners, { blankBelow: plan.rows.length });
  writeBlock(ctx, sheet, partners.length + 1, 1, plan.rows);
  props?.setProperty(LANDED_KEY, plan.ledger.batch!.id);
  return {
    rowsRead: partners.length,
    rowsWritten: plan.rows.length,
    warnings: plan.nearMatches,
    summary: `Added ${plan.rows.length} prospect row(s) for ${plan.organisations} organisation(s) to '${PARTNERS.name}', status prospect, no scores${tail}`,
  };
}
