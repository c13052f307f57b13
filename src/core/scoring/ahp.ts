/**
 * AHP (Saaty): priority weights from a positive reciprocal matrix of pairwise comparisons, and
 * the consistency ratio of those judgements.
 *
 * Cell (i, j) says how many times criterion i matters more than criterion j. People usually
 * fill the upper triangle only; a blank lower cell takes the reciprocal of its mirror, and a
 * blank upper cell the reciprocal of a filled lower one. When both are filled they must agree
 * within 5 % (0.33 for 1/3 passes, 0.3 does not) and the upper one is used, so typed roundings do
 * not leak into the result. The diagonal must be 1 or blank.
 */

import { Cell, UserError, toNumber } from '../cells';
import { CellError } from './errors';

/** Saaty's random index RI for n = 1…15 (n ≤ 2 is always consistent). */
export const RANDOM_INDEX: Readonly<Record<number, number>> = Object.freeze({
  1: 0,
  2: 0,
  3: 0.58,
  4: 0.9,
  5: 1.12,
  6: 1.24,
  7: 1.32,
  8: 1.41,
  9: 1.45,
  10: 1.49,
  11: 1.51,
  12: 1.53,
  13: 1.56,
  14: 1.57,
  15: 1.59,
});

/** Largest matrix the random-index table covers. */
export const AHP_MAX_SIZE = 15;

/** How far a typed reciprocal may stray from the exact one (relative). */
const RECIPROCAL_TOLERANCE = 0.05;
/** Power iteration stops when no weight moves more than this. */
const CONVERGENCE = 1e-13;
const MAX_ITERATIONS = 10000;

/**
 * A judgement from a cell: a number, numeric text ("3", "0,5") or a fraction ("1/3", "1 / 3");
 * null for a blank; undefined for anything else (text, dates, booleans, error values).
 */
export function parseJudgement(v: Cell): number | null | undefined {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return null;
    const frac = /^(\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)$/.exec(s);
    if (frac) return Number(frac[1].replace(',', '.')) / Number(frac[2].replace(',', '.'));
  }
  const n = toNumber(v);
  return n === null ? undefined : n;
}

/**
 * The complete reciprocal matrix from judgements (null = blank), as described in the module
 * comment. Throws UserError for a non-square or oversized matrix and CellError for a bad cell.
 */
export function completePairwise(cells: readonly (readonly (number | null)[])[]): number[][] {
  const n = cells.length;
  if (n === 0)
    throw new UserError(
      'pairwise: expected a square matrix of pairwise comparisons, got an empty range.',
    );
  const width = Math.max(...cells.map((r) => r.length));
  if (width !== n || cells.some((r) => r.length !== n)) {
    throw new UserError(
      `pairwise: expected a square matrix (as many rows as columns, one per criterion), got ${n} row${n === 1 ? '' : 's'} and ${width} column${width === 1 ? '' : 's'}.`,
    );
  }
  if (n > AHP_MAX_SIZE) {
    throw new UserError(
      `pairwise: expected at most ${AHP_MAX_SIZE} criteria (Saaty's random index stops at ${AHP_MAX_SIZE}; split them into groups), got ${n}.`,
    );
  }
  const a: number[][] = cells.map((r) => r.map(() => 1));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = cells[i][j];
      if (x !== null && (!Number.isFinite(x) || x <= 0)) {
        throw new CellError(i, j, 'a positive number (e.g. 3 or 1/3)', x);
      }
    }
    const d = cells[i][i];
    if (d !== null && Math.abs(d - 1) > 1e-9) {
      throw new CellError(i, i, '1 on the diagonal (a criterion compared with itself)', d);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const upper = cells[i][j];
      const lower = cells[j][i];
      if (upper === null && lower === null) {
        throw new CellError(
          i,
          j,
          `a comparison of criterion ${i + 1} with criterion ${j + 1} (fill this cell or row ${j + 1}, column ${i + 1})`,
          'a blank',
          true,
        );
      }
      if (upper !== null && lower !== null && Math.abs(upper * lower - 1) > RECIPROCAL_TOLERANCE) {
        throw new CellError(
          j,
          i,
          `the reciprocal of ${fmt(upper)} (row ${i + 1}, column ${j + 1}), i.e. ${fmt(1 / upper)}, or a blank`,
          lower,
        );
      }
      const v = upper !== null ? upper : 1 / (lower as number);
      a[i][j] = v;
      a[j][i] = 1 / v;
    }
  }
  return a;
}

/** Priorities and consistency of a pairwise matrix. */
export interface AhpResult {
  /** Principal right eigenvector, each > 0, summing to 1. */
  weights: number[];
  lambdaMax: number;
  /** Consistency index (λmax − n)/(n − 1); 0 for n ≤ 2. */
  ci: number;
  /** Consistency ratio CI/RI; 0 for n ≤ 2. Saaty's rule of thumb: acceptable up to 0.10. */
  cr: number;
  iterations: number;
}

/**
 * Priorities by power iteration on a complete positive matrix (see {@link completePairwise}),
 * started from the row geometric means and run until no weight moves more than 1e-13.
 * λmax = Σ(Aw) with Σw = 1. Since λmax ≥ n for any positive reciprocal matrix (equality exactly
 * when it is consistent), a λmax within rounding of n is reported as CI = CR = 0.
 */
export function ahp(matrix: readonly (readonly number[])[]): AhpResult {
  const n = matrix.length;
  let w = matrix.map((row) => Math.exp(row.reduce((s, x) => s + Math.log(x), 0) / n));
  w = scaleToSum1(w);
  let lambda = n;
  let iterations = 0;
  for (;;) {
    const y = matrix.map((row) => row.reduce((s, x, j) => s + x * w[j], 0));
    lambda = y.reduce((s, v) => s + v, 0);
    const next = y.map((v) => v / lambda);
    const moved = next.reduce((mx, v, i) => Math.max(mx, Math.abs(v - w[i])), 0);
    w = next;
    iterations++;
    if (moved < CONVERGENCE) break;
    if (iterations >= MAX_ITERATIONS) {
      throw new UserError(
        'pairwise: the priority vector did not converge; check the matrix for extreme values.',
      );
    }
  }
  const excess = lambda - n;
  const ci = n <= 2 || excess < 1e-10 * n ? 0 : excess / (n - 1);
  const cr = n <= 2 ? 0 : ci / RANDOM_INDEX[n];
  return { weights: scaleToSum1(w), lambdaMax: lambda, ci, cr, iterations };
}

/** {@link completePairwise} then {@link ahp}. */
export function ahpFromJudgements(cells: readonly (readonly (number | null)[])[]): AhpResult {
  return ahp(completePairwise(cells));
}

function scaleToSum1(v: readonly number[]): number[] {
  const s = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / s);
}

function fmt(x: number): string {
  return Number.isInteger(x)
    ? String(x)
    : x >= 1
      ? String(Number(x.toFixed(3)))
      : `1/${Number((1 / x).toFixed(3))}`;
}
