/**
 * Several assessors, one answer per partner × criterion. Ratings come in long format (one row
 * per partner, assessor, criterion, score, comment, date, as on the `Ratings` tab) and are
 * consolidated to the median score (robust to one outlier, unlike the mean), the number of
 * assessors, the spread (max − min) and a disagreement flag when assessors differ by 2 points or
 * more, so the team discusses before the score is trusted.
 *
 * Rules: partner, criterion and assessor names match trimmed and case-insensitively (the first
 * spelling is kept). When an assessor rated the same partner × criterion more than once, only the
 * latest rating counts (by date, an undated rating counting as older than any dated one; between
 * equal or missing dates the row further down wins). A row with a
 * blank score is a note: its comment is kept but it neither counts as a rating nor replaces one.
 * Comments are joined as "Assessor: comment; …" in date order; `latest` is the newest date seen.
 */

import { Cell, Grid, describe, isBlank, toDate, toNumber } from '../cells';
import { DEFAULT_SCALE, Scale } from './weighted-sum';

export interface Rating {
  partner: string;
  /** As typed in the optional Country column ('' when blank). */
  country?: string;
  /** 1-based row among the rows given (header excluded), for messages. */
  row?: number;
  assessor: string;
  criterion: string;
  score: number | null;
  comment?: string;
  date?: Date | null;
}

export interface ConsolidatedRating {
  partner: string;
  criterion: string;
  /** Median of the assessors' latest scores; null when nobody scored. */
  median: number | null;
  /** Number of assessors with a score. */
  assessors: number;
  /** max − min of those scores; null when nobody scored. */
  spread: number | null;
  /** At least two assessors and spread ≥ the threshold (default 2). */
  disagreement: boolean;
  latest: Date | null;
  comments: string;
}

export const DISAGREEMENT_THRESHOLD = 2;

interface Entry {
  rating: Rating;
  seq: number;
}

/** Consolidates ratings (see the module comment); output in order of first appearance. */
export function consolidateRatings(
  ratings: readonly Rating[],
  threshold: number = DISAGREEMENT_THRESHOLD,
): ConsolidatedRating[] {
  const cells = new Map<string, { partner: string; criterion: string; entries: Entry[] }>();
  ratings.forEach((rating, seq) => {
    const key = `${norm(rating.partner)}\u0000${norm(rating.criterion)}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { partner: rating.partner.trim(), criterion: rating.criterion.trim(), entries: [] };
      cells.set(key, cell);
    }
    cell.entries.push({ rating, seq });
  });

  const out: ConsolidatedRating[] = [];
  for (const { partner, criterion, entries } of cells.values()) {
    entries.sort((a, b) => time(a.rating) - time(b.rating) || a.seq - b.seq);
    // Latest scored entry per assessor (entries are now oldest first).
    const latestByAssessor = new Map<string, Entry>();
    for (const e of entries)
      if (e.rating.score !== null) latestByAssessor.set(norm(e.rating.assessor), e);
    const counted = new Set(latestByAssessor.values());
    const scores = [...counted].map((e) => e.rating.score as number).sort((a, b) => a - b);
    const comments = entries
      .filter((e) => (e.rating.score === null || counted.has(e)) && !isBlank(e.rating.comment))
      .map((e) => {
        const who = e.rating.assessor.trim();
        const text = (e.rating.comment as string).trim();
        return who ? `${who}: ${text}` : text;
      });
    const dated = entries.filter((e) => e.rating.date instanceof Date);
    const spread = scores.length ? scores[scores.length - 1] - scores[0] : null;
    out.push({
      partner,
      criterion,
      median: median(scores),
      assessors: scores.length,
      spread,
      disagreement: scores.length >= 2 && spread !== null && spread >= threshold,
      latest: dated.length ? (dated[dated.length - 1].rating.date as Date) : null,
      comments: comments.join('; '),
    });
  }
  return out;
}

/** Median of sorted numbers; mean of the two middle ones for an even count; null when empty. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The fields of a rating row, in the order ratingsFromRows reads them. */
export const RATING_FIELDS = [
  'partner',
  'assessor',
  'criterion',
  'score',
  'comment',
  'date',
  'country',
] as const;
export type RatingField = (typeof RATING_FIELDS)[number];

/** A rating row that could not be used, or was used with a caveat; `row` is 1-based. */
export interface RatingProblem {
  row: number;
  field: RatingField;
  /** What was expected and found, without the field's name (the caller names the cell). */
  message: string;
}

/**
 * Ratings from rows in the `Ratings` column order (partner, assessor, criterion, score, comment,
 * date, country), header excluded. Blank rows are ignored; a row without partner or criterion, or
 * with a score that is not a number, is skipped; a score outside the scale (1–5 by default) is
 * flagged and left out of the median, as `Partners` leaves such a score out (the row still counts
 * as a note: its comment is kept); an unreadable date is dropped with a warning (the score still
 * counts). A date in a message is its day in the spreadsheet's `timeZone`.
 */
export function ratingsFromRows(
  rows: Grid,
  timeZone: string,
  scale: Readonly<Scale> = DEFAULT_SCALE,
): {
  ratings: Rating[];
  skipped: RatingProblem[];
  warnings: RatingProblem[];
} {
  const ratings: Rating[] = [];
  const skipped: RatingProblem[] = [];
  const warnings: RatingProblem[] = [];
  rows.forEach((r, i) => {
    const [partner, assessor, criterion, score, comment, date, country] = RATING_FIELDS.map(
      (_, j) => r[j] as Cell,
    );
    if ([partner, assessor, criterion, score, comment, date, country].every((c) => isBlank(c)))
      return;
    const row = i + 1;
    if (isBlank(partner))
      return void skipped.push({ row, field: 'partner', message: 'expected a name, got a blank.' });
    if (isBlank(criterion))
      return void skipped.push({
        row,
        field: 'criterion',
        message: 'expected a name, got a blank.',
      });
    let value: number | null = null;
    if (!isBlank(score)) {
      value = toNumber(score);
      if (value === null)
        return void skipped.push({
          row,
          field: 'score',
          message: `expected a number, got ${describe(score, timeZone)}.`,
        });
      if (value < scale.min || value > scale.max) {
        warnings.push({
          row,
          field: 'score',
          message: `expected a score from ${scale.min} to ${scale.max}, got ${describe(score, timeZone)}; left out of the median.`,
        });
        value = null;
      }
    }
    let when: Date | null = null;
    if (!isBlank(date)) {
      when = toDate(date);
      if (!when)
        warnings.push({
          row,
          field: 'date',
          message: `expected a date, got ${describe(date, timeZone)}; ignored.`,
        });
    }
    ratings.push({
      partner: String(partner),
      country: isBlank(country) ? '' : String(country),
      row,
      assessor: isBlank(assessor) ? '' : String(assessor),
      criterion: String(criterion),
      score: value,
      comment: isBlank(comment) ? '' : String(comment),
      date: when,
    });
  });
  return { ratings, skipped, warnings };
}

function norm(s: string): string {
  return s.trim().toLowerCase();
}

// Undated ratings sort before dated ones: a dated rating is the more informative "latest".
function time(r: Rating): number {
  return r.date instanceof Date ? r.date.getTime() : -Infinity;
}
