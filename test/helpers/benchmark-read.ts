/**
 * The benchmark as the report and the overview should see it, read by the test itself (core
 * functions over each tab's values): the oracle the sheets layer's readers are compared with.
 */
import { BenchmarkModel, benchmarkModel, benchmarkTabs } from '../../src/core/benchmark/model';
import { stalenessSetting } from '../../src/core/benchmark/staleness';
import { Grid } from '../../src/core/cells';
import { Settings } from '../../src/core/settings';

export function readBenchmark(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  timeZone: string,
): { model: BenchmarkModel; stalenessMonths: number } {
  const grid = (name: string): Grid | null => {
    const sheet = ss.getSheetByName(name);
    return sheet ? sheet.getDataRange().getValues() : null;
  };
  const names = ss.getSheets().map((s) => s.getName());
  const model = benchmarkModel(
    benchmarkTabs(names).map((t) => ({ ...t, grid: t.exists ? grid(t.tab) : null })),
    timeZone,
  );
  return { model, stalenessMonths: stalenessSetting(new Settings(grid('Settings') ?? []), []) };
}
