import { createRuntime } from '../../../local/runtime';

const many = (n: number, domain = 'example.com') =>
  Array.from({ length: n }, (_, i) => `p${i}@${domain}`).join(',');

describe('MailApp', () => {
  test('the three-string form', () => {
    const rt = createRuntime({ now: new Date('2026-11-02T08:00:00Z') });
    rt.globals.MailApp.sendEmail('ana@example.com', 'Report', 'See attached');
    expect(rt.outbox).toEqual([
      {
        to: ['ana@example.com'],
        cc: [],
        bcc: [],
        subject: 'Report',
        body: 'See attached',
        attachments: [],
        inlineImages: {},
        sentAt: new Date('2026-11-02T08:00:00Z'),
      },
    ]);
  });

  test('options and message-object forms record every field', () => {
    const rt = createRuntime();
    const U = rt.globals.Utilities;
    rt.globals.MailApp.sendEmail('a@example.com, Bob <b@example.com>', 'S', 'B', {
      cc: 'c@example.com',
      bcc: 'd@example.com',
      htmlBody: '<b>B</b>',
      name: 'Workbench',
      replyTo: 'team@example.com',
      noReply: false,
      attachments: [U.newBlob('x,y', 'text/csv', 'kpi.csv')],
      inlineImages: { chart: U.newBlob([1, 2, 3], 'image/png', 'chart.png') },
    });
    rt.globals.MailApp.sendEmail({
      to: 'e@example.com',
      subject: 'Obj',
      body: 'b',
      htmlBody: '<p>h</p>',
    });
    const [first, second] = rt.outbox;
    expect(first).toMatchObject({
      to: ['a@example.com', 'b@example.com'],
      cc: ['c@example.com'],
      bcc: ['d@example.com'],
      subject: 'S',
      body: 'B',
      htmlBody: '<b>B</b>',
      name: 'Workbench',
      replyTo: 'team@example.com',
      noReply: false,
    });
    expect(first.attachments[0]).toEqual({
      name: 'kpi.csv',
      contentType: 'text/csv',
      bytes: Buffer.from('x,y'),
    });
    expect(first.inlineImages.chart.bytes).toEqual(Buffer.from([1, 2, 3]));
    expect(second).toMatchObject({ to: ['e@example.com'], subject: 'Obj', htmlBody: '<p>h</p>' });
  });

  test('the (to, replyTo, subject, body) form', () => {
    const rt = createRuntime();
    rt.globals.MailApp.sendEmail('a@example.com', 'r@example.com', 'S', 'B');
    expect(rt.outbox[0]).toMatchObject({
      to: ['a@example.com'],
      replyTo: 'r@example.com',
      subject: 'S',
      body: 'B',
    });
  });

  test('invalid addresses and missing recipients', () => {
    const rt = createRuntime();
    expect(() => rt.globals.MailApp.sendEmail('not-an-address', 'S', 'B')).toThrow(
      'Invalid email: not-an-address',
    );
    expect(() => rt.globals.MailApp.sendEmail({ subject: 'S', body: 'B' })).toThrow(/no recipient/);
    expect(rt.outbox).toHaveLength(0);
  });

  test('50 recipients per message, counting cc and bcc', () => {
    const rt = createRuntime({ mailDailyRecipients: 1500 });
    expect(() => rt.globals.MailApp.sendEmail(many(50), 'S', 'B')).not.toThrow();
    expect(() =>
      rt.globals.MailApp.sendEmail(many(40), 'S', 'B', {
        cc: many(6, 'cc.org'),
        bcc: many(5, 'bcc.org'),
      }),
    ).toThrow('Limit Exceeded: Email Recipients Per Message.');
  });

  test('daily recipient quota: 100 by default, refused message charges nothing', () => {
    const rt = createRuntime({ now: new Date('2026-11-02T08:00:00Z') });
    const M = rt.globals.MailApp;
    expect(M.getRemainingDailyQuota()).toBe(100);
    M.sendEmail(many(50), 'S', 'B');
    M.sendEmail(many(45), 'S', 'B');
    expect(M.getRemainingDailyQuota()).toBe(5);
    expect(() => M.sendEmail(many(6), 'S', 'B')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(M.getRemainingDailyQuota()).toBe(5);
    M.sendEmail(many(5), 'S', 'B');
    expect(M.getRemainingDailyQuota()).toBe(0);
    rt.advanceClock(24 * 3600 * 1000);
    expect(M.getRemainingDailyQuota()).toBe(100);
  });

  test('Workspace quota option', () => {
    const rt = createRuntime({ mailDailyRecipients: 1500 });
    expect(rt.globals.MailApp.getRemainingDailyQuota()).toBe(1500);
  });

  test('body ≤ 200 KB', () => {
    const rt = createRuntime();
    expect(() =>
      rt.globals.MailApp.sendEmail('a@example.com', 'S', 'x'.repeat(200 * 1024 + 1)),
    ).toThrow('Limit Exceeded: Email Body Size.');
    expect(() =>
      rt.globals.MailApp.sendEmail('a@example.com', 'S', 'x'.repeat(200 * 1024)),
    ).not.toThrow();
  });

  test('the 200 KB count the text part, the HTML part and the inline images together; attachments apart', () => {
    const rt = createRuntime();
    const U = rt.globals.Utilities;
    const image = (bytes: number) => U.newBlob('x'.repeat(bytes), 'image/png', 'c.png');
    const send = (text: number, html: number, images: number[], attached = 0) =>
      rt.globals.MailApp.sendEmail({
        to: 'a@example.com',
        subject: 'S',
        body: 'x'.repeat(text),
        htmlBody: 'é'.repeat(html / 2), // two UTF-8 bytes each
        inlineImages: Object.fromEntries(images.map((n, i) => [`c${i}`, image(n)])),
        attachments: attached ? [image(attached)] : [],
      });
    const KB = 1024;
    expect(() => send(10 * KB, 90 * KB, [50 * KB, 50 * KB])).not.toThrow();
    expect(rt.outbox).toHaveLength(1);
    expect(() => send(10 * KB, 90 * KB, [50 * KB, 50 * KB + 1])).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
    expect(() => send(0, 100 * KB + 2, [100 * KB])).toThrow('Limit Exceeded: Email Body Size.');
    expect(rt.outbox).toHaveLength(1); // a refused message is not sent
    // An attachment has its own 25 MB limit: it does not count in the body.
    expect(() => send(10 * KB, 90 * KB, [100 * KB], 1024 * KB)).not.toThrow();
  });
});
