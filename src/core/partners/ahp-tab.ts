/**
 * The `AHP` tab: a pairwise-comparison block per partner type, from which Derive weights (AHP)
 * computes the criteria weights (principal eigenvector) and Saaty's consistency ratio.
 *
 * Layout: B2 holds the partner type; row 4 holds the criterion IDs from column B; column A from
 * row 5 holds them again; the person fills the upper triangle with 1/9 … 9 ("3" = the row's
 * criterion is moderately more important than the column's, "1/3" the reverse). The lower
 * triangle may stay blank: it is the reciprocal.
 */
import { Cell, Grid, UserError, columnLetter, describe, isBlank } from '../cells';
import { AhpResult, ahpFromJudgements, parseJudgement } from '../scoring/ahp';
import { CellError } from '../scoring/errors';

export const AHP_TAB = 'AHP';
export const MATRIX_ROW = 5;
export const MATRIX_COLUMN = 2;

/** What the numbers of Saaty's scale mean, for messages and the tab's instructions. */
const SAATY_SCALE =
  '1 = equal, 3 = moderately, 5 = strongly, 7 = very strongly, 9 = extremely more important; 1/3 … 1/9 the reverse';

/**
 * Saaty's fundamental scale runs from 1 to 9 and its reciprocals: a 10 or a 1/12 is a typing slip
 * (or another scale), and the weights it would give are not what the person judged. A typed
 * reciprocal may be rounded (0.11 for 1/9), as the reciprocal check of the core allows.
 */
function onSaatyScale(x: number): boolean {
  return x <= 9 * (1 + 1e-9) && x >= (1 / 9) * 0.95;
}

export function ahpTemplate(ids: string[], type: string): Grid {
  const width = ids.length + 1;
  const pad = (r: Cell[]) => [...r, ...new Array(Math.max(0, width - r.length)).fill('')];
  return [
    pad(['AHP pairwise comparisons', `Fill the upper triangle (row vs column): ${SAATY_SCALE}.`]),
    pad(['Partner type', type]),
    pad([]),
    ['Criterion', ...ids],
    ...ids.map((id, i) => [id, ...ids.map((_, j) => (i === j ? 1 : ''))]),
  ];
}

export interface AhpTab {
  type: string;
  ids: string[];
  result: AhpResult;
}

/**
 * Reads the block and computes weights; an error names the tab, row and column (and a date typed
 * in the block by its day in the spreadsheet's `timeZone`).
 */
export function readAhpTab(grid: Grid, timeZone: string): AhpTab {
  const type = String(grid[1]?.[1] ?? '').trim();
  if (!type)
    throw new UserError(`${AHP_TAB}, row 2, column B: expected a partner type, got a blank.`);
  const headerRow = grid[MATRIX_ROW - 2] ?? [];
  const ids: string[] = [];
  for (let c = MATRIX_COLUMN - 1; c < headerRow.length && !isBlank(headerRow[c]); c++)
    ids.push(String(headerRow[c]).trim());
  if (ids.length < 2)
    throw new UserError(
      `${AHP_TAB}, row 4: expected at least two criterion IDs from column B, found ${ids.length}.`,
    );
  const cells: (number | null)[][] = ids.map((id, i) => {
    const row = grid[MATRIX_ROW - 1 + i] ?? [];
    const label = String(row[0] ?? '').trim();
    if (label.toLowerCase() !== id.toLowerCase()) {
      throw new UserError(
        `${AHP_TAB}, row ${MATRIX_ROW + i}, column A: expected the criterion '${id}' (same order as row 4), got '${label}'.`,
      );
    }
    return ids.map((_, j) => {
      const v = row[MATRIX_COLUMN - 1 + j];
      const x = parseJudgement(v);
      if (x === undefined) {
        const hint =
          v instanceof Date
            ? ' (Sheets read a fraction as a date: format the block as plain text, or type =1/3)'
            : '';
        throw new UserError(
          `${AHP_TAB}, row ${MATRIX_ROW + i}, column ${columnLetter(MATRIX_COLUMN + j)}: expected a judgement such as 3 or 1/3, got ${describe(v, timeZone)}${hint}.`,
        );
      }
      if (x !== null && !onSaatyScale(x)) {
        throw new UserError(
          `${AHP_TAB}, row ${MATRIX_ROW + i}, column ${columnLetter(MATRIX_COLUMN + j)}: expected a judgement on Saaty's scale, 1/9 … 1 … 9 (${SAATY_SCALE}), got ${describe(v, timeZone)}.`,
        );
      }
      return x;
    });
  });
  try {
    return { type, ids, result: ahpFromJudgements(cells) };
  } catch (e) {
    if (e instanceof CellError) {
      throw new UserError(
        `${AHP_TAB}, row ${MATRIX_ROW + e.row}, column ${columnLetter(MATRIX_COLUMN + e.column)}: expected ${e.expected}, got ${e.gotText}.`,
      );
    }
    throw e;
  }
}

/** Weights as importance points (sum 100, one decimal), the way Criteria holds them. */
export function asPoints(weights: number[]): number[] {
  return weights.map((w) => Math.round(w * 1000) / 10);
}
