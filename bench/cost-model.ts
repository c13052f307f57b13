/**
 * The benchmark's cost model, by call class (local/call-cost.ts): what a server round trip, a
 * buffered write, a local call and a cell moved cost in Apps Script, and how much slower its V8
 * computes than Node. Three parameter sets — low, mid, high — from the published figures of
 * docs/platform.md §9 (assumptions until a real spreadsheet has measured them). With
 * CIRC_PROBE_FILE naming a probe file copied from a real spreadsheet (probe/gas/timings.ts), its
 * calibration replaces the per-call and per-cell figures of all three sets; the compute factor
 * stays an assumption (the probe cannot run Node).
 */
import * as fs from 'node:fs';
import type { CallCost } from '../local/call-cost';

export interface CostParams {
  /** A read, a read after writes, a flush, a structural change, a toast, a lock, a property. */
  roundTripMs: number;
  /** A buffered setter (sent with the next round trip). */
  bufferedWriteMs: number;
  /** Builders, getRange, getName, getters of objects already fetched. */
  localCallMs: number;
  /** Each cell read, written, or passed to a custom function as an argument. */
  perCellMs: number;
  /** Apps Script's V8 against Node on the same code. */
  computeFactor: number;
}

export type Bound = 'low' | 'mid' | 'high';
export const BOUNDS: Bound[] = ['low', 'mid', 'high'];

export interface CostModel {
  params: Record<Bound, CostParams>;
  /** Where the figures come from. */
  basis: string;
}

/**
 * Published figures (docs/platform.md §9): a round trip 30 / 100 / 175 ms (P4: getLastRow ≈ 160 ms
 * a call; P5: a flush 30–610 ms; P6: a first getValues 175 ms; P14: a property 30–62 ms); a buffered
 * write 0 / 0.5 / 1 ms (P7: format setters after the first 0–1 ms); a local call 0 / 0.15 / 0.3 ms
 * (P6: getRange ≈ 0 s); a cell 3 / 12.5 / 100 µs (P1: 10,000 cells in ≈ 1 s; P3: 1,000-cell get +
 * set 333 ms; P5: 4,000 cells < 50 ms — all upper bounds at small sizes); compute ×1.5 / ×2.5 / ×4
 * (no published V8-in-Apps-Script vs Node figure: from P11 and a Rhino-era 100× figure).
 */
export const PUBLISHED: CostModel = {
  params: {
    low: {
      roundTripMs: 30,
      bufferedWriteMs: 0,
      localCallMs: 0,
      perCellMs: 0.003,
      computeFactor: 1.5,
    },
    mid: {
      roundTripMs: 100,
      bufferedWriteMs: 0.5,
      localCallMs: 0.15,
      perCellMs: 0.0125,
      computeFactor: 2.5,
    },
    high: {
      roundTripMs: 175,
      bufferedWriteMs: 1,
      localCallMs: 0.3,
      perCellMs: 0.1,
      computeFactor: 4,
    },
  },
  basis: 'published figures and assumptions (docs/platform.md §9)',
};

/** What one execution did: its calls by class and cells, plus a custom function's argument cells. */
export type Work = Pick<
  CallCost,
  'roundTrips' | 'bufferedWrites' | 'localCalls' | 'cellsRead' | 'cellsWritten'
> & { argumentCells: number; computeMs: number };

/** Estimated Apps Script milliseconds for `work` under one parameter set. */
export function estimateMs(work: Work, p: CostParams): number {
  return (
    work.roundTrips * p.roundTripMs +
    work.bufferedWrites * p.bufferedWriteMs +
    work.localCalls * p.localCallMs +
    (work.cellsRead + work.cellsWritten + work.argumentCells) * p.perCellMs +
    work.computeMs * p.computeFactor
  );
}

/** The low / mid / high estimates, rounded to the millisecond. */
export function estimates(work: Work, model: CostModel): Record<Bound, number> {
  return Object.fromEntries(
    BOUNDS.map((b) => [b, Math.round(estimateMs(work, model.params[b]))]),
  ) as Record<Bound, number>;
}

/**
 * The model a probe file's calibration gives (probe/gas/timings.ts: `model.roundTripMs`,
 * `model.bufferedWriteMs`, `model.localCallMs`, `model.perCellMs`), or the published one when it
 * has none. An older probe file with only `model.perCallMs` (a 1-cell getValues: a round trip)
 * and `model.perCellMs` calibrates those two.
 */
export function costModel(probe: unknown, file = 'a probe file'): CostModel {
  const c = (probe as { calibration?: Record<string, number> } | null)?.calibration ?? {};
  const roundTrip = c['model.roundTripMs'] ?? c['model.perCallMs'];
  const cell = c['model.perCellMs'];
  if (!Number.isFinite(roundTrip) || !Number.isFinite(cell) || roundTrip <= 0) return PUBLISHED;
  const measured = (b: Bound): CostParams => ({
    roundTripMs: roundTrip,
    bufferedWriteMs: finiteOr(c['model.bufferedWriteMs'], PUBLISHED.params[b].bufferedWriteMs),
    localCallMs: finiteOr(c['model.localCallMs'], PUBLISHED.params[b].localCallMs),
    perCellMs: cell,
    computeFactor: PUBLISHED.params[b].computeFactor,
  });
  return {
    params: { low: measured('low'), mid: measured('mid'), high: measured('high') },
    basis: `calibrated by ${file} (compute factor still assumed)`,
  };
}

const finiteOr = (x: number | undefined, fallback: number) =>
  typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : fallback;

/** The model for this run: CIRC_PROBE_FILE's calibration when set. */
export function currentCostModel(env: NodeJS.ProcessEnv = process.env): CostModel {
  const file = env.CIRC_PROBE_FILE;
  return file ? costModel(JSON.parse(fs.readFileSync(file, 'utf8')), file) : PUBLISHED;
}
