/**
 * Email report at the bench's largest size — 100,000 orders, 5,000 partners scored, 5,000
 * benchmark findings each with a best practice and never reviewed — sends one message whose HTML
 * Gmail shows whole (≤ 100 KB) and that MailApp accepts (≤ 200 KB with its text and inline chart
 * images), each long list cut with the count of the rest and the tab that has them.
 */
import { alignRows } from '../../src/core/align';
import { lastCompleteMonth } from '../../src/core/kpi/months';
import { samplePartners } from '../../src/core/sample/partners';
import { sampleOrderGrid } from '../../src/core/sample/orders';
import { BENCHMARK_COLUMNS, PARTNER_INPUT_COLUMNS } from '../../src/core/schema/tabs';
import { CRITERIA_SEED } from '../../src/core/seed/criteria';
import { scorePartners, setUpWorkbook } from '../../src/index';
import { emailReport } from '../../src/sheets/mail';
import { RECIPIENTS, reportRuntime, run, setSetting } from '../core/report/fixture';
import { sheet } from '../helpers/runtime';

const NOW = new Date();
const MONTH = lastCompleteMonth(NOW, 'Europe/Paris');
const KB = 1024;

test('Email report on 100,000 orders and 5,000 partners: HTML ≤ 100 KB, message ≤ 200 KB', () => {
  const rt = reportRuntime(NOW);
  rt.runAs('FULL', () => {
    setUpWorkbook();
    const kpi = sheet(rt, 'KPI Data');
    const orders = sampleOrderGrid(100_000, NOW);
    kpi.insertRowsAfter(kpi.getMaxRows(), orders.length);
    kpi.getRange(1, 1, orders.length, orders[0].length).setValues(orders);
    const p = sheet(rt, 'Partners');
    const header = p.getRange(1, 1, 1, p.getLastColumn()).getValues()[0];
    const rows = alignRows(
      [...PARTNER_INPUT_COLUMNS.map((c) => c.header), ...CRITERIA_SEED.map((c) => c.id)],
      samplePartners(CRITERIA_SEED, 5_000, 7, NOW).partners,
      header,
    ).rows;
    p.insertRowsAfter(p.getMaxRows(), rows.length);
    p.getRange(2, 1, rows.length, rows[0].length).setValues(rows);
    scorePartners();
    // 1,000 findings a country, each with a best practice and never reviewed (so due).
    for (const code of ['FR', 'DE', 'US', 'UK', 'ES']) {
      const facts = Array.from({ length: 1_000 }, (_, i) => [
        'best practices',
        `${code} topic ${i}`,
        `Finding ${i} for ${code}: a take-back scheme paid in vouchers, with its figures`,
        '',
        '',
        2024,
        'Implication',
        `Best practice ${i} for ${code}: repair bonus applied at the counter`,
        'verified',
        'source.example/path',
        '',
        'Owner',
      ]);
      const tab = sheet(rt, `Benchmark ${code}`);
      tab.insertRowsAfter(tab.getMaxRows(), facts.length);
      tab
        .getRange(tab.getLastRow() + 1, 1, facts.length, BENCHMARK_COLUMNS.length)
        .setValues(facts);
    }
  });
  setSetting(rt, 'Report recipients', RECIPIENTS);

  const result = run(rt, 'Email report', (ctx) => emailReport(ctx, MONTH, NOW));
  expect(rt.outbox).toHaveLength(1);
  const mail = rt.outbox[0];
  const html = Buffer.byteLength(mail.htmlBody!, 'utf8');
  const images = Object.values(mail.inlineImages).reduce((n, i) => n + i.bytes.length, 0);
  expect(html).toBeLessThanOrEqual(100 * KB);
  expect(html + Buffer.byteLength(mail.body, 'utf8') + images).toBeLessThanOrEqual(200 * KB);
  expect(Object.keys(mail.inlineImages).length).toBeGreaterThan(0);
  // The long lists are cut, each with how many more and where they are.
  const tab = `in the workbook tab &#39;Report ${MONTH}&#39;`;
  expect(mail.htmlBody).toMatch(new RegExp(`… and \\d+ more ${tab}\\.`)); // the shortlist
  expect(mail.htmlBody).toMatch(new RegExp(`… and \\d+ more ${tab} and the Benchmark tabs\\.`));
  expect(result!.summary).toMatch(/the e-mail is shortened \(.*\): the tab has everything\./);
}, 120_000);
