/** Criterion directions: whether more is better (benefit) or less is better (cost). */

import { Cell, isBlank } from '../cells';

/** 1 = benefit (higher is better), -1 = cost (lower is better). */
export type CriterionSign = 1 | -1;

const WORDS: Record<string, CriterionSign> = {
  benefit: 1,
  max: 1,
  '+': 1,
  '1': 1,
  '+1': 1,
  cost: -1,
  min: -1,
  '-': -1,
  '-1': -1,
};

/** What a direction cell may hold, for messages. */
export const DIRECTION_EXPECTED = 'benefit or cost (also max/min, +/-, 1/-1)';

/**
 * Reads a direction: `benefit`/`cost`, `max`/`min`, `+`/`-`, `1`/`-1` (number or text), any case,
 * surrounding spaces ignored. Returns null for anything else, blanks included, so the caller
 * decides whether a blank means "benefit" or is an error.
 */
export function parseDirection(v: Cell): CriterionSign | null {
  if (typeof v === 'number') return v === 1 ? 1 : v === -1 ? -1 : null;
  if (typeof v !== 'string' || isBlank(v)) return null;
  return WORDS[v.trim().toLowerCase()] ?? null;
}
