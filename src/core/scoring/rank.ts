/**
 * Ranking like Sheets' RANK: 1 = best (highest value, unless the order is ascending), ties share
 * the best rank and the next rank is skipped ([10, 20, 20, 5] → 3, 1, 1, 4), within each group.
 * Blank values (null) get a blank rank and do not count.
 *
 * One deliberate difference: values within 1e-12 (relative) of the first value of a run count as
 * tied, so two partners with the same scores in a different order are not split by a rounding
 * difference in the 16th digit.
 */

import { Cell } from '../cells';

export type RankOrder = 'desc' | 'asc';

/**
 * `desc`/`descending`, `asc`/`ascending` (any case), or RANK's is_ascending: 0/FALSE → desc,
 * 1/TRUE → asc. Null for anything else.
 */
export function parseOrder(v: Cell): RankOrder | null {
  if (v === true || v === 1) return 'asc';
  if (v === false || v === 0) return 'desc';
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  if (s === 'desc' || s === 'descending' || s === '0' || s === 'false') return 'desc';
  if (s === 'asc' || s === 'ascending' || s === '1' || s === 'true') return 'asc';
  return null;
}

/** True when a and b differ only by floating-point noise. */
export function tied(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Ranks of `values` within each group (rows with equal `groups[i]` compete; no groups = one
 * group). O(n log n).
 */
export function rankValues(
  values: readonly (number | null)[],
  groups?: readonly string[] | null,
  order: RankOrder = 'desc',
): (number | null)[] {
  return rankBy(values, groups, order, null);
}

/**
 * Ranks where knock-outs come first: within each group every row that passes (`passes[i]`) is
 * ranked, by value, ahead of every row that fails, and the failing rows are ranked by value
 * after them. E.g. passing values [0.5, 0.7] and a failing 0.9 → 2, 1, 3. A failing row thus
 * keeps a rank (it can still be compared with other failing rows) but never outranks a row
 * that passes.
 */
export function rankWithKnockouts(
  values: readonly (number | null)[],
  passes: readonly boolean[],
  groups?: readonly string[] | null,
  order: RankOrder = 'desc',
): (number | null)[] {
  return rankBy(values, groups, order, passes);
}

function rankBy(
  values: readonly (number | null)[],
  groups: readonly string[] | null | undefined,
  order: RankOrder,
  passes: readonly boolean[] | null,
): (number | null)[] {
  const out: (number | null)[] = new Array(values.length).fill(null);
  const buckets = new Map<string, number[]>();
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    const key = groups ? groups[i] : '';
    const bucket = buckets.get(key);
    if (bucket) bucket.push(i);
    else buckets.set(key, [i]);
  });
  const sign = order === 'desc' ? -1 : 1;
  const tier = (i: number): number => (passes && !passes[i] ? 1 : 0);
  for (const idx of buckets.values()) {
    idx.sort(
      (a, b) =>
        tier(a) - tier(b) || sign * ((values[a] as number) - (values[b] as number)) || a - b,
    );
    let start = 0;
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k];
      const first = idx[start];
      if (k > 0 && !(tier(i) === tier(first) && tied(values[i] as number, values[first] as number)))
        start = k;
      out[i] = start + 1;
    }
  }
  return out;
}
