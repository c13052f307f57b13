/**
 * What the add-on remembers between runs that is too big for document properties (9 KB a value):
 * one hidden generated tab per use, holding one JSON text cut into cells of at most CHUNK
 * characters down column A (Sheets holds at most 50,000 characters in a cell), below a title row
 * that tells people not to edit it. The tab is rebuilt whole each time, so a failure half-way
 * leaves the old one.
 */
import { Grid, UserError } from '../core/cells';
import { keepingActiveTab, namedOrReplaced, rebuildTab } from './generated';
import { Deadline, readTable, Spreadsheet, writeFreshBlock } from './workbook';

/** Characters per cell: under Sheets' 50,000, with room to spare. */
export const CHUNK = 40000;

/** The tab's rows for a value: the title, then its JSON in cells of at most `chunk` characters. */
export function memoryTabGrid(title: string, value: unknown, chunk = CHUNK): Grid {
  const json = JSON.stringify(value);
  const rows: Grid = [[title]];
  for (let i = 0; i < json.length; i += chunk) rows.push([json.slice(i, i + chunk)]);
  return rows;
}

/** The value read back from the tab's rows (title included); null when there is none. */
export function readMemoryTabGrid(tab: string, grid: Grid, ifEdited: string): unknown {
  const json = grid
    .slice(1)
    .map((r) => (r[0] === undefined || r[0] === null ? '' : String(r[0])))
    .join('');
  if (!json.trim()) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new UserError(
      `The '${tab}' tab was edited and can no longer be read. Delete the tab to start afresh (${ifEdited}).`,
    );
  }
}

/**
 * The value a memory tab holds (null when the tab does not exist or is empty). A rewrite that
 * stopped before the new version took the name leaves the previous one aside: it is still the
 * memory, and the next write replaces it.
 */
export function readMemoryTab(ss: Spreadsheet, tab: string, ifEdited: string): unknown {
  const sheet = namedOrReplaced(ss, tab);
  return sheet ? readMemoryTabGrid(tab, readTable(sheet), ifEdited) : null;
}

/** Rebuilds the hidden memory tab `tab` with `value`, last of the tabs. */
export function writeMemoryTab(
  deadline: Deadline,
  ss: Spreadsheet,
  tab: string,
  title: string,
  value: unknown,
  interactive: boolean,
): void {
  const grid = memoryTabGrid(title, value);
  const build = () =>
    rebuildTab(deadline, ss, tab, (sheet, size) => {
      writeFreshBlock(deadline, sheet, 1, 1, grid, size);
      sheet.hideSheet();
    });
  // A run stopped right after drawing this tab leaves it the active tab (insertSheet activates
  // the new tab); going back to "the tab the person was on" would then activate the new hidden
  // tab, which shows it. So this tab is never the one gone back to.
  keepingActiveTab(ss, build, interactive, tab);
}
