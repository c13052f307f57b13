/**
 * Schedule monthly report / Stop schedule, and the run the schedule triggers: one daily
 * time-driven trigger per workbook (its owner recorded in the document) that e-mails the last
 * complete month once, on the first day a run succeeds. A run that does not deliver says why in
 * Log; a failure, or a run that cannot reach the document, e-mails the schedule's owner (add-on
 * triggers send no failure e-mail: platform.md §8 item 3).
 *
 * The delivery tests run as a bound script (a team's own workbook), where a time-driven run has
 * the active spreadsheet (developers.google.com/apps-script/guides/bound); the add-on test runs
 * where the local runtime gives a time-driven run no document (local/runtime.ts).
 */
import {
  runScheduledReportFromTrigger,
  SCHEDULE_HANDLER,
  scheduleMonthlyReportFromMenu,
  stopScheduleFromMenu,
} from '../../src/sheets/schedule';
import { sampleWorkbook, setSetting } from '../core/report/fixture';
import { sheet } from '../helpers/runtime';
import { Runtime, RuntimeOptions } from '../../local/runtime';

/** 2026-11-26 10:00 in Paris: the last complete month is October. */
const NOW = new Date(Date.UTC(2026, 10, 26, 9));
/** 2026-12-01 07:00 in Paris. */
const DEC_1 = Date.UTC(2026, 11, 1, 6);
const DAY = 24 * 3600 * 1000;
const ALICE = 'ops@example.com';
const BOB = 'bob@example.com';
const BOUND: RuntimeOptions = { addOnTriggerRules: false };

const lastAlert = (rt: Runtime) => rt.ui.alerts[rt.ui.alerts.length - 1]?.prompt ?? '';
const lastToast = (rt: Runtime) => rt.toasts[rt.toasts.length - 1]?.message ?? '';
const schedule = (rt: Runtime) => rt.runAs('FULL', () => scheduleMonthlyReportFromMenu());
const stop = (rt: Runtime) => rt.runAs('FULL', () => stopScheduleFromMenu());
const logRows = (rt: Runtime) =>
  rt.runAs('FULL', () => sheet(rt, 'Log').getDataRange().getValues());
/** [who, action, warnings] of the Log lines written since `from`. */
const logSince = (rt: Runtime, from: number) =>
  logRows(rt)
    .slice(from)
    .map((r) => [r[1], r[2], r[5]]);
/**
 * Moves the day: the runtime's clock (mail quota, Utilities) and the product's `new Date()`, which
 * in these layer-2 tests is Node's (the bundle tests get the runtime clock from the loader).
 */
/** The one Log line of a run of Alice's trigger that did not deliver. */
const runLine = (why: string) => [[ALICE, 'Scheduled report', why]];
const at = (rt: Runtime, epoch: number) => {
  rt.advanceClock(epoch - rt.clock.now());
  jest.setSystemTime(epoch);
};
beforeEach(() => {
  const all = [
    'hrtime',
    'nextTick',
    'performance',
    'queueMicrotask',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'requestIdleCallback',
    'cancelIdleCallback',
    'setImmediate',
    'clearImmediate',
    'setInterval',
    'clearInterval',
    'setTimeout',
    'clearTimeout',
  ] as const;
  jest.useFakeTimers({ now: NOW, doNotFake: [...all] });
});
afterEach(() => jest.useRealTimers());
const fire = (rt: Runtime, owner = ALICE) => {
  const t = rt.triggers.find((x) => x.owner === owner);
  if (!t) throw new Error(`no trigger of ${owner}`);
  return rt.fireTrigger(t.id);
};

/** A sample workbook whose door function the trigger names (as in src/index.ts). */
function workbook(options: RuntimeOptions = BOUND): Runtime {
  const rt = sampleWorkbook(NOW, options);
  rt.defineFunctions({
    [SCHEDULE_HANDLER]: (e: unknown) => runScheduledReportFromTrigger(e as { triggerUid?: string }),
  });
  return rt;
}

describe('Schedule monthly report', () => {
  test('one daily trigger (about 7:00, spreadsheet zone) however often it is clicked', () => {
    const rt = workbook();
    schedule(rt);
    expect(lastToast(rt)).toBe(
      'The monthly report is scheduled: every day around 7:00 (Europe/Paris) a run checks whether the last complete month has been e-mailed and, on the first day it can (normally the 1st), e-mails it to the 3 recipient(s) in Settings; the first is November 2026. A run that fails e-mails you (ops@example.com).',
    );
    schedule(rt);
    schedule(rt);
    expect(rt.triggers).toHaveLength(1);
    expect(rt.triggers[0]).toMatchObject({
      handler: 'runScheduledReport',
      eventType: 'CLOCK',
      owner: ALICE,
      schedule: { everyDays: 1, atHour: 7, timezone: 'Europe/Paris' },
    });
    expect(lastToast(rt)).toMatch(/^The monthly report was already scheduled by you: every day/);
  });

  test('Stop schedule removes it; stopping again says there was nothing to stop', () => {
    const rt = workbook();
    schedule(rt);
    stop(rt);
    expect(rt.triggers).toHaveLength(0);
    expect(lastToast(rt)).toBe('The monthly report is no longer scheduled.');
    stop(rt);
    expect(lastToast(rt)).toBe('No monthly report was scheduled; nothing to stop.');
    schedule(rt);
    expect(rt.triggers).toHaveLength(1);
  });

  test('refused while Report recipients is empty or invalid: a schedule would only fail every month', () => {
    const rt = workbook();
    setSetting(rt, 'Report recipients', 'ops@example.com, nobody');
    schedule(rt);
    expect(lastAlert(rt)).toMatch(/"nobody" \(entry 2 of 2\) is not an e-mail address/);
    expect(rt.triggers).toHaveLength(0);
  });
});

describe('delivery: the last complete month, once, on the first day a run succeeds', () => {
  test('a run with nothing due says so; a busy day sends nothing and says why; the next day catches up, once', () => {
    const rt = workbook();
    schedule(rt);
    let from = logRows(rt).length;
    // The schedule began in November: October is not due, November's report goes in December.
    fire(rt);
    expect(rt.outbox).toHaveLength(0);
    expect(logSince(rt, from)).toEqual(
      runLine(
        'Nothing to send: the schedule began after October 2026; the report for November 2026 goes on 2026-12-01, or on the first day after it that a run succeeds.',
      ),
    );
    // 1 December: a colleague's action holds the document.
    at(rt, DEC_1);
    rt.locks.holdElsewhere('document', true);
    from = logRows(rt).length;
    fire(rt);
    expect(rt.outbox).toHaveLength(0);
    expect(logSince(rt, from)).toEqual(
      runLine(
        'Not sent today: the workbook was busy with another Circularity Workbench action; the report for November 2026 is still due and the next run (tomorrow around 7:00) tries again.',
      ),
    );
    // 2 December: free again. November is sent, once.
    rt.locks.holdElsewhere('document', false);
    at(rt, DEC_1 + DAY);
    from = logRows(rt).length;
    fire(rt);
    expect(rt.outbox).toHaveLength(1);
    expect(rt.outbox[0].subject).toMatch(/November 2026/);
    expect(logSince(rt, from).map((r) => r[1])).toEqual(['Report e-mailed', 'Scheduled report']);
    expect(rt.spreadsheet!.getSheetByName('Report 2026-11')).not.toBeNull();
    // 3 December and 31 December: nothing more.
    for (const day of [2, 30]) {
      at(rt, DEC_1 + day * DAY);
      from = logRows(rt).length;
      fire(rt);
      expect(logSince(rt, from)).toEqual(
        runLine('Nothing to send: the report for November 2026 was e-mailed on 2026-12-02.'),
      );
    }
    expect(rt.outbox).toHaveLength(1);
    // 1 January: December.
    at(rt, DEC_1 + 31 * DAY);
    fire(rt);
    expect(rt.outbox).toHaveLength(2);
    expect(rt.outbox[1].subject).toMatch(/December 2026/);
  });

  test('a run that fails logs why and e-mails the schedule owner (nobody else is told); the next day catches up', () => {
    const rt = workbook();
    schedule(rt);
    setSetting(rt, 'Report recipients', 'camille@example.com, nobody');
    at(rt, DEC_1);
    const from = logRows(rt).length;
    expect(() => fire(rt)).not.toThrow();
    expect(rt.outbox).toHaveLength(1);
    expect(rt.outbox[0].to).toEqual([ALICE]);
    expect(rt.outbox[0].subject).toBe(
      'Circularity Workbench: the scheduled report of "Circularity Workbench (local)" failed',
    );
    expect(rt.outbox[0].body).toMatch(/"nobody" \(entry 2 of 2\) is not an e-mail address/);
    expect(rt.outbox[0].body).toMatch(/November 2026 is still due/);
    const lines = logSince(rt, from);
    expect(lines.map((r) => r[1])).toEqual(['Failure notice e-mailed', 'Scheduled report']);
    expect(lines[0][2]).toMatch(/^to ops@example\.com \|/);
    expect(lines[1][2]).toMatch(
      /^FAILED: Settings, row \d+, column B \('Report recipients'\): "nobody"/,
    );
    // Fixed the same day; the next morning's run sends November.
    setSetting(rt, 'Report recipients', 'camille@example.com');
    at(rt, DEC_1 + DAY);
    fire(rt);
    expect(rt.outbox).toHaveLength(2);
    expect(rt.outbox[1].to).toEqual(['camille@example.com']);
    expect(rt.outbox[1].subject).toMatch(/November 2026/);
  });

  test('a run names the trigger owner in the Log and the report (no active user in trigger runs)', () => {
    const rt = workbook();
    schedule(rt);
    at(rt, DEC_1);
    const dialogs = rt.ui.dialogs.length;
    fire(rt);
    const log = logRows(rt);
    expect(log.slice(-2).map((r) => [r[1], r[2]])).toEqual([
      [ALICE, 'Report e-mailed'],
      [ALICE, 'Scheduled report'],
    ]);
    const by = rt.runAs('FULL', () => sheet(rt, 'Report 2026-11').getRange(4, 2).getValue());
    expect(by).toMatch(/by scheduled run \(ops@example\.com\)$/);
    expect(rt.ui.dialogs).toHaveLength(dialogs);
  });

  test('months the schedule could not run are named; only the last complete month is sent', () => {
    const rt = workbook();
    schedule(rt);
    at(rt, DEC_1 + 62 * DAY); // 1 February 2027: December and January are due, November too
    fire(rt);
    expect(rt.outbox).toHaveLength(1);
    expect(rt.outbox[0].subject).toMatch(/January 2027/);
    const last = logRows(rt).slice(-1)[0];
    expect(last[5]).toMatch(
      /The reports for November 2026 to December 2026 were never sent \(no run succeeded in time\); this run sends January 2027 only\./,
    );
  });
});

describe('one schedule per workbook', () => {
  test('a second person is told who owns it and can take it over; the previous trigger removes itself; one e-mail a month', () => {
    const rt = workbook();
    schedule(rt);
    // Bob clicks Schedule, reads who owns it, and says No: nothing changes.
    rt.ui.scriptResponses([{ button: 'NO' }]);
    rt.asUser(BOB, () => schedule(rt));
    expect(rt.ui.alerts[rt.ui.alerts.length - 1].prompt).toMatch(
      /^The monthly report of this workbook is scheduled by ops@example\.com \(since 2026-11-26\)\. Take it over\?/,
    );
    expect(lastToast(rt)).toBe(
      'The monthly report stays scheduled by ops@example.com; nothing changed.',
    );
    expect(rt.triggers.map((t) => t.owner)).toEqual([ALICE]);
    // Bob says Yes: his trigger, and he owns the schedule. Alice's trigger is hers to delete.
    rt.ui.scriptResponses([{ button: 'YES' }]);
    rt.asUser(BOB, () => schedule(rt));
    expect(lastToast(rt)).toMatch(
      /^You took over the monthly report from ops@example\.com: every day around 7:00.*ops@example\.com's trigger removes itself on its next run\.$/,
    );
    expect(rt.triggers.map((t) => t.owner)).toEqual([ALICE, BOB]);
    // 1 December: both triggers run. Bob's sends; Alice's removes itself and sends nothing.
    at(rt, DEC_1);
    const from = logRows(rt).length;
    fire(rt, BOB);
    fire(rt, ALICE);
    expect(rt.outbox).toHaveLength(1);
    expect(logSince(rt, from)).toEqual([
      [BOB, 'Report e-mailed', expect.any(String)],
      [BOB, 'Scheduled report', expect.any(String)],
      [
        ALICE,
        'Scheduled report',
        'Not sent: the schedule now belongs to bob@example.com; this trigger of ops@example.com removed itself.',
      ],
    ]);
    expect(rt.triggers.map((t) => t.owner)).toEqual([BOB]);
    // Bob clicking again: already his.
    rt.asUser(BOB, () => schedule(rt));
    expect(lastToast(rt)).toMatch(/^The monthly report was already scheduled by you/);
  });

  test("anyone's Stop schedule stops the workbook's schedule: the owner's trigger removes itself on its next run", () => {
    const rt = workbook();
    schedule(rt);
    rt.asUser(BOB, () => stop(rt));
    expect(lastToast(rt)).toBe(
      "The monthly report of ops@example.com is no longer scheduled: ops@example.com's trigger removes itself on its next run (nobody else can delete it).",
    );
    at(rt, DEC_1);
    const from = logRows(rt).length;
    fire(rt);
    expect(rt.outbox).toHaveLength(0);
    expect(rt.triggers).toHaveLength(0);
    expect(logSince(rt, from)).toEqual(
      runLine(
        'Not sent: bob@example.com stopped the schedule on 2026-11-26; this trigger of ops@example.com removed itself.',
      ),
    );
  });

  test('a trigger of the previous version (monthly, no schedule recorded) is replaced by the daily one and delivers', () => {
    const rt = workbook();
    rt.runAs('FULL', () =>
      ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased().onMonthDay(1).atHour(7).create(),
    );
    at(rt, DEC_1);
    fire(rt);
    expect(rt.outbox).toHaveLength(1);
    expect(rt.triggers).toHaveLength(1);
    expect(rt.triggers[0].schedule).toMatchObject({ everyDays: 1, atHour: 7 });
  });
});

describe('an editor add-on: a time-driven run that cannot reach the spreadsheet', () => {
  test('e-mails the owner naming the workbook, removes its trigger, and sends no report', () => {
    const rt = workbook({});
    schedule(rt);
    at(rt, DEC_1);
    expect(() => fire(rt)).not.toThrow();
    expect(rt.outbox).toHaveLength(1);
    expect(rt.outbox[0].to).toEqual([ALICE]);
    expect(rt.outbox[0].subject).toBe(
      'Circularity Workbench: the scheduled report of "Circularity Workbench (local)" could not run',
    );
    expect(rt.outbox[0].body).toMatch(/no access to the spreadsheet/);
    expect(rt.outbox[0].body).toMatch(/https:\/\/docs\.google\.com\/spreadsheets\/d\//);
    expect(rt.outbox[0].body).toMatch(/stopped itself/);
    expect(rt.triggers).toHaveLength(0);
  });
});
