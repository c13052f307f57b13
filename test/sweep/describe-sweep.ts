/**
 * The Jest side of the sweep: one describe per action (one test file each, so Jest's workers
 * share them out), a test per failure mode and one for the colleague's edits.
 *
 * It runs in its own CI step (`npm run sweep`, .ci/run), not in npm test: it replays the actions
 * thousands of times. On by default; CIRC_SWEEP=0 skips it (e.g. on a laptop in a hurry).
 */
import { diffFingerprints } from '../../local/export/fingerprint';
import type { FailureMode } from '../../local/runtime';
import { sweptAction } from './actions';
import {
  cleanRun,
  colleagueCase,
  convergenceCase,
  newRetryMemo,
  writeCalls,
  type CleanRun,
  type Mismatch,
} from './engine';
import { groupMismatches, writeFindings } from './report';
import { sweepWorkbook, type SweepWorkbook } from './workbook';

export const SWEEP_ON = process.env.CIRC_SWEEP !== '0';

/** Generous: the longest action takes a few minutes on a loaded 2-core machine. */
const TIMEOUT_MS = 30 * 60_000;

export function describeSweep(caption: string): void {
  (SWEEP_ON ? describe : describe.skip)(`convergence sweep: ${caption}`, () => {
    const action = sweptAction(caption);
    let w: SweepWorkbook;
    let clean: CleanRun;

    beforeAll(() => {
      w = sweepWorkbook(action);
      clean = cleanRun(w, action);
    }, TIMEOUT_MS);

    test('the clean run changes the document and gives the same workbook every time', () => {
      expect(writeCalls(clean).length).toBeGreaterThan(0);
      expect(diffFingerprints(clean.fingerprint, cleanRun(w, action).fingerprint)).toEqual([]);
    });

    test.each<FailureMode>(['throw', 'kill'])(
      'whichever service call fails (%s), the next run leaves the clean run’s workbook',
      (mode) => {
        const found: Mismatch[] = [];
        const retries = newRetryMemo();
        for (let i = 1; i <= clean.calls.length; i++) {
          const m = convergenceCase(w, action, clean, mode, i, retries);
          if (m) found.push(m);
        }
        writeFindings(caption, mode, found);
        expect(groupMismatches(found)).toEqual([]);
      },
      TIMEOUT_MS,
    );

    test(
      "a colleague's edit just before any write survives the action",
      () => {
        const found: Mismatch[] = [];
        for (const n of writeCalls(clean)) {
          const m = colleagueCase(w, action, clean, n);
          if (m) found.push(m);
        }
        writeFindings(caption, 'colleague', found);
        expect(groupMismatches(found)).toEqual([]);
      },
      TIMEOUT_MS,
    );
  });
}
