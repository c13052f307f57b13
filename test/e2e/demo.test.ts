/**
 * Layer 4: `npm start`'s program run as a person runs it (its own process, the built bundle),
 * and the artefacts it writes opened the way a person would open them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { workbookTabs } from '../../src/core/schema/tabs';
import { parseSeedRef, seedFacts, seedRef } from '../../src/core/benchmark/seed';
import { partnerCandidates } from '../../src/core/partners/candidates';

const ROOT = path.resolve(__dirname, '../..');
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'circ-demo-'));
let stdout = '';

beforeAll(() => {
  stdout = execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'demo/start.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, CIRC_OUT: OUT },
      encoding: 'utf8',
      timeout: 240000,
    },
  );
}, 240000);

interface Snapshot {
  sheets: {
    name: string;
    values: unknown[][];
    formulas: string[][];
    frozenRows: number;
    dataValidations: { range: string; values: unknown[] }[];
    charts: { type: string; ranges: string[]; options: Record<string, unknown> }[];
    protections: unknown[];
    unintendedFormulaWrites: { cell: string; formula: string }[];
    convertedStringWrites: { cell: string; input: string }[];
  }[];
  serviceCalls: Record<string, Record<string, number>>;
}

describe('npm start', () => {
  test('prints its progress through the menu and where it wrote the files', () => {
    expect(stdout).toMatch(/onOpen \(AuthMode\.NONE\): menu with \d+ items/);
    for (const step of [
      'Set up workbook',
      'Load sample data',
      'Score partners',
      'Refresh KPI dashboard',
      'Refresh benchmark',
    ])
      expect(stdout).toContain(`✓ ${step}`);
    expect(stdout).toMatch(/Wrote .*workbook\.xlsx, .*workbook\.json and .*report\.html/);
    expect(fs.existsSync(path.join(OUT, 'report.html'))).toBe(true);
  });

  test('no string the add-on wrote became a formula, a number, a date, a boolean or an error (Sheets typed-input rules)', () => {
    const snap = JSON.parse(fs.readFileSync(path.join(OUT, 'workbook.json'), 'utf8')) as Snapshot;
    const changed = snap.sheets.flatMap((s) =>
      [...s.unintendedFormulaWrites, ...s.convertedStringWrites].map((w) => ({
        tab: s.name,
        ...w,
      })),
    );
    expect(changed).toEqual([]);
  });

  test('workbook.json holds every tab of product.md with headers, validation, protections and the native charts', () => {
    const snap = JSON.parse(fs.readFileSync(path.join(OUT, 'workbook.json'), 'utf8')) as Snapshot;
    const byName = new Map(snap.sheets.map((s) => [s.name, s]));
    for (const tab of workbookTabs()) {
      const s = byName.get(tab.name);
      expect(s).toBeDefined();
      if (tab.kind === 'input') {
        // Every header of product.md, in order (Partners has its criterion columns in between).
        const headers = (s!.values[0] as string[]).filter((h) =>
          tab.columns.some((c) => c.header === h),
        );
        expect(headers).toEqual(tab.columns.map((c) => c.header));
        expect(s!.frozenRows).toBe(1);
        expect(s!.protections.length).toBe(1);
      }
    }
    const kpi = byName.get('KPI Data')!;
    expect(kpi.values.length).toBeGreaterThan(3000);
    expect(kpi.dataValidations.some((v) => v.values.flat().includes('refurbished'))).toBe(true);
    const dashboard = byName.get('KPI Dashboard')!;
    // Issue 18 added the reuse rate's control chart (LINE) and the two Paretos (COMBO).
    expect(dashboard.charts.map((c) => c.type)).toEqual([
      'COLUMN',
      'LINE',
      'LINE',
      'COLUMN',
      'LINE',
      'COMBO',
      'COMBO',
    ]);
    expect(dashboard.charts[0].ranges[0]).toMatch(/^'?KPI Dashboard'?!A\d+:C\d+$/);
    expect(byName.get('Partner Ranking')!.charts).toHaveLength(1);
    expect(Object.keys(snap.serviceCalls)).toEqual(
      expect.arrayContaining(['Set up workbook', 'Score partners', 'Refresh KPI dashboard']),
    );
  });

  test('the workbook started on seed revision 1 and was upgraded: the country tabs hold the revision-2 facts, the edited one kept and offered', () => {
    expect(stdout).toMatch(
      /Benchmark seed revision 2 imported on .*updated in place, 1 kept because you edited them/,
    );
    const snap = JSON.parse(fs.readFileSync(path.join(OUT, 'workbook.json'), 'utf8')) as Snapshot;
    const byId = new Map(seedFacts().map((f) => [f.id, f]));
    const stale: string[] = [];
    for (const s of snap.sheets.filter((t) => /^Benchmark [A-Z]{2}$/.test(t.name))) {
      for (const r of s.values.slice(1)) {
        const ref = parseSeedRef(r[12] as string);
        if (!ref) continue;
        const fact = byId.get(ref.id);
        if (!fact || `${ref.id}#${ref.hash}` !== seedRef(fact)) stale.push(`${s.name}: ${r[1]}`);
      }
    }
    expect(stale).toEqual(['Benchmark FR: Dormant phones in France']);
    const overview = snap.sheets
      .find((t) => t.name === 'Benchmark')!
      .values.map((r) => String(r[0]));
    expect(overview).toContainEqual(expect.stringMatching(/^Seed review: 1 fact\(s\) you edited/));
    expect(overview).toContainEqual(
      expect.stringMatching(/^Seed updates: what the upgrade to seed revision 2/),
    );
  });

  test('the organisations the benchmark names are prospects in Partners for the five countries, unscored and unranked', async () => {
    expect(stdout).toMatch(
      /Added \d+ prospect row\(s\) for 31 organisation\(s\) to 'Partners'.*Understood: countries FR, DE, US, UK, ES/,
    );
    const snap = JSON.parse(fs.readFileSync(path.join(OUT, 'workbook.json'), 'utf8')) as Snapshot;
    const [header, ...rows] = snap.sheets.find((t) => t.name === 'Partners')!.values;
    const names = new Set(partnerCandidates().map((c) => c.name));
    const prospects = rows.filter((r) => names.has(String(r[0])));
    expect(new Set(prospects.map((r) => r[1]))).toEqual(new Set(['FR', 'DE', 'US', 'UK', 'ES']));
    for (const r of prospects) {
      expect(r[header.indexOf('Status')]).toBe('prospect');
      expect(r[header.indexOf('Score')]).toBe('');
      expect(r[header.indexOf('Rank')]).toBe('');
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(OUT, 'workbook.xlsx'));
    const xlsx: unknown[] = [];
    wb.getWorksheet('Partners')!.eachRow((row) => xlsx.push(row.getCell(1).value));
    expect(xlsx.filter((v) => names.has(String(v)))).toHaveLength(prospects.length);
  });

  test('workbook.xlsx opens with the same tabs, headers, number formats, dropdowns and frozen header rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(OUT, 'workbook.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    for (const tab of workbookTabs()) expect(names).toContain(tab.name);
    const kpi = wb.getWorksheet('KPI Data')!;
    expect(kpi.getRow(1).getCell(1).value).toBe('Order ID');
    expect(kpi.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(kpi.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(kpi.getCell('B2').value).toBeInstanceOf(Date);
    expect(kpi.getCell('H2').dataValidation).toMatchObject({ type: 'list' });
    expect(names).toContain('Charts (local runtime)');
  });

  test('workbook.xlsx holds no formula LibreOffice lacks: each SPARKLINE is its trend as bars, with the formula in a note', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(OUT, 'workbook.xlsx'));
    // Functions LibreOffice and Excel compute from an xlsx file. The add-on's only formulas are
    // SPARKLINEs (Sheets-only): none may reach the file as a formula.
    const portable = new Set(['SUM', 'AVERAGE', 'MIN', 'MAX', 'COUNT', 'IF', 'ROUND']);
    const unknown: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { formula?: string; sharedFormula?: string } | null;
          const formula = v?.formula ?? v?.sharedFormula;
          if (!formula) return;
          for (const [, fn] of formula.matchAll(/([A-Za-z_][\w.]*)\s*\(/g))
            if (!portable.has(fn.toUpperCase())) unknown.push(`${ws.name}!${cell.address}: ${fn}`);
        }),
      );
    expect(unknown).toEqual([]);

    const snap = JSON.parse(fs.readFileSync(path.join(OUT, 'workbook.json'), 'utf8')) as Snapshot;
    let sparklines = 0;
    for (const tab of ['KPI Dashboard', 'Report 2026-10']) {
      const json = snap.sheets.find((t) => t.name === tab)!;
      const ws = wb.getWorksheet(tab)!;
      json.formulas.forEach((row, r) =>
        row.forEach((formula, c) => {
          const m = /^=SPARKLINE\(([A-Z]+)(\d+):([A-Z]+)\d+\)$/.exec(formula);
          if (!m) return;
          sparklines++;
          const cell = ws.getCell(r + 1, c + 1);
          expect(cell.note).toContain(formula);
          // The highest month is the full bar, the lowest the shortest, where the months differ.
          const first = ws.getColumn(m[1]).number - 1;
          const last = ws.getColumn(m[3]).number - 1;
          const months = json.values[Number(m[2]) - 1].slice(first, last + 1);
          const numbers = months.filter((v): v is number => typeof v === 'number');
          const bars = String(cell.value);
          expect(bars).toMatch(/^[▁▂▃▄▅▆▇█ ]+$/);
          if (Math.max(...numbers) > Math.min(...numbers)) {
            expect(bars[months.indexOf(Math.max(...numbers))]).toBe('█');
            expect(bars[months.indexOf(Math.min(...numbers))]).toBe('▁');
          }
        }),
      );
    }
    // The dashboard's 18 KPIs and the report's KPI table.
    expect(sparklines).toBeGreaterThanOrEqual(30);
  });

  // LibreOffice is not installed by CI; where it is (apt-get install libreoffice-calc-nogui),
  // the file is opened by it, recalculating every formula on load as its "Always" setting does.
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  (soffice ? test : test.skip)(
    'LibreOffice, recalculating on load, shows no #NAME? anywhere in workbook.xlsx',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'circ-lo-'));
      fs.mkdirSync(path.join(dir, 'profile', 'user'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'profile', 'user', 'registrymodifications.xcu'),
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
          '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n',
      );
      execFileSync('soffice', [
        '--headless',
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--convert-to',
        'html',
        '--outdir',
        dir,
        path.join(OUT, 'workbook.xlsx'),
      ]);
      const html = fs.readFileSync(path.join(dir, 'workbook.html'), 'utf8');
      // Counts and booleans, not the 7 MB page, in a failure's message.
      expect((html.match(/#NAME\?/g) ?? []).length).toBe(0);
      expect(html.includes('KPI Dashboard')).toBe(true);
      expect(/[▁▂▃▄▅▆▇█]{6}/.test(html)).toBe(true);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    120000,
  );
});

test('the demo e-mailed the report once, fitted to Gmail and MailApp, and scheduled exactly one monthly trigger', () => {
  const outbox = JSON.parse(fs.readFileSync(path.join(OUT, 'outbox.json'), 'utf8'));
  expect(outbox.mail).toHaveLength(1);
  const mail = outbox.mail[0];
  expect(mail.to).toEqual(['ops-team@example.com', 'director@example.com']);
  // The four charts over months at least; a Pareto may give way to MailApp's 200 KB.
  expect(Object.keys(mail.inlineImages)).toEqual(
    expect.arrayContaining(['chart_volumes', 'chart_reuse', 'chart_mix', 'chart_lead_time']),
  );
  const images = Object.values(mail.inlineImages as Record<string, { bytes: number }>).reduce(
    (n, i) => n + i.bytes,
    0,
  );
  expect(mail.htmlBytes).toBeLessThanOrEqual(100 * 1024); // Gmail shows it whole
  expect(mail.htmlBytes + mail.textBytes + images).toBeLessThanOrEqual(200 * 1024);
  expect(outbox.triggers).toHaveLength(1);
  expect(outbox.triggers[0].handlerFunction ?? JSON.stringify(outbox.triggers[0])).toMatch(
    /runScheduledReport/,
  );
});

test("out/email.html shows the e-mail's charts offline: every image a real PNG, none missing", () => {
  const outbox = JSON.parse(fs.readFileSync(path.join(OUT, 'outbox.json'), 'utf8'));
  const email = fs.readFileSync(path.join(OUT, 'email.html'), 'utf8');
  expect(email).not.toContain('cid:'); // a mail client's reference: broken in a browser
  const sources = [...email.matchAll(/<img\b[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]);
  expect(sources).toHaveLength(Object.keys(outbox.mail[0].inlineImages).length);
  for (const src of sources) {
    expect(src).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);
    const png = Buffer.from(src.slice('data:image/png;base64,'.length), 'base64');
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(4 * 1024); // a drawn chart, not a stand-in
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(560); // width
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(240); // height
  }
  // No other reference to a file or an address that could be missing.
  expect(email).not.toMatch(/\s(src|href|background)="(?!data:image\/png;base64,)/i);
  expect(email).not.toMatch(/<script/i);
});
