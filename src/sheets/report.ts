/**
 * Generate report: ask for the period (a month or a quarter; default the Settings 'Default
 * period', else the last complete month), read the workbook once, build the model in core and
 * rebuild the period's report tab. The question is asked before the action takes the document
 * lock, so a person thinking over the dialog does not block everyone else, and Cancel changes
 * nothing at all (not even the Log).
 */
import { SETTING } from '../core/settings-schema';
import { Grid, UserError } from '../core/cells';
import { buildReport } from '../core/report/model';
import { monthLabel, lastCompleteMonth } from '../core/kpi/months';
import { monthPeriod, parsePeriod, ReportPeriod } from '../core/report/period';
import { ReportModel } from '../core/report/types';
import { ActionContext, ActionResult, runAction } from './action';
import { currentUser } from './log';
import { readReportInputs, readSettings, ReportSettings, settingCell } from './report-read';
import { drawReportTab } from './report-tab';
import { activeSpreadsheet, Sheet, Spreadsheet } from './workbook';

/** A report built and drawn on its tab. */
export interface BuiltReport {
  model: ReportModel;
  sheet: Sheet;
  rowsRead: number;
  rowsWritten: number;
  warnings: string[];
}

const DEFAULT_KEY = SETTING.defaultPeriod.key;
/** Menu caption and Log action name (the Log names each action by its menu item). */
export const GENERATE_REPORT = 'Generate report…';

/**
 * The period for typed text; blank text means the Settings 'Default period' (itself blank = the
 * last complete month). A bad Settings value is reported with its cell.
 */
export function resolvePeriod(
  ss: Spreadsheet,
  known: ReportSettings,
  text: string,
  now: Date,
): ReportPeriod {
  const tz = ss.getSpreadsheetTimeZone();
  if (text.trim()) return parsePeriod(text, now, tz);
  try {
    return parsePeriod(known.settings.get(DEFAULT_KEY) ?? '', now, tz);
  } catch (e) {
    if (e instanceof UserError)
      throw new UserError(
        `${settingCell(known.grid, DEFAULT_KEY)} ('${DEFAULT_KEY}'): ${e.message}`,
      );
    throw e;
  }
}

/** Reads, models and draws the report of a period; the building block of every report action. */
export function buildReportTab(
  ctx: ActionContext,
  period: ReportPeriod,
  now: Date,
  known?: ReportSettings,
): BuiltReport {
  const by = currentUser() || 'unknown user';
  ctx.progress(`Reading the workbook for ${period.label}…`);
  const read = readReportInputs(
    ctx.ss,
    period,
    now,
    ctx.interactive ? by : `scheduled run (${by})`,
    known,
  );
  const model = buildReport(read.input);
  ctx.progress(`Drawing '${period.tabName}'…`);
  // Every action that reads KPI Data leaves the Data quality tab in step with it.
  const kpi = read.input.kpi;
  const { sheet, rowsWritten } = drawReportTab(
    ctx,
    model,
    kpi ? { issues: kpi.issues, now } : undefined,
  );
  return { model, sheet, rowsRead: read.rowsRead, rowsWritten, warnings: read.warnings };
}

/**
 * The Generate report action for a typed period ('' = the default); `settings`: the Settings
 * grid the menu flow read for its question.
 */
export function generateReportAction(
  ctx: ActionContext,
  periodText: string,
  now = ctx.now,
  settings?: Grid,
): ActionResult {
  const known = readSettings(ctx.ss, ctx.notices, settings);
  const period = resolvePeriod(ctx.ss, known, periodText, now);
  const built = buildReportTab(ctx, period, now, known);
  return {
    rowsRead: built.rowsRead,
    rowsWritten: built.rowsWritten,
    warnings: built.warnings,
    summary: `Report for ${period.label} is in the tab '${period.tabName}' (${period.first} to ${period.last}).`,
  };
}

/**
 * Asks for a period in a prompt. Returns the text typed ('' = the default shown), or null when
 * the person cancels or closes the dialog.
 */
export function askPeriod(
  ss: Spreadsheet,
  title: string,
  intro: string,
  now: Date,
  known = readSettings(ss),
): string | null {
  const ui = SpreadsheetApp.getUi();
  const fallback = defaultPeriodLabel(ss, now, known);
  const answer = ui.prompt(
    title,
    `${intro}Period: a month (e.g. 2026-10) or a quarter (e.g. 2026-Q3).\nLeave blank for ${fallback}.`,
    ui.ButtonSet.OK_CANCEL,
  );
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
}

/** What a blank answer means, for the prompt; a bad Settings value is reported later, by the action. */
function defaultPeriodLabel(ss: Spreadsheet, now: Date, known: ReportSettings): string {
  try {
    const p = resolvePeriod(ss, known, '', now);
    return `${p.key} (${p.label})`;
  } catch {
    const month = monthPeriod(lastCompleteMonth(now, ss.getSpreadsheetTimeZone())).key;
    return `the Settings '${DEFAULT_KEY}' (or ${monthLabel(month)})`;
  }
}

/** Menu flow of Generate report…: prompt, then the action (Cancel does nothing). */
export function generateReportFromMenu(): void {
  const now = new Date();
  const ss = activeSpreadsheet();
  // Read once for the question and handed to the action, which only reads.
  const known = readSettings(ss);
  const text = askPeriod(ss, 'Generate report', '', now, known);
  if (text === null) return;
  runAction(
    GENERATE_REPORT,
    (ctx) => generateReportAction(ctx, text, now, known.grid),
    true,
    now.getTime(),
  );
}
