/**
 * The `Criteria` tab read into a framework: criteria with direction, knock-out minimum and one
 * weight per partner type (every "Weight <type>" column). Bad cells are reported by row and
 * column and the criterion is left out rather than scored on a guess.
 */
import {
  Cell,
  Grid,
  UserError,
  columnLetter,
  describe,
  isBlank,
  isErrorValue,
  toNumber,
} from '../cells';
import { describeMissing, headerIndex, headerKey } from '../headers';
import { PARTNER_COMPUTED_COLUMNS, PARTNER_INPUT_COLUMNS } from '../schema/tabs';
import { CriterionSign, parseDirection } from '../scoring/directions';
import { segmentKey } from '../read/segment';
import { WeightCell, isPercentFormat, weightCell, weightsOnOneScale } from './weights';

export interface Criterion {
  id: string;
  name: string;
  group: string;
  direction: CriterionSign;
  knockOut: number | null;
}

export interface Framework {
  criteria: Criterion[];
  /** Partner type (its segmentKey: case, spaces, `&`/`and` ignored) → one weight per criterion, in `criteria` order. */
  weights: Map<string, number[]>;
  /** Partner types as written in the headers. */
  types: string[];
  issues: string[];
}

const TAB = 'Criteria';
/** Partners headers a criterion ID must not take, or its score column would be ambiguous. */
const RESERVED = new Set(
  [...PARTNER_INPUT_COLUMNS, ...PARTNER_COMPUTED_COLUMNS].map((c) => headerKey(c.header)),
);
const WEIGHT_PREFIX = 'weight';

/**
 * @param timeZone the spreadsheet's: a date typed in a cell is named by its day there.
 * @param formats the tab's number formats (getNumberFormats of the same range), which tell a
 *   weight typed as a percentage from a plain one; without them only text ending in % does.
 */
export function readFramework(
  grid: Grid,
  timeZone: string,
  formats: readonly (readonly string[])[] = [],
): Framework {
  if (grid.length < 1) throw new UserError(`${TAB}: the tab is empty; run Set up workbook first.`);
  const header = grid[0];
  const idx = headerIndex(header);
  const need = (name: string): number => {
    const c = idx.get(headerKey(name));
    if (!c) throw new UserError(describeMissing(TAB, name, header));
    return c;
  };
  const idCol = need('ID');
  const nameCol = idx.get(headerKey('Criterion'));
  const groupCol = idx.get(headerKey('Group'));
  const dirCol = need('Direction');
  const koCol = idx.get(headerKey('Knock-out min'));
  const weightCols: { type: string; column: number }[] = [];
  header.forEach((h, i) => {
    const text = String(h ?? '').trim();
    if (headerKey(text).startsWith(WEIGHT_PREFIX) && text.length > WEIGHT_PREFIX.length) {
      weightCols.push({ type: text.slice(WEIGHT_PREFIX.length).trim(), column: i + 1 });
    }
  });
  if (!weightCols.length)
    throw new UserError(`${TAB}: no "Weight <partner type>" column found in the header row.`);

  const issues: string[] = [];
  const where = (row: number, column: number, value: Cell) =>
    `${TAB}, row ${row}, column ${columnLetter(column)} (${String(header[column - 1])}): ${describe(value, timeZone)}`;
  const criteria: Criterion[] = [];
  /** Per weight column, the cells of the criteria kept, in criteria order. */
  const weightCells: WeightCell[][] = weightCols.map(() => []);
  const seen = new Set<string>();
  grid.slice(1).forEach((r, i) => {
    const row = i + 2;
    const id = String(r[idCol - 1] ?? '').trim();
    if (!id) {
      if (!r.every(isBlank))
        issues.push(`${TAB}, row ${row}: a criterion without an ID is ignored.`);
      return;
    }
    if (RESERVED.has(headerKey(id))) {
      issues.push(
        `${TAB}, row ${row}: the ID '${id}' is also the name of a Partners column; rename the ID (e.g. '${id}_C'). Criterion left out.`,
      );
      return;
    }
    if (seen.has(id.toLowerCase())) {
      issues.push(`${TAB}, row ${row}: the ID '${id}' is used twice; this row is ignored.`);
      return;
    }
    seen.add(id.toLowerCase());
    const dirCell = r[dirCol - 1];
    const direction = isBlank(dirCell) ? 1 : parseDirection(dirCell);
    if (direction === null) {
      issues.push(
        `${where(row, dirCol, dirCell)} is not a direction (benefit or cost); criterion '${id}' left out.`,
      );
      return;
    }
    let knockOut: number | null = null;
    if (koCol && !isBlank(r[koCol - 1])) {
      knockOut = toNumber(r[koCol - 1]);
      if (knockOut === null)
        issues.push(`${where(row, koCol, r[koCol - 1])} is not a number; no knock-out applied.`);
    }
    const weights = weightCols.map(({ column }): WeightCell => {
      const v = r[column - 1];
      const format = formats[i + 1]?.[column - 1];
      const cell = (value: number, percent = false) => ({ row, value, percent, format });
      if (isBlank(v)) return cell(0);
      const n = toNumber(v);
      if (n === null || n < 0 || isErrorValue(v)) {
        issues.push(`${where(row, column, v)} is not a weight of 0 or more; counted as 0.`);
        return cell(0);
      }
      return cell(n, isPercentFormat(format) || (typeof v === 'string' && v.trim().endsWith('%')));
    });
    criteria.push({
      id,
      name: nameCol ? String(r[nameCol - 1] ?? '').trim() || id : id,
      group: groupCol ? String(r[groupCol - 1] ?? '').trim() : '',
      direction,
      knockOut,
    });
    weights.forEach((w, t) => weightCells[t].push(w));
  });
  const weights = new Map<string, number[]>();
  weightCols.forEach(({ type, column }, t) => {
    const read = weightsOnOneScale(weightCells[t], weightCell(TAB, header[column - 1], column));
    issues.push(...read.issues);
    weights.set(segmentKey(type), read.values);
  });
  return { criteria, weights, types: weightCols.map((w) => w.type), issues };
}
