/** Turns what an action did into the result its toast, alert and Log line report. */
import { ActionResult } from './action';
import { SampleResult } from './sample';
import { SetupResult } from './setup';

export function summarizeSetup(r: SetupResult): ActionResult {
  const parts = [
    r.created.length
      ? `created ${r.created.length} tab(s): ${r.created.join(', ')}`
      : 'all tabs were already there',
    r.columnsAdded ? `added ${r.columnsAdded} missing column(s)` : '',
    r.rowsSeeded ? `seeded ${r.rowsSeeded} reference row(s)` : '',
    r.removedTab ? `removed '${r.removedTab}', the empty tab the new spreadsheet came with` : '',
  ].filter(Boolean);
  return {
    rowsRead: 0,
    rowsWritten: r.rowsSeeded,
    warnings: r.warnings,
    summary: `Workbook set up: ${parts.join('; ')}. No typed cell was changed.`,
  };
}

export function summarizeSample(r: SampleResult, setup: SetupResult): ActionResult {
  const filled = r.filled.length
    ? `Sample data written to ${r.filled.join(', ')}`
    : 'No sample data written';
  const skipped = r.skipped.length
    ? `; left alone because they already hold data: ${r.skipped.join(', ')}`
    : '';
  return {
    rowsRead: 0,
    rowsWritten: r.rowsWritten + setup.rowsSeeded,
    warnings: [...setup.warnings, ...r.warnings],
    summary: `${filled}${skipped}.`,
  };
}
