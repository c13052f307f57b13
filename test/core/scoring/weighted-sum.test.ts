import fc from 'fast-check';
import { UserError } from '../../../src/core/cells';
import { CellError } from '../../../src/core/scoring/errors';
import { rescale, weightedScore, weightedScores } from '../../../src/core/scoring/weighted-sum';
import { RUNS, close, permutedProblem, problem, score } from './arbitraries';

describe('weightedScore', () => {
  it('is the weighted mean of scores rescaled to 0–1 on 1–5', () => {
    // r = (5−1)/4, (4−1)/4, (3−1)/4 = 1, 0.75, 0.5 → 0.5·1 + 0.3·0.75 + 0.2·0.5 = 0.825
    const r = weightedScore([5, 4, 3], [0.5, 0.3, 0.2]);
    expect(r.score).toBeCloseTo(0.825, 12);
    expect(r.coverage).toBe(1);
  });

  it('does not need weights that sum to 1', () => {
    expect(weightedScore([5, 4, 3], [5, 3, 2]).score).toBeCloseTo(0.825, 12);
  });

  it('inverts cost criteria (x → max + min − x)', () => {
    expect(weightedScore([5], [1], [-1]).score).toBe(0);
    expect(weightedScore([1], [1], [-1]).score).toBe(1);
    expect(weightedScore([2], [1], [-1]).score).toBeCloseTo(0.75, 12);
    expect(rescale(2, -1, { min: 1, max: 5 })).toBeCloseTo(rescale(4, 1, { min: 1, max: 5 }), 12);
  });

  it('leaves blanks out, renormalises the other weights and reports coverage', () => {
    // scored: 5 (w 1) and 3 (w 2) → (1·1 + 2·0.5)/3; coverage 3/4
    const r = weightedScore([5, null, 3], [1, 1, 2]);
    expect(r.score).toBeCloseTo(2 / 3, 12);
    expect(r.coverage).toBeCloseTo(0.75, 12);
  });

  it('answers null for an all-blank row, or when only zero-weight criteria are scored', () => {
    expect(weightedScore([null, null], [1, 1])).toEqual({ score: null, coverage: 0 });
    expect(weightedScore([5, null], [0, 1])).toEqual({ score: null, coverage: 0 });
  });

  it('uses another scale when told', () => {
    expect(weightedScore([0, 10, 5], [1, 1, 2], undefined, { min: 0, max: 10 }).score).toBeCloseTo(
      0.5,
      12,
    );
  });

  it('refuses a score outside the scale, naming the cell', () => {
    expect(() =>
      weightedScores(
        [
          [3, 4],
          [5, 6],
        ],
        [1, 1],
      ),
    ).toThrow(CellError);
    expect(() =>
      weightedScores(
        [
          [3, 4],
          [5, 6],
        ],
        [1, 1],
      ),
    ).toThrow(
      'row 2, column 2 (B2 of the range): expected a number between 1 and 5, got number 6.',
    );
    expect(() => weightedScore([0.5], [1])).toThrow('expected a number between 1 and 5');
  });

  it('refuses bad weights, scales and shapes', () => {
    expect(() => weightedScore([3, 3], [1, -1])).toThrow(
      'weights: weight 2: expected a weight of 0 or more, got number -1.',
    );
    expect(() => weightedScore([3, 3], [0, 0])).toThrow(
      'weights: expected at least one weight above 0, got all 0.',
    );
    expect(() => weightedScore([3], [1], undefined, { min: 5, max: 1 })).toThrow(UserError);
    expect(() => weightedScore([3], [1], undefined, { min: 1, max: 1 })).toThrow(
      'scale_min below scale_max',
    );
    expect(() => weightedScore([3, 3], [1])).toThrow('scores: expected 1 score per row');
    expect(() => weightedScore([3], [1], [1, -1])).toThrow(
      'directions: expected 1 direction (one per weight)',
    );
  });
});

describe('weightedScore properties', () => {
  it('score and coverage lie in [0, 1]', () => {
    fc.assert(
      fc.property(problem(), ({ rows, weights, directions }) =>
        weightedScores(rows, weights, directions).every(
          (r) =>
            (r.score === null || (r.score >= 0 && r.score <= 1)) &&
            r.coverage >= 0 &&
            r.coverage <= 1 + 1e-12,
        ),
      ),
      RUNS,
    );
  });

  it('reordering rows does not change any row’s score', () => {
    fc.assert(
      fc.property(permutedProblem(), ({ p, perm }) => {
        const before = weightedScores(p.rows, p.weights, p.directions);
        const after = weightedScores(
          perm.map((i) => p.rows[i]),
          p.weights,
          p.directions,
        );
        return perm.every(
          (i, k) =>
            close(after[k].score, before[i].score, 0) && after[k].coverage === before[i].coverage,
        );
      }),
      RUNS,
    );
  });

  it('scaling all weights by a positive constant changes no score', () => {
    fc.assert(
      fc.property(
        problem(),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        ({ rows, weights, directions }, c) => {
          const before = weightedScores(rows, weights, directions);
          const after = weightedScores(
            rows,
            weights.map((w) => w * c),
            directions,
          );
          return before.every(
            (r, i) =>
              close(r.score, after[i].score, 1e-12) && close(r.coverage, after[i].coverage, 1e-12),
          );
        },
      ),
      RUNS,
    );
  });

  it('raising a benefit score (or lowering a cost score) never lowers the row’s score', () => {
    fc.assert(
      fc.property(
        problem({ maxRows: 1 }),
        fc.nat(),
        score,
        score,
        ({ rows, weights, directions }, pick, a, b) => {
          const j = pick % weights.length;
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const worse = rows[0].slice();
          const better = rows[0].slice();
          // "Better" holds the higher value of a benefit criterion, the lower of a cost one.
          worse[j] = directions[j] === 1 ? lo : hi;
          better[j] = directions[j] === 1 ? hi : lo;
          const s0 = weightedScore(worse, weights, directions).score;
          const s1 = weightedScore(better, weights, directions).score;
          return s0 === null ? s1 === null : (s1 as number) >= s0 - 1e-12;
        },
      ),
      RUNS,
    );
  });
});
