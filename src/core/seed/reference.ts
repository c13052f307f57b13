/**
 * Seed rows of the reference tabs, keyed by tab name and laid out in each tab's column order:
 * KPI targets and emission factors (from the KPI core, which owns their meaning).
 */
import { Grid } from '../cells';
import { alignRows } from '../align';
import { FACTORS_SEED } from '../kpi/factors';
import { KPI_TARGETS_SEED } from '../kpi/targets-seed';
import { FACTORS, KPI_TARGETS, TabSpec } from '../schema/tabs';

function inSpecOrder(spec: TabSpec, seed: Grid): Grid {
  const [header, ...rows] = seed;
  return alignRows(header.map(String), rows, spec.columns.map((c) => c.header)).rows;
}

export function referenceSeeds(): Record<string, Grid> {
  return {
    [KPI_TARGETS.name]: inSpecOrder(KPI_TARGETS, KPI_TARGETS_SEED),
    [FACTORS.name]: inSpecOrder(FACTORS, FACTORS_SEED),
  };
}
