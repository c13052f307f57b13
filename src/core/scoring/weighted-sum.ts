/**
 * The default method: weighted mean of scores on a fixed, anchored scale (default 1–5), each
 * rescaled to 0–1, cost criteria inverted, blanks left out with the remaining weights
 * renormalised. Coverage says how much of the total weight was actually scored, so a partner
 * rated on two criteria out of ten is not mistaken for a fully assessed one.
 */

import { UserError, describeValue } from '../cells';
import { CriterionSign } from './directions';
import { CellError } from './errors';

/** A fixed rating scale; `min` < `max`. */
export interface Scale {
  min: number;
  max: number;
}

export const DEFAULT_SCALE: Readonly<Scale> = Object.freeze({ min: 1, max: 5 });

/** One row's result. `score` is null when nothing with a positive weight was scored. */
export interface WeightedScore {
  score: number | null;
  /** Share (0–1) of the total weight carried by the criteria this row has a score for. */
  coverage: number;
}

/** A score in (null = blank) per criterion. */
export type ScoreRow = readonly (number | null)[];

/** Throws unless `scale` is two finite numbers with min < max. */
export function checkScale(scale: Scale): void {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.min >= scale.max) {
    throw new UserError(
      `scale: expected scale_min below scale_max, got ${scale.min} and ${scale.max}.`,
    );
  }
}

/**
 * Throws unless every weight is a finite number ≥ 0 and at least one is above 0. Weights need
 * not sum to 1: only their ratios matter.
 */
export function checkWeights(weights: readonly number[]): void {
  let total = 0;
  weights.forEach((w, j) => {
    if (!Number.isFinite(w) || w < 0) {
      throw new UserError(
        `weights: weight ${j + 1}: expected a weight of 0 or more, got ${describeValue(w)}.`,
      );
    }
    total += w;
  });
  if (!(total > 0))
    throw new UserError('weights: expected at least one weight above 0, got all 0.');
}

/**
 * A score mapped onto 0–1: (x − min)/(max − min) for a benefit criterion; a cost criterion is
 * first inverted (x → max + min − x), which gives (max − x)/(max − min).
 */
export function rescale(x: number, direction: CriterionSign, scale: Scale): number {
  const span = scale.max - scale.min;
  return direction === 1 ? (x - scale.min) / span : (scale.max - x) / span;
}

/**
 * Prepares the weighted sum once for many rows (weights checked and summed once), so scoring a
 * 10,000-row range is a single linear pass. The returned function scores one row; `rowIndex`
 * (0-based) only serves error messages.
 */
export function weightedSumScorer(
  weights: readonly number[],
  directions?: readonly CriterionSign[],
  scale: Scale = DEFAULT_SCALE,
): (row: ScoreRow, rowIndex?: number) => WeightedScore {
  checkScale(scale);
  checkWeights(weights);
  const m = weights.length;
  if (directions && directions.length !== m) {
    throw new UserError(
      `directions: expected ${m} direction${m === 1 ? '' : 's'} (one per weight), got ${directions.length}.`,
    );
  }
  let totalWeight = 0;
  for (const w of weights) totalWeight += w;
  const range = `a number between ${scale.min} and ${scale.max}`;

  return (row, rowIndex = 0) => {
    if (row.length !== m) {
      throw new UserError(
        `scores: expected ${m} score${m === 1 ? '' : 's'} per row (one per weight), got ${row.length}.`,
      );
    }
    let scoredWeight = 0;
    let sum = 0;
    for (let j = 0; j < m; j++) {
      const x = row[j];
      if (x === null) continue;
      // NaN and ±Infinity fail these comparisons too (the scale is finite). No Number.isFinite
      // here: in the local runtime's vm context a global looked up per cell is many times slower.
      if (!(x >= scale.min && x <= scale.max)) throw new CellError(rowIndex, j, range, x);
      const w = weights[j];
      scoredWeight += w;
      sum += w * rescale(x, directions ? directions[j] : 1, scale);
    }
    if (scoredWeight === 0) return { score: null, coverage: 0 };
    // Rounding can push a perfect row a hair above 1; the scale says it cannot be.
    const mean = sum / scoredWeight;
    const score = mean > 1 ? 1 : mean < 0 ? 0 : mean;
    return { score, coverage: scoredWeight / totalWeight };
  };
}

/**
 * Weighted score of one row: weighted mean of the rescaled scores over the criteria that have a
 * score, and the coverage. A row with no score on any positively weighted criterion → score null.
 */
export function weightedScore(
  row: ScoreRow,
  weights: readonly number[],
  directions?: readonly CriterionSign[],
  scale: Scale = DEFAULT_SCALE,
): WeightedScore {
  return weightedSumScorer(weights, directions, scale)(row);
}

/** Weighted scores of many rows (see {@link weightedScore}), in one pass. */
export function weightedScores(
  rows: readonly ScoreRow[],
  weights: readonly number[],
  directions?: readonly CriterionSign[],
  scale: Scale = DEFAULT_SCALE,
): WeightedScore[] {
  const score = weightedSumScorer(weights, directions, scale);
  return rows.map((row, i) => score(row, i));
}
