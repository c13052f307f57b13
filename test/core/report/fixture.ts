/**
 * Shared fixtures of the report tests: a sample workbook on the local runtime (set up, sample
 * data loaded, partners scored) and helpers to type a setting and run a report action.
 */
import { createRuntime, Runtime, RuntimeOptions } from '../../../local/runtime';
import { Cell } from '../../../src/core/cells';
import { headerKey } from '../../../src/core/headers';
import { loadSampleData, scorePartners, setUpWorkbook } from '../../../src/index';
import { ActionContext, ActionResult, runAction } from '../../../src/sheets/action';
import { sheet } from '../../helpers/runtime';
import MANIFEST from '../../../appsscript.json';

export const RECIPIENTS = 'camille@example.com, Jonas K <jonas@example.org>; priya@example.net';

/** The runtime of test/helpers installRuntime, with extra options (e.g. the mail quota). */
export function reportRuntime(now = new Date(), options: RuntimeOptions = {}): Runtime {
  const rt = createRuntime({
    oauthScopes: MANIFEST.oauthScopes,
    now,
    timeZone: 'Europe/Paris',
    userEmail: 'ops@example.com',
    ...options,
  });
  rt.install(globalThis as unknown as Record<string, unknown>);
  return rt;
}

/** A sample workbook: set up, sample data, partners scored, three report recipients. */
export function sampleWorkbook(now = new Date(), options: RuntimeOptions = {}): Runtime {
  const rt = reportRuntime(now, options);
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
    const keys = s
      .getRange(1, 1, s.getLastRow(), 1)
      .getValues()
      .map((r) => headerKey(r[0]));
    const i = keys.indexOf(headerKey(key));
    const row = i >= 0 ? i + 1 : s.getLastRow() + 1;
    s.getRange(row, 1, 1, 2).setValues([[key, value]]);
  });
}

/** Runs an action body through runAction, as a menu click would (FULL, with UI unless told). */
export function run(
  rt: Runtime,
  name: string,
  body: (ctx: ActionContext) => ActionResult,
  interactive = true,
): ActionResult | null {
  return rt.runAs('FULL', () => runAction(name, body, interactive), { ui: interactive });
}
