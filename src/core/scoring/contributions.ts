/**
 * Strengths and weaknesses in words. Each scored criterion j "pulls" the row's score up or down
 * by ŵj × (rj − s): its weight share among the scored criteria (ŵj) times how far its rescaled
 * score rj (0–1, cost inverted) sits above or below the row's overall score s. The pulls add up
 * to zero, so a row scored the same everywhere has neither strengths nor weaknesses.
 * Strengths = the largest positive pulls, weaknesses = the largest negative pulls: a heavily
 * weighted 4/5 can be a bigger strength than a lightly weighted 5/5, which is what "contributes
 * most" means. Blank scores and zero weights pull nothing and are never listed.
 * Shown as `Data security (5/5), Capacity (4/5)`: the score as entered, over the scale maximum.
 */

import { UserError } from '../cells';
import { CriterionSign } from './directions';
import { DEFAULT_SCALE, Scale, ScoreRow, rescale, weightedSumScorer } from './weighted-sum';

export interface CriterionPull {
  /** 0-based criterion index. */
  index: number;
  score: number;
  pull: number;
}

export interface ContributionOptions {
  /** How many criteria to name (default 2). */
  count?: number;
  directions?: readonly CriterionSign[];
  scale?: Scale;
}

// Pulls smaller than this are rounding noise, not a strength.
const NOISE = 1e-12;

/**
 * Prepares strengths/weaknesses for many rows at once. The returned function describes one row;
 * `rowIndex` (0-based) only serves error messages.
 */
export function contributionDescriber(
  weights: readonly number[],
  names: readonly string[],
  options: ContributionOptions = {},
): (
  row: ScoreRow,
  rowIndex?: number,
) => { strengths: string; weaknesses: string; pulls: CriterionPull[] } {
  const { count = 2, directions, scale = DEFAULT_SCALE } = options;
  if (!Number.isInteger(count) || count < 1)
    throw new UserError(`count: expected a whole number of 1 or more, got ${count}.`);
  if (names.length !== weights.length) {
    throw new UserError(
      `criteria: expected ${weights.length} names (one per weight), got ${names.length}.`,
    );
  }
  const score = weightedSumScorer(weights, directions, scale);
  const label = names.map((n, j) => n.trim() || `criterion ${j + 1}`);
  const say = (list: CriterionPull[]): string =>
    list
      .slice(0, count)
      .map((p) => `${label[p.index]} (${formatScore(p.score)}/${formatScore(scale.max)})`)
      .join(', ');

  return (row, rowIndex = 0) => {
    const s = score(row, rowIndex).score;
    if (s === null) return { strengths: '', weaknesses: '', pulls: [] };
    let scoredWeight = 0;
    row.forEach((x, j) => {
      if (x !== null) scoredWeight += weights[j];
    });
    const pulls: CriterionPull[] = [];
    row.forEach((x, j) => {
      if (x === null || weights[j] === 0) return;
      const r = rescale(x, directions ? directions[j] : 1, scale);
      pulls.push({ index: j, score: x, pull: (weights[j] / scoredWeight) * (r - s) });
    });
    const up = pulls
      .filter((p) => p.pull > NOISE)
      .sort((a, b) => b.pull - a.pull || a.index - b.index);
    const down = pulls
      .filter((p) => p.pull < -NOISE)
      .sort((a, b) => a.pull - b.pull || a.index - b.index);
    return { strengths: say(up), weaknesses: say(down), pulls };
  };
}

/** The `count` criteria pulling the row's score up most, in words ("" when none does). */
export function strengthsOf(
  row: ScoreRow,
  weights: readonly number[],
  names: readonly string[],
  options: ContributionOptions = {},
): string {
  return contributionDescriber(weights, names, options)(row).strengths;
}

/** The `count` criteria pulling the row's score down most, in words ("" when none does). */
export function weaknessesOf(
  row: ScoreRow,
  weights: readonly number[],
  names: readonly string[],
  options: ContributionOptions = {},
): string {
  return contributionDescriber(weights, names, options)(row).weaknesses;
}

/** 5 → "5", 3.5 → "3.5", 3.333… → "3.33". */
export function formatScore(x: number): string {
  return String(Number(x.toFixed(2)));
}
