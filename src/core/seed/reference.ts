/**
 * Seed rows of the reference tabs, keyed by tab name and laid out in each tab's column order:
 * KPI targets and emission factors (from the KPI core, which owns their meaning) and the sourced
 * benchmark facts of each country.
 */
import { Grid } from '../cells';
import { alignRows } from '../align';
import { FACTORS_SEED } from '../kpi/factors';
import { KPI_TARGETS_SEED } from '../kpi/targets-seed';
import { benchmarkCountryTab, FACTORS, KPI_TARGETS, TabSpec } from '../schema/tabs';
import { COUNTRIES } from '../schema/lists';
import { benchmarkSeedRows } from '../benchmark/seed';

function inSpecOrder(spec: TabSpec, seed: Grid): Grid {
  const [header, ...rows] = seed;
  return alignRows(
    header.map(String),
    rows,
    spec.columns.map((c) => c.header),
  ).rows;
}

/** @param timeZone the spreadsheet's: a seeded fact's Last reviewed is midnight of its checked day there. */
export function referenceSeeds(timeZone = 'UTC'): Record<string, Grid> {
  return {
    [KPI_TARGETS.name]: inSpecOrder(KPI_TARGETS, KPI_TARGETS_SEED),
    [FACTORS.name]: inSpecOrder(FACTORS, FACTORS_SEED),
    // Empty country tabs get their seed facts (spec order, Seed ref last).
    ...Object.fromEntries(
      COUNTRIES.map((c) => [benchmarkCountryTab(c).name, benchmarkSeedRows(c, timeZone)]),
    ),
  };
}
