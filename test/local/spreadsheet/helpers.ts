import { ExecutionContext } from '../../../local/context';
import {
  createSpreadsheet,
  createSpreadsheetApp,
  type SpreadsheetOptions,
} from '../../../local/spreadsheet';

/** A fresh context, spreadsheet and SpreadsheetApp (the @types view, as product code sees it). */
export function setup(options?: SpreadsheetOptions) {
  const ctx = new ExecutionContext();
  const ss = createSpreadsheet(ctx, options);
  const fakeApp = createSpreadsheetApp(ctx, ss);
  const app = fakeApp.asGas();
  const sheet = app.getActiveSheet();
  ctx.resetCalls();
  return { ctx, ss, fakeApp, app, sheet, fake: ss.activeSheet };
}
