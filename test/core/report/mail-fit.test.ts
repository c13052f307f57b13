/**
 * The e-mail fitted to its two sizes: HTML ≤ 100 KB (Gmail clips above about 102 KB) and the
 * whole message — text, HTML, inline images — ≤ 200 KB (MailApp's body size quota), from a small
 * report to one with thousands of rows in every list and 50,000-character cells; charts give way
 * (smaller, then left out, least useful first) and every cut says where the rest is.
 */
import { escapeHtml } from '../../../src/core/html/escape';
import {
  CHART_PRIORITY,
  ChartPictures,
  EMAIL_LIMITS,
  FittedMail,
  chartCid,
  fitReportMail,
  leanestReportMail,
  utf8Length,
} from '../../../src/core/report/mail-fit';
import { buildReport } from '../../../src/core/report/model';
import { ReportModel } from '../../../src/core/report/types';
import { partner, reportInput } from './inputs';

const KB = 1024;
const TAB = 'Report 2026-10';
const ids = (m: ReportModel) => m.charts.filter((c) => c.rows.length).map((c) => c.id);

/** Every drawn chart offered as pictures of these sizes (best first). */
function pictures(m: ReportModel, ...sizes: number[]): ChartPictures {
  return Object.fromEntries(ids(m).map((id) => [id, sizes.map((bytes) => ({ bytes }))]));
}

function withinLimits(mail: FittedMail): void {
  expect(mail.sizes.html).toBe(Buffer.byteLength(mail.html, 'utf8'));
  expect(mail.sizes.text).toBe(Buffer.byteLength(mail.text, 'utf8'));
  expect(mail.sizes.total).toBe(mail.sizes.html + mail.sizes.text + mail.sizes.images);
  expect(mail.sizes.html).toBeLessThanOrEqual(100 * KB);
  expect(mail.sizes.total).toBeLessThanOrEqual(200 * KB);
}

/** The sample report with every list thousands of rows long and cells of 50,000 characters. */
function hugeModel(): ReportModel {
  const input = reportInput();
  const long = (c: string) => c.repeat(50_000); // the most a Sheets cell holds
  input.scope = long('S');
  input.partners = Array.from({ length: 5_000 }, (_, i) =>
    partner({
      partner: i % 500 ? `Partner ${i} — réemploi ✓` : long('P'),
      score: (i % 97) / 97,
      country: `C${i % 1_000}`,
      type: ['recycling', 'donation', 'refurbishment', 'collection', 'data erasure'][i % 5],
      strengths: i % 700 ? 'Capacity (5/5), Certifications (4/5)' : long('é'),
      row: i + 2,
    }),
  );
  input.benchmark = {
    bestPractices: Array.from({ length: 5_000 }, (_, i) => ({
      country: `C${i % 18}`,
      topic: `Topic ${i}`,
      text: i % 1_000 ? `Best practice ${i}: take-back in store, paid in vouchers` : long('B'),
      source: 'source.example/path',
    })),
    dueForReview: Array.from({ length: 5_000 }, (_, i) => ({
      country: `C${i % 18}`,
      tab: `Benchmark C${i % 18}`,
      row: i + 2,
      topic: `Topic ${i}`,
      year: 2020,
      lastReviewed: null,
      verified: false,
      reason: 'never reviewed',
    })),
  };
  input.notes = Array.from({ length: 5_000 }, (_, i) => `Partners, row ${i + 2}: ${long('n')}`);
  for (let i = 0; i < 5_000; i++)
    input.kpi!.issues.push({
      row: 100 + i,
      column: 'CSAT (M)',
      value: i % 1_000 ? 9 : long('v'),
      reason: 'CSAT outside 1 to 5; left blank',
      code: 'bad-csat',
      skipped: false,
    });
  const model = buildReport(input);
  model.categories = Array.from({ length: 5_000 }, (_, i) => ({
    category: `category ${i}`,
    requests: 10,
    received: 9,
    inspected: 8,
    reuseRate: 0.5,
    share: 0.0002,
  }));
  return model;
}

let huge: ReportModel | undefined;
/** Built once: fitting never changes the model. */
const hugeOnce = () => (huge ??= hugeModel());

describe('fitting the e-mail', () => {
  test('a small report goes whole: every chart at its best picture, no notice', () => {
    const model = buildReport(reportInput());
    const mail = fitReportMail(model, pictures(model, 20 * KB, 8 * KB));
    withinLimits(mail);
    expect(Object.keys(mail.chosen).sort()).toEqual(ids(model).sort());
    expect(Object.values(mail.chosen).every((i) => i === 0)).toBe(true);
    expect(mail.leftOut).toEqual([]);
    expect(mail.shortened).toBe('');
    expect(mail.html).not.toContain('id="notice"');
    expect(mail.sizes.images).toBe(ids(model).length * 20 * KB);
    for (const id of ids(model)) expect(mail.html).toContain(`src="cid:${chartCid(id)}"`);
  });

  test('thousands of rows and 50,000-character cells: both limits hold, each cut points to its tab', () => {
    const model = hugeOnce();
    const mail = fitReportMail(model, pictures(model, 24 * KB));
    withinLimits(mail);
    expect(mail.listRows).toBeLessThan(60);
    expect(mail.html).toContain('id="notice"');
    expect(mail.html).toContain(escapeHtml(`The whole report is in the workbook tab '${TAB}'.`));
    // Each long list says how many more and where they are.
    for (const where of [`in the workbook tab '${TAB}'`, "in the workbook tab 'Data quality'"])
      expect(mail.html).toMatch(new RegExp(`… and \\d+ more ${escapeHtml(where)}`));
    expect(mail.html).toContain(
      escapeHtml(`more in the workbook tab '${TAB}' and the Benchmark tabs.`),
    );
    // No cell of 50,000 characters comes through whole, and the notice says texts were cut.
    expect(mail.shortened).toMatch(/texts longer than \d+ characters are cut/);
    expect(mail.html).not.toContain('P'.repeat(2_000));
    expect(mail.text).not.toContain('S'.repeat(2_000));
    expect(mail.sizes.text).toBeLessThanOrEqual(EMAIL_LIMITS.text);
  });

  test('charts give way to fit 200 KB: the least useful first, each named with the tab', () => {
    const model = buildReport(reportInput());
    const mail = fitReportMail(model, pictures(model, 60 * KB));
    withinLimits(mail);
    const drawn = ids(model);
    expect(mail.leftOut.length).toBeGreaterThan(0);
    expect(mail.leftOut.length).toBeLessThan(drawn.length);
    // The charts kept are the most useful ones: a prefix of the priority order.
    const kept = CHART_PRIORITY.filter((id) => drawn.includes(id) && !mail.leftOut.includes(id));
    expect(Object.keys(mail.chosen).sort()).toEqual([...kept].sort());
    expect(CHART_PRIORITY.filter((id) => drawn.includes(id)).slice(0, kept.length)).toEqual(kept);
    for (const id of mail.leftOut) {
      const title = model.charts.find((c) => c.id === id)!.title;
      expect(mail.html).not.toContain(`cid:${chartCid(id)}`);
      expect(mail.html).toContain(
        escapeHtml(`see the ${title} chart in the workbook tab '${TAB}'.`),
      );
      expect(mail.shortened).toContain(title);
    }
    expect(mail.html).toContain('chart(s) are left out');
    // Making room for charts never cuts into the report's own sentences.
    expect(mail.shortened).not.toContain('characters are cut');
    for (const sentence of model.summary) expect(mail.html).toContain(escapeHtml(sentence));
  });

  test('a smaller picture is taken before any chart is left out', () => {
    const model = buildReport(reportInput());
    const mail = fitReportMail(model, pictures(model, 60 * KB, 15 * KB));
    withinLimits(mail);
    expect(mail.leftOut).toEqual([]);
    expect(Object.values(mail.chosen)).toContain(1);
    expect(mail.html).toContain('chart(s) are sent smaller');
  });

  test('huge lists and huge pictures together: no chart left, the message still goes', () => {
    const model = hugeOnce();
    const mail = fitReportMail(model, pictures(model, 150 * KB));
    withinLimits(mail);
    expect(mail.chosen).toEqual({});
    expect(mail.leftOut.sort()).toEqual(ids(model).sort());
  });

  test('below any copy that fits: the title and where the report is, never a refusal', () => {
    const model = hugeOnce();
    const tiny = { html: 2 * KB, message: 4 * KB, text: 1 * KB };
    const mail = fitReportMail(model, pictures(model, 24 * KB), tiny);
    expect(mail.sizes.html).toBeLessThanOrEqual(tiny.html);
    expect(mail.sizes.total).toBeLessThanOrEqual(tiny.message);
    expect(mail.html).toContain(escapeHtml(`It is in the workbook tab '${TAB}'.`));
    expect(mail.chosen).toEqual({});
  });

  test('the leanest copy (sent again when MailApp refuses anyway) has no chart and no list row', () => {
    const model = hugeOnce();
    const mail = leanestReportMail(model);
    withinLimits(mail);
    expect(mail.sizes.images).toBe(0);
    expect(mail.listRows).toBe(0);
    expect(mail.html).not.toContain('cid:');
    expect(mail.sizes.html).toBeLessThan(fitReportMail(model).sizes.html);
  });

  test('UTF-8 is counted as MailApp receives it', () => {
    for (const s of ['', 'abc', 'réemploi', '—…’', '✓ 😀', 'x'.repeat(1000)])
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
  });
});
