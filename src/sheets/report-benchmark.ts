/**
 * The report's one door to the benchmark: the benchmark adapter reads the `Benchmark XX` tabs
 * (one read each, plus Settings for 'Staleness months'), the benchmark core picks the best
 * practices and the facts due for review, and this turns them into the shape the report model
 * takes. No fact in any country tab means "No benchmark data yet" in the report.
 */
import { benchmarkHighlights } from '../core/benchmark/highlights';
import { BenchmarkHighlights } from '../core/report/types';
import { readBenchmark } from './benchmark';
import { Spreadsheet } from './workbook';

/** What the benchmark contributes to the report. */
export interface BenchmarkRead {
  /** null = no benchmark data (the section says so). */
  highlights: BenchmarkHighlights | null;
  rowsRead: number;
  /** Findings for the Data quality section (unreadable cells, missing country tabs). */
  notes: string[];
}

/**
 * Best practices and facts due for review, or null highlights when no country tab holds a fact;
 * their days are days in the spreadsheet's `timeZone`.
 */
export function readBenchmarkHighlights(
  ss: Spreadsheet,
  now: Date,
  timeZone: string,
): BenchmarkRead {
  const read = readBenchmark(ss, timeZone);
  const facts = read.model.countries.reduce((n, c) => n + c.findings.length, 0);
  if (!facts) return { highlights: null, rowsRead: read.rowsRead, notes: [] };
  const h = benchmarkHighlights(read.model, now, read.stalenessMonths, timeZone);
  return {
    highlights: { bestPractices: h.bestPractices, dueForReview: h.dueForReview },
    rowsRead: read.rowsRead,
    notes: read.warnings,
  };
}
