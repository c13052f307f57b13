/**
 * Weights as people type them in a `Weight <type>` column of `Criteria`: importance points (15,
 * 10, …), or percentages (20 %), sometimes both in one column. Sheets stores a typed 20 % as 0.2
 * in a cell it formats as a percentage, so 20 % among points would count as 0.2 points and the
 * criterion would silently stop counting. One column is read on one scale:
 *
 * - all percentages, or all plain numbers: as they are (weights are relative);
 * - percentages among plain numbers of which some exceed 1 (points): each percentage as that
 *   many points (20 % → 20);
 * - percentages among plain numbers all ≤ 1 (fractions): the percentages as fractions (20 % →
 *   0.2), which is what they already are.
 *
 * Each percentage read as points is said, with its cell. A weight its cell's number format shows
 * rounded (0.2 shown as 0 by a `0` format, from before the add-on stopped setting one) is said too.
 */
import { Cell, columnLetter } from '../cells';

/** A number format that shows percentages: a `%` outside quoted text and escapes. */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .includes('%');
}

/** A format that shows whole numbers only (`0`, `#,##0`): it would show 0.2 as 0. */
function roundsToWhole(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /^[#0,]+$/.test(bare) && bare.includes('0');
}

/** One weight cell as read: its 1-based row, value (already a number) and how it was typed. */
export interface WeightCell {
  row: number;
  value: number;
  /** A percentage: a percent-formatted cell, or text ending in %. */
  percent: boolean;
  format?: string;
}

/**
 * The weights of one column on one scale (see the module comment), in the order given, and what
 * to tell the person. `where(row)` names a cell ("Criteria, row 5, column J (Weight recycling)").
 */
export function weightsOnOneScale(
  cells: readonly WeightCell[],
  where: (row: number) => string,
): { values: number[]; issues: string[] } {
  const plain = cells.filter((c) => !c.percent && c.value !== 0);
  const percents = cells.filter((c) => c.percent);
  const asPoints = percents.length > 0 && plain.some((c) => c.value > 1);
  const issues: string[] = [];
  const values = cells.map((c) => {
    if (c.percent && asPoints) {
      const points = Math.round(c.value * 100 * 1e9) / 1e9;
      issues.push(
        `${where(c.row)}: ${points} % read as ${points} points, like the column's other weights (${plain
          .slice(0, 3)
          .map((p) => p.value)
          .join(', ')}${plain.length > 3 ? ', …' : ''}); type ${points} to make it plain.`,
      );
      return points;
    }
    if (!c.percent && roundsToWhole(c.format) && !Number.isInteger(c.value)) {
      issues.push(
        `${where(c.row)}: read as ${c.value}, which the cell's number format '${c.format}' shows as ${Math.round(c.value)}; if you meant ${Math.round(c.value * 100)} %, type ${Math.round(c.value * 100)}, and set the column's format to Automatic (Format › Number) so weights show as typed.`,
      );
    }
    return c.value;
  });
  return { values, issues };
}

/** "Criteria, row 5, column J (Weight recycling)" */
export function weightCell(tab: string, header: Cell, column: number) {
  return (row: number) => `${tab}, row ${row}, column ${columnLetter(column)} (${String(header)})`;
}
