/**
 * Computed columns of `Partners` (Score, Coverage, Knock-out, Rank, Strengths, Weaknesses,
 * Stability, Disagreement) belong to the add-on: each run replaces them. What a person typed there
 * is replaced too, but never silently (README, "Computed columns"): before writing, the action
 * tells which cells held something it could not have written, with what they held.
 *
 * The add-on keeps no copy of what it wrote, so "could not have written" is read from the value:
 * a number outside 0–1 in Score, text in Rank, a sentence in Knock-out that is not a list of
 * failed criteria… A typed value shaped like a computed one (0.8 in Score) cannot be told apart
 * and is replaced like one; the README says so.
 */
import { Cell, Grid, columnLetter, isBlank } from '../cells';
import { MEASURED_PART } from './measured';

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
/** `Data security 2 < 3` or `Capacity missing`, joined by `; ` (scoring/knockout.ts). */
const KNOCK_OUT = new RegExp(String.raw`^.+ (?:missing|${NUMBER} < ${NUMBER})$`);
/** `Certifications (5/5)`, joined by `, ` (scoring/contributions.ts). */
const CONTRIBUTION = new RegExp(String.raw`^.+ \(${NUMBER}/${NUMBER}\)$`);
/** `DATA_SEC (spread 3)`, joined by `, ` (partners/consolidation.ts). */
const DISAGREEMENT = new RegExp(String.raw`^.+ \(spread ${NUMBER}\)$`);

const share = (v: Cell) => typeof v === 'number' && v >= 0 && v <= 1;
const list = (v: Cell, separator: string, part: RegExp) =>
  typeof v === 'string' && v.split(separator).every((p) => part.test(p.trim()));

/** Whether a value in the computed column `header` has the shape the add-on writes there. */
const SHAPES: Record<string, (v: Cell) => boolean> = {
  Score: share,
  Coverage: share,
  Stability: share,
  Rank: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1,
  'Knock-out': (v) => list(v, ';', KNOCK_OUT),
  Strengths: (v) => list(v, ',', CONTRIBUTION),
  Weaknesses: (v) => list(v, ',', CONTRIBUTION),
  Disagreement: (v) => list(v, ',', DISAGREEMENT),
  Measured: (v) => list(v, ';', MEASURED_PART),
};

/** A cell of a computed column that held a person's typing (or formula) before it was replaced. */
export interface ReplacedCell {
  row: number;
  column: number;
  header: string;
  typed: Cell;
  formula: string;
}

/**
 * The cells of a computed block (rows 2…, `headers` left to right from `firstColumn`) that a
 * person typed in: a formula (the add-on writes values), or a value that is neither blank, nor
 * what is about to be written, nor shaped like anything the add-on writes there.
 */
export function typedInComputed(
  headers: readonly string[],
  firstColumn: number,
  current: Grid,
  formulas: readonly (readonly string[])[],
  next: Grid,
): ReplacedCell[] {
  const out: ReplacedCell[] = [];
  current.forEach((r, i) =>
    headers.forEach((header, j) => {
      const v = r[j];
      const formula = formulas[i]?.[j] ?? '';
      const ours = !formula && (isBlank(v) || v === next[i]?.[j] || SHAPES[header]?.(v));
      if (!ours) out.push({ row: i + 2, column: firstColumn + j, header, typed: v, formula });
    }),
  );
  return out;
}

/** "Partners, row 5, column U (Score): replaced the typed "high" with the computed value." */
export function describeReplaced(c: ReplacedCell): string {
  const what = c.formula ? `formula ${c.formula}` : `"${String(c.typed)}"`;
  return `Partners, row ${c.row}, column ${columnLetter(c.column)} (${c.header}): replaced the typed ${what}; this column is computed on each run (type overrides in the score columns instead).`;
}
