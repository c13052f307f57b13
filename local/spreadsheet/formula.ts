/**
 * Relative-reference adjustment for formulas written to many cells at once: Sheets treats
 * `range.setFormula('=A1*2')` on B1:B3 like a fill-down, so B2 holds `=A2*2`.
 */
import { columnToLetters, lettersToColumn } from './a1';

// A cell (`$A$1`), a whole-column span (`A:C`) or a whole-row span (`1:3`); what precedes it must
// not be part of a longer name and what follows must not open a call (`LOG10(`) or continue a name.
const REF =
  /(^|[^A-Za-z0-9_.$])(?:(\$?)([A-Za-z]{1,3})(\$?)(\d+)|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d+):(\$?)(\d+))(?![A-Za-z0-9_(])/g;

function shiftSegment(text: string, dRow: number, dCol: number): string {
  const col = (abs: string, letters: string): string => {
    if (abs) return abs + letters.toUpperCase();
    const c = lettersToColumn(letters) + dCol;
    return c < 1 ? '#REF!' : columnToLetters(c);
  };
  const row = (abs: string, digits: string): string => {
    if (abs) return abs + digits;
    const r = Number(digits) + dRow;
    return r < 1 ? '#REF!' : String(r);
  };
  return text.replace(
    REF,
    (_m, lead: string, ca, cl, ra, rd, c1a, c1, c2a, c2, r1a, r1, r2a, r2) => {
      if (cl !== undefined) {
        const c = col(ca, cl);
        const r = row(ra, rd);
        return lead + (c === '#REF!' || r === '#REF!' ? '#REF!' : c + r);
      }
      if (c1 !== undefined) return `${lead}${col(c1a, c1)}:${col(c2a, c2)}`;
      return `${lead}${row(r1a, r1)}:${row(r2a, r2)}`;
    },
  );
}

/** Shifts the relative references of a formula by (dRow, dCol), leaving string literals alone. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  // Odd-indexed pieces are string literals and quoted sheet names, even ones are formula text.
  const pieces = formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/);
  return pieces.map((p, i) => (i % 2 === 1 ? p : shiftSegment(p, dRow, dCol))).join('');
}
