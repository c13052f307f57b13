import fc from 'fast-check';
import { CriterionSign } from '../../../src/core/scoring/directions';
import { fastRanker } from '../../../src/core/scoring/fast-rank';
import { rankValues } from '../../../src/core/scoring/rank';
import {
  DEFAULT_TRIALS,
  MAX_TRIALS,
  STABILITY_SEED,
  defaultTrials,
  maxTrialsFor,
  mulberry32,
  rankStability,
} from '../../../src/core/scoring/stability';
import { DEFAULT_SCALE, rescale, weightedScore } from '../../../src/core/scoring/weighted-sum';
import { RUNS, problem } from './arbitraries';

describe('mulberry32', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it('draws roughly uniformly from [0, 1)', () => {
    const r = mulberry32(1);
    const n = 100000;
    let sum = 0;
    const bins = new Array(10).fill(0);
    let inRange = true;
    for (let i = 0; i < n; i++) {
      const x = r();
      inRange &&= x >= 0 && x < 1;
      sum += x;
      bins[Math.floor(x * 10)]++;
    }
    expect(inRange).toBe(true);
    expect(sum / n).toBeCloseTo(0.5, 2);
    bins.forEach((b) => expect(Math.abs(b - n / 10)).toBeLessThan(600));
  });
});

describe('rankStability', () => {
  it('is 1 for every row when the spread is 0', () => {
    expect(
      rankStability(
        [
          [5, 1],
          [3, 3],
          [1, 5],
          [4, 2],
        ],
        [2, 1],
        { spread: 0 },
      ),
    ).toEqual([1, 1, 1, 1]);
  });

  it('is 1 when no perturbation within the spread can swap the rows', () => {
    // A = [5, 2] → 0.625, B = [4, 4] → 0.75; A overtakes B only if w1 > 2·w2, impossible at ±20 %.
    expect(
      rankStability(
        [
          [5, 2],
          [4, 4],
        ],
        [1, 1],
      ),
    ).toEqual([1, 1]);
  });

  it('matches the analytic probability of a swap', () => {
    // Factors f1, f2 ~ U[0.1, 1.9] (spread 0.9); A overtakes B when f1 > 2·f2, probability
    // ∫ (1.9 − 2x)/1.8 dx/1.8 over x ∈ [0.1, 0.95] = 0.7225/3.24 ≈ 0.2230; so each keeps its rank
    // with probability ≈ 0.777 (2000 trials: standard error ≈ 0.009).
    const [a, b] = rankStability(
      [
        [5, 2],
        [4, 4],
      ],
      [1, 1],
      { spread: 0.9, trials: MAX_TRIALS },
    ) as number[];
    expect(a).toBe(b);
    expect(Math.abs(a - (1 - 0.7225 / 3.24))).toBeLessThan(0.04);
  });

  it('splits a tie: exactly one of two tied rows keeps rank 1 in each trial', () => {
    const [a, b] = rankStability(
      [
        [5, 1],
        [1, 5],
      ],
      [1, 1],
      { trials: 1000 },
    ) as number[];
    expect(a + b).toBeCloseTo(1, 12);
    expect(Math.abs(a - 0.5)).toBeLessThan(0.08);
  });

  it('leaves blank rows (and rows with nothing weighted scored) blank', () => {
    expect(
      rankStability(
        [
          [5, 1],
          [null, null],
          [null, 3],
        ],
        [1, 0],
      ),
    ).toEqual([1, null, null]);
  });

  it('refuses a spread outside [0, 1) and trials outside 1…2000', () => {
    expect(() => rankStability([[1]], [1], { spread: 1 })).toThrow(
      'spread: expected a share from 0 to below 1',
    );
    expect(() => rankStability([[1]], [1], { spread: -0.1 })).toThrow('spread');
    expect(() => rankStability([[1]], [1], { trials: 2001 })).toThrow(
      'trials: expected a whole number from 1 to 2000, got 2001.',
    );
    expect(() => rankStability([[1]], [1], { trials: 0 })).toThrow('trials');
    expect(() => rankStability([[1]], [1], { trials: 2.5 })).toThrow('trials');
  });
});

describe('work budget', () => {
  it('allows 2000 trials for ordinary sheets and fewer for very large ranges', () => {
    expect(maxTrialsFor(500, 20)).toBe(2000);
    expect(maxTrialsFor(10000, 20)).toBe(666);
    expect(maxTrialsFor(100000, 12)).toBe(76);
    expect(maxTrialsFor(1e7, 20)).toBe(1);
  });

  it('without trials: 500, or as many as the budget allows on a very large range, never an error', () => {
    expect(defaultTrials(50, 12)).toBe(DEFAULT_TRIALS);
    expect(defaultTrials(10000, 20)).toBe(DEFAULT_TRIALS);
    expect(defaultTrials(100000, 12)).toBe(76);
    expect(defaultTrials(1e7, 12)).toBe(1);
    // On a small range the shares are whole numbers of the 500 default trials.
    const shares = rankStability(
      [
        [5, 1],
        [1, 5],
        [3, 3],
      ],
      [1, 1],
      { spread: 0.9 },
    ) as number[];
    expect(shares.some((v) => v > 0 && v < 1)).toBe(true);
    shares.forEach((v) => expect(Number.isInteger(Math.round(v * 500 * 1e6) / 1e6)).toBe(true));
  });

  it('refuses more trials than the budget allows, saying how many would do', () => {
    const rows = Array.from({ length: 20000 }, (_, i) => [1 + (i % 5), 5 - (i % 5)]);
    expect(() => rankStability(rows, [1, 1], { trials: 1500 })).toThrow(
      "trials: expected at most 476 for 20,000 scored rows × 2 criteria (more risks Sheets' 30-second limit), got 1500.",
    );
  });
});

/**
 * The semantics, written plainly: the same perturbed weights (same generator, same seed, drawn in
 * the same order), each trial's scores ranked by rankValues, as the first version did it. The fast
 * path (flat arrays, radix ranking) must give exactly the same shares.
 */
function referenceStability(
  rows: (number | null)[][],
  weights: number[],
  directions: CriterionSign[],
  spread: number,
  trials: number,
): (number | null)[] {
  const base = rows.map((r) => weightedScore(r, weights, directions).score);
  const baseRanks = rankValues(base);
  const random = mulberry32(STABILITY_SEED);
  const kept = rows.map(() => 0);
  for (let t = 0; t < trials; t++) {
    const w = weights.map((x) => x * (1 - spread + 2 * spread * random()));
    const scores = rows.map((row, i) => {
      if (base[i] === null) return null;
      let num = 0;
      let den = 0;
      row.forEach((x, j) => {
        num += w[j] * (x === null ? 0 : rescale(x, directions[j], DEFAULT_SCALE));
        den += w[j] * (x === null ? 0 : 1);
      });
      return num / den;
    });
    rankValues(scores).forEach((r, i) => r !== null && r === baseRanks[i] && kept[i]++);
  }
  return base.map((s, i) => (s === null ? null : kept[i] / trials));
}

describe('the fast path', () => {
  it('fastRanker ranks like rankValues: ties (within 1e-12) share the best rank', () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 6 }).map((x) => x / 6),
      fc.integer({ min: 0, max: 3 }).map((x) => 0.5 + x * 4e-13),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), (xs) => {
        const out = new Uint32Array(xs.length);
        fastRanker(xs.length)(Float64Array.from(xs), out);
        expect(Array.from(out)).toEqual(rankValues(xs));
      }),
      RUNS,
    );
  });

  it('rankStability gives exactly the shares of the plain reference', () => {
    fc.assert(
      fc.property(
        problem({ maxRows: 12 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        ({ rows, weights, directions }, spread, trials) => {
          expect(rankStability(rows, weights, { directions, spread, trials })).toEqual(
            referenceStability(rows, weights, directions, spread, trials),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('rankStability properties', () => {
  it('is deterministic and lies in [0, 1]', () => {
    fc.assert(
      fc.property(
        problem(),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        ({ rows, weights, directions }, spread, trials) => {
          const a = rankStability(rows, weights, { directions, spread, trials });
          const b = rankStability(rows, weights, { directions, spread, trials });
          return (
            JSON.stringify(a) === JSON.stringify(b) &&
            a.every(
              (v) =>
                v === null ||
                (v >= 0 && v <= 1 && Math.abs(v * trials - Math.round(v * trials)) < 1e-9),
            )
          );
        },
      ),
      RUNS,
    );
  });

  it('the best row by a clear margin always keeps rank 1 under small perturbations', () => {
    fc.assert(
      fc.property(problem({ complete: true }), ({ rows, weights, directions }) => {
        const best = weights.map((_, j) => (directions[j] === 1 ? 5 : 1));
        const worst = weights.map((_, j) => (directions[j] === 1 ? 1 : 5));
        const all = [best, ...rows.map(() => worst)];
        return rankStability(all, weights, { directions, trials: 20 })[0] === 1;
      }),
      RUNS,
    );
  });
});
