/**
 * Consolidate ratings: the several assessors' ratings of `Ratings` become one score per partner
 * and criterion in `Partners` (the median), with the criteria they disagree on (2 points or more
 * apart) named in the Disagreement column. A score a person typed is never replaced: only blank
 * cells and cells this action wrote before (marked by its note) receive the median.
 */
import { Cell, Grid, UserError, columnLetter, isBlank, formatDay } from '../cells';
import { alignRows } from '../align';
import { describeMissing, headerIndex, headerKey } from '../headers';
import { consolidateRatings, ratingsFromRows } from '../scoring/consolidate';
import { formatScore } from '../scoring/contributions';
import { Criterion } from './criteria';

export const CONSOLIDATED_NOTE = 'Consolidated by Circularity Workbench';
const RATING_HEADERS = ['Partner', 'Assessor', 'Criterion', 'Score', 'Comment', 'Date'];

export interface ConsolidationPlan {
  /** 1-based columns of the criterion scores, left to right. */
  columns: number[];
  /** New values and notes for those columns, rows 2… of Partners (formulas left in place). */
  values: Cell[][];
  notes: string[][];
  disagreementColumn: number | null;
  disagreements: Cell[][];
  filled: number;
  warnings: string[];
}

/** `timeZone` is the spreadsheet's: the days in notes and messages are its days. */
export function planConsolidation(
  criteria: Criterion[],
  partners: Grid,
  notes: string[][],
  formulas: string[][],
  ratings: Grid,
  timeZone: string,
): ConsolidationPlan {
  if (partners.length < 1)
    throw new UserError('Partners: the tab is empty; run Set up workbook first.');
  const header = partners[0];
  const idx = headerIndex(header);
  const nameCol = idx.get(headerKey('Partner'));
  if (!nameCol) throw new UserError(describeMissing('Partners', 'Partner', header));
  const warnings: string[] = [];
  const columnOf = new Map<string, number>();
  for (const c of criteria) {
    const col = idx.get(headerKey(c.id));
    if (col) columnOf.set(c.id.toLowerCase(), col);
  }
  const columns = [...columnOf.values()].sort((a, b) => a - b);
  const rowsByName = new Map<string, number[]>();
  partners.slice(1).forEach((r, i) => {
    const name = String(r[nameCol - 1] ?? '')
      .trim()
      .toLowerCase();
    if (name) rowsByName.set(name, [...(rowsByName.get(name) ?? []), i]);
  });

  if (ratings.length && !headerIndex(ratings[0]).get(headerKey('Score'))) {
    throw new UserError(describeMissing('Ratings', 'Score', ratings[0]));
  }
  const ordered = ratings.length ? reorder(ratings) : [];
  const parsed = ratingsFromRows(ordered, timeZone);
  for (const p of [...parsed.skipped, ...parsed.warnings])
    warnings.push(`Ratings, row ${p.row + 1}: ${p.message}`);

  const body = partners.slice(1);
  const values = body.map((r) => columns.map((c) => r[c - 1]));
  const outNotes = body.map((_, i) => columns.map((c) => notes[i + 1]?.[c - 1] ?? ''));
  const disagree: string[][] = body.map(() => []);
  let filled = 0;
  const unknownPartners = new Set<string>();
  for (const c of consolidateRatings(parsed.ratings)) {
    const rows = rowsByName.get(c.partner.toLowerCase());
    const col = columnOf.get(c.criterion.toLowerCase());
    if (!rows) {
      unknownPartners.add(c.partner);
      continue;
    }
    if (!col) {
      warnings.push(
        `Ratings: criterion '${c.criterion}' (partner '${c.partner}') is not in Criteria; ignored.`,
      );
      continue;
    }
    if (c.median === null) continue;
    const j = columns.indexOf(col);
    for (const i of rows) {
      if (c.disagreement) disagree[i].push(`${c.criterion} (spread ${c.spread})`);
      const current = values[i][j];
      // Sheets keeps a note when someone types over its cell: the cell is still ours only if it
      // holds the value our note recorded.
      const ours = writtenByUs(outNotes[i][j], current);
      const typed = !isBlank(current) && !ours;
      if (formulas[i + 1]?.[col - 1] || typed) {
        if (typed && current !== c.median) {
          warnings.push(
            `Partners, row ${i + 2}, column ${columnLetter(col)} (${c.criterion}): kept the typed ${String(current)}; the assessors' median is ${formatScore(c.median)}.`,
          );
        }
        continue;
      }
      values[i][j] = c.median;
      outNotes[i][j] =
        `${CONSOLIDATED_NOTE}: ${formatScore(c.median)} = median of ${c.assessors} assessor(s), spread ${c.spread}${c.latest ? `, latest ${formatDay(c.latest, timeZone)}` : ''}.${c.comments ? ` ${c.comments}` : ''}`;
      filled++;
    }
  }
  for (const p of unknownPartners)
    warnings.push(`Ratings: partner '${p}' is not in Partners; add it there to use its ratings.`);
  const disagreementColumn = idx.get(headerKey('Disagreement')) ?? null;
  return {
    columns,
    values,
    notes: outNotes,
    disagreementColumn,
    disagreements: disagree.map((d) => [d.join(', ')]),
    filled,
    warnings,
  };
}

/** True when the note is this action's and the cell still holds the value the note records. */
function writtenByUs(note: string, current: Cell): boolean {
  const m = new RegExp(`^${CONSOLIDATED_NOTE}: ([\\d.]+) = median`).exec(note);
  return !!m && typeof current === 'number' && formatScore(current) === m[1];
}

/** Ratings rows in the canonical column order, wherever the tab has its columns. */
function reorder(ratings: Grid): Grid {
  return alignRows(ratings[0].map(String), ratings.slice(1), RATING_HEADERS).rows;
}
