/**
 * CIRC_CONTROL_LIMITS behind its public wrapper: reads and checks the raw Sheets arguments, then
 * asks the SPC core (core/spc/control-limits.ts) — the same function the dashboard and the report
 * use — for each row's centre, limits and signals.
 */
import { Cell, ZoneSource, isBlank } from '../core/cells';
import { ArgName, CellArg, argError, got, isOmitted, readScalar, readVector, Output } from './args';
import { ChartType, controlLimits } from '../core/spc/control-limits';

const CHARTS: Record<string, ChartType> = { xmr: 'xmr', p: 'p' };

/**
 * Centre, lower limit, upper limit and Western Electric signals per row of a column of values.
 *
 * @param values a column of values (blank cells answer a blank row)
 * @param chart optional: xmr (default, individuals) or p (proportions; needs sizes)
 * @param sizes for a p chart: the denominator of each value, same length
 * @param timeZone the spreadsheet's time zone, for dates named in messages
 * @return n rows × 4 columns: centre, lower limit, upper limit, signals ("1", "2,4" or "")
 */
export function circControlLimits(
  values: CellArg,
  chart?: CellArg,
  sizes?: CellArg,
  timeZone: ZoneSource = 'UTC',
): Output {
  const fn = 'CIRC_CONTROL_LIMITS';
  const name = (arg: string): ArgName => ({ fn, arg, timeZone });
  const chartExpected = 'xmr or p';
  const chartCell = readScalar(name('chart'), chart as CellArg, chartExpected);
  let type: ChartType = 'xmr';
  if (chartCell !== undefined && !isBlank(chartCell)) {
    const t = typeof chartCell === 'string' ? CHARTS[chartCell.trim().toLowerCase()] : undefined;
    if (!t) throw argError(name('chart'), null, chartExpected, got(name('chart'), chartCell));
    type = t;
  }

  const v = readVector(name('values'), values, 'values');
  const nums = v.cells.map((c, i) =>
    number(
      name('values'),
      c,
      v.pos(i),
      type === 'p' ? 'a proportion from 0 to 1' : 'a number',
      (x) => (type === 'p' ? x >= 0 && x <= 1 : true),
    ),
  );

  let sizeNums: (number | null)[] | undefined;
  if (type === 'p') {
    const sizeName = name('sizes');
    const n = v.cells.length;
    if (sizes === undefined || isOmitted(sizes as CellArg))
      throw argError(sizeName, null, `one size per value (${n}) for a p chart`, 'nothing');
    const s = readVector(sizeName, sizes as CellArg, 'sizes');
    if (s.cells.length !== n)
      throw argError(sizeName, null, `one size per value (${n})`, `${s.cells.length}`);
    sizeNums = s.cells.map((c, i) => {
      // A blank value's size is ignored, whatever it holds.
      if (nums[i] === null) return null;
      if (isBlank(c))
        throw argError(sizeName, s.pos(i), 'a size above 0 for the value of this row', 'a blank');
      return number(sizeName, c, s.pos(i), 'a size above 0', (x) => x > 0);
    });
  } else if (nums.filter((x) => x !== null).length < 2) {
    throw argError(
      name('values'),
      null,
      'at least 2 values for an xmr chart',
      `${nums.filter((x) => x !== null).length}`,
    );
  }

  return controlLimits(nums, type, sizeNums).map((r) =>
    r ? [r.centre, r.lower, r.upper, r.rules.join(',')] : ['', '', '', ''],
  );
}

/** A number cell (blank → null), checked; anything else is an error naming the cell. */
function number(
  name: ArgName,
  c: Cell,
  pos: readonly [number, number] | null,
  expected: string,
  check: (x: number) => boolean,
): number | null {
  if (isBlank(c)) return null;
  if (typeof c !== 'number' || !Number.isFinite(c) || !check(c))
    throw argError(name, pos, expected, got(name, c));
  return c;
}
