// Renders Vega-Lite specs to SVG strings, in its own Node process: vega and vega-lite are ES
// modules with top-level await, which require() (ts-jest, tsx in CommonJS mode) cannot load.
// stdin: JSON [{ id, spec }]; stdout: JSON { [id]: svg }. No data is fetched: specs carry their
// values inline, and the loader refuses any URL so a stray one fails instead of going online.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const charts = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const loader = vega.loader();
loader.load = async (uri) => {
  throw new Error(`refused to load ${uri}: the offline report makes no external request`);
};

const out = {};
for (const { id, spec } of charts) {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none', loader });
  out[id] = await view.toSVG();
  view.finalize();
}
process.stdout.write(JSON.stringify(out));
