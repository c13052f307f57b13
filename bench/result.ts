/**
 * One benchmark measurement and its row of out/bench.json: the calls by class (local/call-cost.ts),
 * the cells moved, the compute time in Node, the heap an execution grows, and the low / mid / high
 * estimate of the time in Apps Script (bench/cost-model.ts).
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { Runtime } from '../local/runtime';
import type { CallCost } from '../local/call-cost';
import { Bound, CostModel, estimates } from './cost-model';

export const MENU_LIMIT_MS = 6 * 60 * 1000;
export const CUSTOM_FUNCTION_LIMIT_MS = 30 * 1000;

export interface Result {
  action: string;
  kind: 'menu' | 'custom function';
  size: string;
  rows: number;
  serviceCalls: number;
  callsByMethod: Record<string, number>;
  callsByClass: { roundTrip: number; bufferedWrite: number; local: number };
  roundTrips: number;
  flushes: number;
  readsAfterWrites: number;
  cellsRead: number;
  cellsWritten: number;
  cellsMoved: number;
  /** Cells Sheets sends a custom function as its arguments (0 for menu actions). */
  argumentCells: number;
  computeMs: number;
  /**
   * Heap growth of one execution, held at its peak with garbage collected as it goes (HeapMode
   * 'held'); null where not measured (the import dialog's executions).
   */
  heapGrowthMB: number | null;
  /**
   * The same under V8's own collection schedule, garbage awaiting collection included (HeapMode
   * 'lazy'); null for an action that can run only once.
   */
  heapLazyMB: number | null;
  estimate: Record<Bound, number>;
  /** The mid estimate (kept under its earlier name for readers of older files). */
  estimatedAppsScriptMs: number;
  limitMs: number;
}

/** What one measured execution did. */
export interface Measured {
  ms: number;
  calls: Record<string, number>;
  total: number;
  cost: CallCost;
  /** Held heap growth (HeapMode 'held'); null where not measured. */
  heapMB: number | null;
  /** Lazy heap growth (HeapMode 'lazy'), where measured: not for a run that can happen once. */
  lazyHeapMB?: number;
}

/**
 * A collectable heap: gc() without starting Node with --expose-gc. Two of V8's delays are turned
 * off so that what the process ran before is gone at the start, not freed during the measured
 * run (where it would count as the run's own savings): compiled code of functions not run for a
 * few full collections (bytecode flushing), and hidden classes kept for two collections after
 * their last use, which keep a discarded vm context — a finished execution of the bundle, 100 MB
 * in a test worker — alive with them.
 */
const collect: () => void = (() => {
  v8.setFlagsFromString('--no-flush-bytecode');
  v8.setFlagsFromString('--retain-maps-for-n-gc=0');
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/**
 * How the heap an execution grows is read (docs/decisions.md, "Testing and measuring"):
 * - `held` — every collection during the run is a full one and nothing is pretenured (setHeld),
 *   so garbage is reclaimed as the run goes: the peak of the used heap (before any collection,
 *   or at the end) less the heap at the start is what the execution holds at its peak, over by
 *   at most what it allocated since the last collection (one young-generation fill, 16 MB). This
 *   is the figure held against issue 20's 100 MB.
 * - `lazy` — V8's own schedule: garbage promoted to the old generation waits for a full
 *   collection that may not come within the run, so the peak also counts memory the execution
 *   no longer holds (and moves with V8's heuristics from run to run). Kept beside it, to compare
 *   with the figures measured that way before.
 */
export type HeapMode = 'held' | 'lazy';

/**
 * Runs fn once under a GC profiler and returns the heap it grew at its peak, in MB (see
 * HeapMode), from a start after a full collection.
 */
export function heapGrowth(fn: () => void, mode: HeapMode = 'held'): number {
  const start = settledHeap();
  const profiler = new v8.GCProfiler();
  if (mode === 'held') setHeld(true);
  profiler.start();
  try {
    fn();
  } finally {
    if (mode === 'held') setHeld(false);
  }
  const end = process.memoryUsage().heapUsed;
  const { statistics } = profiler.stop();
  const peak = Math.max(end, ...statistics.map((s) => s.beforeGC.heapStatistics.usedHeapSize));
  return Math.max(0, (peak - start) / 2 ** 20);
}

/**
 * For a 'held' run: every collection a full one, and no allocation straight into the old
 * generation (V8 pretenures objects of an allocation site whose objects tend to survive, such as
 * the parsed orders: they then fill the old generation between collections without triggering
 * any, and the released rows of KPI Data wait there beside them — 89 MB at a collection of the
 * report for 51 MB ever held at once). With both, the heap between two collections grows by one
 * young-generation fill at most.
 */
function setHeld(on: boolean): void {
  v8.setFlagsFromString(on ? '--gc-global' : '--no-gc-global');
  v8.setFlagsFromString(on ? '--no-allocation-site-pretenuring' : '--allocation-site-pretenuring');
}

/**
 * The used heap after full collections, repeated while they still free more than 1 MB: objects
 * kept by weak callbacks (a discarded vm context, as each execution of the bundle leaves) die
 * only at the collection after the one that runs their callbacks, and counting them in the start
 * would hide as much of the run's own growth.
 */
function settledHeap(): number {
  let used = Infinity;
  for (let i = 0; i < 5; i++) {
    collect();
    const now = process.memoryUsage().heapUsed;
    const freed = used - now;
    used = now;
    if (freed < 2 ** 20) break;
  }
  return used;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Runs fn `runs` times: the median time of all but the last, and the calls and heap growth of
 * the last, profiled (the steady state is what repeats: the first run may create what later runs
 * replace; the profiler's own work is kept out of the times).
 */
export function measure(runtime: Runtime, runs: number, fn: () => void): Measured {
  if (runs <= 1) return measureOnce(runtime, fn);
  const times: number[] = [];
  let lazyHeapMB = 0;
  for (let i = 0; i < runs - 1; i++) {
    const timed = () => {
      const t0 = process.hrtime.bigint();
      fn();
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    };
    // The last timed run also gives the lazy peak: the profiler alone costs next to nothing.
    if (i === runs - 2) lazyHeapMB = heapGrowth(timed, 'lazy');
    else timed();
  }
  runtime.ctx.resetCalls();
  const heapMB = heapGrowth(fn, 'held');
  return {
    ms: median(times),
    calls: runtime.ctx.callsByMethod(),
    total: runtime.ctx.totalCalls(),
    cost: { ...runtime.ctx.meter.cost },
    heapMB,
    lazyHeapMB,
  };
}

/** An action that can run only once: timed and profiled together. */
export function measureOnce(runtime: Runtime, fn: () => void): Measured {
  runtime.ctx.resetCalls();
  let ms = 0;
  const heapMB = heapGrowth(() => {
    const t0 = process.hrtime.bigint();
    fn();
    ms = Number(process.hrtime.bigint() - t0) / 1e6;
  });
  return {
    ms,
    calls: runtime.ctx.callsByMethod(),
    total: runtime.ctx.totalCalls(),
    cost: { ...runtime.ctx.meter.cost },
    heapMB,
  };
}

export function toResult(
  model: CostModel,
  action: string,
  kind: Result['kind'],
  size: string,
  rows: number,
  m: Measured,
  argumentCells = 0,
): Result {
  const c = m.cost;
  const estimate = estimates(
    {
      // A custom function is itself a call from Sheets to the Apps Script server (P16).
      roundTrips: c.roundTrips + (kind === 'custom function' ? 1 : 0),
      bufferedWrites: c.bufferedWrites,
      localCalls: c.localCalls,
      cellsRead: c.cellsRead,
      cellsWritten: c.cellsWritten,
      argumentCells,
      computeMs: m.ms,
    },
    model,
  );
  return {
    action,
    kind,
    size,
    rows,
    serviceCalls: m.total,
    callsByMethod: m.calls,
    callsByClass: { roundTrip: c.roundTrips, bufferedWrite: c.bufferedWrites, local: c.localCalls },
    roundTrips: c.roundTrips,
    flushes: c.flushes,
    readsAfterWrites: c.readsAfterWrites,
    cellsRead: c.cellsRead,
    cellsWritten: c.cellsWritten,
    cellsMoved: c.cellsRead + c.cellsWritten,
    argumentCells,
    computeMs: Math.round(m.ms),
    heapGrowthMB: m.heapMB === null ? null : Math.round(m.heapMB),
    heapLazyMB: m.lazyHeapMB === undefined ? null : Math.round(m.lazyHeapMB),
    estimate,
    estimatedAppsScriptMs: estimate.mid,
    limitMs: kind === 'menu' ? MENU_LIMIT_MS : CUSTOM_FUNCTION_LIMIT_MS,
  };
}

/** The line the bench prints for a result. */
export function describe(r: Result, note = ''): string {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  return (
    `  ${r.size.padEnd(6)} ${r.action.padEnd(40)} ${String(r.roundTrips).padStart(4)} round trips ` +
    `(${r.readsAfterWrites} after writes) ${String(r.cellsMoved + r.argumentCells).padStart(9)} cells ` +
    `${String(r.computeMs).padStart(6)} ms ${String(r.heapGrowthMB ?? '–').padStart(4)} MB → ` +
    `${s(r.estimate.low)} / ${s(r.estimate.mid)} / ${s(r.estimate.high)} s of ${r.limitMs / 1000} s${note}`
  );
}
