/**
 * Knock-out (must-have) criteria, kept apart from the weighted score: a criterion with a
 * knock-out minimum fails a row whose score is below it. A blank score on such a criterion fails
 * too, reported as missing: an unverified must-have is not a met one.
 */

import { UserError } from '../cells';

export interface KnockoutFailure {
  /** 0-based criterion index. */
  index: number;
  score: number | null;
  minimum: number;
  /** True when the score is blank. */
  missing: boolean;
}

export interface KnockoutResult {
  passes: boolean;
  failures: KnockoutFailure[];
}

/**
 * Checks one row. `minima[j]` is the knock-out minimum of criterion j, null when it is not a
 * knock-out criterion. A score equal to the minimum passes.
 */
export function checkKnockouts(
  scores: readonly (number | null)[],
  minima: readonly (number | null)[],
): KnockoutResult {
  if (scores.length !== minima.length) {
    throw new UserError(
      `knock-out minima: expected ${scores.length} (one per criterion), got ${minima.length}.`,
    );
  }
  const failures: KnockoutFailure[] = [];
  minima.forEach((minimum, j) => {
    if (minimum === null) return;
    const score = scores[j];
    if (score === null) failures.push({ index: j, score, minimum, missing: true });
    else if (score < minimum) failures.push({ index: j, score, minimum, missing: false });
  });
  return { passes: failures.length === 0, failures };
}

/**
 * The failures in words, e.g. `Data security 2 < 3; Capacity missing`; "" when the row passes.
 * A blank name falls back to "criterion N".
 */
export function describeKnockouts(result: KnockoutResult, names: readonly string[]): string {
  return result.failures
    .map((f) => {
      const name = (names[f.index] ?? '').trim() || `criterion ${f.index + 1}`;
      return f.missing ? `${name} missing` : `${name} ${f.score} < ${f.minimum}`;
    })
    .join('; ');
}
