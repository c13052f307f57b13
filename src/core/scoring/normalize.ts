/**
 * Column-wise normalisation of a decision matrix, so criteria measured in different units can be
 * compared. Blank cells (null) stay blank and are left out of the column statistics.
 *
 * Definitions, for a column x with k non-blank values (cost variants follow pymcdm, except `max`,
 * whose cost form min/x is the one the formula contract names):
 * - `minmax` (default): benefit (x − min)/(max − min), cost (max − x)/(max − min). A constant
 *   column gives 1 for every row: every alternative is as good as the best, so none is penalised
 *   (pymcdm does the same).
 * - `max`: benefit x/max, cost min/x.
 * - `vector`: benefit x/‖x‖, cost 1 − x/‖x‖.
 * - `sum`: benefit x/Σx, cost (1/x)/Σ(1/x).
 * The ratio methods (`max`, `vector`, `sum`) need values ≥ 0 and refuse negatives. Where a
 * denominator is 0 (an all-zero column, or zeros in a cost column under `sum`), the value is the
 * limit reached as the zeros become equal small positive numbers: `max` → 1 for the best values,
 * `vector` → 1/√k (cost 1 − 1/√k), `sum` → 1/k, and under cost `sum` the zeros share the whole
 * (1/z each, z = number of zeros) while the other rows get 0. All results lie in [0, 1].
 */

import { Cell } from '../cells';
import { CriterionSign } from './directions';
import { CellError } from './errors';

export type NormalizeMethod = 'minmax' | 'max' | 'vector' | 'sum';

export const NORMALIZE_METHODS: readonly NormalizeMethod[] = ['minmax', 'max', 'vector', 'sum'];

/** `minmax` (also `min-max`, `min max`), `max`, `vector`, `sum`, any case; null otherwise. */
export function parseMethod(v: Cell): NormalizeMethod | null {
  if (typeof v !== 'string') return null;
  const s = v
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  return (NORMALIZE_METHODS as readonly string[]).includes(s) ? (s as NormalizeMethod) : null;
}

/** A matrix of numbers, null for a blank cell. */
export type NumberMatrix = readonly (readonly (number | null)[])[];

/**
 * Normalises one column (see the module comment). `column` (0-based) only serves messages.
 * Throws CellError (row = index in `values`) for a negative value under a ratio method.
 */
export function normalizeColumn(
  values: readonly (number | null)[],
  direction: CriterionSign = 1,
  method: NormalizeMethod = 'minmax',
  column = 0,
): (number | null)[] {
  let k = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let zeros = 0;
  values.forEach((x, i) => {
    if (x === null) return;
    if (!Number.isFinite(x)) throw new CellError(i, column, 'a number', x);
    if (method !== 'minmax' && x < 0) {
      throw new CellError(
        i,
        column,
        `a number of 0 or more (the ${method} method divides by the column's values)`,
        x,
      );
    }
    k++;
    if (x < min) min = x;
    if (x > max) max = x;
    sum += x;
    if (x === 0) zeros++;
  });
  // Second-pass sums are taken relative to max (or min) so that neither huge nor subnormal values
  // overflow or underflow: ‖x‖ = max·√Σ(x/max)², and (1/x)/Σ(1/y) = (min/x)/Σ(min/y).
  let sumSqRel = 0;
  let sumInvRel = 0;
  if (method === 'vector' && max > 0)
    for (const x of values) if (x !== null) sumSqRel += (x / max) ** 2;
  if (method === 'sum' && zeros === 0) for (const x of values) if (x !== null) sumInvRel += min / x;
  const cost = direction === -1;
  const f = (x: number): number => {
    switch (method) {
      case 'minmax':
        if (max === min) return 1;
        return cost ? (max - x) / (max - min) : (x - min) / (max - min);
      case 'max':
        if (cost) return x === min ? 1 : min / x;
        return max === 0 ? 1 : x / max;
      case 'vector': {
        const share = max === 0 ? 1 / Math.sqrt(k) : x / max / Math.sqrt(sumSqRel);
        return cost ? 1 - share : share;
      }
      case 'sum':
        if (cost) return zeros > 0 ? (x === 0 ? 1 / zeros : 0) : min / x / sumInvRel;
        return sum === 0 ? 1 / k : x / sum;
    }
  };
  return values.map((x) => (x === null ? null : clamp01(f(x))));
}

/**
 * Normalises every column of `matrix` (rows × criteria). `directions` defaults to benefit for
 * every column. Rows may be ragged only if all are the width of `directions` or the first row.
 */
export function normalizeMatrix(
  matrix: NumberMatrix,
  directions?: readonly CriterionSign[],
  method: NormalizeMethod = 'minmax',
): (number | null)[][] {
  const m = directions ? directions.length : matrix.length ? matrix[0].length : 0;
  const out: (number | null)[][] = matrix.map(() => new Array<number | null>(m).fill(null));
  for (let j = 0; j < m; j++) {
    const col = normalizeColumn(
      matrix.map((r) => r[j] ?? null),
      directions ? directions[j] : 1,
      method,
      j,
    );
    col.forEach((v, i) => (out[i][j] = v));
  }
  return out;
}

// Ratios of non-negative numbers can overshoot [0, 1] only by rounding.
function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
