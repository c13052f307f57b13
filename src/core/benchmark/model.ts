/**
 * The benchmark as one plain value: every country tab parsed, in overview order, plus the
 * GLOBAL context facts of the seed. Built from grids the adapter read (one per tab).
 */
import { Grid } from '../cells';
import { benchmarkCountryTab } from '../schema/tabs';
import { COUNTRIES } from '../schema/lists';
import { CountryFindings, missingCountry, parseCountryTab } from './parse';
import { globalFacts, SeedFact } from './seed';
import { codeOfTab } from './tab-columns';

export interface BenchmarkModel {
  countries: CountryFindings[];
  /** Seed facts with no country (GLOBAL): shown once on the overview. */
  global: SeedFact[];
}

/**
 * The countries of the overview: the five of product.md always (a missing tab shows as a gap),
 * then every other `Benchmark XX` tab, by code. One tab per code (the first found wins).
 */
export function benchmarkTabs(
  tabNames: readonly string[],
): { code: string; tab: string; exists: boolean }[] {
  const found = new Map<string, string>();
  for (const name of tabNames) {
    const code = codeOfTab(name);
    if (code && (!found.has(code) || name === benchmarkCountryTab(code).name))
      found.set(code, name);
  }
  const others = [...found.keys()]
    .filter((c) => !(COUNTRIES as readonly string[]).includes(c))
    .sort();
  return [...COUNTRIES, ...others].map((code) => {
    const tab = found.get(code);
    return { code, tab: tab ?? benchmarkCountryTab(code).name, exists: tab !== undefined };
  });
}

/** Parses each tab's grid (null for a tab the workbook lacks). */
export function benchmarkModel(
  tabs: { code: string; tab: string; grid: Grid | null }[],
  /** The spreadsheet's zone: dates in messages are its days. */
  timeZone = 'UTC',
): BenchmarkModel {
  return {
    countries: tabs.map((t) =>
      t.grid ? parseCountryTab(t.code, t.tab, t.grid, timeZone) : missingCountry(t.code, t.tab),
    ),
    global: globalFacts(),
  };
}

/** Per country tab, its first unreadable cells in full, then a count. */
const ISSUES_SHOWN = 10;

/** What keeps the country tabs from being read in full, for a message: missing tabs, bad cells. */
export function benchmarkWarnings(model: BenchmarkModel): string[] {
  const warnings: string[] = [];
  for (const c of model.countries) {
    if (!c.exists)
      warnings.push(
        `${c.tab}: the tab is missing (run Set up workbook, or Add country…); shown as a gap.`,
      );
    warnings.push(...c.issues.slice(0, ISSUES_SHOWN));
    if (c.issues.length > ISSUES_SHOWN)
      warnings.push(
        `${c.tab}: … and ${c.issues.length - ISSUES_SHOWN} more cell(s) that could not be read.`,
      );
  }
  return warnings;
}
