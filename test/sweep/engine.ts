/**
 * The convergence sweep of issue 15, point 3, for one menu action:
 * - a clean run from the saved workbook counts the action's N service calls;
 * - for each call i ≤ N and each failure mode ('throw': the service throws and the script's catch
 *   and finally run; 'kill': Apps Script ends the execution at that call and nothing of the script
 *   runs after it), the workbook is restored, the action runs with call i failing, then runs again
 *   cleanly, and the result must be the clean run's (fingerprintWorkbook);
 * - for each call of the clean run that changes the document, the workbook is restored and a
 *   colleague types into a cell just before that call; the value must still be there at the end.
 */
import {
  diffFingerprints,
  fingerprintWorkbook,
  type FingerprintOptions,
  type WorkbookFingerprint,
} from '../../local/export/fingerprint';
import type { FailureMode, Runtime } from '../../local/runtime';
import type { ColleagueEdit, SweptAction } from './actions';
import type { SweepWorkbook } from './workbook';

/**
 * The one exclusion the product needs on top of fingerprint.ts's: Log's lines (row 2 on). A failed
 * run adds a FAILED line by design, and each line holds its run's time; the header row, the tab's
 * formats, validations and protections are still compared.
 */
export const FINGERPRINT_OPTIONS: FingerprintOptions = {
  volatileRows: { Log: 2 },
  documentProperties: {
    // The schedule's record (src/sheets/schedule-state.ts) names its trigger by id, new with every
    // trigger made: compared is whether the trigger it names is there.
    'circ.schedule': (value, _sheetIds, triggerIds) => {
      const record = JSON.parse(value) as Record<string, unknown>;
      const id = record.triggerId;
      return JSON.stringify({
        ...record,
        triggerId: typeof id === 'string' ? triggerIds.has(id) : id,
      });
    },
    // The add-on's record of the generated tabs it made (src/sheets/generated.ts) holds sheet ids,
    // new on every rebuild: compared is what it means — for each name, whether the tab of that
    // name now is one the add-on recorded.
    'circ.generatedTabs': (value, sheetIds) => {
      const registry = JSON.parse(value) as Record<string, number[]>;
      return JSON.stringify(
        Object.keys(registry)
          .sort()
          .map((name) => [
            name,
            sheetIds.has(name) ? registry[name].includes(sheetIds.get(name)!) : 'no tab',
          ]),
      );
    },
  },
};

export interface CleanRun {
  /** Every service call of the run, in order, with what it needs. */
  calls: { name: string; needs: string }[];
  fingerprint: WorkbookFingerprint;
  /** The last alert of the run (the outcome the person saw). */
  said: string;
}

export interface Mismatch {
  action: string;
  /** 'throw' / 'kill' for the convergence cases, 'colleague' for a lost edit. */
  mode: FailureMode | 'colleague';
  /** 1-based index of the failing call (or of the write the colleague's edit preceded). */
  call: number;
  method: string;
  /** What the faulty run ended with: its last alert, or the error it threw. */
  faultyRun: string;
  differences: string[];
}

function lastAlert(rt: Runtime, since: number): string {
  const alerts = rt.ui.alerts.slice(since);
  return alerts.length ? alerts[alerts.length - 1].prompt : '(no alert)';
}

/** Clicks the action's menu item as a person does, answering its prompt; never throws. */
function click(w: SweepWorkbook, action: SweptAction): { error: string | null; said: string } {
  const since = w.rt.ui.alerts.length;
  // A run killed before its prompt leaves the answer queued: the retry uses that one.
  if (action.answers && w.rt.ui.pendingResponses() === 0) w.rt.ui.scriptResponses(action.answers);
  try {
    w.bundle.clickMenu(action.caption);
    return { error: null, said: lastAlert(w.rt, since) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), said: lastAlert(w.rt, since) };
  }
}

export function cleanRun(w: SweepWorkbook, action: SweptAction): CleanRun {
  w.rt.restore(w.start);
  w.rt.ctx.journal = [];
  const outcome = click(w, action);
  const calls = w.rt.ctx.journal;
  w.rt.ctx.journal = null;
  if (outcome.error) throw new Error(`the clean run of ${action.caption} threw: ${outcome.error}`);
  return { calls, fingerprint: fingerprintWorkbook(w.rt, FINGERPRINT_OPTIONS), said: outcome.said };
}

const firstLine = (s: string) => s.split('\n')[0].slice(0, 200);

/** Call i fails in the given mode, then the action runs again: the workbook must be the clean run's. */
export function convergenceCase(
  w: SweepWorkbook,
  action: SweptAction,
  clean: CleanRun,
  mode: FailureMode,
  i: number,
  retries?: RetryMemo,
): Mismatch | null {
  const { rt } = w;
  rt.restore(w.start);
  rt.failCall(i, mode);
  const faulty = click(w, action);
  const mismatch = (differences: string[]): Mismatch => ({
    action: action.caption,
    mode,
    call: i,
    method: clean.calls[i - 1].name,
    faultyRun: firstLine(faulty.error ? `threw: ${faulty.error}` : faulty.said),
    differences,
  });
  if (rt.plannedCalls() > 0) {
    // The failing run made fewer calls than the clean one before i: the sweep cannot say more.
    rt.restore(w.start);
    return mismatch([`the faulty run never reached call ${i}`]);
  }
  // Only a killed run's state is known without looking: a thrown failure runs catch and finally.
  const key = retries && mode === 'kill' ? stateBefore(clean, i) : null;
  let differences = key === null ? undefined : retries!.get(key);
  if (!differences) {
    const retry = click(w, action);
    differences = diffFingerprints(clean.fingerprint, fingerprintWorkbook(rt, FINGERPRINT_OPTIONS));
    if (retry.error) differences.unshift(`the retry threw: ${retry.error}`);
    if (key !== null) retries!.set(key, differences);
  }
  return differences.length ? mismatch(differences) : null;
}

/**
 * The outcome of the next run after a run killed at call i, shared by every i that leaves the
 * same state. A killed run is the clean run up to call i (same start, deterministic runtime) and
 * then nothing: what it leaves is the effect of calls 1 … i-1, and calls that only read the
 * document, the clock or who is at the keyboard change nothing. So every i with the same number of
 * other calls before it leaves the same state, and the next run is run once for them (every call is
 * still failed and each failing call still reported on its own). A thrown failure runs the
 * script's catch and finally, which may write: its next run always runs.
 * CIRC_SWEEP_EVERY_RETRY=1 runs every next run.
 */
export type RetryMemo = Map<number, string[]>;

export const newRetryMemo = (): RetryMemo | undefined =>
  process.env.CIRC_SWEEP_EVERY_RETRY === '1' ? undefined : new Map();

/** Calls of the journal that change nothing another call can see. */
const READS_ONLY = new Set(['document-read', 'free', 'user-data']);

/** How many calls before call i (1-based) of the clean run could change what a later call sees. */
export function stateBefore(clean: CleanRun, i: number): number {
  let n = 0;
  for (let k = 0; k < i - 1; k++) if (!READS_ONLY.has(clean.calls[k].needs)) n++;
  return n;
}

/** The 1-based row and column of the colleague's cell, read from the model (no service call). */
function locate(rt: Runtime, edit: ColleagueEdit): { row: number; col: number } | string {
  const sheet = rt.spreadsheet!.sheets.find((s) => s.name === edit.tab);
  if (!sheet) return `no tab '${edit.tab}'`;
  const width = Math.max(sheet.contentLastColumn(), 1);
  const height = Math.max(sheet.contentLastRow(), 1);
  const grid = sheet.data.values.read(0, 0, height, width, (v) => v ?? '');
  const col = grid[0].map(String).indexOf(edit.column) + 1;
  if (col === 0) return `no column '${edit.column}' in '${edit.tab}'`;
  if (typeof edit.row === 'number') return { row: edit.row, col };
  const { column, matches } = edit.row;
  const keyCol = grid[0].map(String).indexOf(column);
  const row = grid.findIndex(
    (r, i) =>
      i > 0 &&
      (typeof matches === 'string' ? r[keyCol] === matches : matches.test(String(r[keyCol]))),
  );
  return row < 0
    ? `no row whose ${column} is ${String(matches)} in '${edit.tab}'`
    : { row: row + 1, col };
}

/** What the colleague's cell holds (matched again: rows may have moved), or why it is not found. */
export function colleagueCell(rt: Runtime, edit: ColleagueEdit): unknown {
  const at = locate(rt, edit);
  if (typeof at === 'string') return `(${at})`;
  return rt.spreadsheet!.sheet(edit.tab).data.values.get(at.row - 1, at.col - 1);
}

/** A colleague types into their cell just before write call n; it must survive the action. */
export function colleagueCase(
  w: SweepWorkbook,
  action: SweptAction,
  clean: CleanRun,
  n: number,
): Mismatch | null {
  const { rt } = w;
  const edit = action.colleague;
  rt.restore(w.start);
  let typed = false;
  rt.beforeCall(n, () => {
    const at = locate(rt, edit);
    if (typeof at === 'string') return;
    rt.spreadsheet!.sheet(edit.tab).getRange(at.row, at.col).setValue(edit.value);
    typed = true;
  });
  const run = click(w, action);
  const mismatch = (what: string): Mismatch => ({
    action: action.caption,
    mode: 'colleague',
    call: n,
    method: clean.calls[n - 1].name,
    faultyRun: firstLine(run.error ? `threw: ${run.error}` : run.said),
    differences: [what],
  });
  if (rt.plannedCalls() > 0) return mismatch(`the run never reached call ${n}`);
  if (!typed)
    return mismatch(`the colleague found no cell to type in (${edit.tab} ${edit.column})`);
  const now = colleagueCell(rt, edit);
  if (now === edit.value) return null;
  const where = typeof edit.row === 'number' ? `row ${edit.row}` : String(edit.row.matches);
  const found = now instanceof Date ? now.toISOString() : now;
  return mismatch(
    `${edit.tab} ${edit.column} of ${where}: typed ${JSON.stringify(edit.value)}, found ${JSON.stringify(found)}`,
  );
}

/** The calls of a clean run that change the document, as 1-based indexes. */
export function writeCalls(clean: CleanRun): number[] {
  return clean.calls.flatMap((c, i) => (c.needs === 'document-write' ? [i + 1] : []));
}
