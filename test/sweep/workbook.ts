/**
 * The sample workbook the sweep starts every case from: the demo's (npm start) — set up, sample
 * data, an import, ratings consolidated, partners scored, weights derived, the dashboard, the
 * benchmark with an added country, a report generated and e-mailed, a schedule — driven through
 * the built bundle's menu, then saved once with runtime.checkpoint() and restored for each case.
 */
import type { LoadedBundle } from '../../local/load-bundle';
import type { Runtime, RuntimeCheckpoint } from '../../local/runtime';
import { runDemo } from '../../demo/scenario';
import type { SweptAction } from './actions';

/** The demo's instant, fixed: every run of every case starts at this time on the runtime clock. */
export const SWEEP_NOW = new Date(Date.UTC(2026, 10, 26, 9));

export interface SweepWorkbook {
  rt: Runtime;
  bundle: LoadedBundle;
  /** The workbook just before the action's clean run. */
  start: RuntimeCheckpoint;
}

/** A valid AHP block (every judgement 1): the demo's ratios leave one off Saaty's scale. */
function fillAhpWithOnes(rt: Runtime): void {
  rt.runAs('FULL', () => {
    const ahp = rt.spreadsheet!.getSheetByName('AHP')!;
    const n = ahp.getLastRow() - 4;
    ahp.getRange(5, 2, n, n).setValues(Array.from({ length: n }, () => new Array(n).fill(1)));
  });
}

export function sweepWorkbook(action: SweptAction): SweepWorkbook {
  const { runtime: rt, bundle } = runDemo(() => {}, SWEEP_NOW);
  fillAhpWithOnes(rt);
  for (const caption of action.before ?? []) bundle.clickMenu(caption);
  return { rt, bundle, start: rt.checkpoint() };
}
