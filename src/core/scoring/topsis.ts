/**
 * TOPSIS (Hwang & Yoon 1981): vector-normalise each column, weight it, then measure each row's
 * Euclidean distance to the ideal (best value of every column) and to the anti-ideal (worst);
 * closeness = D− / (D+ + D−), in [0, 1], 1 = the ideal itself.
 *
 * Every cell of a row must hold a number: distances over a partial row would not be comparable
 * with full rows. When every row is identical on every weighted criterion, D+ = D− = 0 for all;
 * closeness is then 1 (each row is as good as the ideal), in line with `minmax` giving a constant
 * column 1. An all-zero column normalises to 0 and so adds no distance.
 */

import { UserError } from '../cells';
import { CriterionSign } from './directions';
import { CellError } from './errors';
import { checkWeights } from './weighted-sum';

/** The intermediate tables, as textbooks print them. */
export interface TopsisDetails {
  normalized: number[][];
  weighted: number[][];
  ideal: number[];
  antiIdeal: number[];
  distanceToIdeal: number[];
  distanceToAntiIdeal: number[];
  closeness: number[];
}

/**
 * TOPSIS with its intermediate tables. `matrix`: rows × criteria, every cell a finite number
 * (null → CellError). Weights need not sum to 1 (they are normalised); directions default to
 * benefit.
 */
export function topsisDetails(
  matrix: readonly (readonly (number | null)[])[],
  weights: readonly number[],
  directions?: readonly CriterionSign[],
): TopsisDetails {
  checkWeights(weights);
  const m = weights.length;
  if (directions && directions.length !== m) {
    throw new UserError(
      `directions: expected ${m} direction${m === 1 ? '' : 's'} (one per weight), got ${directions.length}.`,
    );
  }
  const n = matrix.length;
  const largest = new Array<number>(m).fill(0);
  matrix.forEach((row, i) => {
    if (row.length !== m)
      throw new UserError(
        `matrix: expected ${m} value${m === 1 ? '' : 's'} per row (one per weight), got ${row.length}.`,
      );
    for (let j = 0; j < m; j++) {
      const x = row[j];
      if (x === null || !Number.isFinite(x)) {
        throw new CellError(
          i,
          j,
          'a number (TOPSIS needs a value for every criterion of a row)',
          x,
        );
      }
      largest[j] = Math.max(largest[j], Math.abs(x));
    }
  });
  // ‖x‖ = a·√Σ(x/a)² with a = max|x|: no overflow or underflow whatever the unit.
  const norms = largest.map((a, j) => {
    if (a === 0) return 0;
    let s = 0;
    for (let i = 0; i < n; i++) s += ((matrix[i][j] as number) / a) ** 2;
    return a * Math.sqrt(s);
  });
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const normalized = matrix.map((row) =>
    row.map((x, j) => (norms[j] === 0 ? 0 : (x as number) / norms[j])),
  );
  const weighted = normalized.map((row) => row.map((r, j) => (weights[j] / totalWeight) * r));
  const ideal = new Array<number>(m);
  const antiIdeal = new Array<number>(m);
  for (let j = 0; j < m; j++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, weighted[i][j]);
      hi = Math.max(hi, weighted[i][j]);
    }
    const benefit = !directions || directions[j] === 1;
    ideal[j] = benefit ? hi : lo;
    antiIdeal[j] = benefit ? lo : hi;
  }
  const distanceToIdeal = weighted.map((row) => distance(row, ideal));
  const distanceToAntiIdeal = weighted.map((row) => distance(row, antiIdeal));
  const closeness = distanceToIdeal.map((dPlus, i) => {
    const dMinus = distanceToAntiIdeal[i];
    const total = dPlus + dMinus;
    return total === 0 ? 1 : Math.min(1, Math.max(0, dMinus / total));
  });
  return {
    normalized,
    weighted,
    ideal,
    antiIdeal,
    distanceToIdeal,
    distanceToAntiIdeal,
    closeness,
  };
}

/** TOPSIS closeness per row (see {@link topsisDetails}). */
export function topsis(
  matrix: readonly (readonly (number | null)[])[],
  weights: readonly number[],
  directions?: readonly CriterionSign[],
): number[] {
  return topsisDetails(matrix, weights, directions).closeness;
}

function distance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
  return Math.sqrt(s);
}
