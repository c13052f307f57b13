/** Appends to the `Log` tab: one write per action, below what is there, never rewriting it. */
import { LogEntry, logRow } from '../core/log-entry';
import { LOG } from '../core/schema/tabs';
import { Spreadsheet, writeBlock, writeFreshBlock } from './workbook';

export function appendLog(ss: Spreadsheet, entry: LogEntry): void {
  let sheet = ss.getSheetByName(LOG.name);
  if (!sheet) {
    sheet = ss.insertSheet(LOG.name);
    writeFreshBlock(sheet, 1, 1, [LOG.columns.map((c) => c.header)]);
    sheet.setFrozenRows(1);
  }
  writeBlock(sheet, sheet.getLastRow() + 1, 1, [logRow(entry)]);
}

/** The e-mail of the person running the action; blank when Apps Script withholds it. */
export function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}
