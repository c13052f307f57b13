/**
 * MailApp with an outbox instead of an SMTP server, and the quotas that bite in production:
 * recipients per day (100 consumer / 1 500 Workspace), 50 recipients per message, body size,
 * attachment count and size.
 *
 * Body size. Google's quotas page (developers.google.com/apps-script/guides/services/quotas,
 * "Current limitations") lists "Email body size: 200 KB / msg" for consumer accounts (400 KB for
 * Workspace), and a script past it fails with "Limit Exceeded: Email Body Size." (the wording
 * Apps Script's execution log shows). The page does not say what the 200 KB counts. The model
 * takes the strict reading: the text body, the HTML body (UTF-8 bytes) and the inline images
 * (their bytes) together, at the consumer figure. Attachments are left out: they have limits of
 * their own on the same page (250 per message, 25 MB in all).
 */
import type { ExecutionContext } from '../context';
import { FakeBlob, fromBytes } from './blob';
import type { Clock } from './clock';

type Params = GoogleAppsScript.Mail.MailAdvancedParameters;
type BlobSource = GoogleAppsScript.Base.BlobSource;

export const MAIL_MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAIL_MAX_BODY_BYTES = 200 * 1024;
export const MAIL_MAX_ATTACHMENTS = 250;
export const MAIL_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export interface SentAttachment {
  name: string | null;
  contentType: string | null;
  bytes: Buffer;
}

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments: SentAttachment[];
  inlineImages: Record<string, SentAttachment>;
  sentAt: Date;
}

export interface MailOptions {
  /** Recipients per day: 100 for consumer accounts (default), 1 500 for Workspace. */
  dailyRecipients?: number;
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

function addresses(list: string | undefined): string[] {
  if (list === undefined || list === null || list === '') return [];
  return String(list)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((a) => {
      // "Name <addr@x.org>" is accepted by MailApp
      const bare = /<([^>]+)>\s*$/.exec(a)?.[1] ?? a;
      if (!EMAIL.test(bare)) throw new Error(`Invalid email: ${a}`);
      return bare;
    });
}

function attachment(source: BlobSource): SentAttachment {
  if (source instanceof FakeBlob) return source.snapshot();
  const blob = source.getBlob();
  if (blob instanceof FakeBlob) return blob.snapshot();
  return {
    name: blob.getName(),
    contentType: blob.getContentType(),
    bytes: fromBytes(blob.getBytes()),
  };
}

export class FakeMailApp implements GoogleAppsScript.Mail.MailApp {
  readonly outbox: SentMail[] = [];
  readonly dailyRecipients: number;
  private sentToday = 0;
  private day: string;

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly clock: Clock,
    options: MailOptions = {},
  ) {
    this.dailyRecipients = options.dailyRecipients ?? 100;
    this.day = this.today();
  }

  // The quota window is a rolling day in production; a calendar day on the runtime clock is
  // close enough to test "enough budget left?" logic.
  private today(): string {
    return this.clock.date().toISOString().slice(0, 10);
  }

  private roll(): void {
    const d = this.today();
    if (d !== this.day) {
      this.day = d;
      this.sentToday = 0;
    }
  }

  getRemainingDailyQuota(): number {
    this.ctx.call('MailApp.getRemainingDailyQuota', 'mail');
    this.roll();
    return Math.max(0, this.dailyRecipients - this.sentToday);
  }

  sendEmail(a: string | Params, b?: string, c?: string, d?: string | Params): void {
    this.ctx.call('MailApp.sendEmail', 'mail');
    let p: Params;
    if (typeof a === 'object' && a !== null) p = { ...a };
    else if (typeof d === 'string') p = { to: a, replyTo: b, subject: c, body: d };
    else p = { ...(d ?? {}), to: a, subject: b, body: c };

    const to = addresses(p.to);
    const cc = addresses(p.cc);
    const bcc = addresses(p.bcc);
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) throw new Error('Failed to send email: no recipient');
    if (p.replyTo) addresses(p.replyTo);
    if (all.length > MAIL_MAX_RECIPIENTS_PER_MESSAGE) {
      throw new Error('Limit Exceeded: Email Recipients Per Message.');
    }
    const body = p.body === undefined || p.body === null ? '' : String(p.body);
    const inlineImages: Record<string, SentAttachment> = {};
    for (const [k, v] of Object.entries(p.inlineImages ?? {})) inlineImages[k] = attachment(v);
    const size =
      Buffer.byteLength(body, 'utf8') +
      Buffer.byteLength(p.htmlBody ?? '', 'utf8') +
      Object.values(inlineImages).reduce((n, x) => n + x.bytes.length, 0);
    if (size > MAIL_MAX_BODY_BYTES) throw new Error('Limit Exceeded: Email Body Size.');
    const attachments = (p.attachments ?? []).map(attachment);
    if (attachments.length > MAIL_MAX_ATTACHMENTS)
      throw new Error('Limit Exceeded: Email Attachments Per Message.');
    const attachmentBytes = attachments.reduce((n, x) => n + x.bytes.length, 0);
    if (attachmentBytes > MAIL_MAX_ATTACHMENT_BYTES)
      throw new Error('Limit Exceeded: Email Total Attachments Size.');
    this.roll();
    if (this.sentToday + all.length > this.dailyRecipients) {
      throw new Error('Service invoked too many times for one day: email.');
    }
    this.sentToday += all.length;
    this.outbox.push({
      to,
      cc,
      bcc,
      subject: p.subject === undefined ? '' : String(p.subject),
      body,
      ...(p.htmlBody !== undefined ? { htmlBody: p.htmlBody } : {}),
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.replyTo !== undefined ? { replyTo: p.replyTo } : {}),
      ...(p.noReply !== undefined ? { noReply: p.noReply } : {}),
      attachments,
      inlineImages,
      sentAt: this.clock.date(),
    });
  }

  /** Recipients already charged today (test helper, uncounted). */
  recipientsSentToday(): number {
    this.roll();
    return this.sentToday;
  }
}
