/**
 * End to end: the offline demo's workbook (the built bundle driven through its menu) exported to
 * report.html with Vega-Lite SVG charts, then opened in headless Chromium. The page must show
 * every section and its four charts, make no external request and show user text as text.
 * Chromium missing: skipped locally, a failure when CI=true.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { runDemo } from '../../demo/scenario';
import { writeReportHtml } from '../../demo/report-html';
import { HTML_SECTION_IDS } from '../../src/core/html/report';
import { SECTIONS } from '../../src/core/report/layout';
import { CRITERIA_SEED } from '../../src/core/seed/criteria';
import { importBenchmarkSeed } from '../../src/sheets/benchmark';
import { actionContext } from '../helpers/action';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const IN_CI = process.env.CI === 'true';
const EVIL = '<script>alert(1)</script>';
const WIDTH = 1100;
/** Tall enough for the header, KPI table and the four charts (about 2,400 px). */
const HEIGHT = 3200;

/** Runs headless Chromium on a file with the flags that keep it offline; returns stdout. */
function chromium(args: string[], file: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-'));
  const r = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      ...args,
      `file://${file}`,
    ],
    { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`chromium failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Pixels of an 8-bit, non-interlaced RGB(A) PNG (what Chromium's --screenshot writes). */
function decodePng(buf: Buffer): { width: number; height: number; channels: number; data: Buffer } {
  let pos = 8;
  let width = 0,
    height = 0,
    channels = 4;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const chunk = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      [width, height] = [chunk.readUInt32BE(0), chunk.readUInt32BE(4)];
      expect([chunk[8], chunk[12]]).toEqual([8, 0]);
      channels = chunk[9] === 2 ? 3 : 4;
    } else if (type === 'IDAT') idat.push(chunk);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? data[row + x - channels] : 0;
      const b = y > 0 ? data[row - stride + x] : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const c = x >= channels && y > 0 ? data[row - stride + x - channels] : 0;
        const p = a + b - c;
        const pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      data[row + x] = (raw[src + x] + pred) & 0xff;
    }
  }
  return { width, height, channels, data };
}

const requireChromium = () => {
  if (!HAVE_CHROMIUM)
    throw new Error(
      `CI=true but Chromium is missing at ${CHROMIUM}: the end-to-end report test cannot run.`,
    );
};
const maybe = HAVE_CHROMIUM || IN_CI ? test : test.skip;

describe('offline report.html in headless Chromium', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-html-'));
  const file = path.join(dir, 'report.html');
  let html = '';

  beforeAll(() => {
    const demo = runDemo();
    // A partner named like an attack, scored top of its segment: it must show as text.
    demo.runtime.runAs('FULL', () => {
      const p = demo.runtime.spreadsheet!.getSheetByName('Partners')!;
      const header = p.getRange(1, 1, 1, p.getLastColumn()).getValues()[0];
      const row = header.map((h) =>
        h === 'Partner'
          ? EVIL
          : h === 'Country'
            ? 'FR'
            : h === 'Category'
              ? 'laptop'
              : h === 'Partner type'
                ? 'recycling'
                : CRITERIA_SEED.some((c) => c.id === h)
                  ? 5
                  : '',
      );
      p.getRange(p.getLastRow() + 1, 1, 1, row.length).setValues([row]);
    });
    // The benchmark seed, so that the benchmark section has facts to show (the TypeScript action,
    // not the bundle, hence the runtime's globals installed here).
    demo.runtime.install();
    demo.runtime.runAs('FULL', () => importBenchmarkSeed(actionContext(demo.runtime)));
    writeReportHtml(demo.runtime, file);
    html = fs.readFileSync(file, 'utf8');
  }, 120_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the file: every section, six Vega-Lite SVG charts inline (four over months, two Paretos), user text escaped, no external request', () => {
    for (const id of HTML_SECTION_IDS) expect(html).toContain(`id="${id}"`);
    const sources = [...html.matchAll(/\s(src|href)\s*=\s*"([^"]*)"/gi)].map((m) => m[2]);
    // Issue 18 added the two Pareto charts: bars of counts and a line of the cumulative share.
    expect(sources).toHaveLength(6);
    const pareto = Buffer.from(sources[0].split(',')[1], 'base64').toString('utf8');
    expect(pareto).toContain('mark-rect');
    expect(pareto).toContain('mark-line');
    expect(pareto).toContain('cumulative share');
    for (const src of sources) {
      expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
      const svg = Buffer.from(src.split(',')[1], 'base64').toString('utf8');
      expect(svg).toMatch(/^<svg [^>]*class="marks"/); // drawn by Vega, not by hand
      expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(10);
    }
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/Facts due for review[\s\S]*Benchmark FR/);
  });

  maybe(
    'Chromium renders every section, the partner name as text, and no script element',
    () => {
      requireChromium();
      const dom = chromium(['--dump-dom'], file);
      for (const title of Object.values(SECTIONS).filter((t) => t !== SECTIONS.chartData))
        expect(dom).toContain(title.replace(/&/g, '&amp;'));
      expect(dom).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(dom).not.toMatch(/<script/i);
      expect(dom.match(/<img src="data:image\/svg\+xml;base64,/g)).toHaveLength(6);
    },
    150_000,
  );

  maybe(
    'the screenshot shows the four charts (Vega’s blue and orange series drawn in four separate bands)',
    () => {
      requireChromium();
      const png = path.join(dir, 'report.png');
      chromium(
        [`--screenshot=${png}`, `--window-size=${WIDTH},${HEIGHT}`, '--hide-scrollbars'],
        file,
      );
      const img = decodePng(fs.readFileSync(png));
      expect([img.width, img.height]).toEqual([WIDTH, HEIGHT]);
      const { data, channels } = img;
      const near = (i: number, q: readonly number[]) =>
        Math.abs(data[i] - q[0]) <= 12 &&
        Math.abs(data[i + 1] - q[1]) <= 12 &&
        Math.abs(data[i + 2] - q[2]) <= 12;
      const BLUE = [76, 120, 168]; // #4c78a8
      const ORANGE = [245, 133, 24]; // #f58518
      let blue = 0,
        orange = 0;
      const rows: boolean[] = [];
      for (let y = 0; y < img.height; y++) {
        let seen = false;
        for (let x = 0; x < img.width; x += 2) {
          const i = (y * img.width + x) * channels;
          if (near(i, BLUE)) {
            blue++;
            seen = true;
          } else if (near(i, ORANGE)) orange++;
        }
        rows.push(seen);
      }
      expect(blue).toBeGreaterThan(2000);
      expect(orange).toBeGreaterThan(2000);
      // Bands of rows holding the blue series, merged across gaps under 60 px: one per chart (+ legends).
      let bands = 0;
      let gap = Infinity;
      for (const seen of rows) {
        if (seen && gap >= 60) bands++;
        gap = seen ? 0 : gap + 1;
      }
      expect(bands).toBeGreaterThanOrEqual(4);
    },
    150_000,
  );
});
