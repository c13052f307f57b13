/**
 * Schedule monthly report / Stop schedule, and the run the schedule triggers. One time-driven
 * trigger per person and workbook whatever the number of clicks: an existing one is kept (extra
 * ones, from an older version or a race, are removed). The scheduled run has no UI: it reports
 * the month just ended and e-mails it; runAction logs it and, on failure, rethrows so Apps Script
 * notifies the trigger's owner.
 */
import { lastCompleteMonth } from '../core/kpi/months';
import { monthPeriod } from '../core/report/period';
import { ActionContext, ActionResult, runAction } from './action';
import { emailReport, reportRecipients } from './mail';
import { readSettings } from './report-read';

/** The door function the trigger calls; must match the exported name in src/index.ts. */
export const SCHEDULE_HANDLER = 'runScheduledReport';
/** When the schedule runs: day of the month and hour, in the spreadsheet's time zone. */
export const SCHEDULE_DAY = 1;
export const SCHEDULE_HOUR = 7;
/** Menu captions and Log action names. */
export const SCHEDULE_REPORT = 'Schedule monthly report';
export const STOP_SCHEDULE = 'Stop schedule';
export const SCHEDULED_RUN = 'Scheduled report';

type Trigger = GoogleAppsScript.Script.Trigger;

/** This person's report triggers in this workbook. */
function reportTriggers(ctx: ActionContext): Trigger[] {
  return ScriptApp.getUserTriggers(ctx.ss).filter(
    (t) => t.getHandlerFunction() === SCHEDULE_HANDLER,
  );
}

/** Creates the monthly trigger unless this person already has one here; recipients must be valid first. */
export function scheduleMonthlyReportAction(ctx: ActionContext): ActionResult {
  // A schedule with no valid recipient would only fail every month: refuse now, naming the cell.
  const recipients = reportRecipients(readSettings(ctx.ss));
  const tz = ctx.timeZone;
  const when = `on day ${SCHEDULE_DAY} of every month around ${SCHEDULE_HOUR}:00 (${tz})`;
  const existing = reportTriggers(ctx);
  if (existing.length !== 1) ctx.beforeWriting('scheduling the monthly report');
  existing.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
  if (!existing.length) {
    ScriptApp.newTrigger(SCHEDULE_HANDLER)
      .timeBased()
      .onMonthDay(SCHEDULE_DAY)
      .atHour(SCHEDULE_HOUR)
      .inTimezone(tz)
      .create();
  }
  const verb = existing.length ? 'was already scheduled' : 'is scheduled';
  return {
    rowsRead: 1,
    rowsWritten: 0,
    warnings: [],
    summary: `The monthly report ${verb}: ${when}, the month just ended is reported and e-mailed to the ${recipients.length} recipient(s) in Settings.`,
    details:
      existing.length > 1 ? [`Removed ${existing.length - 1} duplicate report trigger(s).`] : [],
  };
}

/** Removes this person's report triggers in this workbook. */
export function stopScheduleAction(ctx: ActionContext): ActionResult {
  const existing = reportTriggers(ctx);
  if (existing.length) ctx.beforeWriting('removing the schedule');
  existing.forEach((t) => ScriptApp.deleteTrigger(t));
  return {
    rowsRead: 0,
    rowsWritten: 0,
    warnings: [],
    summary: existing.length
      ? 'The monthly report is no longer scheduled.'
      : 'No monthly report was scheduled; nothing to stop.',
  };
}

/** The scheduled run: the month just ended, built and e-mailed; no UI. */
export function scheduledReportAction(ctx: ActionContext, now = ctx.now): ActionResult {
  const period = monthPeriod(lastCompleteMonth(now, ctx.timeZone));
  return emailReport(ctx, period, now);
}

/** Menu: Schedule monthly report. */
export function scheduleMonthlyReportFromMenu(): void {
  runAction(SCHEDULE_REPORT, scheduleMonthlyReportAction);
}

/** Menu: Stop schedule. */
export function stopScheduleFromMenu(): void {
  runAction(STOP_SCHEDULE, stopScheduleAction);
}

/** The time-driven trigger's body: no UI (interactive = false); a failure is rethrown for Apps Script to report. */
export function runScheduledReportFromTrigger(): void {
  runAction(SCHEDULED_RUN, (ctx) => scheduledReportAction(ctx), false);
}
