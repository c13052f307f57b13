/**
 * Schedule monthly report / Stop schedule. One schedule per workbook, recorded in the document
 * (schedule-state.ts): its owner, their one daily trigger, the last month delivered. Installable
 * triggers "always run under the account of the person who created them" and "A given account
 * cannot see triggers installed from a second account"
 * (developers.google.com/apps-script/guides/triggers/installable#restrictions): so a second
 * person clicking Schedule is told whose schedule it is and may take it over; the previous
 * owner's trigger, which nobody else can delete, removes itself on its next run (schedule-run.ts).
 */
import { UserError } from '../core/cells';
import { addMonths, lastCompleteMonth, monthLabel } from '../core/kpi/months';
import { isoDay } from '../core/iso-day';
import { ActionContext, ActionResult, runAction } from './action';
import { reportRecipients } from './mail';
import { readSettings } from './report-read';
import {
  createDailyTrigger,
  deleteTriggers,
  namedUser,
  isRunning,
  readSchedule,
  reportTriggers,
  RunningSchedule,
  SCHEDULE_HOUR,
  writeSchedule,
} from './schedule-state';

export { SCHEDULE_HANDLER } from './schedule-state';
export { runScheduledReportFromTrigger, SCHEDULED_RUN } from './schedule-run';
/** Menu captions and Log action names. */
export const SCHEDULE_REPORT = 'Schedule monthly report';
export const STOP_SCHEDULE = 'Stop schedule';

function rules(tz: string, recipients: number, state: RunningSchedule, me: string): string {
  const next = monthLabel(addMonths(state.through, 1));
  return (
    `every day around ${SCHEDULE_HOUR}:00 (${tz}) a run checks whether the last complete month has been e-mailed and, on the first day it can (normally the 1st), e-mails it to the ${recipients} recipient(s) in Settings; ` +
    `the ${state.sentAt ? 'next' : 'first'} is ${next}. A run that fails e-mails you (${me}).`
  );
}

/** Creates this person's daily trigger and records them as the owner, unless that is already so. */
export function scheduleMonthlyReportAction(ctx: ActionContext): ActionResult {
  // A schedule with no valid recipient would only fail every month: refuse now, naming the cell.
  const recipients = reportRecipients(readSettings(ctx.ss)).length;
  const me = namedUser();
  if (!me)
    throw new UserError(
      'Apps Script did not say which account you use, so the schedule could have no owner. Nothing was changed.',
    );
  const tz = ctx.timeZone;
  let state = readSchedule();
  const result = (summary: string, rowsWritten = 0): ActionResult => ({
    rowsRead: 1,
    rowsWritten,
    warnings: [],
    summary,
  });
  let previous: string | null = null;
  if (isRunning(state) && state.owner !== me) {
    const since = isoDay(new Date(state.since), tz);
    const yes = ctx.confirm(
      SCHEDULE_REPORT,
      `The monthly report of this workbook is scheduled by ${state.owner} (since ${since}). Take it over? Its e-mails and failure notices then come from your account; ${state.owner}'s trigger removes itself on its next run.`,
    );
    if (!yes)
      return result(`The monthly report stays scheduled by ${state.owner}; nothing changed.`);
    // The question dropped the lock: read again what a colleague may have changed meanwhile.
    state = readSchedule();
    if (isRunning(state) && state.owner !== me) previous = state.owner;
  }
  const mine = reportTriggers(ctx.ss);
  if (
    isRunning(state) &&
    state.owner === me &&
    mine.length === 1 &&
    mine[0].getUniqueId() === state.triggerId
  ) {
    return result(
      `The monthly report was already scheduled by you: ${rules(tz, recipients, state, me)}`,
    );
  }
  ctx.beforeWriting('scheduling the monthly report');
  // This person's older triggers (a previous version's monthly one, a duplicate) make way.
  deleteTriggers(mine);
  const trigger = createDailyTrigger(ctx.ss, tz);
  const kept = isRunning(state) ? state : null;
  const next: RunningSchedule = {
    owner: me,
    triggerId: trigger.getUniqueId(),
    since: kept && kept.owner === me ? kept.since : ctx.now.toISOString(),
    through: kept ? kept.through : lastCompleteMonth(ctx.now, tz),
    ...(kept?.sentAt ? { sentAt: kept.sentAt } : {}),
  };
  writeSchedule(next);
  const how = rules(tz, recipients, next, me);
  return previous
    ? result(
        `You took over the monthly report from ${previous}: ${how} ${previous}'s trigger removes itself on its next run.`,
      )
    : result(`The monthly report is scheduled: ${how}`);
}

/** Stops the workbook's schedule: this person's triggers go now, the owner's at its next run. */
export function stopScheduleAction(ctx: ActionContext): ActionResult {
  const state = readSchedule();
  const mine = reportTriggers(ctx.ss);
  const me = namedUser();
  const none = { rowsRead: 0, rowsWritten: 0, warnings: [] };
  if (!isRunning(state) && !mine.length)
    return { ...none, summary: 'No monthly report was scheduled; nothing to stop.' };
  ctx.beforeWriting('removing the schedule');
  deleteTriggers(mine);
  if (isRunning(state)) writeSchedule({ stoppedBy: me, stoppedAt: ctx.now.toISOString() });
  return {
    ...none,
    summary:
      isRunning(state) && state.owner !== me
        ? `The monthly report of ${state.owner} is no longer scheduled: ${state.owner}'s trigger removes itself on its next run (nobody else can delete it).`
        : 'The monthly report is no longer scheduled.',
  };
}

/** Menu: Schedule monthly report. */
export function scheduleMonthlyReportFromMenu(): void {
  runAction(SCHEDULE_REPORT, scheduleMonthlyReportAction);
}

/** Menu: Stop schedule. */
export function stopScheduleFromMenu(): void {
  runAction(STOP_SCHEDULE, stopScheduleAction);
}
