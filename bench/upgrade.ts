/**
 * The seed upgrade measured per size: a workbook set up by the version that shipped seed
 * revision 1, with the size's findings typed below the seeded facts, then upgraded to the shipped
 * revision by Import benchmark seed (one run: a second one has nothing left to upgrade).
 */
import { loadBundle, LoadedBundle } from '../local/load-bundle';
import type { Runtime } from '../local/runtime';
import { DIST, revisionOneProject, startWorkbook } from '../demo/scenario';
import { share, typedFindings } from './extras';

const FIVE = ['FR', 'DE', 'US', 'UK', 'ES'];

/** A revision-1 workbook with `findings` rows of a team's own typed below the seed (not measured). */
export function revisionOneWorkbook(
  now: Date,
  findings: number,
): { runtime: Runtime; bundle: LoadedBundle } {
  const { runtime, bundle: old } = startWorkbook(now, 'fr_FR', revisionOneProject());
  old.open('NONE');
  old.clickMenu('Set up workbook');
  runtime.runAs('FULL', () => {
    FIVE.forEach((code, k) => {
      const n = share(findings, FIVE.length, k);
      if (!n) return;
      const rows = typedFindings(code, k, n);
      const sheet = runtime.spreadsheet!.getSheetByName(`Benchmark ${code}`)!;
      const first = sheet.getLastRow() + 1;
      const need = first + rows.length - 1;
      if (need > sheet.getMaxRows())
        sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
      sheet.getRange(first, 1, rows.length, 12).setValues(rows);
    });
  });
  return { runtime, bundle: loadBundle(runtime, DIST) };
}
