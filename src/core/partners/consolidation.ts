/**
 * Consolidate ratings: the several assessors' ratings of `Ratings` become one score per partner
 * and criterion in `Partners` (the median), with the criteria they disagree on (2 points or more
 * apart) named in the Disagreement column. A score a person typed is never replaced: only blank
 * cells and cells this action wrote before (marked by its note) receive the median.
 */
import { Cell, Grid, UserError, columnLetter, isBlank, formatDay } from '../cells';
import { alignRows } from '../align';
import { describeMissing, headerIndex, headerKey } from '../headers';
import {
  RATING_FIELDS,
  Rating,
  RatingField,
  consolidateRatings,
  ratingsFromRows,
} from '../scoring/consolidate';
import { countryKey, findPartner, indexPartners, nameKey } from './identity';
import { isAddOnValue, ProvenanceLedger, recordWrite, valueKey } from '../provenance';
import { textKey } from '../read/text-key';
import { describeReplaced, typedInComputed } from './computed-cells';
import { formatScore } from '../scoring/contributions';
import { Criterion } from './criteria';

export const CONSOLIDATED_NOTE = 'Consolidated by Circularity Workbench';
/** The Ratings columns in the order ratingsFromRows reads them; `Country` is optional. */
const RATING_HEADERS = ['Partner', 'Assessor', 'Criterion', 'Score', 'Comment', 'Date', 'Country'];

export interface ConsolidationPlan {
  /** 1-based columns of the criterion scores, left to right. */
  columns: number[];
  /** New values and notes for those columns, rows 2… of Partners (formulas left in place). */
  values: Cell[][];
  notes: string[][];
  /** The provenance ledger to store before the scores are written. */
  ledger: ProvenanceLedger;
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
  /** What the add-on wrote before (provenance.ts); a score holding one of those values is its own. */
  ledger: ProvenanceLedger = {},
): ConsolidationPlan {
  if (partners.length < 1)
    throw new UserError('Partners: the tab is empty; run Set up workbook first.');
  const header = partners[0];
  const idx = headerIndex(header);
  const nameCol = idx.get(headerKey('Partner'));
  if (!nameCol) throw new UserError(describeMissing('Partners', 'Partner', header));
  const countryCol = idx.get(headerKey('Country'));
  const warnings: string[] = [];
  const columnOf = new Map<string, number>();
  for (const c of criteria) {
    const col = idx.get(headerKey(c.id));
    if (col) columnOf.set(c.id.toLowerCase(), col);
  }
  const columns = [...columnOf.values()].sort((a, b) => a - b);
  const body = partners.slice(1);
  const index = indexPartners(
    body.map((r) => ({ name: r[nameCol - 1], country: countryCol ? r[countryCol - 1] : '' })),
  );

  const ratingHeader = ratings[0] ?? [];
  const ratingIdx = headerIndex(ratingHeader);
  if (ratings.length && !ratingIdx.get(headerKey('Score'))) {
    throw new UserError(describeMissing('Ratings', 'Score', ratingHeader));
  }
  /** "Ratings, row 4, column D (Score)": where a field of a rating row is in the tab. */
  const ratingCell = (row: number, field: RatingField) => {
    const col = ratingIdx.get(headerKey(RATING_HEADERS[RATING_FIELDS.indexOf(field)]));
    return `Ratings, row ${row + 1}${col ? `, column ${columnLetter(col)} (${String(ratingHeader[col - 1])})` : ''}`;
  };
  const ordered = ratings.length ? reorder(ratings) : [];
  const parsed = ratingsFromRows(ordered, timeZone);
  for (const p of [...parsed.skipped, ...parsed.warnings])
    warnings.push(`${ratingCell(p.row, p.field)}: ${p.message}`);

  // Each rating goes to the partner its name and country designate (the identity rule), never
  // to a partner of the same name elsewhere; the consolidation groups by that identity.
  const targets = new Map<string, { name: string; rows: number[] }>();
  const resolved: Rating[] = [];
  const unknownPartners = new Set<string>();
  for (const r of parsed.ratings) {
    const found = findPartner(index, r.partner, r.country ?? '');
    const name = r.partner.trim();
    if (found.kind === 'unknown') {
      unknownPartners.add(name);
      continue;
    }
    if (found.kind !== 'rows') {
      const where = found.countries.map((c) => c || '(no country)').join(' and ');
      warnings.push(
        found.kind === 'ambiguous'
          ? `${ratingCell(r.row!, 'partner')}: '${name}' is a partner in ${where}; this rating gives no country, so it is not used (type the country in the Ratings column 'Country').`
          : `${ratingCell(r.row!, 'country')}: '${name}' is not a partner in ${r.country}, only in ${where}; not used.`,
      );
      continue;
    }
    const key = `${found.country}\u0000${nameKey(r.partner)}`;
    if (!targets.has(key)) targets.set(key, { name, rows: found.rows });
    resolved.push({ ...r, partner: key });
  }

  const categoryCol = idx.get(headerKey('Category'));
  const typeCol = idx.get(headerKey('Partner type'));
  /** What a score cell is about: its partner (name within country), category, type and criterion. */
  const cellKey = (i: number, criterion: string) => {
    const r = body[i];
    const at = (c: number | undefined) => (c ? r[c - 1] : '');
    return [
      countryKey(at(countryCol)),
      nameKey(at(nameCol)),
      textKey(at(categoryCol)),
      textKey(at(typeCol)),
      criterion.toLowerCase(),
    ].join('|');
  };
  const nextLedger: ProvenanceLedger = { ...ledger };
  const values = body.map((r) => columns.map((c) => r[c - 1]));
  const outNotes = body.map((_, i) => columns.map((c) => notes[i + 1]?.[c - 1] ?? ''));
  const disagree: string[][] = body.map(() => []);
  let filled = 0;
  for (const c of consolidateRatings(resolved)) {
    const { name, rows } = targets.get(c.partner)!;
    const col = columnOf.get(c.criterion.toLowerCase());
    if (!col) {
      warnings.push(
        `Ratings: criterion '${c.criterion}' (partner '${name}') is not in Criteria; ignored.`,
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
      const key = cellKey(i, c.criterion);
      // The ledger says; a note of an earlier version (before the ledger) still counts when the
      // cell holds the value it records.
      const ours = isAddOnValue(ledger, key, current) || writtenByUs(outNotes[i][j], current);
      const typed = !isBlank(current) && !ours;
      if (formulas[i + 1]?.[col - 1] || typed) {
        if (typed && current !== c.median) {
          warnings.push(
            `Partners, row ${i + 2}, column ${columnLetter(col)} (${c.criterion}): kept the typed ${String(current)}; the assessors' median is ${formatScore(c.median)}.`,
          );
        }
        continue;
      }
      if (ours && !isAddOnValue(nextLedger, key, current)) nextLedger[key] = [valueKey(current)];
      recordWrite(nextLedger, key, current, c.median);
      values[i][j] = c.median;
      outNotes[i][j] =
        `${CONSOLIDATED_NOTE}: ${formatScore(c.median)} = median of ${c.assessors} assessor(s), spread ${c.spread}${c.latest ? `, latest ${formatDay(c.latest, timeZone)}` : ''}.${c.comments ? ` ${c.comments}` : ''}`;
      filled++;
    }
  }
  for (const p of unknownPartners)
    warnings.push(`Ratings: partner '${p}' is not in Partners; add it there to use its ratings.`);
  const disagreementColumn = idx.get(headerKey('Disagreement')) ?? null;
  const disagreements = disagree.map((d) => [d.join(', ')]);
  if (disagreementColumn) {
    const at = (g: readonly (readonly Cell[])[], i: number) => g[i + 1]?.[disagreementColumn - 1];
    const replaced = typedInComputed(
      ['Disagreement'],
      disagreementColumn,
      body.map((_, i) => [at(partners, i)]),
      body.map((_, i) => [String(at(formulas, i) ?? '')]),
      disagreements,
    );
    warnings.push(...replaced.map(describeReplaced));
  }
  return {
    columns,
    values,
    notes: outNotes,
    disagreementColumn,
    disagreements,
    filled,
    warnings,
    ledger: nextLedger,
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
