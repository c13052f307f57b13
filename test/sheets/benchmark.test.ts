import { installRuntime, sheet } from '../helpers/runtime';
import { setUpWorkbook } from '../../src/sheets/setup';
import { importBenchmarkSeed, refreshBenchmark } from '../../src/sheets/benchmark';
const out = (...a: unknown[]) => process.stdout.write(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x, null, 1))).join(' ') + '\n');

test('smoke', () => {
  const rt = installRuntime();
  const now = new Date(Date.UTC(2026, 10, 26, 9));
  rt.runAs('FULL', () => setUpWorkbook(rt.spreadsheet! as never));
  const r1 = rt.runAs('FULL', () => importBenchmarkSeed(rt.spreadsheet! as never, now));
  out(r1);
  const r2 = rt.runAs('FULL', () => importBenchmarkSeed(rt.spreadsheet! as never, now));
  out(r2);
  rt.ctx.resetCalls();
  const r3 = rt.runAs('FULL', () => refreshBenchmark(rt.spreadsheet! as never, now));
  out(r3, rt.ctx.totalCalls());
  const o = sheet(rt, 'Benchmark');
  out(o.getDataRange().getValues().map((r) => r.join(' | ')).join('\n'));
  const fr = sheet(rt, 'Benchmark FR');
  out(fr.getRange(1, 1, 4, 13).getValues().map((r) => r.join(' | ')).join('\n'));
  out(rt.spreadsheet!.getSheets().map((s) => s.getName()));
});
