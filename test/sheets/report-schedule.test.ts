/**
 * Schedule monthly report / Stop schedule, and the scheduled run: exactly one time-driven trigger
 * however often it is clicked; the run (no UI) reports the month just ended and e-mails it.
 */
import { lastCompleteMonth } from '../../src/core/kpi/months';
import {
  runScheduledReportFromTrigger,
  SCHEDULE_HANDLER,
  scheduleMonthlyReportFromMenu,
  stopScheduleFromMenu,
} from '../../src/sheets/schedule';
import { sampleWorkbook, setSetting } from '../core/report/fixture';
import { sheet } from '../helpers/runtime';
import { Runtime } from '../../local/runtime';

const NOW = new Date();
const lastAlert = (rt: Runtime) => rt.ui.alerts[rt.ui.alerts.length - 1]?.prompt ?? '';
const lastToast = (rt: Runtime) => rt.toasts[rt.toasts.length - 1]?.message ?? '';
const schedule = (rt: Runtime) => rt.runAs('FULL', () => scheduleMonthlyReportFromMenu());
const stop = (rt: Runtime) => rt.runAs('FULL', () => stopScheduleFromMenu());

/** The door function the trigger names (as it will be in src/index.ts). */
function withHandler(rt: Runtime): Runtime {
  rt.defineFunctions({ [SCHEDULE_HANDLER]: () => runScheduledReportFromTrigger() });
  return rt;
}

describe('Schedule monthly report', () => {
  test('exactly one monthly trigger (day 1, 7:00, spreadsheet zone) however often it is clicked', () => {
    const rt = sampleWorkbook(NOW);
    schedule(rt);
    expect(lastToast(rt)).toMatch(
      /^The monthly report is scheduled: on day 1 of every month around 7:00 \(Europe\/Paris\), the month just ended is reported and e-mailed to the 3 recipient\(s\)/,
    );
    schedule(rt);
    schedule(rt);
    expect(rt.triggers).toHaveLength(1);
    expect(rt.triggers[0]).toMatchObject({
      handler: 'runScheduledReport',
      eventType: 'CLOCK',
      schedule: { onMonthDay: 1, atHour: 7, timezone: 'Europe/Paris' },
    });
    expect(lastToast(rt)).toMatch(/^The monthly report was already scheduled/);
  });

  test('Stop schedule removes it; stopping again says there was nothing to stop', () => {
    const rt = sampleWorkbook(NOW);
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
    const rt = sampleWorkbook(NOW);
    setSetting(rt, 'Report recipients', 'ops@example.com, nobody');
    schedule(rt);
    expect(lastAlert(rt)).toMatch(/"nobody" \(entry 2 of 2\) is not an e-mail address/);
    expect(rt.triggers).toHaveLength(0);
  });

  test('the scheduled run reports the month just ended and e-mails it, without any UI', () => {
    const rt = withHandler(sampleWorkbook(NOW));
    schedule(rt);
    const alerts = rt.ui.dialogs.length;
    const toasts = rt.toasts.length;
    rt.fireTrigger(rt.triggers[0].id);
    const month = lastCompleteMonth(NOW, 'Europe/Paris');
    expect(rt.outbox).toHaveLength(1);
    expect(rt.outbox[0].to).toEqual([
      'camille@example.com',
      'jonas@example.org',
      'priya@example.net',
    ]);
    expect(Object.keys(rt.outbox[0].inlineImages)).toHaveLength(4);
    expect(rt.spreadsheet!.getSheetByName(`Report ${month}`)).not.toBeNull();
    expect([rt.ui.dialogs.length, rt.toasts.length]).toEqual([alerts, toasts]);
    const log = rt.runAs('FULL', () => sheet(rt, 'Log').getDataRange().getValues());
    expect(log.slice(-2).map((r) => r[2])).toEqual(['Report e-mailed', 'Scheduled report']);
    const grid = rt.runAs('FULL', () => sheet(rt, `Report ${month}`).getRange(4, 2).getValue());
    expect(grid).toMatch(/by scheduled run \(ops@example\.com\)$/);
  });

  test('a scheduled run names the trigger owner in the Log and the report (no active user in trigger runs)', () => {
    const rt = withHandler(sampleWorkbook(NOW));
    schedule(rt);
    // Apps Script runs the handler as a trigger: blank active user, the owner as effective user.
    rt.fireTrigger(rt.triggers[0].id);
    expect(rt.outbox).toHaveLength(1);
    const log = rt.runAs('FULL', () => sheet(rt, 'Log').getDataRange().getValues());
    expect(log.slice(-2).map((r) => [r[1], r[2]])).toEqual([
      ['ops@example.com', 'Report e-mailed'],
      ['ops@example.com', 'Scheduled report'],
    ]);
    const month = lastCompleteMonth(NOW, 'Europe/Paris');
    const by = rt.runAs('FULL', () => sheet(rt, `Report ${month}`).getRange(4, 2).getValue());
    expect(by).toMatch(/by scheduled run \(ops@example\.com\)$/);
  });

  test('a scheduled run that cannot send fails loudly (Apps Script then e-mails the owner) and logs why', () => {
    const rt = withHandler(sampleWorkbook(NOW, { mailDailyRecipients: 1 }));
    schedule(rt);
    expect(() => rt.fireTrigger(rt.triggers[0].id)).toThrow(
      /daily e-mail quota has 1 recipient\(s\) left/,
    );
    const log = rt.runAs('FULL', () => sheet(rt, 'Log').getDataRange().getValues());
    expect(log[log.length - 1][2]).toBe('Scheduled report');
    expect(log[log.length - 1][5]).toMatch(/^FAILED: The daily e-mail quota/);
    expect(rt.outbox).toHaveLength(0);
  });
});
