/**
 * The tab a new spreadsheet comes with — `Sheet1`, `Feuille 1`, `Tabellenblatt1`: Sheets names it
 * in its creator's language — would stay among the add-on's tabs, empty and unexplained. Set up
 * removes it while it is untouched: no value or formula, no note, number format, fill, bold or
 * dropdown. Anything a person put there keeps the tab. It is looked at just before it is deleted,
 * after Set up's writes, so what someone typed in it while Set up ran is seen; a workbook without
 * such a tab costs no service call.
 */
import { Deadline, Sheet } from './workbook';

/** A single word then 1, as Sheets names the first tab in every language. */
const DEFAULT_NAME = /^\p{L}+ ?1$/u;

/** What an untouched cell reports: its number format is Automatic. */
const AUTOMATIC_FORMATS = new Set(['', 'General', '0.###############']);

function untouched(sheet: Sheet): boolean {
  if (sheet.getLastRow() > 0) return false;
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  const every = <T>(grid: T[][], blank: (v: T) => boolean) => grid.every((row) => row.every(blank));
  // Cheapest sign of a person's work first; stop at the first one.
  return (
    every(all.getNotes(), (n) => n === '') &&
    every(all.getNumberFormats(), (f) => AUTOMATIC_FORMATS.has(f)) &&
    every(all.getBackgrounds(), (b) => b.toLowerCase() === '#ffffff') &&
    every(all.getFontWeights(), (w) => w !== 'bold') &&
    every(all.getDataValidations(), (v) => v === null)
  );
}

/**
 * Deletes the new spreadsheet's default tab when it is untouched; returns its name, or null when
 * there was none to remove. `tabs` are the tabs by name as Set up read them.
 */
export function removeUntouchedDefaultTab(
  deadline: Deadline,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabs: ReadonlyMap<string, Sheet>,
): string | null {
  const name = [...tabs.keys()].find((n) => DEFAULT_NAME.test(n));
  const sheet = name === undefined ? undefined : tabs.get(name);
  if (!name || !sheet || !untouched(sheet)) return null;
  deadline.beforeWriting(`removing the empty tab '${name}' the new spreadsheet came with`);
  ss.deleteSheet(sheet);
  return name;
}
