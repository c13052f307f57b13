/**
 * The demo's chart PNGs, drawn outside the bundle (demo/chart-png.ts: Vega-Lite → SVG → resvg):
 * real images of the report's charts — PNG signature, the spec's size, tens of KB of drawing,
 * text included — and resvg stays a devDependency, out of the Apps Script bundle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { chartsToPng, svgToPng } from '../../demo/chart-png';
import { buildReport } from '../../src/core/report/model';
import { reportInput } from '../core/report/inputs';

const ROOT = path.resolve(__dirname, '../..');

/** Width, height, colour type and the number of distinct pixel rows of an 8-bit PNG. */
function png(buf: Buffer) {
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let pos = 8;
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  let colorType = 0;
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR')
      [width, height, colorType] = [data.readUInt32BE(0), data.readUInt32BE(4), data[9]];
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = raw.length / height;
  const rows = new Set<string>();
  for (let y = 0; y < height; y++)
    rows.add(raw.subarray(y * stride + 1, (y + 1) * stride).toString('base64'));
  return { width, height, colorType, distinctRows: rows.size };
}

test('every chart of the report comes out a real PNG of its spec size', () => {
  const model = buildReport(reportInput());
  const pngs = chartsToPng(model.charts);
  const drawn = model.charts.filter((c) => c.rows.length).map((c) => c.id);
  expect(Object.keys(pngs).sort()).toEqual(expect.arrayContaining(drawn.sort()));
  for (const id of drawn) {
    const bytes = pngs[id]!;
    expect(bytes.length).toBeGreaterThan(4 * 1024); // bars, axes and text, not a blank
    const p = png(bytes);
    // Vega's 560 × 240 plot with its axes, legend and padding around it.
    expect(p.width).toBeGreaterThanOrEqual(560);
    expect(p.width).toBeLessThan(800);
    expect(p.height).toBeGreaterThanOrEqual(240);
    expect(p.height).toBeLessThan(500);
    expect(p.distinctRows).toBeGreaterThan(p.height / 4); // drawn, not a plain background
  }
}, 60_000);

test('text is drawn: the same SVG without its labels makes a smaller picture', () => {
  const svg = (label: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="white"/><text x="10" y="40" font-family="Arial" font-size="20">${label}</text></svg>`;
  expect(svgToPng(svg('Reuse rate 84 %')).length).toBeGreaterThan(svgToPng(svg('')).length + 200);
});

test('resvg is a devDependency of the demo, never shipped', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.devDependencies['@resvg/resvg-js']).toBeDefined();
  expect(pkg.dependencies?.['@resvg/resvg-js']).toBeUndefined();
});
