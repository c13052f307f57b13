/**
 * The report's one door to the benchmark: every `Benchmark XX` tab read once (one server read
 * each), the staleness setting from the Settings the report has already read, the benchmark core
 * picking the best practices and the facts due for review, in the shape the report model takes.
 * No fact in any country tab means "No benchmark data yet" in the report.
 */
import { benchmarkHighlights } from '../core/benchmark/highlights';
import { benchmarkModel, benchmarkTabs, benchmarkWarnings } from '../core/benchmark/model';
import { stalenessSetting } from '../core/benchmark/staleness';
import { BenchmarkHighlights } from '../core/report/types';
import { Settings } from '../core/settings';
import { readUsedArea, Sheet } from './workbook';

/** What the benchmark contributes to the report. */
export interface ReportBenchmark {
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
  tabs: Map<string, Sheet>,
  settings: Settings,
  now: Date,
  timeZone: string,
): ReportBenchmark {
  let rowsRead = 0;
  const countries = benchmarkTabs([...tabs.keys()]).map((t) => {
    const grid = t.exists ? readUsedArea(tabs.get(t.tab)!) : null;
    rowsRead += grid?.length ?? 0;
    return { ...t, grid };
  });
  const model = benchmarkModel(countries, timeZone);
  const notes: string[] = [];
  const months = stalenessSetting(settings, notes);
  notes.push(...benchmarkWarnings(model));
  const facts = model.countries.reduce((n, c) => n + c.findings.length, 0);
  if (!facts) return { highlights: null, rowsRead, notes: [] };
  const h = benchmarkHighlights(model, now, months, timeZone);
  return {
    highlights: { bestPractices: h.bestPractices, dueForReview: h.dueForReview },
    rowsRead,
    notes,
  };
}
