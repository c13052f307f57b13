/**
 * Email report: to the recipients in Settings only, never anyone typed elsewhere. Everything that
 * can refuse the delivery is checked before anything is built or sent — every address, then the
 * daily MailApp quota — so a refusal changes nothing. The body is the report's HTML with the
 * report tab's native charts as inline PNG images (cid:), fitted by the core (mail-fit.ts) to
 * Gmail's clipping size and MailApp's per-message quota; at most 50 recipients per message, and
 * one Log line per message sent.
 */
import { SETTING } from '../core/settings-schema';
import { Grid, UserError } from '../core/cells';
import {
  ChartPictures,
  EMAIL_LIMITS,
  FittedMail,
  chartCid,
  fitReportMail,
  leanestReportMail,
} from '../core/report/mail-fit';
import { batches, parseRecipients } from '../core/report/recipients';
import { ReportChart, ReportModel } from '../core/report/types';
import { ReportPeriod } from '../core/report/period';
import { ActionContext, ActionResult, runAction } from './action';
import { appendLog, currentUser } from './log';
import { askPeriod, buildReportTab, resolvePeriod } from './report';
import { readSettings, ReportSettings, settingCell } from './report-read';
import { chartImages } from './report-tab';
import { activeSpreadsheet } from './workbook';

const RECIPIENTS_KEY = SETTING.reportRecipients.key;
/** The sender name recipients see. */
export const SENDER_NAME = 'Circularity Workbench';
/** Menu caption and Log action name. */
export const EMAIL_REPORT = 'Email report…';

/** The checked recipients of Settings (throws a UserError naming the cell and the bad entry). */
export function reportRecipients(known: ReportSettings): string[] {
  return parseRecipients(
    known.settings.get(RECIPIENTS_KEY) ?? '',
    settingCell(known.grid, RECIPIENTS_KEY),
  );
}

/** Refuses, before anything is sent, when today's MailApp budget cannot reach everyone. */
export function checkQuota(recipients: number): void {
  const left = MailApp.getRemainingDailyQuota();
  if (left < recipients) {
    throw new UserError(
      `The daily e-mail quota has ${left} recipient(s) left today and the report goes to ${recipients}. ` +
        'Nothing was sent; try again tomorrow or shorten Report recipients in Settings.',
    );
  }
}

/**
 * Builds the report of a period and e-mails it; the shared body of Email report and the schedule.
 * `settings`: the Settings grid the menu flow read for its question.
 */
export function emailReport(
  ctx: ActionContext,
  period: ReportPeriod | string,
  now: Date,
  settings?: Grid,
): ActionResult {
  const known = readSettings(ctx.ss, ctx.notices, settings);
  const recipients = reportRecipients(known);
  checkQuota(recipients.length);
  const p = typeof period === 'string' ? resolvePeriod(ctx.ss, known, period, now) : period;
  const built = buildReportTab(ctx, p, now, known);
  ctx.beforeWriting('sending the report');
  ctx.progress(`Sending the report to ${recipients.length} recipient(s)…`);
  SpreadsheetApp.flush(); // the charts' images must show the data just written
  const sent = send(ctx, built.model, chartImages(built.sheet, built.model.charts), recipients);
  return {
    rowsRead: built.rowsRead,
    rowsWritten: built.rowsWritten,
    warnings: built.warnings,
    summary: `Report for ${p.label} e-mailed to ${recipients.length} recipient(s) in ${sent.messages} message(s); it is also in the tab '${p.tabName}'.${shortenedSentence(sent)}`,
  };
}

/** What the recipients get less than the tab, and why; '' when the e-mail is whole. */
function shortenedSentence(sent: Sent): string {
  if (sent.refused)
    return ` MailApp refused the full e-mail as too large (${kb(sent.refused.sizes.total)}), so it went without charts and without the long lists: the tab has everything.`;
  return sent.mail.shortened
    ? ` To stay whole in Gmail and within MailApp's ${kb(EMAIL_LIMITS.message)} a message, the e-mail is shortened (${sent.mail.shortened}): the tab has everything.`
    : '';
}

interface Sent {
  messages: number;
  /** The copy sent. */
  mail: FittedMail;
  /** The fitted copy MailApp refused as too large, when the leanest one went instead. */
  refused?: FittedMail;
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;
const isBodySize = (e: unknown) =>
  /limit exceeded: email body size/i.test(e instanceof Error ? e.message : String(e));

/**
 * Sends in batches of ≤ 50 and logs each message. Should MailApp refuse the fitted message as too
 * large anyway (its own count may differ from ours), the leanest copy goes instead — no chart,
 * no list row — and only if that is refused too does the action stop, saying what was too big.
 */
function send(
  ctx: ActionContext,
  model: ReportModel,
  pngs: Partial<Record<ReportChart['id'], GoogleAppsScript.Base.Blob>>,
  recipients: string[],
): Sent {
  const pictures: ChartPictures = {};
  for (const [id, blob] of Object.entries(pngs) as [ReportChart['id'], Blob][])
    pictures[id] = [{ bytes: blob.getBytes().length }];
  const sent: Sent = { messages: 0, mail: fitReportMail(model, pictures) };
  const subject = `${model.title} — ${model.header.scope}`.replace(/[\r\n]+/g, ' ');
  const groups = batches(recipients);
  const deliver = (to: string[]) =>
    MailApp.sendEmail({
      to: to.join(','),
      subject,
      body: sent.mail.text,
      htmlBody: sent.mail.html,
      inlineImages: inline(sent.mail, pngs),
      name: SENDER_NAME,
    });
  groups.forEach((to, i) => {
    const failed = (e: unknown) => {
      const done = i
        ? ` The first ${i} message(s) (${groups.slice(0, i).flat().length} recipient(s)) were sent.`
        : ' Nothing was sent.';
      return new UserError(failureMessage(e, sent.mail, model, done));
    };
    try {
      deliver(to);
    } catch (e) {
      if (!isBodySize(e) || sent.refused) throw failed(e);
      sent.refused = sent.mail;
      sent.mail = leanestReportMail(model);
      try {
        deliver(to);
      } catch (again) {
        throw failed(again);
      }
    }
    sent.messages++;
    const m = sent.mail;
    appendLog(ctx.ss, {
      when: new Date(),
      who: currentUser(),
      action: 'Report e-mailed',
      rowsRead: 0,
      rowsWritten: 0,
      warnings: [
        `to ${to.join(', ')}`,
        `subject "${subject}"`,
        `period ${model.header.period.key}`,
        `${Object.keys(m.chosen).length} chart image(s) inline`,
        `${kb(m.sizes.total)} (HTML ${kb(m.sizes.html)})`,
        ...(m.shortened ? [`shortened: ${m.shortened}`] : []),
      ],
    });
  });
  return sent;
}

type Blob = GoogleAppsScript.Base.Blob;

/** The inline images of the charts the fitted copy shows, by content id. */
function inline(
  mail: FittedMail,
  pngs: Partial<Record<ReportChart['id'], Blob>>,
): Record<string, Blob> {
  const out: Record<string, Blob> = {};
  for (const id of Object.keys(mail.chosen) as ReportChart['id'][])
    out[chartCid(id)] = pngs[id] as Blob;
  return out;
}

/** Why sending stopped: a size refusal names what was too big and what to do. */
function failureMessage(e: unknown, mail: FittedMail, model: ReportModel, done: string): string {
  const reason = e instanceof Error ? e.message : String(e);
  if (!isBodySize(e)) return `Sending the report failed: ${reason}.${done}`;
  const { sizes } = mail;
  return (
    `Sending the report failed: MailApp refused the e-mail as too large (${reason}) even in its smallest form — ` +
    `${kb(sizes.html)} of HTML and ${kb(sizes.text)} of text, no chart; MailApp allows ${kb(EMAIL_LIMITS.message)} a message on a consumer account.${done} ` +
    `The whole report is in the tab '${model.header.period.tabName}': share the workbook with the recipients, ` +
    `or shorten the longest texts the report shows (Scope in Settings, partner names, benchmark findings) and send it again.`
  );
}

/**
 * Menu flow of Email report…: recipients are checked first (a bad list is refused at once, with
 * no question asked); then the period prompt; Cancel does nothing.
 */
export function emailReportFromMenu(): void {
  const ss = activeSpreadsheet();
  const now = new Date();
  // Read once for the checks and the question, and handed to the action.
  const known = readSettings(ss);
  let recipients: string[];
  try {
    recipients = reportRecipients(known);
  } catch {
    // The action repeats the check and reports it the usual way: alert and Log line.
    runAction(EMAIL_REPORT, (ctx) => emailReport(ctx, '', now, known.grid));
    return;
  }
  const shown =
    recipients.length > 5
      ? `${recipients.slice(0, 5).join(', ')} and ${recipients.length - 5} more`
      : recipients.join(', ');
  const text = askPeriod(
    ss,
    'Email report',
    `Send the report to the ${recipients.length} recipient(s) in Settings: ${shown}.\n`,
    now,
    known,
  );
  if (text === null) return;
  runAction(EMAIL_REPORT, (ctx) => emailReport(ctx, text, now, known.grid), true, now.getTime());
}
