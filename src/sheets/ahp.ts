/**
 * Derive weights (AHP): creates the comparison block when there is none, otherwise computes the
 * weights and the consistency ratio, asks before replacing a weight column of Criteria (and
 * again when CR > 0.10), and keeps the previous weights in the Log so nothing is lost. The
 * questions go through ctx.confirm, which takes the document lock again after each answer (a
 * dialog drops it), and Criteria is read again once the person has answered.
 */
import { headerIndex, headerKey } from '../core/headers';
import { readFramework } from '../core/partners/criteria';
import {
  AHP_TAB,
  MATRIX_COLUMN,
  MATRIX_ROW,
  ahpTemplate,
  asPoints,
  readAhpTab,
} from '../core/partners/ahp-tab';
import { UserError } from '../core/cells';
import { CRITERIA } from '../core/schema/tabs';
import { ActionContext, ActionResult } from './action';
import { HEADER_BACKGROUND } from './formats';
import { readTable, sheetsByName, writeBlock, writeFreshBlock, requireTab } from './workbook';

export const CR_LIMIT = 0.1;

export function deriveWeights(ctx: ActionContext): ActionResult {
  const { ss } = ctx;
  const tabs = sheetsByName(ss, ctx.notices);
  const criteriaSheet = requireTab(tabs, CRITERIA.name);
  const criteria = readTable(criteriaSheet);
  const framework = readFramework(criteria, ctx.timeZone);
  const ids = framework.criteria.map((c) => c.id);
  const sheet = tabs.get(AHP_TAB);
  if (!sheet) {
    ctx.beforeWriting(`creating '${AHP_TAB}'`);
    const created = ss.insertSheet(AHP_TAB);
    const template = ahpTemplate(ids, framework.types[0] ?? '');
    writeFreshBlock(ctx, created, 1, 1, template);
    created
      .getRange(MATRIX_ROW - 1, 1, 1, ids.length + 1)
      .setFontWeight('bold')
      .setBackground(HEADER_BACKGROUND);
    created
      .getRange(MATRIX_ROW, 1, ids.length, 1)
      .setFontWeight('bold')
      .setBackground(HEADER_BACKGROUND);
    created
      .getRange(2, 2)
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList(framework.types, true)
          .setAllowInvalid(false)
          .build(),
      );
    created.setColumnWidths(MATRIX_COLUMN, ids.length, 80);
    // Plain text, or Sheets would read a judgement such as 1/3 as a date (3 January or 1 March).
    created.getRange(MATRIX_ROW, MATRIX_COLUMN, ids.length, ids.length).setNumberFormat('@');
    return {
      rowsRead: criteria.length,
      rowsWritten: template.length,
      warnings: [],
      summary: `Created the '${AHP_TAB}' tab with a ${ids.length} × ${ids.length} comparison block. Choose the partner type in B2, fill the upper triangle, then run Derive weights (AHP) again.`,
    };
  }
  const tab = readAhpTab(readTable(sheet), ctx.timeZone);
  const unknown = tab.ids.filter((id) => !ids.some((x) => x.toLowerCase() === id.toLowerCase()));
  if (unknown.length)
    throw new UserError(`${AHP_TAB}: criteria not in Criteria: ${unknown.join(', ')}.`);
  const weightColumn = headerIndex(criteria[0]).get(headerKey(`Weight ${tab.type}`));
  if (!weightColumn)
    throw new UserError(`${AHP_TAB}, row 2, column B: no column 'Weight ${tab.type}' in Criteria.`);

  ctx.beforeWriting('writing the weights');
  const points = asPoints(tab.result.weights);
  const cr = tab.result.cr;
  const crText = `Consistency ratio CR = ${cr.toFixed(3)} (${cr <= CR_LIMIT ? 'acceptable, ≤ 0.10' : 'above 0.10: the judgements contradict each other'}).`;
  // Results beside the block are the add-on's to write: a column of weights and the CR. They are
  // written after the questions, once ctx.confirm holds the lock again: nothing is written while
  // a dialog is open and the workbook unlocked, so a lost lock leaves every tab as it was.
  const showResults = () => {
    writeBlock(ctx, sheet, MATRIX_ROW - 1, MATRIX_COLUMN + tab.ids.length + 1, [
      ['AHP weight'],
      ...points.map((p) => [p]),
    ]);
    writeBlock(ctx, sheet, 2, 4, [['CR', cr, cr <= CR_LIMIT ? 'consistent' : 'inconsistent']]);
  };
  const ask = (text: string) => ctx.confirm('Derive weights (AHP)', text);
  if (cr > CR_LIMIT && !ask(`${crText}\n\nApply these weights anyway?`)) {
    showResults();
    return {
      rowsRead: criteria.length + tab.ids.length,
      rowsWritten: points.length + 2,
      warnings: [crText],
      summary: `Weights not applied. ${crText}`,
    };
  }
  const list = tab.ids.map((id, i) => `${id} ${points[i]}`).join(', ');
  if (
    !ask(
      `${crText}\n\nReplace the weights in column 'Weight ${tab.type}' of Criteria with: ${list}?`,
    )
  ) {
    showResults();
    return {
      rowsRead: criteria.length + tab.ids.length,
      rowsWritten: points.length + 2,
      warnings: [],
      summary: 'Weights not applied.',
    };
  }
  showResults();
  // Read again now that the person has answered (and the lock is held again): someone may have
  // edited Criteria meanwhile, columns included.
  const fresh = readTable(criteriaSheet);
  const columns = headerIndex(fresh[0] ?? []);
  const idCol = columns.get(headerKey('ID'));
  const target = columns.get(headerKey(`Weight ${tab.type}`));
  if (!idCol || !target)
    throw new UserError(
      `${CRITERIA.name}: the column 'ID' or 'Weight ${tab.type}' went missing while the question was open; nothing was written to it. Run Derive weights (AHP) again.`,
    );
  const formulas = criteriaSheet.getRange(1, target, fresh.length, 1).getFormulas();
  const previous: string[] = [];
  const updates: { row: number; value: number }[] = [];
  fresh.slice(1).forEach((r, i) => {
    const k = tab.ids.findIndex(
      (x) =>
        x.toLowerCase() ===
        String(r[idCol - 1] ?? '')
          .trim()
          .toLowerCase(),
    );
    if (k < 0) return;
    if (formulas[i + 1][0]) return; // a person's formula stays theirs
    previous.push(`${String(r[idCol - 1])} ${String(r[target - 1] ?? '')}`);
    updates.push({ row: i + 2, value: points[k] });
  });
  // Only the rows of the compared criteria are written, one block per run of adjacent rows.
  for (const run of rowRuns(updates))
    writeBlock(
      ctx,
      criteriaSheet,
      run[0].row,
      target,
      run.map((u) => [u.value]),
    );
  return {
    rowsRead: criteria.length + tab.ids.length,
    rowsWritten: updates.length,
    warnings: [],
    details: [
      `Previous 'Weight ${tab.type}' values (to restore by hand if needed): ${previous.join(', ')}`,
    ],
    summary: `Applied AHP weights to 'Weight ${tab.type}'. ${crText}`,
  };
}

function rowRuns<T extends { row: number }>(items: T[]): T[][] {
  const runs: T[][] = [];
  for (const it of items) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].row + 1 === it.row) last.push(it);
    else runs.push([it]);
  }
  return runs;
}
