/** fast-check generators shared by the scoring property tests. */

import fc from 'fast-check';
import { CriterionSign } from '../../../src/core/scoring/directions';

export const RUNS = { numRuns: 1000 };

/** A score on the 1–5 scale in steps of 0.5. */
export const score = fc.integer({ min: 2, max: 10 }).map((x) => x / 2);
/** A score or a blank (null), blanks about one time in five. */
export const scoreOrBlank = fc.option(score, { freq: 4, nil: null });
/** A weight ≥ 0, zero now and then. */
export const weight = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 1000 }).map((x) => x / 100) },
);
export const direction: fc.Arbitrary<CriterionSign> = fc.constantFrom<CriterionSign>(1, -1);

export interface Problem {
  rows: (number | null)[][];
  weights: number[];
  directions: CriterionSign[];
}

/** n × m scores (blanks allowed unless `complete`), m weights not all 0, m directions. */
export function problem(
  options: { complete?: boolean; maxRows?: number; maxCols?: number } = {},
): fc.Arbitrary<Problem> {
  const cell = options.complete ? score : scoreOrBlank;
  return fc
    .tuple(
      fc.integer({ min: 1, max: options.maxRows ?? 8 }),
      fc.integer({ min: 1, max: options.maxCols ?? 6 }),
    )
    .chain(([n, m]) =>
      fc.record({
        rows: fc.array(fc.array(cell, { minLength: m, maxLength: m }), {
          minLength: n,
          maxLength: n,
        }),
        weights: fc
          .array(weight, { minLength: m, maxLength: m })
          .filter((w) => w.some((x) => x > 0)),
        directions: fc.array(direction, { minLength: m, maxLength: m }),
      }),
    );
}

/** A problem plus a permutation of its rows. */
export function permutedProblem(
  options: { complete?: boolean } = {},
): fc.Arbitrary<{ p: Problem; perm: number[] }> {
  return problem(options).chain((p) =>
    fc.array(fc.nat(), { minLength: p.rows.length, maxLength: p.rows.length }).map((keys) => ({
      p,
      perm: keys
        .map((k, i) => [k, i])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .map((x) => x[1]),
    })),
  );
}

export const close = (a: number | null, b: number | null, eps = 1e-9): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= eps;
