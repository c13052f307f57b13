/**
 * Rank stability: how robust each row's rank is to the weights. In each trial every weight is
 * multiplied by its own uniform random factor in [1 − spread, 1 + spread], the weighted scores are
 * recomputed (same method as the weighted sum: blanks left out, cost inverted) and ranked over all
 * rows (1 = best, ties as in RANK); a row "keeps its rank" when its rank equals the one it has with
 * the weights as given. The answer is the share of trials in which it does, in [0, 1].
 *
 * The random numbers come from mulberry32 with a fixed seed, reseeded on every call, so the same
 * inputs always give the same answer (custom functions must be deterministic). Cost per trial:
 * one pass over the n × m scores, one native sort of n numbers and n binary searches, so
 * O(trials × (n·m + n log n)) in all.
 */

import { UserError } from '../cells';
import { seededRandom } from '../random';
import { Direction } from './directions';
import { rankValues, tied } from './rank';
import { DEFAULT_SCALE, Scale, ScoreRow, rescale, weightedSumScorer } from './weighted-sum';

export const DEFAULT_SPREAD = 0.2;
export const DEFAULT_TRIALS = 500;
/** Beyond this the answer no longer changes visibly while the 30 s custom-function limit nears. */
export const MAX_TRIALS = 2000;
/**
 * Work allowed per call, in row × (criteria + 10) × trial steps (the 10 stands for the sort and
 * search per row): about 3 s in Node, so comfortably inside the 30 s custom-function limit on
 * Apps Script's slower V8. 10,000 rows × 20 criteria still get 1,000 trials.
 */
export const WORK_BUDGET = 3e8;
/** Fixed seed: any constant would do; this one spells "CIRC" in ASCII. */
export const STABILITY_SEED = 0x43495243;

export interface StabilityOptions {
  /** Relative perturbation of each weight, 0 ≤ spread < 1 (default 0.2 = ±20 %). */
  spread?: number;
  /** Number of perturbed weight sets, 1…2000 (default 500). */
  trials?: number;
  directions?: readonly Direction[];
  scale?: Scale;
  seed?: number;
}

/** mulberry32, shared with the sample generators (see core/random.ts). */
export const mulberry32 = seededRandom;

/**
 * Share of trials in which each row keeps its rank (see the module comment); null for a row with
 * no weighted score (all blank, or only zero-weight criteria scored).
 */
export function rankStability(
  rows: readonly ScoreRow[],
  weights: readonly number[],
  options: StabilityOptions = {},
): (number | null)[] {
  const {
    spread = DEFAULT_SPREAD,
    trials = DEFAULT_TRIALS,
    directions,
    scale = DEFAULT_SCALE,
    seed = STABILITY_SEED,
  } = options;
  if (!Number.isFinite(spread) || spread < 0 || spread >= 1) {
    throw new UserError(
      `spread: expected a share from 0 to below 1 (e.g. 20% or 0.2), got ${spread}.`,
    );
  }
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS) {
    throw new UserError(`trials: expected a whole number from 1 to ${MAX_TRIALS}, got ${trials}.`);
  }
  const scorer = weightedSumScorer(weights, directions, scale);
  const baseScores = rows.map((row, i) => scorer(row, i).score);
  const baseRanks = rankValues(baseScores);

  const m = weights.length;
  const ranked: number[] = [];
  baseScores.forEach((s, i) => {
    if (s !== null) ranked.push(i);
  });
  const k = ranked.length;
  const allowed = maxTrialsFor(k, m);
  if (trials > allowed) {
    throw new UserError(
      `trials: expected at most ${allowed} for ${k.toLocaleString('en-US')} scored rows × ${m} criteria (more risks Sheets' 30-second limit), got ${trials}.`,
    );
  }
  // Rescaled scores of the ranked rows, row-major, 0 for a blank; `partial` lists the rows with a
  // blank, whose denominator (the weight they were scored on) must be summed per trial, while
  // fully scored rows share the trial's total weight. Keeps the inner loop branch-free.
  const r = new Float64Array(k * m);
  const scored = new Float64Array(k * m);
  const partial = new Uint8Array(k);
  ranked.forEach((i, p) => {
    for (let j = 0; j < m; j++) {
      const x = rows[i][j];
      if (x === null) partial[p] = 1;
      else {
        r[p * m + j] = rescale(x, directions ? directions[j] : 1, scale);
        scored[p * m + j] = 1;
      }
    }
  });

  const random = mulberry32(seed);
  const w = new Float64Array(m);
  const score = new Float64Array(k);
  const sorted = new Float64Array(k);
  const rankAt = new Uint32Array(k);
  const kept = new Uint32Array(k);
  const target = Uint32Array.from(ranked, (i) => baseRanks[i] as number);
  for (let t = 0; t < trials; t++) {
    let total = 0;
    for (let j = 0; j < m; j++) {
      w[j] = weights[j] * (1 - spread + 2 * spread * random());
      total += w[j];
    }
    for (let p = 0; p < k; p++) {
      const base = p * m;
      let num = 0;
      for (let j = 0; j < m; j++) num += w[j] * r[base + j];
      let den = total;
      if (partial[p]) {
        den = 0;
        for (let j = 0; j < m; j++) den += w[j] * scored[base + j];
      }
      // den > 0: the row had a positively weighted score and every factor is > 0.
      score[p] = num / den;
    }
    // A row's rank only depends on the sorted scores: sort a copy natively (ascending, no
    // comparator), give each position the rank of its run of tied values counted from the top,
    // then find each row's score by binary search. Equal scores always share a run.
    sorted.set(score);
    sorted.sort();
    let start = k - 1;
    for (let q = k - 1; q >= 0; q--) {
      if (!tied(sorted[q], sorted[start])) start = q;
      rankAt[q] = k - start;
    }
    for (let p = 0; p < k; p++) {
      if (rankAt[lowerBound(sorted, score[p])] === target[p]) kept[p]++;
    }
  }
  const out: (number | null)[] = new Array(rows.length).fill(null);
  ranked.forEach((i, p) => (out[i] = kept[p] / trials));
  return out;
}

/** The most trials {@link rankStability} accepts for `rows` scored rows and `criteria` criteria. */
export function maxTrialsFor(rows: number, criteria: number): number {
  return Math.max(
    1,
    Math.min(MAX_TRIALS, Math.floor(WORK_BUDGET / (Math.max(1, rows) * (criteria + 10)))),
  );
}

/** First index of `x` in the ascending array `a` (x is known to be present). */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
