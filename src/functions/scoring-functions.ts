/**
 * The scoring custom functions behind the public wrappers (CIRC_SCORE, CIRC_NORMALIZE, …). Each
 * takes raw Sheets arguments (a single cell or a 2-D range; an optional argument left empty
 * arrives as undefined or "" and counts as omitted), checks them cell by cell, delegates the
 * arithmetic to `core/scoring`, and returns what the cells show: a column `[[v], [v], …]` (a
 * matrix for CIRC_NORMALIZE, a number for CIRC_AHP_CR). A blank input row answers a blank row, so
 * one formula can cover a whole column. Bad input throws a UserError naming the function, the
 * argument, the cell and what was expected; no wrong number is ever returned instead.
 *
 * Each takes, after its Sheets arguments, the spreadsheet's time zone (or how to get it): a date
 * (in a message, or as a criterion name) is the day the spreadsheet shows. The public wrapper
 * passes the spreadsheet's, asked for only when a date is printed; UTC when called directly.
 */

import { Cell, ZoneSource, formatDay, isBlank, isErrorValue, zoneOf } from '../core/cells';
import { ahpFromJudgements, parseJudgement } from '../core/scoring/ahp';
import {
  ArgName,
  CellArg,
  Pos,
  argError,
  got,
  inContext,
  isBlankRow,
  isOmitted,
  plural,
  readDirections,
  readGrid,
  readNumberCell,
  readOptionalNumber,
  readScalar,
  readVector,
  readWeights,
  Output,
} from './args';
import { contributionDescriber } from '../core/scoring/contributions';
import { normalizeMatrix, parseMethod } from '../core/scoring/normalize';
import { parseOrder, rankValues } from '../core/scoring/rank';
import {
  DEFAULT_SPREAD,
  DEFAULT_TRIALS,
  MAX_TRIALS,
  rankStability,
} from '../core/scoring/stability';
import { topsis } from '../core/scoring/topsis';
import { DEFAULT_SCALE, Scale, weightedSumScorer } from '../core/scoring/weighted-sum';

/** What a custom function spills: one value per cell, "" for a blank. */

const column = (values: readonly (number | string | null)[]): Output =>
  values.map((v) => [v === null ? '' : v]);

/**
 * Per row, the weighted mean of the scores rescaled to 0–1 on a fixed scale.
 *
 * @param scores one row per partner, one column per criterion, on the scale (blanks allowed)
 * @param weights one weight per criterion, as a row or a column; need not sum to 1; ≥ 0, not all 0
 * @param directions optional: benefit/cost (max/min, +/-, 1/-1) per criterion, or one for all;
 *   a blank cell means benefit
 * @param scale_min optional: bottom of the scale (default 1)
 * @param scale_max optional: top of the scale (default 5)
 * @return a column: each row's score in 0–1 (cost criteria inverted, blanks excluded and the
 *   other weights renormalised); blank for a blank row or a row with nothing weighted scored
 */
export function circScore(
  scores: CellArg,
  weights: CellArg,
  directions?: CellArg,
  scale_min?: CellArg,
  scale_max?: CellArg,
  timeZone: ZoneSource = 'UTC',
): Output {
  const fn = 'CIRC_SCORE';
  const { grid, isRange, m, w, dirs } = readScoring(fn, scores, weights, directions, timeZone);
  const scale = readScale(fn, scale_min, scale_max, timeZone);
  const score = inContext({ fn, arg: 'scores', timeZone }, () => weightedSumScorer(w, dirs, scale));
  const read = scoreReader({ fn, arg: 'scores', timeZone }, scale, isRange, m);
  return grid.map((row, i) => {
    if (isBlankRow(row)) return [''];
    const s = score(read(row, i), i).score;
    return [s === null ? '' : s];
  });
}

/**
 * The matrix normalised per column.
 *
 * @param matrix one row per alternative, one column per criterion (blanks stay blank)
 * @param directions optional: benefit/cost per column, or one for all (default benefit)
 * @param method optional: minmax (default), max, vector or sum
 * @return the normalised matrix, same shape, values in 0–1
 */
export function circNormalize(
  matrix: CellArg,
  directions?: CellArg,
  method?: CellArg,
  timeZone: ZoneSource = 'UTC',
): Output {
  const fn = 'CIRC_NORMALIZE';
  const { grid, isRange } = readGrid(matrix);
  const m = width(grid);
  const dirs = readDirections(
    { fn, arg: 'directions', timeZone },
    directions,
    m,
    'column of matrix',
  );
  const expected = 'minmax, max, vector or sum';
  const methodName = { fn, arg: 'method', timeZone };
  const methodCell = readScalar(methodName, method, expected);
  const how = methodCell === undefined ? 'minmax' : parseMethod(methodCell);
  if (how === null) throw argError(methodName, null, expected, got(methodName, methodCell as Cell));
  const name = { fn, arg: 'matrix', timeZone };
  const numbers = grid.map((row, i) => numberRow(name, row, i, isRange, m, BLANK_ALLOWED));
  const out: (number | null | '')[][] = inContext(name, () => normalizeMatrix(numbers, dirs, how));
  // The result is ours: blanks are put in place rather than in a second 100,000-row copy.
  for (const row of out) for (let j = 0; j < row.length; j++) if (row[j] === null) row[j] = '';
  return out as Output;
}

/**
 * Per row, TOPSIS closeness to the ideal solution.
 *
 * @param matrix one row per alternative, one column per criterion, every cell of a non-blank row
 *   a number (any unit)
 * @param weights one weight per criterion, as a row or a column; ≥ 0, not all 0
 * @param directions optional: benefit/cost per criterion, or one for all (default benefit)
 * @return a column: closeness in 0–1 (vector normalisation, Euclidean distances); blank for a
 *   blank row
 */
export function circTopsis(
  matrix: CellArg,
  weights: CellArg,
  directions?: CellArg,
  timeZone: ZoneSource = 'UTC',
): Output {
  const fn = 'CIRC_TOPSIS';
  const { grid, isRange } = readGrid(matrix);
  const m = width(grid);
  const w = readWeights({ fn, arg: 'weights', timeZone }, weights, m, 'column of matrix');
  const dirs = readDirections(
    { fn, arg: 'directions', timeZone },
    directions,
    m,
    'column of matrix',
  );
  const name = { fn, arg: 'matrix', timeZone };
  const rows: (readonly number[])[] = [];
  const rowMap: number[] = [];
  grid.forEach((row, i) => {
    if (isBlankRow(row)) return;
    rowMap.push(i);
    rows.push(numberRow(name, row, i, isRange, m, EVERY_CELL) as readonly number[]);
  });
  const out: (number | null)[] = new Array(grid.length).fill(null);
  if (rows.length)
    inContext(name, () => topsis(rows, w, dirs), rowMap).forEach((c, k) => (out[rowMap[k]] = c));
  return column(out);
}

/**
 * The AHP priority vector of a pairwise comparison matrix.
 *
 * @param pairwise a square matrix: cell (i, j) = how many times criterion i matters more than j
 *   (numbers or fractions such as "1/3"); the lower triangle may be left blank
 * @return a column of weights (principal eigenvector), summing to 1
 */
export function circAhpWeights(pairwise: CellArg, timeZone: ZoneSource = 'UTC'): Output {
  return column(readAhp('CIRC_AHP_WEIGHTS', pairwise, timeZone).weights);
}

/**
 * Saaty's consistency ratio of a pairwise comparison matrix (acceptable up to about 0.10).
 *
 * @param pairwise a square matrix of pairwise comparisons, as for CIRC_AHP_WEIGHTS (at most 15)
 * @return CR = CI/RI with CI = (λmax − n)/(n − 1); 0 for n ≤ 2
 */
export function circAhpCr(pairwise: CellArg, timeZone: ZoneSource = 'UTC'): number {
  return readAhp('CIRC_AHP_CR', pairwise, timeZone).cr;
}

/**
 * Per row, the rank of the value within its group, like RANK.
 *
 * @param values a column of numbers (blanks get a blank rank)
 * @param groups optional: a range with one row per value (one or more columns, e.g. country and
 *   category); rows with the same group values (trimmed, any case) are ranked together
 * @param order optional: desc (default, highest = 1) or asc (lowest = 1); 0/1 as in RANK
 * @return a column of ranks: 1 = best, ties share the best rank and the next rank is skipped
 */
export function circRank(
  values: CellArg,
  groups?: CellArg,
  order?: CellArg,
  timeZone: ZoneSource = 'UTC',
): Output {
  const fn = 'CIRC_RANK';
  const { grid, isRange } = readGrid(values);
  const name = { fn, arg: 'values', timeZone };
  if (width(grid) > 1)
    throw argError(name, null, 'a single column of values', `${width(grid)} columns`);
  const nums = grid.map((row, i) =>
    readNumberCell(name, row[0], at(isRange, i, 0), 'a number (or a blank)', { allowBlank: true }),
  );
  let keys: string[] | null = null;
  if (!isOmitted(groups)) {
    const g = readGrid(groups as CellArg).grid;
    if (g.length !== grid.length) {
      throw argError(
        { fn, arg: 'groups', timeZone },
        null,
        `${grid.length} rows (one per value)`,
        `${g.length}`,
      );
    }
    keys = g.map((row, i) =>
      row
        .map((c, j) =>
          groupKey({ fn, arg: 'groups', timeZone }, c, at(Array.isArray(groups), i, j)),
        )
        .join('\u0000'),
    );
  }
  const expected = 'desc or asc (or 0/1 as in RANK)';
  const orderName = { fn, arg: 'order', timeZone };
  const orderCell = readScalar(orderName, order, expected);
  const how = orderCell === undefined ? 'desc' : parseOrder(orderCell);
  if (how === null) throw argError(orderName, null, expected, got(orderName, orderCell as Cell));
  return column(rankValues(nums, keys, how));
}

/**
 * Per row, the criteria that raise the score most, in words, e.g. "Data security (5/5), Capacity (4/5)".
 *
 * @param scores one row per partner, one column per criterion, on the 1–5 scale (blanks ignored)
 * @param weights one weight per criterion, as a row or a column; ≥ 0, not all 0
 * @param criteria the criteria names, as a row or a column
 * @param count optional: how many to name (default 2)
 * @return a column of texts; blank for a blank row or when no criterion stands out
 */
export function circStrengths(
  scores: CellArg,
  weights: CellArg,
  criteria: CellArg,
  count?: CellArg,
  directions?: CellArg,
  timeZone: ZoneSource = 'UTC',
): Output {
  return describeContributions(
    'CIRC_STRENGTHS',
    'strengths',
    scores,
    weights,
    criteria,
    count,
    directions,
    timeZone,
  );
}

/**
 * Per row, the criteria that lower the score most, in words, e.g. "Price (1/5), Coverage (2/5)".
 *
 * @param scores one row per partner, one column per criterion, on the 1–5 scale (blanks ignored)
 * @param weights one weight per criterion, as a row or a column; ≥ 0, not all 0
 * @param criteria the criteria names, as a row or a column
 * @param count optional: how many to name (default 2)
 * @return a column of texts; blank for a blank row or when no criterion stands out
 */
export function circWeaknesses(
  scores: CellArg,
  weights: CellArg,
  criteria: CellArg,
  count?: CellArg,
  directions?: CellArg,
  timeZone: ZoneSource = 'UTC',
): Output {
  return describeContributions(
    'CIRC_WEAKNESSES',
    'weaknesses',
    scores,
    weights,
    criteria,
    count,
    directions,
    timeZone,
  );
}

/**
 * Per row, the share of weight perturbations under which the row keeps its rank.
 *
 * @param scores one row per partner, one column per criterion, on the 1–5 scale (blanks allowed)
 * @param weights one weight per criterion, as a row or a column; ≥ 0, not all 0
 * @param directions optional: benefit/cost per criterion, or one for all (default benefit)
 * @param spread optional: each weight is multiplied by a random factor in [1 − spread, 1 + spread]
 *   (default 20 %; from 0 to below 1)
 * @param trials optional: number of perturbations (default 500; at most 2000, and fewer for very
 *   large ranges so the answer comes within Sheets' 30-second limit: 1000 for 10,000 rows × 20)
 * @return a column of shares in 0–1 (1 = the rank never changes); seeded, so deterministic;
 *   blank for a blank row
 */
export function circRankStability(
  scores: CellArg,
  weights: CellArg,
  directions?: CellArg,
  spread?: CellArg,
  trials?: CellArg,
  timeZone: ZoneSource = 'UTC',
): Output {
  const fn = 'CIRC_RANK_STABILITY';
  const { grid, isRange, m, w, dirs } = readScoring(fn, scores, weights, directions, timeZone);
  const s = readOptionalNumber(
    { fn, arg: 'spread', timeZone },
    spread,
    DEFAULT_SPREAD,
    'a share from 0 to below 1 (e.g. 20% or 0.2)',
    (x) => x >= 0 && x < 1,
  );
  // Omitted: the core's rule (500 trials, fewer on very large ranges), so the formula as typed
  // answers at any size; a number typed is a promise, refused when the range is too large for it.
  const t = isOmitted(trials)
    ? undefined
    : readOptionalNumber(
        { fn, arg: 'trials', timeZone },
        trials,
        DEFAULT_TRIALS,
        `a whole number from 1 to ${MAX_TRIALS} (more trials would not change the answer visibly and risk the 30-second limit)`,
        (x) => Number.isInteger(x) && x >= 1 && x <= MAX_TRIALS,
      );
  const read = scoreReader({ fn, arg: 'scores', timeZone }, DEFAULT_SCALE, isRange, m);
  const rows = grid.map((row, i) =>
    isBlankRow(row) ? new Array<null>(m).fill(null) : read(row, i),
  );
  return column(
    inContext({ fn, arg: 'scores', timeZone }, () =>
      rankStability(rows, w, { spread: s, trials: t, directions: dirs }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------

/** The scores range with one weight (and optionally one direction) per column, checked. */
function readScoring(
  fn: string,
  scores: CellArg,
  weights: CellArg,
  directions: CellArg | undefined,
  timeZone: ZoneSource,
) {
  const { grid, isRange } = readGrid(scores);
  const m = width(grid);
  const w = readWeights({ fn, arg: 'weights', timeZone }, weights, m, 'column of scores');
  const dirs = readDirections(
    { fn, arg: 'directions', timeZone },
    directions,
    m,
    'column of scores',
  );
  return { grid, isRange, m, w, dirs };
}

function describeContributions(
  fn: string,
  kind: 'strengths' | 'weaknesses',
  scores: CellArg,
  weights: CellArg,
  criteria: CellArg,
  count: CellArg,
  directions: CellArg,
  timeZone: ZoneSource,
): Output {
  // directions extends the contract: a cost criterion scored 1 is a strength, not a weakness.
  const { grid, isRange, m, w, dirs } = readScoring(fn, scores, weights, directions, timeZone);
  const names = readNames({ fn, arg: 'criteria', timeZone }, criteria, m);
  const n = readOptionalNumber(
    { fn, arg: 'count', timeZone },
    count,
    2,
    'a whole number of 1 or more',
    (x) => Number.isInteger(x) && x >= 1,
  );
  const describeRow = inContext({ fn, arg: 'scores', timeZone }, () =>
    contributionDescriber(w, names, { count: n, directions: dirs }),
  );
  const read = scoreReader({ fn, arg: 'scores', timeZone }, DEFAULT_SCALE, isRange, m);
  return grid.map((row, i) => [isBlankRow(row) ? '' : describeRow(read(row, i), i)[kind]]);
}

/** Reads one row of scores on `scale`, blanks as null, anything else refused with its position. */
function scoreReader(name: ArgName, scale: Scale, isRange: boolean, m: number) {
  const expected = `a number between ${scale.min} and ${scale.max}`;
  const options = { allowBlank: true, check: (x: number) => x >= scale.min && x <= scale.max };
  const { min, max } = scale;
  return (row: readonly Cell[], i: number): readonly (number | null)[] => {
    // Most rows are plain numbers on the scale: already what the core takes, so they are used as
    // they are, neither copied nor put through the general reader (100,000-row ranges: a million
    // cells, and the garbage collection of 100,000 copies).
    let plain = row.length === m;
    for (let j = 0; plain && j < m; j++) {
      const c = row[j];
      plain = typeof c === 'number' && c >= min && c <= max;
    }
    if (plain) return row as readonly number[];
    const out = new Array<number | null>(m);
    for (let j = 0; j < m; j++)
      out[j] = readNumberCell(name, row[j] ?? '', at(isRange, i, j), expected, options);
    return out;
  };
}

function readScale(fn: string, scaleMin: CellArg, scaleMax: CellArg, timeZone: ZoneSource): Scale {
  const min = readOptionalNumber(
    { fn, arg: 'scale_min', timeZone },
    scaleMin,
    DEFAULT_SCALE.min,
    'a number',
  );
  const max = readOptionalNumber(
    { fn, arg: 'scale_max', timeZone },
    scaleMax,
    DEFAULT_SCALE.max,
    'a number',
  );
  if (min >= max)
    throw argError(
      { fn, arg: 'scale_min and scale_max', timeZone },
      null,
      'scale_min below scale_max',
      `${min} and ${max}`,
    );
  return { min, max };
}

function readNames(name: ArgName, v: CellArg, m: number): string[] {
  const expected = `${plural(m, 'criterion name')} (one per column of scores)`;
  if (isOmitted(v)) throw argError(name, null, expected, 'nothing');
  const { cells, pos } = readVector(name, v, 'criterion names');
  if (cells.length !== m) throw argError(name, null, expected, `${cells.length}`);
  let zone: string | undefined; // asked for once, and only when a name is a date
  return cells.map((c, j) => {
    if (isErrorValue(c)) throw argError(name, pos(j), 'a criterion name', got(name, c));
    if (c instanceof Date) return formatDay(c, (zone ??= zoneOf(name.timeZone)));
    return isBlank(c) ? '' : String(c).trim();
  });
}

function readAhp(fn: string, pairwise: CellArg, timeZone: ZoneSource) {
  const name = { fn, arg: 'pairwise', timeZone };
  if (isOmitted(pairwise))
    throw argError(name, null, 'a square matrix of pairwise comparisons', 'nothing');
  const { grid, isRange } = readGrid(pairwise);
  const cells = grid.map((row, i) =>
    row.map((c, j) => {
      const x = parseJudgement(c);
      if (x === undefined)
        throw argError(
          name,
          at(isRange, i, j),
          'a positive number or a fraction such as 1/3',
          c instanceof Date
            ? `${got(name, c)} (Sheets read a fraction as a date: format the block as plain text, or type =1/3)`
            : got(name, c),
        );
      return x;
    }),
  );
  return inContext(name, () => ahpFromJudgements(cells));
}

function groupKey(name: ArgName, c: Cell, pos: Pos): string {
  if (isErrorValue(c))
    throw argError(name, pos, 'a group value (text, number or blank)', got(name, c));
  if (isBlank(c)) return '';
  if (c instanceof Date) return c.toISOString();
  return String(c).trim().toLowerCase();
}

function width(grid: readonly (readonly Cell[])[]): number {
  let w = 0;
  for (const r of grid) if (r.length > w) w = r.length;
  return w;
}

/** How numberRow reads a matrix: with blanks (as null), or a number in every cell. */
interface RowReading {
  expected: string;
  allowBlank: boolean;
}
const BLANK_ALLOWED: RowReading = { expected: 'a number (or a blank)', allowBlank: true };
const EVERY_CELL: RowReading = {
  expected: 'a number (TOPSIS needs a value for every criterion of a non-blank row)',
  allowBlank: false,
};

/**
 * One row of a matrix argument as m numbers (null for a blank where allowed). A row that already
 * holds m finite numbers is used as it is, neither copied nor read cell by cell (a 100,000-row
 * range is 1.5 million cells: copies and per-cell positions were most of CIRC_NORMALIZE's heap);
 * any other is read cell by cell, short rows padded with blanks, a refusal naming its cell.
 */
function numberRow(
  name: ArgName,
  row: readonly Cell[],
  i: number,
  isRange: boolean,
  m: number,
  reading: RowReading,
): readonly (number | null)[] {
  let plain = row.length === m;
  for (let j = 0; plain && j < m; j++) {
    const c = row[j];
    plain = typeof c === 'number' && Number.isFinite(c);
  }
  if (plain) return row as readonly number[];
  const out = new Array<number | null>(m);
  for (let j = 0; j < m; j++)
    out[j] = readNumberCell(
      name,
      j < row.length ? row[j] : '',
      at(isRange, i, j),
      reading.expected,
      {
        allowBlank: reading.allowBlank,
      },
    );
  return out;
}

function at(isRange: boolean, i: number, j: number): Pos {
  return isRange ? [i, j] : null;
}
