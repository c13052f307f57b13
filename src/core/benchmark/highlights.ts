/** What the report shows of the benchmark: best practices, facts due for review, coverage. */
import { formatDay } from '../cells';
import { BenchmarkModel } from './model';
import { coverageMatrix, MatrixRow } from './coverage';
import { Finding } from './parse';
import { isDue } from './staleness';

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
  /** Why it is due, in words ("last reviewed 2025-01-10", "never reviewed; data of 2022"). */
  reason: string;
}

export interface BenchmarkHighlights {
  bestPractices: BestPractice[];
  dueForReview: DueFact[];
  matrix: MatrixRow[];
}

function reason(f: Finding, timeZone: string): string {
  if (f.lastReviewed) return `last reviewed ${formatDay(f.lastReviewed, timeZone)}`;
  return f.year === null ? 'never reviewed, and no year' : `never reviewed; data of ${f.year}`;
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
      if (isDue(f, now, stalenessMonths)) {
        dueForReview.push({
          country: c.code,
          tab: c.tab,
          row: f.row,
          topic: f.topic,
          year: f.year,
          lastReviewed: f.lastReviewed,
          verified: f.verified,
          reason: reason(f, timeZone),
        });
      }
    }
  }
  return { bestPractices, dueForReview, matrix: coverageMatrix(model) };
}
