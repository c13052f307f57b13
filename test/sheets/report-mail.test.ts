/**
 * Email report on the local runtime: Settings recipients only, the report tab's charts inline,
 * a delivery line per message in Log, ≤ 50 recipients per message, and clear refusals (bad
 * address, empty list, quota) that send nothing and build nothing.
 */
import { lastCompleteMonth } from '../../src/core/kpi/months';
import { emailReport, emailReportFromMenu } from '../../src/sheets/mail';
import { run, sampleWorkbook, setSetting } from '../core/report/fixture';
import { sheet } from '../helpers/runtime';
import { Runtime } from '../../local/runtime';

const NOW = new Date();
const MONTH = lastCompleteMonth(NOW, 'Europe/Paris');

const lastAlert = (rt: Runtime) => rt.ui.alerts[rt.ui.alerts.length - 1]?.prompt ?? '';
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
    expect(Object.keys(mail.inlineImages).sort()).toEqual([
      'chart_lead_time',
      'chart_mix',
      'chart_pareto_complaints',
      'chart_pareto_not_reused',
      'chart_reuse',
      'chart_volumes',
    ]);
    for (const [cid, img] of Object.entries(mail.inlineImages)) {
      expect(mail.htmlBody).toContain(`<img src="cid:${cid}"`);
      expect(img.contentType).toBe('image/png');
      expect(img.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    expect(mail.htmlBody).toMatch(
      /id="kpis"[\s\S]*id="charts"[\s\S]*id="shortlist"[\s\S]*id="quality"/,
    );
    expect(mail.htmlBody).not.toMatch(/(src|href)="https?:/);
    expect(mail.body).toMatch(/^Circularity report — /);
    expect(Buffer.byteLength(mail.htmlBody!)).toBeLessThan(200 * 1024);
    // The report tab was (re)built, once.
    expect(reportTabs(rt)).toEqual([`Report ${MONTH}`]);
    const log = logRows(rt);
    const delivery = log.find((r) => r[2] === 'Report e-mailed')!;
    expect(delivery[1]).toBe('ops@example.com');
    expect(delivery[5]).toBe(
      `to camille@example.com, jonas@example.org, priya@example.net | subject "${mail.subject}" | period ${MONTH} | 6 chart image(s) inline`,
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
});
