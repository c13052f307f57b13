/**
 * Reading raw custom-function arguments (a single cell or a 2-D range, optional arguments as
 * undefined or "") into checked values, with messages that name the function, the argument, the
 * cell within the range and what was expected:
 * `CIRC_SCORE: scores, row 3, column 2 (B3 of the range): expected a number between 1 and 5, got the text "abc".`
 *
 * It lives with the custom functions, not in core: it is about the shapes Sheets passes to a
 * custom function (a cell or a grid, "" for an omitted argument), and the scoring, KPI and
 * control functions all use it; the core takes checked values only.
 */

import {
  Cell,
  Grid,
  UserError,
  ZoneSource,
  cellPosition,
  describe,
  isBlank,
  isErrorValue,
  toNumber,
} from '../core/cells';
import { DIRECTION_EXPECTED, CriterionSign, parseDirection } from '../core/scoring/directions';
import { CellError } from '../core/scoring/errors';

/** A custom-function argument: a single cell or a 2-D, row-major range. */
/** What a custom function answers: a grid Sheets spills from the formula's cell. */
export type Output = (number | string)[][];

export type CellArg = Cell | Cell[][];

/** An optional argument left empty (`=F(A1, , 2)`) arrives as undefined or "": both mean omitted. */
export function isOmitted(v: CellArg): boolean {
  if (v === undefined || v === null || v === '') return true;
  return Array.isArray(v) && v.every((row) => row.every((c) => isBlank(c)));
}

/**
 * Which function and argument a value belongs to, and the spreadsheet's time zone its dates are
 * named in (asked for only when a message has a date to name).
 */
export interface ArgName {
  fn: string;
  arg: string;
  timeZone: ZoneSource;
}

/** 0-based position of a cell within its range, or null for a single-cell argument. */
export type Pos = readonly [number, number] | null;

/** The error for one argument (and cell): `FN: arg, row r, column c (…): expected X, got Y.` */
export function argError(name: ArgName, pos: Pos, expected: string, got: string): UserError {
  const where = pos ? `, ${cellPosition(pos[0] + 1, pos[1] + 1)}` : '';
  return new UserError(`${name.fn}: ${name.arg}${where}: expected ${expected}, got ${got}.`);
}

/**
 * Runs core code and puts errors in context: a CellError gets the function, the argument and
 * the cell's position in the original range (`rowMap[i]` = original row of the core's row i, when
 * the core saw only some rows); any other UserError gets the function name in front.
 */
export function inContext<T>(name: ArgName, run: () => T, rowMap?: readonly number[]): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof CellError) {
      const row = rowMap ? rowMap[e.row] : e.row;
      throw argError(name, [row, e.column], e.expected, e.gotText);
    }
    if (e instanceof UserError && !e.message.startsWith(`${name.fn}:`))
      throw new UserError(`${name.fn}: ${e.message}`);
    throw e;
  }
}

/** A cell's description for messages, error values included; a date is named by its day in the argument's zone. */
export function got(name: ArgName, v: Cell): string {
  return describe(v, name.timeZone);
}

/** A range argument as a grid plus whether it was a range at all (single cells have no position). */
export function readGrid(v: CellArg): { grid: Grid; isRange: boolean } {
  if (!Array.isArray(v)) return { grid: [[v]], isRange: false };
  return { grid: v.map((row) => (Array.isArray(row) ? row : [row])), isRange: true };
}

/** True when every cell of the row is blank: such rows answer blank. */
export function isBlankRow(row: readonly Cell[]): boolean {
  for (const c of row) if (!isBlank(c)) return false;
  return true;
}

/**
 * A number from a cell, or a thrown argError. Blank → null when `allowBlank`, else an error.
 * `check` may refuse a number by returning false; `expected` then describes what is allowed.
 */
export function readNumberCell(
  name: ArgName,
  v: Cell,
  pos: Pos,
  expected: string,
  options: { allowBlank?: boolean; check?: (x: number) => boolean } = {},
): number | null {
  if (isBlank(v)) {
    if (options.allowBlank) return null;
    throw argError(name, pos, expected, got(name, v));
  }
  const x = isErrorValue(v) ? null : toNumber(v);
  if (x === null || (options.check && !options.check(x)))
    throw argError(name, pos, expected, got(name, v));
  return x;
}

/** A one-row or one-column range (or one cell), each cell with its position. */
export interface VectorArg {
  cells: Cell[];
  pos: (i: number) => Pos;
}

/** Reads a row or a column; anything wider and taller is refused. */
export function readVector(name: ArgName, v: CellArg, what: string): VectorArg {
  const { grid, isRange } = readGrid(v);
  if (!isRange) return { cells: [v as Cell], pos: () => null };
  if (grid.length === 1) return { cells: grid[0].slice(), pos: (i) => [0, i] };
  if (grid.every((r) => r.length === 1))
    return { cells: grid.map((r) => r[0]), pos: (i) => [i, 0] };
  throw argError(name, null, `${what} in a single row or column`, rangeSize(grid));
}

/**
 * Criterion weights: a row or a column of `m` numbers ≥ 0, not all 0, no blanks (a criterion
 * left out must say 0, so a forgotten weight is not mistaken for a deliberate one).
 */
export function readWeights(name: ArgName, v: CellArg, m: number, ofWhat: string): number[] {
  if (isOmitted(v))
    throw argError(name, null, `${plural(m, 'weight')} (one per ${ofWhat})`, 'nothing');
  const { cells, pos } = readVector(name, v, 'weights');
  if (cells.length !== m) {
    throw argError(name, null, `${plural(m, 'weight')} (one per ${ofWhat})`, `${cells.length}`);
  }
  const weights = cells.map(
    (c, j) =>
      readNumberCell(name, c, pos(j), 'a weight of 0 or more (enter 0 to leave a criterion out)', {
        check: (x) => x >= 0,
      }) as number,
  );
  if (!weights.some((w) => w > 0))
    throw argError(name, null, 'at least one weight above 0', 'all 0');
  return weights;
}

/**
 * Directions for `m` criteria: omitted → undefined (all benefit); one cell → the same for every
 * criterion; otherwise a row or column of `m` cells, a blank cell meaning benefit.
 */
export function readDirections(
  name: ArgName,
  v: CellArg,
  m: number,
  ofWhat: string,
): CriterionSign[] | undefined {
  if (isOmitted(v)) return undefined;
  const { cells, pos } = readVector(name, v, 'directions');
  if (cells.length !== 1 && cells.length !== m) {
    throw argError(
      name,
      null,
      `${plural(m, 'direction')} (one per ${ofWhat}) or a single one for all`,
      `${cells.length}`,
    );
  }
  const dirs = cells.map((c, j) => {
    if (isBlank(c)) return 1 as CriterionSign;
    const d = parseDirection(c);
    if (d === null) throw argError(name, pos(j), DIRECTION_EXPECTED, got(name, c));
    return d;
  });
  return cells.length === 1 ? new Array<CriterionSign>(m).fill(dirs[0]) : dirs;
}

/** An optional single value: omitted → undefined; a 1-cell range is read as its cell. */
export function readScalar(name: ArgName, v: CellArg, expected: string): Cell | undefined {
  if (isOmitted(v)) return undefined;
  if (!Array.isArray(v)) return v;
  const { grid } = readGrid(v);
  if (grid.length === 1 && grid[0].length === 1) return grid[0][0];
  throw argError(name, null, expected, rangeSize(grid));
}

/** An optional number with a default, checked. */
export function readOptionalNumber(
  name: ArgName,
  v: CellArg,
  fallback: number,
  expected: string,
  check: (x: number) => boolean = () => true,
): number {
  const c = readScalar(name, v, expected);
  if (c === undefined) return fallback;
  return readNumberCell(name, c, null, expected, { check }) as number;
}

/** "a range of 2 rows × 3 columns", for messages. */
function rangeSize(grid: Grid): string {
  return `a range of ${plural(grid.length, 'row')} × ${plural(grid[0]?.length ?? 0, 'column')}`;
}

/** "1 weight", "3 weights". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
