/**
 * Data and actions of the benchmark that depend on the country-benchmark feature: extra country
 * tabs, and findings spread over every country tab, typed in as a person would (not measured).
 */
import { Runtime } from '../local/runtime';
import { LoadedBundle } from '../local/load-bundle';
import { BENCHMARK_COLUMNS } from '../src/core/schema/tabs';
import { BENCHMARK_DIMENSIONS } from '../src/core/schema/lists';
import { Grid } from '../src/core/cells';

export interface SizeExtras {
  /** Benchmark findings replacing the seed (0 = the 150 seeded rows of the five tabs). */
  findings: number;
  countries: number;
}

const EXTRA_COUNTRIES = [
  'IT',
  'NL',
  'BE',
  'AT',
  'PT',
  'IE',
  'SE',
  'PL',
  'JP',
  'CA',
  'AU',
  'CH',
  'NO',
];
const FIVE = ['FR', 'DE', 'US', 'UK', 'ES'];

/** The k-th of `parts` shares of `total` rows (the first ones take the remainder). */
export const share = (total: number, parts: number, k: number): number =>
  Math.floor(total / parts) + (k < total % parts ? 1 : 0);

/** A team's own findings typed into a country tab (no seed ref), the k-th country's mix. */
export function typedFindings(code: string, k: number, n: number): Grid {
  return Array.from({ length: n }, (_, i) => [
    BENCHMARK_DIMENSIONS[(i + k) % BENCHMARK_DIMENSIONS.length],
    `${code} topic ${i}`,
    `Finding ${i} for ${code}`,
    i % 3 ? 10 + i : '',
    i % 3 ? '%' : '',
    2005 + ((i * 7) % 21),
    'Implication',
    i % 50 ? '' : 'A practice',
    i % 9 ? 'verified' : 'to verify',
    'source.example/path',
    i % 5 ? '' : new Date(Date.UTC(2024, i % 12, 1)),
    'Owner',
  ]);
}

export function extraActions(): string[] {
  return ['Import benchmark seed', 'Refresh benchmark', 'Generate report…', 'Email report…'];
}

/** What the person answers to each action's prompt: a blank period means the default one. */
export function answersFor(action: string): { button: 'OK'; text?: string }[] {
  return /report…$/.test(action) ? [{ button: 'OK', text: '' }] : [];
}

export function prepareExtras(runtime: Runtime, bundle: LoadedBundle, size: SizeExtras): void {
  runtime.runAs('FULL', () => {
    const settings = runtime.spreadsheet!.getSheetByName('Settings')!;
    const keys = settings
      .getRange(1, 1, settings.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    settings
      .getRange(keys.indexOf('Report recipients') + 1, 2)
      .setValue('ops-team@example.com, director@example.com');
  });
  const extra = EXTRA_COUNTRIES.slice(0, Math.max(0, size.countries - FIVE.length));
  for (const code of extra) {
    runtime.ui.scriptResponses([{ button: 'OK', text: code }]);
    bundle.clickMenu('Add country…');
    const left = runtime.ui.pendingResponses();
    if (left) throw new Error(`Add country… did not prompt for ${code} (${left} answer(s) left)`);
    if (!runtime.spreadsheet!.getSheetByName(`Benchmark ${code}`))
      throw new Error(
        `Add country… did not create Benchmark ${code}: ${runtime.ui.alerts.at(-1)?.prompt}`,
      );
  }
  if (!size.findings) return;
  const countries = [...FIVE, ...extra];
  runtime.runAs('FULL', () => {
    countries.forEach((code, k) => {
      const rows = typedFindings(code, k, share(size.findings, countries.length, k));
      const sheet = runtime.spreadsheet!.getSheetByName(`Benchmark ${code}`)!;
      const need = rows.length + 1;
      if (need > sheet.getMaxRows())
        sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
      // Replace whatever the tab held (seed facts) with the fixture rows, ref column cleared.
      sheet.getRange(2, 1, sheet.getMaxRows() - 1, BENCHMARK_COLUMNS.length + 1).clearContent();
      sheet.getRange(2, 1, rows.length, BENCHMARK_COLUMNS.length).setValues(rows);
    });
  });
}
