/// <reference lib="dom" />
/**
 * The Import orders (CSV)… dialog in headless Chromium: the page the bundle shows (its own HTML,
 * as HtmlService evaluated it), with google.script.run wired to the runtime's model of it, so
 * each server call is its own execution on the local Apps Script runtime. A French back-office
 * export in Windows-1252, semicolon-separated, goes through the real file input into an en_US
 * workbook; a column is remapped; the preview and the import run; the test asserts on the
 * workbook, on what left the browser and on the page's handling of hostile text. It also writes
 * docs/import-dialog.png, the README's screenshot (CIRC_SCREENSHOT=1).
 * Chromium missing: skipped locally, a failure when CI=true.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import puppeteer, { Browser, ElementHandle, Page } from 'puppeteer-core';
import { openImportDialog } from '../../demo/import-csv';
import { ROOT, startWorkbook } from '../../demo/scenario';
import {
  backOfficeExports,
  BACK_OFFICE_HEADERS,
  PERSONAL_DATA_HEADERS,
  windows1252,
} from '../../src/core/sample/back-office-export';
import { ScriptRunBridge } from '../../local/services/script-run';
import Papa from 'papaparse';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const IN_CI = process.env.CI === 'true';
const maybe = HAVE_CHROMIUM || IN_CI ? test : test.skip;
const NOW = new Date(Date.UTC(2026, 10, 20, 9));

/** google.script.run in the page: each call goes to Node (window.__gsr), which runs it on the runtime. */
const SHIM = `
  window.google = { script: {
    host: { close: function () { window.__closed = true; } },
    run: (function make(s) {
      return new Proxy({}, { get: function (_, name) {
        if (name === 'withSuccessHandler') return function (h) { return make(Object.assign({}, s, { ok: h })); };
        if (name === 'withFailureHandler') return function (h) { return make(Object.assign({}, s, { fail: h })); };
        if (name === 'withUserObject') return function (o) { return make(Object.assign({}, s, { user: o })); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          window.__gsr(String(name), args).then(function (r) {
            // Asynchronous, as in Sheets: the handler never runs inside the call.
            if (r.ok) { if (s.ok) s.ok(r.value, s.user); }
            else if (s.fail) s.fail(new Error(r.error), s.user);
          });
        };
      } });
    })({})
  } };`;

interface Harness {
  page: Page;
  /** Every argument the page sent to the server, as JSON. */
  sent: string[];
  runtime: ReturnType<typeof startWorkbook>['runtime'];
}

let browser: Browser | null = null;

async function openDialog(): Promise<Harness> {
  const { runtime, bundle } = startWorkbook(NOW, 'en_US');
  bundle.open('NONE');
  bundle.clickMenu('Set up workbook');
  openImportDialog(runtime, bundle);
  const html = runtime.ui.surfaces.at(-1)!.html;
  browser ??= await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 960, height: 680 });
  // The page may load nothing: every request but the page itself is refused and fails the test.
  const requests: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.url().startsWith('data:') || r.url() === 'about:blank') void r.continue();
    else {
      requests.push(r.url());
      void r.abort();
    }
  });
  const sent: string[] = [];
  const bridge = new ScriptRunBridge(bundle);
  await page.exposeFunction('__gsr', (name: string, args: unknown[]) => {
    sent.push(JSON.stringify(args));
    const answers: { ok: boolean; value?: unknown; error?: string }[] = [];
    const runner = bridge
      .runner()
      .withSuccessHandler((value) => answers.push({ ok: true, value }))
      .withFailureHandler((e) => answers.push({ ok: false, error: e.message }));
    runner[name](...args);
    bridge.completeAll();
    return answers[0] ?? { ok: false, error: 'no answer' };
  });
  // setContent writes into the open document (no navigation, so evaluateOnNewDocument would not
  // run): the stand-in for Google's iframe script goes first in the head, before the page's own.
  await page.setContent(
    html.replace('<head>', () => `<head><script>${SHIM}</script>`),
    {
      waitUntil: 'load',
    },
  );
  expect(requests).toEqual([]);
  return { page, sent, runtime };
}

async function pick(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'import-')), name);
  fs.writeFileSync(file, bytes);
  const input = (await page.$('#file')) as ElementHandle<HTMLInputElement> | null;
  await input!.uploadFile(file);
  await page.waitForSelector('#settings:not([hidden])');
}

const value = (page: Page, id: string) =>
  page.$eval(`#${id}`, (e) => (e as HTMLSelectElement).value);
const text = (page: Page, selector: string) =>
  page.$eval(selector, (e) => (e as HTMLElement).innerText);

afterAll(async () => {
  await browser?.close();
});

describe('the Import orders (CSV)… dialog in Chromium', () => {
  maybe(
    'a Windows-1252 French export goes through the file input, is remapped, previewed and imported',
    async () => {
      if (!HAVE_CHROMIUM) throw new Error(`Chromium not found at ${CHROMIUM} (CI=true)`);
      const ex = backOfficeExports({ count: 150 });
      const { page, sent, runtime } = await openDialog();
      await pick(page, 'export-octobre.csv', windows1252(ex.first));

      // Detected from the bytes and the values, not from the sheet (en_US).
      expect(await value(page, 'encoding')).toBe('windows-1252');
      expect(await value(page, 'delimiter')).toBe(';');
      expect(await value(page, 'dateOrder')).toBe('dmy');
      expect(await value(page, 'decimal')).toBe(',');
      const headers = await page.$$eval('#preview th', (ths) => ths.map((t) => t.textContent));
      expect(headers).toEqual([...BACK_OFFICE_HEADERS]); // é, °, € decoded from Windows-1252

      // Suggested mapping, French headers; personal data not imported.
      const mapping = await page.$$eval('#mapping select', (ss) =>
        ss.map((s) => (s as HTMLSelectElement).value),
      );
      expect(mapping.slice(0, 3)).toEqual(['Order ID', 'Created', 'Category']);
      expect(mapping.slice(-3)).toEqual(['', '', '']);

      // The person decides Canal is not imported.
      const canal = BACK_OFFICE_HEADERS.indexOf('Canal');
      await page.select(`#mapping select[data-column="${canal}"]`, '');

      await page.click('#check');
      await page.waitForSelector('#plan:not([hidden])');
      const added = await text(page, '[data-count="added"] b');
      expect(Number(added.replace(/\D/g, ''))).toBe(ex.orders);
      if (process.env.CIRC_SCREENSHOT === '1')
        await page.screenshot({ path: path.join(ROOT, 'docs', 'import-dialog.png') });

      await page.click('#import');
      await page.waitForFunction(() => document.getElementById('result')!.textContent !== '');
      expect(await text(page, '#result')).toContain(`${ex.orders} added`);
      expect(await text(page, '#error')).toBe('');

      // The workbook: every order in, Channel left alone, amounts read with the decimal comma.
      const grid = runtime.runAs('FULL', () =>
        runtime.spreadsheet!.getSheetByName('KPI Data')!.getDataRange().getValues(),
      );
      const h = grid[0];
      const rows = grid.slice(1).filter((r) => r[h.indexOf('Order ID')] !== '');
      expect(rows).toHaveLength(ex.orders);
      expect(rows.every((r) => r[h.indexOf('Channel')] === '')).toBe(true);
      const payouts = rows.map((r) => r[h.indexOf('Payout EUR')]).filter((v) => v !== '');
      expect(payouts.length).toBeGreaterThan(10);
      expect(payouts.every((v) => typeof v === 'number')).toBe(true);
      expect(rows.every((r) => r[h.indexOf('Created')] instanceof Date)).toBe(true);

      // Only the mapped columns left the browser: no customer name, e-mail or IBAN, no channel.
      const parsed = Papa.parse<string[]>(ex.first, { skipEmptyLines: true }).data;
      const hidden = [...PERSONAL_DATA_HEADERS, 'Canal'].map((c) => parsed[0].indexOf(c));
      const wire = sent.join('\n');
      const leaked = parsed
        .slice(1)
        .flatMap((r) => hidden.map((i) => r[i]))
        .filter((v) => v && wire.includes(JSON.stringify(v)));
      expect(leaked).toEqual([]);
      await page.close();
    },
  );

  maybe('file names, headers and cells are shown as text, never run', async () => {
    if (!HAVE_CHROMIUM) throw new Error(`Chromium not found at ${CHROMIUM} (CI=true)`);
    const { page } = await openDialog();
    const evil = '<img src=x onerror="window.__xss=1">';
    const csv = `N° commande;Date de création;${evil}\r\nA-1;02/10/2026 10:00;${evil}<script>window.__xss=2</script>\r\n`;
    await pick(page, `${evil}.csv`, new TextEncoder().encode(csv));
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBe(
      undefined,
    );
    expect(await page.$$('#preview img, #mapping img, #preview script')).toHaveLength(0);
    expect(await text(page, '#preview')).toContain(evil);
    expect(await value(page, 'encoding')).toBe('utf-8');
    await page.close();
  });
});
