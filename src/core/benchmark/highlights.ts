/** What the report shows of the benchmark: best practices, facts due for review, coverage. */
import { formatDay } from '../cells';
import { BenchmarkModel } from './model';
import { coverageMatrix, MatrixRow } from './coverage';
import { Finding } from './parse';
import { dueReason, DueReason } from './staleness';

export interface BestPractice {
  country: string;
  topic: string;
  text: string;
  source: string;
}

export interface DueFact {
  country: string;
  tab: string;
  row: number;
  topic: string;
  year: number | null;
  lastReviewed: Date | null;
  verified: boolean;
  /** Why it is due, in words ("last reviewed 2025-01-10", "never reviewed (…)", "… in the future …"). */
  reason: string;
}

export interface BenchmarkHighlights {
  bestPractices: BestPractice[];
  dueForReview: DueFact[];
  matrix: MatrixRow[];
}

function reason(f: Finding, why: DueReason, timeZone: string): string {
  if (why === 'never') return 'never reviewed (Last reviewed is blank)';
  const day = formatDay(f.lastReviewed!, timeZone);
  return why === 'future'
    ? `Last reviewed ${day} is in the future: check the date`
    : `last reviewed ${day}`;
}

/**
 * Best practices are the rows whose `Best practice` cell is filled (its text) and the rows of
 * dimension best_practice (their Best practice, else their Finding). Due for review: see
 * staleness.ts. Countries in overview order, rows in tab order.
 */
export function benchmarkHighlights(
  model: BenchmarkModel,
  now: Date,
  stalenessMonths: number,
  /** The spreadsheet's zone: a Last reviewed date is its day there. */
  timeZone = 'UTC',
): BenchmarkHighlights {
  const bestPractices: BestPractice[] = [];
  const dueForReview: DueFact[] = [];
  for (const c of model.countries) {
    for (const f of c.findings) {
      if (f.bestPractice || f.dimension === 'best_practice') {
        bestPractices.push({
          country: c.code,
          topic: f.topic,
          text: f.bestPractice || f.finding,
          source: f.source,
        });
      }
      const why = dueReason(f, now, stalenessMonths);
      if (why) {
        dueForReview.push({
          country: c.code,
          tab: c.tab,
          row: f.row,
          topic: f.topic,
          year: f.year,
          lastReviewed: f.lastReviewed,
          verified: f.verified,
          reason: reason(f, why, timeZone),
        });
      }
    }
  }
  return { bestPractices, dueForReview, matrix: coverageMatrix(model) };
}
