/**
 * Appends to the `Log` tab: one request per action, below what is there, never rewriting it. Outside
 * the time budget: the line of an action that stopped on it is written after it stopped, well
 * before Apps Script's limit (the budget leaves a minute for this).
 */
import { LogEntry, logRow } from '../core/log-entry';
import { LOG } from '../core/schema/tabs';
import { keepingActiveTab } from './generated';
import { inertBlock } from '../core/cells';
import { newTabSize, NO_DEADLINE, Spreadsheet, writeFreshBlock } from './workbook';

export function appendLog(ss: Spreadsheet, entry: LogEntry): void {
  let sheet = ss.getSheetByName(LOG.name);
  if (!sheet) {
    // Rare (Set up workbook creates Log): inserting it must not move the person to it either.
    sheet = keepingActiveTab(ss, () => {
      const created = ss.insertSheet(LOG.name);
      writeFreshBlock(NO_DEADLINE, created, 1, 1, [LOG.columns.map((c) => c.header)], newTabSize());
      created.setFrozenRows(1);
      return created;
    });
  }
  // appendRow: one atomic request that finds the end and writes there (no read after the
  // action's writes, and two actions logging at once never take the same row). It reads strings
  // as typed input, so they are made inert first; the Log's columns keep Sheets' default
  // formats (Set up gives none of them plain text), where the marking apostrophe is not shown.
  sheet.appendRow(inertBlock([logRow(entry)])[0]);
}

/**
 * The e-mail of the person running the action. In a trigger run the active user's address is
 * "generally unavailable" (developers.google.com/apps-script/reference/base/session), and the
 * effective user is "the account of the user who created the trigger": the schedule's owner is
 * named instead. Blank when Apps Script withholds both.
 */
export function currentUser(): string {
  try {
    return activeUser();
  } catch {
    return '';
  }
}

/**
 * The same, for an action that writes who ran it into a tab: read before its first write, and a
 * failing Session lets the action fail with nothing written, so the next run writes the name
 * (a blank in place of the name would be a different workbook than a clean run leaves).
 */
export function activeUser(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
}
