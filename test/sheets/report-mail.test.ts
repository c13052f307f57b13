/**
 * Email report on the local runtime: Settings recipients only, the report tab's charts inline,
 * a delivery line per message in Log, ≤ 50 recipients per message, clear refusals (bad
 * address, empty list, quota) that send nothing and build nothing, and a message that fits Gmail
 * (HTML ≤ 100 KB) and MailApp's 200 KB — sent smaller, never refused, when MailApp says it is
 * too large anyway.
 */
import { lastCompleteMonth } from '../../src/core/kpi/months';
import { emailReport, emailReportFromMenu } from '../../src/sheets/mail';
import { run, sampleWorkbook, setSetting } from '../core/report/fixture';
import { sheet } from '../helpers/runtime';
import { Runtime } from '../../local/runtime';
import type { SentMail } from '../../local/services/mail';

const NOW = new Date();
const MONTH = lastCompleteMonth(NOW, 'Europe/Paris');

const lastAlert = (rt: Runtime) => rt.ui.alerts[rt.ui.alerts.length - 1]?.prompt ?? '';
/** What MailApp's 200 KB count: the text part, the HTML part and the inline images. */
const messageBytes = (m: SentMail) =>
  Buffer.byteLength(m.body) +
  Buffer.byteLength(m.htmlBody ?? '') +
  Object.values(m.inlineImages).reduce((n, i) => n + i.bytes.length, 0);
const logRows = (rt: Runtime) =>
  rt.runAs('FULL', () => sheet(rt, 'Log').getDataRange().getValues());
const reportTabs = (rt: Runtime) =>
  rt
    .spreadsheet!.getSheets()
    .map((s) => s.getName())
    .filter((n) => n.startsWith('Report '));

describe('Email report', () => {
  test('goes to the Settings recipients only, HTML body with the tab’s charts inline, a delivery line in Log', () => {
    const rt = sampleWorkbook(NOW);
    rt.ui.scriptResponses([{ button: 'OK', text: '' }]);
    rt.runAs('FULL', () => emailReportFromMenu());
    expect(rt.ui.prompts[0].prompt).toMatch(
      /^Send the report to the 3 recipient\(s\) in Settings: camille@example\.com, jonas@example\.org, priya@example\.net\./,
    );
    expect(rt.outbox).toHaveLength(1);
    const mail = rt.outbox[0];
    expect([...mail.to, ...mail.cc, ...mail.bcc].sort()).toEqual([
      'camille@example.com',
      'jonas@example.org',
      'priya@example.net',
    ]);
    expect(mail.subject).toMatch(/^Circularity report — \w+ \d{4} — Recycling service France$/);
    // Every chart of the tab is in the e-mail, or named there with the tab that has it.
    const charts = [
      ['chart_reuse', 'Reuse rate vs target'],
      ['chart_volumes', 'Volumes: requested vs received'],
      ['chart_mix', 'Disposition mix'],
      ['chart_lead_time', 'Lead time (days)'],
      ['chart_pareto_not_reused', 'Pareto: why orders were not reused'],
      ['chart_pareto_complaints', 'Pareto: what complaints were about'],
    ];
    const inline = Object.keys(mail.inlineImages);
    expect(inline.length).toBeGreaterThanOrEqual(4); // the four KPI charts fit
    expect(charts.slice(0, inline.length).map(([cid]) => cid)).toEqual(inline);
    for (const [cid, title] of charts) {
      if (inline.includes(cid)) expect(mail.htmlBody).toContain(`<img src="cid:${cid}"`);
      else
        expect(mail.htmlBody).toContain(
          `see the ${title} chart in the workbook tab &#39;Report ${MONTH}&#39;.`,
        );
    }
    for (const img of Object.values(mail.inlineImages)) {
      expect(img.contentType).toBe('image/png');
      expect(img.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    expect(mail.htmlBody).toMatch(
      /id="kpis"[\s\S]*id="charts"[\s\S]*id="shortlist"[\s\S]*id="quality"/,
    );
    expect(mail.htmlBody).not.toMatch(/(src|href)="https?:/);
    expect(mail.body).toMatch(/^Circularity report — /);
    expect(Buffer.byteLength(mail.htmlBody!)).toBeLessThanOrEqual(100 * 1024);
    expect(messageBytes(mail)).toBeLessThanOrEqual(200 * 1024);
    // The report tab was (re)built, once.
    expect(reportTabs(rt)).toEqual([`Report ${MONTH}`]);
    const log = logRows(rt);
    const delivery = log.find((r) => r[2] === 'Report e-mailed')!;
    expect(delivery[1]).toBe('ops@example.com');
    expect(delivery[5]).toMatch(
      new RegExp(
        `^to camille@example\\.com, jonas@example\\.org, priya@example\\.net \\| subject "${mail.subject}" \\| period ${MONTH} \\| ${inline.length} chart image\\(s\\) inline \\| ${Math.ceil(messageBytes(mail) / 1024)} KB \\(HTML \\d+ KB\\)`,
      ),
    );
    expect(log[log.length - 1][2]).toBe('Email report…');
  });

  test('Cancel at the period prompt sends nothing and logs nothing', () => {
    const rt = sampleWorkbook(NOW);
    const before = logRows(rt).length;
    rt.ui.scriptResponses([{ button: 'CANCEL' }]);
    rt.runAs('FULL', () => emailReportFromMenu());
    expect(rt.outbox).toHaveLength(0);
    expect(logRows(rt)).toHaveLength(before);
  });

  test.each([
    [
      'camille@example.com, bob@, priya@example.net',
      /"bob@" \(entry 2 of 3\) is not an e-mail address/,
    ],
    [
      'camille@example.com; <script>alert(1)</script>',
      /"<script>alert\(1\)<\/script>" \(entry 2 of 2\) is not an e-mail address/,
    ],
    ['', /\('Report recipients'\) is empty/],
  ])(
    'recipients %j are refused, naming the cell and the entry; nothing sent, nothing built',
    (list, message) => {
      const rt = sampleWorkbook(NOW);
      setSetting(rt, 'Report recipients', list);
      rt.runAs('FULL', () => emailReportFromMenu());
      expect(rt.ui.prompts).toHaveLength(0); // refused before asking anything
      expect(lastAlert(rt)).toMatch(/^Settings, row \d+, column B \('Report recipients'\)/);
      expect(lastAlert(rt)).toMatch(message);
      expect(lastAlert(rt)).toMatch(/Nothing was sent\.$/);
      expect(rt.outbox).toHaveLength(0);
      expect(reportTabs(rt)).toEqual([]);
      expect(logRows(rt).pop()![5]).toMatch(/^FAILED: Settings, row/);
    },
  );

  test('refused when the daily quota cannot reach every recipient', () => {
    const rt = sampleWorkbook(NOW, { mailDailyRecipients: 2 });
    run(rt, 'Email report', (ctx) => emailReport(ctx, MONTH, NOW));
    expect(lastAlert(rt)).toBe(
      'The daily e-mail quota has 2 recipient(s) left today and the report goes to 3. Nothing was sent; try again tomorrow or shorten Report recipients in Settings.',
    );
    expect(rt.outbox).toHaveLength(0);
    expect(reportTabs(rt)).toEqual([]);
    expect(rt.ctx.calls.get('MailApp.getRemainingDailyQuota')).toBe(1);
  });

  test('more than 50 recipients go out in messages of at most 50, one Log line each', () => {
    const rt = sampleWorkbook(NOW, { mailDailyRecipients: 1500 });
    const many = Array.from({ length: 120 }, (_, i) => `person${i}@example.com`);
    setSetting(rt, 'Report recipients', many.join(', '));
    run(rt, 'Email report', (ctx) => emailReport(ctx, MONTH, NOW));
    expect(rt.outbox.map((m) => m.to.length)).toEqual([50, 50, 20]);
    expect(rt.outbox.flatMap((m) => m.to)).toEqual(many);
    expect(logRows(rt).filter((r) => r[2] === 'Report e-mailed')).toHaveLength(3);
  });

  test('user text in the e-mail is escaped', () => {
    const rt = sampleWorkbook(NOW);
    setSetting(rt, 'Scope', '<script>alert(1)</script>');
    run(rt, 'Email report', (ctx) => emailReport(ctx, MONTH, NOW));
    const html = rt.outbox[0].htmlBody!;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(rt.outbox[0].subject).toContain('<script>alert(1)</script>'); // a subject is plain text
  });

  test('when MailApp refuses the message as too large anyway, the leanest copy goes, and the person is told', () => {
    const rt = sampleWorkbook(NOW);
    // Google's own count of the 200 KB is not documented and may differ from ours.
    rt.ctx.failOn('MailApp.sendEmail', 1, 'Limit Exceeded: Email Body Size.');
    const result = run(rt, 'Email report', (ctx) => emailReport(ctx, MONTH, NOW));
    expect(rt.outbox).toHaveLength(1);
    const mail = rt.outbox[0];
    expect(mail.inlineImages).toEqual({});
    expect(mail.htmlBody).not.toContain('cid:');
    expect(mail.htmlBody).toContain('id="notice"');
    expect(result!.summary).toMatch(
      /MailApp refused the full e-mail as too large \(\d+ KB\), so it went without charts and without the long lists: the tab has everything\.$/,
    );
    expect(logRows(rt).find((r) => r[2] === 'Report e-mailed')![5]).toMatch(
      /\| 0 chart image\(s\) inline \| \d+ KB \(HTML \d+ KB\) \| shortened: long lists are left out(; texts longer than 120 characters are cut)?; 6 chart\(s\) are left out/,
    );
  });

  test('refused again in its smallest form: nothing sent, the alert says what was too big and what to do', () => {
    const rt = sampleWorkbook(NOW);
    // The first fault is spent on the first call; the second then fails the next one.
    rt.ctx.failOn('MailApp.sendEmail', 1, 'Limit Exceeded: Email Body Size.');
    rt.ctx.failOn('MailApp.sendEmail', 1, 'Limit Exceeded: Email Body Size.');
    run(rt, 'Email report', (ctx) => emailReport(ctx, MONTH, NOW));
    expect(rt.outbox).toHaveLength(0);
    expect(lastAlert(rt)).toMatch(
      new RegExp(
        `^Sending the report failed: MailApp refused the e-mail as too large \\(Limit Exceeded: Email Body Size\\.\\) even in its smallest form — \\d+ KB of HTML and \\d+ KB of text, no chart; MailApp allows 200 KB a message on a consumer account\\. Nothing was sent\\. The whole report is in the tab 'Report ${MONTH}': share the workbook with the recipients, or shorten the longest texts the report shows \\(Scope in Settings, partner names, benchmark findings\\) and send it again\\.`,
      ),
    );
  });

  test('any other MailApp failure is reported as before, and not retried', () => {
    const rt = sampleWorkbook(NOW);
    rt.ctx.failOn('MailApp.sendEmail', 1, 'Service invoked too many times for one day: email.');
    run(rt, 'Email report', (ctx) => emailReport(ctx, MONTH, NOW));
    expect(rt.outbox).toHaveLength(0);
    expect(rt.ctx.calls.get('MailApp.sendEmail')).toBe(1);
    expect(lastAlert(rt)).toMatch(
      /^Sending the report failed: Service invoked too many times for one day: email\.\. Nothing was sent\./,
    );
  });
});
