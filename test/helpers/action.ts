/**
 * An ActionContext for calling an action body directly (test/sheets), as runAction hands one to
 * the body it runs: the runtime's spreadsheet and time zone, the given `now`, and a deadline no
 * test reaches. runAction itself (lock, deadline, Log) is tested through the menu functions.
 */
import { Runtime } from '../../local/runtime';
import { ActionContext } from '../../src/sheets/action';

export function actionContext(
  rt: Runtime,
  now = new Date(),
  options: { name?: string; interactive?: boolean } = {},
): ActionContext {
  const ss = rt.spreadsheet!;
  return {
    name: options.name ?? 'Test action',
    ss: ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    now,
    // Read from the model, not through the service: no call is counted for it.
    timeZone: ss.timeZone,
    deadline: Infinity,
    interactive: options.interactive ?? true,
    progress: () => {},
    notices: [],
    beforeWriting: () => {},
    confirm: (title, text) => {
      const ui = SpreadsheetApp.getUi();
      return ui.alert(title, text, ui.ButtonSet.YES_NO) === ui.Button.YES;
    },
  };
}
