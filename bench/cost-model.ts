/**
 * The benchmark's cost model: published figures and assumptions (platform.md §9) until a real
 * spreadsheet has measured them. With CIRC_PROBE_FILE naming a probe file copied from a real
 * spreadsheet (probe/gas/timings.ts), its calibration section replaces the per-call and per-cell
 * figures: `model.perCallMs` (a 1-cell getValues) and `model.perCellMs` (what a 10,000-cell read
 * adds per cell). The compute factor stays an assumption (the probe cannot run Node).
 */
import * as fs from 'node:fs';

export interface CostModel {
  PER_CALL_MS: number;
  PER_CELL_MS: number;
  COMPUTE_FACTOR: number;
  /** Where the figures come from. */
  basis: string;
}

/** Google's own figure: 10,000 single-cell calls ≈ 70 s (best-practices page) → 7 ms a call; the rest assumed. */
export const PUBLISHED: CostModel = {
  PER_CALL_MS: 7,
  PER_CELL_MS: 0.003,
  COMPUTE_FACTOR: 1.5,
  basis: 'published figures and assumptions (platform.md §9)',
};

/** The model a probe file's calibration gives, or the published one when it has none. */
export function costModel(probe: unknown, file = 'a probe file'): CostModel {
  const c = (probe as { calibration?: Record<string, number> } | null)?.calibration ?? {};
  const call = c['model.perCallMs'];
  const cell = c['model.perCellMs'];
  if (!Number.isFinite(call) || !Number.isFinite(cell) || call <= 0) return PUBLISHED;
  return {
    PER_CALL_MS: call,
    PER_CELL_MS: cell,
    COMPUTE_FACTOR: PUBLISHED.COMPUTE_FACTOR,
    basis: `calibrated by ${file}`,
  };
}

/** The model for this run: CIRC_PROBE_FILE's calibration when set. */
export function currentCostModel(env: NodeJS.ProcessEnv = process.env): CostModel {
  const file = env.CIRC_PROBE_FILE;
  return file ? costModel(JSON.parse(fs.readFileSync(file, 'utf8')), file) : PUBLISHED;
}
