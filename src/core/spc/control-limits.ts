/**
 * Control limits and Western Electric signals (the contract of CIRC_CONTROL_LIMITS in product.md):
 * a p chart for proportions, each point with its own denominator, or an individuals (XmR) chart.
 * Pure: clean numbers in (null = blank), one row per point out. The dashboard, the report and the
 * custom function all call this one function, so a signal on the dashboard is the signal a
 * formula gives for the same values.
 */

export type ChartType = 'xmr' | 'p';

/** One point's limits and the rules it completes; null for a blank point. */
export interface ControlRow {
  centre: number;
  lower: number;
  upper: number;
  /** The point's σ (for a p chart, √(p̄(1−p̄)/nᵢ)). */
  sigma: number;
  /** Western Electric rules the point completes, ascending (1–4). */
  rules: number[];
  /** +1 above the centre, −1 below, 0 on it (within the tolerance). */
  side: -1 | 0 | 1;
}

/** d2 for moving ranges of two points, as the contract (and qcc 2.x's table) gives it. */
export const D2 = 1.128;
/** "Beyond" and "on the centre" are compared with this relative tolerance. */
export const RELATIVE_TOLERANCE = 1e-9;

/** a and b equal up to the relative tolerance (rounding noise of sums and means). */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** x strictly beyond `limit` on `side` (+1 above, −1 below), rounding noise not counted. */
function beyond(x: number, limit: number, side: 1 | -1): boolean {
  return (side === 1 ? x > limit : x < limit) && !close(x, limit);
}

/**
 * Limits and signals per point. `values` null = blank (skipped by the centre, σ and the rules).
 * For a p chart, `sizes[i]` is point i's denominator (> 0 wherever the value is not blank) and
 * values are proportions 0–1. Throws a plain Error on input the caller should have refused
 * (fewer than 2 values for xmr, a missing size): the custom function checks first, with the cell.
 */
export function controlLimits(
  values: readonly (number | null)[],
  chart: ChartType,
  sizes?: readonly (number | null)[],
): (ControlRow | null)[] {
  const idx: number[] = [];
  values.forEach((v, i) => v !== null && idx.push(i));
  if (!idx.length) return values.map(() => null);
  let centre: number;
  let sigmaOf: (i: number) => number;
  if (chart === 'p') {
    if (!sizes || sizes.length !== values.length)
      throw new Error('controlLimits: a p chart needs one size per value');
    let num = 0;
    let den = 0;
    for (const i of idx) {
      const n = sizes[i];
      if (n === null || !(n > 0)) throw new Error(`controlLimits: size ${i} must be above 0`);
      num += (values[i] as number) * n;
      den += n;
    }
    centre = num / den;
    const pq = Math.max(0, centre * (1 - centre));
    sigmaOf = (i) => Math.sqrt(pq / (sizes[i] as number));
  } else {
    if (idx.length < 2) throw new Error('controlLimits: an xmr chart needs 2 values or more');
    let sum = 0;
    let mr = 0;
    idx.forEach((i, k) => {
      sum += values[i] as number;
      if (k) mr += Math.abs((values[i] as number) - (values[idx[k - 1]] as number));
    });
    centre = sum / idx.length;
    const sigma = mr / (idx.length - 1) / D2;
    sigmaOf = () => sigma;
  }

  const out: (ControlRow | null)[] = values.map(() => null);
  // Per non-blank point, in order: its side and its zone flags, for the windows of rules 2–4.
  const sides: (-1 | 0 | 1)[] = [];
  const beyond2: boolean[] = [];
  const beyond1: boolean[] = [];
  idx.forEach((i, k) => {
    const x = values[i] as number;
    const s = sigmaOf(i);
    let lower = centre - 3 * s;
    let upper = centre + 3 * s;
    if (chart === 'p') {
      lower = Math.max(0, lower);
      upper = Math.min(1, upper);
    }
    const side: -1 | 0 | 1 = close(x, centre) ? 0 : x > centre ? 1 : -1;
    const zone = (k2: number) => side !== 0 && beyond(x, centre + side * k2 * s, side);
    sides.push(side);
    beyond2.push(zone(2));
    beyond1.push(zone(1));
    const rules: number[] = [];
    if (beyond(x, upper, 1) || beyond(x, lower, -1)) rules.push(1);
    // Rules 2 and 3 once their window is full (as qcc does): the point is in the zone, and
    // enough of the window's points are in that zone on the same side.
    const count = (flags: boolean[], width: number) => {
      let n = 0;
      for (let j = k - width + 1; j <= k; j++) if (flags[j] && sides[j] === side) n++;
      return n;
    };
    if (k >= 2 && beyond2[k] && count(beyond2, 3) >= 2) rules.push(2);
    if (k >= 4 && beyond1[k] && count(beyond1, 5) >= 4) rules.push(3);
    if (k >= 7 && side !== 0 && sides.slice(k - 7, k + 1).every((x2) => x2 === side)) rules.push(4);
    out[i] = { centre, lower, upper, sigma: s, rules, side };
  });
  return out;
}
