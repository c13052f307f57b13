/**
 * The door: every function Apps Script can see. The build turns each export below into a
 * top-level function declaration carrying this JSDoc, so menus, triggers and custom functions
 * find it. Each body is one delegation; the work lives in sheets/ and core/.
 */
import { buildMenu } from './menu';
import { runAction } from './sheets/action';
import { setUpWorkbook as setUp } from './sheets/setup';
import { loadSampleData as loadSample } from './sheets/sample';
import { summarizeSetup, summarizeSample } from './sheets/summaries';

/**
 * Builds the add-on menu. Static items only, so it works in every authorisation mode.
 * @param {Object} e the open event
 */
export function onOpen(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  void e;
  buildMenu(SpreadsheetApp.getUi());
}

/**
 * Runs when the add-on is installed from inside the editor: same menu as onOpen.
 * @param {Object} e the install event
 */
export function onInstall(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  onOpen(e);
}

/** Menu: creates the missing tabs, columns and reference rows; never changes a typed cell. */
export function setUpWorkbook(): void {
  runAction('Set up workbook', (ctx) => summarizeSetup(setUp(ctx.ss)));
}

/** Menu: fills empty input tabs with clearly marked sample data. */
export function loadSampleData(): void {
  runAction('Load sample data', (ctx) => {
    const setup = setUp(ctx.ss);
    ctx.progress('Writing sample partners, ratings and orders…');
    return summarizeSample(loadSample(ctx.ss, new Date()), setup);
  });
}
