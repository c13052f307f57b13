/**
 * Seed of the `KPI Targets` tab (header row first, ready for setValues). Ids in the KPI column
 * because they never change; labels are accepted too. Shares and tolerances on shares are
 * fractions (0.7 = 70 %, tolerance 0.05 = 5 percentage points); other tolerances are in the KPI's
 * unit. Volumes (requests, received, weight, CO2e) get no target: they depend on the business plan.
 */
import { Grid } from '../cells';
import { KPI_TARGETS_HEADERS } from './targets';

export const KPI_TARGETS_SEED: Grid = [
  [...KPI_TARGETS_HEADERS],
  ['conversion', 0.6, 'higher', 0.05, 'Ops'],
  ['lead_time_median', 10, 'lower', 2, 'Ops'],
  ['lead_time_p90', 21, 'lower', 4, 'Ops'],
  ['inspection_lead_time_median', 3, 'lower', 1, 'Ops'],
  ['reuse_rate', 0.7, 'higher', 0.05, 'Ops'],
  ['erasure_coverage', 0.99, 'higher', 0.01, 'Ops'],
  ['csat', 4.3, 'higher', 0.2, 'Ops'],
  ['complaints_per_1000', 15, 'lower', 5, 'Ops'],
  ['cost_per_device', 18, 'lower', 2, 'Ops'],
  ['payout_per_device', 50, 'higher', 5, 'Ops'],
  ['lost_rate', 0.01, 'lower', 0.005, 'Ops'],
];
