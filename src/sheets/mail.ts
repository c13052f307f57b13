/**
 * Email report: to the recipients in Settings only, never anyone typed elsewhere. Everything that
 * can refuse the delivery is checked before anything is built or sent — every address, then the
 * daily MailApp quota — so a refusal changes nothing. The body is the report's HTML with the
 * report tab's native charts as inline PNG images (cid:), at most 50 recipients per message, and
 * one Log line per message sent.
 */
import { Grid, UserError } from '../core/cells';
import { ChartImage, renderReportHtml } from '../core/html/report';
import { batches, parseRecipients } from '../core/report/recipients';
import { renderReportText } from '../core/report/text';
import { ReportChart, ReportModel } from '../core/report/types';
import { ReportPeriod } from '../core/report/period';
import { ActionContext, ActionResult, runAction } from './action';
import { appendLog, currentUser } from './log';
import { askPeriod, buildReportTab, resolvePeriod } from './report';
import { readSettings, ReportSettings, settingCell } from './report-read';
import { chartImages } from './report-tab';
import { activeSpreadsheet } from './workbook';

const RECIPIENTS_KEY = 'Report recipients';
/** Stay under MailApp's 200 KB body limit (consumer accounts), with room for the text part. */
const MAX_HTML_BYTES = 150 * 1024;
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
    summary: `Report for ${p.label} e-mailed to ${recipients.length} recipient(s) in ${sent} message(s); it is also in the tab '${p.tabName}'.`,
  };
}

/** Sends in batches of ≤ 50 and logs each message; returns the number of messages sent. */
function send(
  ctx: ActionContext,
  model: ReportModel,
  pngs: Partial<Record<ReportChart['id'], GoogleAppsScript.Base.Blob>>,
  recipients: string[],
): number {
  const inlineImages: Record<string, GoogleAppsScript.Base.Blob> = {};
  const images: Partial<Record<ReportChart['id'], ChartImage>> = {};
  // An empty chart (a Pareto with no reason in the period) is not shown, so not attached.
  const empty = new Set(model.charts.filter((c) => !c.rows.length).map((c) => c.id));
  for (const [id, blob] of Object.entries(pngs) as [
    ReportChart['id'],
    GoogleAppsScript.Base.Blob,
  ][]) {
    if (empty.has(id)) continue;
    inlineImages[`chart_${id}`] = blob;
    images[id] = { src: `cid:chart_${id}` };
  }
  // Long lists (facts due for review, above all) are cut in the mail; the tab has them in full.
  let htmlBody = renderReportHtml(model, { images, maxListRows: 60 });
  // A long shortlist or data-quality list could pass the body limit: the tab has them in full.
  if (utf8Length(htmlBody) > MAX_HTML_BYTES)
    htmlBody = renderReportHtml(model, { images, maxQualityRows: 10, maxListRows: 30 });
  const subject = `${model.title} — ${model.header.scope}`.replace(/[\r\n]+/g, ' ');
  const body = renderReportText(model);
  const groups = batches(recipients);
  groups.forEach((to, i) => {
    try {
      MailApp.sendEmail({
        to: to.join(','),
        subject,
        body,
        htmlBody,
        inlineImages,
        name: SENDER_NAME,
      });
    } catch (e) {
      const done = i
        ? ` The first ${i} message(s) (${groups.slice(0, i).flat().length} recipient(s)) were sent.`
        : ' Nothing was sent.';
      throw new UserError(
        `Sending the report failed: ${e instanceof Error ? e.message : String(e)}.${done}`,
      );
    }
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
        `${Object.keys(inlineImages).length} chart image(s) inline`,
      ],
    });
  });
  return groups.length;
}

/** UTF-8 size, counted by hand: Apps Script's V8 has no TextEncoder or Buffer. */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
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
