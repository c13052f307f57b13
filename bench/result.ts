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
   * Heap growth of one execution: its peak (just before a garbage collection, or at its end) over
   * its start; null where not measured (the import dialog's executions).
   */
  heapGrowthMB: number | null;
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
  heapMB: number | null;
}

/** A collectable heap: gc() without starting Node with --expose-gc. */
const collect: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/**
 * Runs fn once under a GC profiler and returns the heap it grew at its peak, in MB: the largest
 * heap seen before any collection during the run, or at its end, less the heap at its start
 * (after a full collection).
 */
export function heapGrowth(fn: () => void): number {
  collect();
  const start = process.memoryUsage().heapUsed;
  const profiler = new v8.GCProfiler();
  profiler.start();
  fn();
  const end = process.memoryUsage().heapUsed;
  const { statistics } = profiler.stop();
  const peak = Math.max(end, ...statistics.map((s) => s.beforeGC.heapStatistics.usedHeapSize));
  return Math.max(0, (peak - start) / 2 ** 20);
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
  for (let i = 0; i < runs - 1; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  runtime.ctx.resetCalls();
  const heapMB = heapGrowth(fn);
  return {
    ms: median(times),
    calls: runtime.ctx.callsByMethod(),
    total: runtime.ctx.totalCalls(),
    cost: { ...runtime.ctx.meter.cost },
    heapMB,
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
