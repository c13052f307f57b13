/** One line of the append-only `Log` tab. */
import { Cell } from './cells';

export interface LogEntry {
  when: Date;
  who: string;
  action: string;
  rowsRead: number;
  rowsWritten: number;
  warnings: string[];
}

/** Cells above this length are cut: Sheets caps a cell at 50,000 characters. */
const MAX_CELL = 45000;

export function logRow(e: LogEntry): Cell[] {
  let text = e.warnings.join(' | ');
  if (text.length > MAX_CELL)
    text = `${text.slice(0, MAX_CELL)} … (${e.warnings.length} warnings in all)`;
  return [e.when, e.who || 'unknown user', e.action, e.rowsRead, e.rowsWritten, text];
}
