/**
 * The report's one door to the benchmark: best practices and facts due for review, in the shape
 * the report model takes (core/report/types BenchmarkHighlights). The benchmark reader and model
 * (src/sheets/benchmark.ts, src/core/benchmark/*) are built separately; until they are wired in
 * here the section says "No benchmark data yet".
 *
 * To plug them in, replace the body below with:
 *   const read = readBenchmark(ss);                         // from './benchmark'
 *   const h = benchmarkHighlights(read.model, now, stalenessMonths); // from '../core/benchmark/…'
 *   const empty = !h.bestPractices.length && !h.dueForReview.length && !read.rowsRead;
 *   return { highlights: empty ? null : h, rowsRead: read.rowsRead ?? 0, notes: [] };
 */
import { BenchmarkHighlights } from '../core/report/types';
import { Sheet, Spreadsheet } from './workbook';

export interface BenchmarkRead {
  /** null = no benchmark data (the section says so). */
  highlights: BenchmarkHighlights | null;
  rowsRead: number;
  /** Findings for the Data quality section. */
  notes: string[];
}

export function readBenchmarkHighlights(
  _ss: Spreadsheet,
  _tabs: Map<string, Sheet>,
  _now: Date,
  _stalenessMonths: number,
): BenchmarkRead {
  return { highlights: null, rowsRead: 0, notes: [] };
}
