/**
 * Rank stability: how robust each row's rank is to the weights. In each trial every weight is
 * multiplied by its own uniform random factor in [1 − spread, 1 + spread], the weighted scores are
 * recomputed (same method as the weighted sum: blanks left out, cost inverted) and ranked over all
 * rows (1 = best, ties as in RANK); a row "keeps its rank" when its rank equals the one it has with
 * the weights as given. The answer is the share of trials in which it does, in [0, 1].
 *
 * The random numbers come from mulberry32 with a fixed seed, reseeded on every call, so the same
 * inputs always give the same answer (custom functions must be deterministic). Cost per trial:
 * one pass over the n × m scores and one radix ranking of n numbers (fast-rank.ts), so
 * O(trials × n × (m + RANK_COST)) in all; the number of trials is bounded by a work budget, so a
 * call on any range stays well inside the 30-second custom-function limit.
 */

import { UserError } from '../cells';
import { seededRandom } from '../random';
import { CriterionSign } from './directions';
import { fastRanker } from './fast-rank';
import { DEFAULT_SCALE, Scale, ScoreRow, rescale, weightedSumScorer } from './weighted-sum';

export const DEFAULT_SPREAD = 0.2;
export const DEFAULT_TRIALS = 500;
/** Beyond this the answer no longer changes visibly while the 30 s custom-function limit nears. */
export const MAX_TRIALS = 2000;
/**
 * What ranking one row in one trial costs, in steps of one criterion of one row: the radix
 * ranking costs about 40 times a criterion's multiply-add (measured in Node at 100,000 rows).
 */
export const RANK_COST = 40;
/**
 * Work allowed per call, in row × (criteria + RANK_COST) × trial steps: about 1 s of trials in
 * Node. The largest call — 100,000 rows × 12 criteria, 76 trials — then takes about 1.5 s in
 * Node with its arguments read (npm run bench; under 3 s even on a busy machine), 20 times
 * inside Sheets' 30-second limit. 10,000 rows × 20 criteria still get the default 500 trials
 * (666 at most).
 */
export const WORK_BUDGET = 4e8;
/** Fixed seed: any constant would do; this one spells "CIRC" in ASCII. */
export const STABILITY_SEED = 0x43495243;

export interface StabilityOptions {
  /** Relative perturbation of each weight, 0 ≤ spread < 1 (default 0.2 = ±20 %). */
  spread?: number;
  /**
   * Number of perturbed weight sets, 1…2000, at most {@link maxTrialsFor} the range. Default:
   * {@link defaultTrials} (500, fewer on very large ranges).
   */
  trials?: number;
  directions?: readonly CriterionSign[];
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
    directions,
    scale = DEFAULT_SCALE,
    seed = STABILITY_SEED,
  } = options;
  if (!Number.isFinite(spread) || spread < 0 || spread >= 1) {
    throw new UserError(
      `spread: expected a share from 0 to below 1 (e.g. 20% or 0.2), got ${spread}.`,
    );
  }
  const asked = options.trials;
  if (asked !== undefined && (!Number.isInteger(asked) || asked < 1 || asked > MAX_TRIALS)) {
    throw new UserError(`trials: expected a whole number from 1 to ${MAX_TRIALS}, got ${asked}.`);
  }
  const scorer = weightedSumScorer(weights, directions, scale);
  const m = weights.length;
  const ranked: number[] = [];
  const base: number[] = [];
  rows.forEach((row, i) => {
    const s = scorer(row, i).score;
    if (s === null) return;
    ranked.push(i);
    base.push(s);
  });
  const k = ranked.length;
  const allowed = maxTrialsFor(k, m);
  if (asked !== undefined && asked > allowed) {
    throw new UserError(
      `trials: expected at most ${allowed} for ${k.toLocaleString('en-US')} scored rows × ${m} criteria (more risks Sheets' 30-second limit), got ${asked}.`,
    );
  }
  const trials = asked ?? defaultTrials(k, m);
  // Rescaled scores of the ranked rows, row-major, 0 for a blank; `partial` lists the rows with a
  // blank, whose denominator (the weight they were scored on) must be summed per trial, while
  // fully scored rows share the trial's total weight. Keeps the inner loop branch-free.
  const r = new Float64Array(k * m);
  const scored = new Uint8Array(k * m);
  const partial = new Uint8Array(k);
  const dirs: readonly CriterionSign[] = directions ?? new Array<CriterionSign>(m).fill(1);
  for (let p = 0; p < k; p++) {
    const row = rows[ranked[p]];
    for (let j = 0; j < m; j++) {
      const x = row[j];
      if (x === null) partial[p] = 1;
      else {
        r[p * m + j] = rescale(x, dirs[j], scale);
        scored[p * m + j] = 1;
      }
    }
  }

  const rank = fastRanker(k);
  const target = new Uint32Array(k);
  rank(Float64Array.from(base), target);
  const random = mulberry32(seed);
  const w = new Float64Array(m);
  const score = new Float64Array(k);
  const ranks = new Uint32Array(k);
  const kept = new Uint32Array(k);
  for (let t = 0; t < trials; t++) {
    let total = 0;
    for (let j = 0; j < m; j++) {
      w[j] = weights[j] * (1 - spread + 2 * spread * random());
      total += w[j];
    }
    for (let p = 0; p < k; p++) {
      const at = p * m;
      let num = 0;
      for (let j = 0; j < m; j++) num += w[j] * r[at + j];
      let den = total;
      if (partial[p]) {
        den = 0;
        for (let j = 0; j < m; j++) den += w[j] * scored[at + j];
      }
      // den > 0: the row had a positively weighted score and every factor is > 0.
      score[p] = num / den;
    }
    rank(score, ranks);
    for (let p = 0; p < k; p++) if (ranks[p] === target[p]) kept[p]++;
  }
  const out: (number | null)[] = new Array(rows.length).fill(null);
  ranked.forEach((i, p) => (out[i] = kept[p] / trials));
  return out;
}

/** The most trials {@link rankStability} accepts for `rows` scored rows and `criteria` criteria. */
export function maxTrialsFor(rows: number, criteria: number): number {
  return Math.max(
    1,
    Math.min(MAX_TRIALS, Math.floor(WORK_BUDGET / (Math.max(1, rows) * (criteria + RANK_COST)))),
  );
}

/**
 * The trials used when none are asked for: {@link DEFAULT_TRIALS}, or fewer when the range is so
 * large that the work budget allows fewer (e.g. 76 for 100,000 rows × 12 criteria), so the
 * formula as typed answers at any size. At least 1.
 */
export function defaultTrials(rows: number, criteria: number): number {
  return Math.min(DEFAULT_TRIALS, maxTrialsFor(rows, criteria));
}
