/** Small descriptive statistics, matching what Sheets computes for the same list. */

/**
 * The p-th percentile of values already sorted ascending, interpolated linearly exactly like
 * Sheets' PERCENTILE / PERCENTILE.INC: rank = p·(n−1), value = v[⌊rank⌋] + frac·(v[⌊rank⌋+1] − v[⌊rank⌋]).
 * null for an empty list.
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return null;
  const rank = p * (n - 1);
  const lo = Math.floor(rank);
  const frac = rank - lo;
  if (lo + 1 >= n || frac === 0) return sorted[lo];
  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

/** The p-th percentile (PERCENTILE.INC) of unsorted values; the input is not modified. */
export function percentile(values: ArrayLike<number>, p: number): number | null {
  return percentileSorted(Float64Array.from(values).sort(), p);
}

/** The median (= PERCENTILE.INC at 0.5, = Sheets' MEDIAN); null for an empty list. */
export function median(values: ArrayLike<number>): number | null {
  return percentile(values, 0.5);
}

/** The arithmetic mean; null for an empty list. */
export function mean(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  return s / n;
}
