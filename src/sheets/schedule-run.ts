/**
 * The run the schedule's daily trigger makes (Schedule monthly report). It e-mails the last
 * complete month once, on the first day a run succeeds, and records that it did in the document;
 * a busy or failed day is caught up the next day by the same trigger (an add-on may hold one
 * time-driven trigger per user per document, so it cannot add a second one to retry:
 * developers.google.com/workspace/add-ons/concepts/editor-triggers).
 *
 * Nothing here fails silently. "Add-ons don't automatically send the user an email when code run
 * by an installable trigger throws an exception. It is up to the developer to check for and handle
 * failure cases gracefully." (same page; platform.md §8 item 3). So:
 * - every run that does not deliver says why in `Log` (nothing due, busy, not the owner's trigger,
 *   stopped, or FAILED with the reason);
 * - a failure e-mails the schedule's owner (Session.getEffectiveUser(): "If the script is running
 *   under an installable trigger, this returns the account of the user who created the trigger",
 *   developers.google.com/apps-script/reference/base/session);
 * - a run that cannot reach the document (no active spreadsheet, document lock or properties: an
 *   editor add-on's time-driven run may have none, platform.md §8 item 5) e-mails the owner,
 *   naming the workbook from their user properties, and removes its trigger, since it would
 *   only fail again every day;
 * - if even that e-mail cannot be sent, the run throws, so Apps Script records a failed execution.
 */
import { UserError } from '../core/cells';
import { isoDay } from '../core/iso-day';
import { addMonths, lastCompleteMonth, monthLabel, MonthKey, monthRange } from '../core/kpi/months';
import { monthPeriod } from '../core/report/period';
import { ActionContext, ActionResult, runAction } from './action';
import { appendLog } from './log';
import { emailReport, SENDER_NAME } from './mail';
import {
  createDailyTrigger,
  deleteTriggers,
  documentProperties,
  effectiveUser,
  forgetWorkbook,
  isRunning,
  ownTrigger,
  readSchedule,
  rememberedWorkbook,
  RunningSchedule,
  SCHEDULE_HOUR,
  writeSchedule,
} from './schedule-state';
import { Spreadsheet } from './workbook';

/** The Log's name for the run. */
export const SCHEDULED_RUN = 'Scheduled report';
const NEXT_RUN = `the next run (tomorrow around ${SCHEDULE_HOUR}:00) tries again`;

/** What Apps Script passes to a time-driven trigger's function (…/guides/triggers/events). */
export interface ClockEvent {
  triggerUid?: string;
}

const nothing = (reason: string): ActionResult => ({
  rowsRead: 0,
  rowsWritten: 0,
  warnings: [],
  summary: reason,
  details: [reason],
});

/** What a run does under the document lock: deliver, or say why not. */
function scheduledRun(
  ctx: ActionContext,
  me: string,
  triggerId: string | undefined,
  noteDue: (month: MonthKey) => void,
): ActionResult {
  const tz = ctx.timeZone;
  const due = lastCompleteMonth(ctx.now, tz);
  noteDue(due);
  let state = readSchedule();
  let runningAs = triggerId;
  const removeSelf = (why: string): ActionResult => {
    ctx.beforeWriting('removing this trigger');
    deleteTriggers(ownTrigger(triggerId));
    return nothing(`Not sent: ${why}; this trigger of ${me} removed itself.`);
  };
  if (!state) {
    if (!triggerId)
      throw new UserError(
        'No monthly report is scheduled in this workbook: use Schedule monthly report.',
      );
    // A trigger of the version before schedules were recorded (monthly, no catch-up): it makes
    // way for the daily one, owned by the same person, and the last complete month is due.
    ctx.beforeWriting('replacing the monthly trigger by the daily one');
    deleteTriggers(ownTrigger(triggerId));
    const trigger = createDailyTrigger(ctx.ss, tz);
    runningAs = trigger.getUniqueId();
    state = {
      owner: me,
      triggerId: runningAs,
      since: ctx.now.toISOString(),
      through: addMonths(due, -1),
    };
    writeSchedule(state);
  }
  if (!isRunning(state))
    return removeSelf(
      `${state.stoppedBy} stopped the schedule on ${isoDay(new Date(state.stoppedAt), tz)}`,
    );
  if (state.owner !== me) return removeSelf(`the schedule now belongs to ${state.owner}`);
  if (runningAs && runningAs !== state.triggerId)
    return removeSelf(`the schedule runs on another trigger of ${state.owner}`);
  if (state.through >= due) {
    return nothing(
      state.sentAt
        ? `Nothing to send: the report for ${monthLabel(state.through)} was e-mailed on ${isoDay(new Date(state.sentAt), tz)}.`
        : `Nothing to send: the schedule began after ${monthLabel(state.through)}; the report for ${monthLabel(addMonths(state.through, 1))} goes on ${addMonths(state.through, 2)}-01, or on the first day after it that a run succeeds.`,
    );
  }
  return deliver(ctx, state, due);
}

/** E-mails the month, recorded first so that no second run (a colleague's trigger) sends it again. */
function deliver(ctx: ActionContext, state: RunningSchedule, due: MonthKey): ActionResult {
  const missed = monthRange(addMonths(state.through, 1), addMonths(due, -1)).map(monthLabel);
  ctx.beforeWriting('recording the delivery');
  writeSchedule({ ...state, through: due, sentAt: ctx.now.toISOString() });
  let result: ActionResult;
  try {
    result = emailReport(ctx, monthPeriod(due), ctx.now);
  } catch (e) {
    writeSchedule(state); // not delivered: still due
    throw e;
  }
  const skipped =
    missed.length === 0
      ? []
      : [
          `The report${missed.length > 1 ? 's' : ''} for ${missed.length > 1 ? `${missed[0]} to ${missed[missed.length - 1]} were` : `${missed[0]} was`} never sent (no run succeeded in time); this run sends ${monthLabel(due)} only.`,
        ];
  return { ...result, details: [...(result.details ?? []), ...skipped] };
}

/** E-mails the owner why the run failed (under the lock, logged); false when it could not. */
function tellOwnerOfFailure(
  ctx: ActionContext,
  owner: string,
  error: unknown,
  due: MonthKey | null,
): boolean {
  const reason =
    error instanceof UserError
      ? error.message
      : `${error instanceof Error ? error.message : String(error)}`;
  const name = ctx.ss.getName();
  try {
    if (!owner) return false;
    MailApp.sendEmail({
      to: owner,
      subject: `Circularity Workbench: the scheduled report of "${name}" failed`,
      body:
        `The scheduled report of "${name}" (${ctx.ss.getUrl()}) failed on ${isoDay(ctx.now, ctx.timeZone)}:\n\n${reason}\n\n` +
        (due ? `The report for ${monthLabel(due)} is still due: ${NEXT_RUN}.\n\n` : '') +
        "You receive this because you own the workbook's schedule (Schedule monthly report): Apps Script sends no failure e-mail for an add-on's trigger, and nobody else is told. The Log tab of the workbook has the same line.",
      name: SENDER_NAME,
    });
  } catch {
    return false;
  }
  appendLog(ctx.ss, {
    when: new Date(),
    who: owner,
    action: 'Failure notice e-mailed',
    rowsRead: 0,
    rowsWritten: 0,
    warnings: [`to ${owner}`, reason],
  });
  return true;
}

/** A run with no document: the owner is told, and the trigger, which would fail daily, goes. */
function cannotReachDocument(owner: string, triggerId: string | undefined): void {
  const ref = rememberedWorkbook(triggerId);
  const name = ref ? `"${ref.name}"` : 'a workbook';
  const stopped = ownTrigger(triggerId);
  deleteTriggers(stopped);
  if (triggerId) forgetWorkbook(triggerId);
  if (!owner)
    throw new Error(
      `The scheduled report of ${name} could not reach its spreadsheet, and Apps Script did not say whose schedule it is.`,
    );
  MailApp.sendEmail({
    to: owner,
    subject: `Circularity Workbench: the scheduled report of ${name} could not run`,
    body:
      `Apps Script ran the scheduled report of ${name}${ref ? ` (${ref.url})` : ''} with no access to the spreadsheet: no active spreadsheet, document lock or document properties in this run. ` +
      "This is what happens when Circularity Workbench is installed as an editor add-on: Google does not document that an add-on's time-driven run has an active spreadsheet, and with the spreadsheets.currentonly permission the add-on may not open the file any other way.\n\n" +
      `Nothing was sent, and nothing could be written to the workbook's Log. ${stopped.length ? 'The schedule stopped itself, so that you are not told this again every day.' : ''}\n\n` +
      'To e-mail the report every month, install the bound-script version in the workbook (README, "Deploying") and click Schedule monthly report there, or send it with Email report… each month.',
    name: SENDER_NAME,
  });
}

/** The busy day's Log line: written without the lock (a colleague's action holds it), one row. */
function logBusy(ss: Spreadsheet, owner: string, due: MonthKey): void {
  const state = readSchedule();
  const pending = isRunning(state) && state.through < due;
  appendLog(ss, {
    when: new Date(),
    who: owner,
    action: SCHEDULED_RUN,
    rowsRead: 0,
    rowsWritten: 0,
    warnings: [
      `Not sent today: the workbook was busy with another Circularity Workbench action; ${
        pending
          ? `the report for ${monthLabel(due)} is still due and ${NEXT_RUN}`
          : 'nothing was due'
      }.`,
    ],
  });
}

/** The time-driven trigger's body: no UI (interactive = false); never silent. */
export function runScheduledReportFromTrigger(e?: ClockEvent): void {
  const triggerId = e?.triggerUid;
  const owner = effectiveUser();
  const ss = SpreadsheetApp.getActiveSpreadsheet() as Spreadsheet | null;
  if (!ss || !documentProperties() || !LockService.getDocumentLock()) {
    cannotReachDocument(owner, triggerId);
    return;
  }
  let due: MonthKey | null = null;
  let told = false;
  try {
    const result = runAction(
      SCHEDULED_RUN,
      (ctx) => {
        try {
          return scheduledRun(ctx, owner, triggerId, (m) => (due = m));
        } catch (error) {
          told = tellOwnerOfFailure(ctx, owner, error, due);
          throw error;
        }
      },
      false,
    );
    // runAction answers null for a non-interactive run only when the document lock was busy.
    if (result === null)
      logBusy(ss, owner, lastCompleteMonth(new Date(), ss.getSpreadsheetTimeZone()));
  } catch (error) {
    // Logged and the owner told: the run is over. Otherwise Apps Script must record the failure.
    if (!told) throw error;
  }
}
