/** Appends to the `Log` tab: one write per action, below what is there, never rewriting it. */
import { LogEntry, logRow } from '../core/log-entry';
import { LOG } from '../core/schema/tabs';
import { keepingActiveTab } from './generated';
import { Spreadsheet, writeBlock, writeFreshBlock } from './workbook';

export function appendLog(ss: Spreadsheet, entry: LogEntry): void {
  let sheet = ss.getSheetByName(LOG.name);
  if (!sheet) {
    // Rare (Set up workbook creates Log): inserting it must not move the person to it either.
    sheet = keepingActiveTab(ss, () => {
      const created = ss.insertSheet(LOG.name);
      writeFreshBlock(created, 1, 1, [LOG.columns.map((c) => c.header)]);
      created.setFrozenRows(1);
      return created;
    });
  }
  writeBlock(sheet, sheet.getLastRow() + 1, 1, [logRow(entry)]);
}

/**
 * The e-mail of the person running the action. In a trigger run the active user's address is
 * "generally unavailable" (developers.google.com/apps-script/reference/base/session), and the
 * effective user is "the account of the user who created the trigger": the schedule's owner is
 * named instead. Blank when Apps Script withholds both.
 */
export function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
  } catch {
    return '';
  }
}
