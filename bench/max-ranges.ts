/**
 * npx tsx bench/max-ranges.ts: the README's recommended maximum range per CIRC_* function. Runs
 * the bench's custom-function cases (bench/functions.ts) from the built bundle at the medium and
 * large sizes and keeps, per function, the largest range whose median time stays within 3 s in
 * Node — a tenth of Sheets' 30-second limit, leaving room for Apps Script's slower V8 and for
 * Sheets passing the arguments, which the local runtime does not charge.
 *
 * Time is the process's CPU time (user + system) as well as the wall clock: on a machine shared
 * with other builds the wall clock of one call can double while its CPU time does not, so the
 * recommendation goes by CPU time and both are printed. Writes out/max-ranges.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../demo/scenario';
import { SIZES, prepare } from './bench';
import { customFunctions } from './functions';

const LIMIT_MS = 3000;

interface Figure {
  fn: string;
  size: string;
  rows: number;
  wallMs: number;
  cpuMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const sizes = SIZES.filter((s) => (process.env.BENCH_SIZES ?? 'medium,large').includes(s.name));
  const figures: Figure[] = [];
  for (const size of sizes) {
    const { runtime, bundle } = prepare(size);
    for (const [fn, args, rows] of customFunctions(runtime, size).customFunctionArgs) {
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < runs; i++) {
        const [t0, c0] = [process.hrtime.bigint(), process.cpuUsage()];
        const r = bundle.runCustomFunction(fn, ...args);
        const c = process.cpuUsage(c0);
        wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
        cpu.push((c.user + c.system) / 1000);
        if (r && typeof r === 'object' && 'error' in r) throw new Error(`${fn}: ${r.error}`);
      }
      const f = { fn, size: size.name, rows, wallMs: median(wall), cpuMs: median(cpu) };
      figures.push(f);
      console.log(
        `${size.name.padEnd(7)}${fn.padEnd(22)}${String(rows).padStart(8)} rows` +
          `${Math.round(f.cpuMs).toString().padStart(7)} ms CPU${Math.round(f.wallMs).toString().padStart(7)} ms wall`,
      );
    }
  }
  const lines = [
    '| function | recommended max range | CPU ms (Node) at that range | wall ms |',
    '|---|---:|---:|---:|',
  ];
  for (const fn of [...new Set(figures.map((f) => f.fn))]) {
    // The largest range within the limit (of equal ranges, the larger size's run: the last).
    const best = figures
      .filter((f) => f.fn === fn && f.cpuMs <= LIMIT_MS)
      .reduce<Figure | undefined>((b, f) => (!b || f.rows >= b.rows ? f : b), undefined);
    lines.push(
      best
        ? `| ${fn} | ${best.rows.toLocaleString('en')} rows | ${Math.round(best.cpuMs).toLocaleString('en')} | ${Math.round(best.wallMs).toLocaleString('en')} |`
        : `| ${fn} | below the smallest size measured | | |`,
    );
  }
  console.log('\n' + lines.join('\n'));
  fs.mkdirSync(path.join(ROOT, 'out'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'out', 'max-ranges.json'),
    JSON.stringify({ limitMs: LIMIT_MS, runs, node: process.version, figures }, null, 1),
  );
}

main();
