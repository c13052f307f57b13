/**
 * Shared fixtures of the report tests: a sample workbook on the local runtime (set up, sample
 * data loaded, partners scored) and helpers to type a setting and run a report action.
 */
import { Runtime } from '../../../local/runtime';
import { Cell } from '../../../src/core/cells';
import { headerKey } from '../../../src/core/headers';
import { loadSampleData, scorePartners, setUpWorkbook } from '../../../src/index';
import { ActionContext, ActionResult, runAction } from '../../../src/sheets/action';
import { installRuntime, sheet } from '../../helpers/runtime';

export const RECIPIENTS = 'camille@example.com, Jonas K <jonas@example.org>; priya@example.net';

/** A sample workbook: set up, sample data, partners scored, three report recipients. */
export function sampleWorkbook(now = new Date()): Runtime {
  const rt = installRuntime(now);
  rt.runAs('FULL', () => {
    setUpWorkbook();
    loadSampleData();
    scorePartners();
  });
  setSetting(rt, 'Report recipients', RECIPIENTS);
  return rt;
}

/** Types a value in the Settings row of `key` (added at the bottom when absent). */
export function setSetting(rt: Runtime, key: string, value: Cell): void {
  rt.runAs('FULL', () => {
    const s = sheet(rt, 'Settings');
    const keys = s.getRange(1, 1, s.getLastRow(), 1).getValues().map((r) => headerKey(r[0]));
    const i = keys.indexOf(headerKey(key));
    const row = i >= 0 ? i + 1 : s.getLastRow() + 1;
    s.getRange(row, 1, 1, 2).setValues([[key, value]]);
  });
}

/** Runs an action body through runAction, as a menu click would (FULL, with UI unless told). */
export function run(rt: Runtime, name: string, body: (ctx: ActionContext) => ActionResult, interactive = true): ActionResult | null {
  return rt.runAs('FULL', () => runAction(name, body, interactive), { ui: interactive });
}
