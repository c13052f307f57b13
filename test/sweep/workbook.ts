/**
 * The sample workbook the sweep starts every case from: the demo's (npm start) — set up, sample
 * data, an import, ratings consolidated, partners scored, weights derived, the dashboard, the
 * benchmark with an added country, a report generated and e-mailed, a schedule — driven through
 * the built bundle's menu, then saved once with runtime.checkpoint() and restored for each case.
 */
import type { LoadedBundle } from '../../local/load-bundle';
import type { Runtime, RuntimeCheckpoint } from '../../local/runtime';
import {
  DIST,
  editSeededFacts,
  revisionOneProject,
  runDemo,
  startWorkbook,
} from '../../demo/scenario';
import { loadBundle } from '../../local/load-bundle';
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

/** Set up by the version that shipped seed revision 1, facts edited and deleted, then updated. */
function seedRevisionOne(): { runtime: Runtime; bundle: LoadedBundle } {
  const { runtime, bundle: old } = startWorkbook(SWEEP_NOW, 'fr_FR', revisionOneProject());
  old.open('NONE');
  old.clickMenu('Set up workbook');
  runtime.runAs('FULL', () => editSeededFacts(runtime));
  return { runtime, bundle: loadBundle(runtime, DIST) };
}

export function sweepWorkbook(action: SweptAction): SweepWorkbook {
  if (action.variant?.start === 'seed revision 1') {
    const { runtime: rt, bundle } = seedRevisionOne();
    return { rt, bundle, start: rt.checkpoint() };
  }
  const { runtime: rt, bundle } = runDemo(() => {}, SWEEP_NOW);
  fillAhpWithOnes(rt);
  for (const caption of action.before ?? []) bundle.clickMenu(caption);
  return { rt, bundle, start: rt.checkpoint() };
}
