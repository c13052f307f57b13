import { NO_UI_MESSAGE } from '../../../local/services/ui';
import { TOO_MANY_TRIGGERS } from '../../../local/services/script-app';
import { createRuntime, type Runtime } from '../../../local/runtime';

const ss = { getId: () => 'sheet-123' };

describe('ScriptApp enums and authorisation info', () => {
  test('AuthMode values print as their names', () => {
    const rt = createRuntime();
    const S = rt.globals.ScriptApp;
    expect(String(S.AuthMode.NONE)).toBe('NONE');
    expect([S.AuthMode.LIMITED, S.AuthMode.CUSTOM_FUNCTION, S.AuthMode.FULL].map(String)).toEqual([
      'LIMITED',
      'CUSTOM_FUNCTION',
      'FULL',
    ]);
    const info = S.getAuthorizationInfo(S.AuthMode.FULL);
    expect(String(info.getAuthorizationStatus())).toBe('NOT_REQUIRED');
    S.authorizationRequired = true;
    expect(String(S.getAuthorizationInfo(S.AuthMode.FULL).getAuthorizationStatus())).toBe(
      'REQUIRED',
    );
    expect(S.getAuthorizationInfo(S.AuthMode.FULL).getAuthorizationUrl()).toMatch(/^https:/);
  });
});

describe('triggers', () => {
  test('monthly clock trigger: stored with its schedule, listed, deleted', () => {
    const rt = createRuntime();
    const S = rt.globals.ScriptApp;
    const t = S.newTrigger('runMonthlyReport')
      .timeBased()
      .onMonthDay(1)
      .atHour(6)
      .nearMinute(15)
      .inTimezone('Europe/Paris')
      .create();
    expect(t.getHandlerFunction()).toBe('runMonthlyReport');
    expect(String(t.getEventType())).toBe('CLOCK');
    expect(String(t.getTriggerSource())).toBe('CLOCK');
    expect(t.getTriggerSourceId()).toBeNull();
    expect(rt.triggers).toEqual([
      {
        id: t.getUniqueId(),
        handler: 'runMonthlyReport',
        eventType: 'CLOCK',
        source: 'CLOCK',
        sourceId: null,
        documentId: rt.spreadsheet!.getId(),
        owner: 'user@example.com',
        schedule: { onMonthDay: 1, atHour: 6, nearMinute: 15, timezone: 'Europe/Paris' },
      },
    ]);
    expect(S.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    S.deleteTrigger(S.getProjectTriggers()[0]);
    expect(rt.triggers).toEqual([]);
  });

  test('spreadsheet triggers and getUserTriggers(ss)', () => {
    const rt = createRuntime();
    const S = rt.globals.ScriptApp;
    const edit = S.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
    S.newTrigger('onOpenInstalled').forSpreadsheet('sheet-123').onOpen().create();
    expect(String(edit.getTriggerSource())).toBe('SPREADSHEETS');
    expect(edit.getTriggerSourceId()).toBe('sheet-123');
    expect(S.getUserTriggers(ss).map((t) => t.getHandlerFunction())).toEqual([
      'onEditInstalled',
      'onOpenInstalled',
    ]);
    expect(S.getUserTriggers({ getId: () => 'other' })).toEqual([]);
  });

  test('builders validate their schedule', () => {
    const rt = createRuntime({ addOnTriggerRules: false });
    const S = rt.globals.ScriptApp;
    expect(() => S.newTrigger('f').timeBased().create()).toThrow(/recurrence/);
    expect(() => S.newTrigger('f').timeBased().everyDays(1).onMonthDay(2).create()).toThrow(
      /only one recurrence/,
    );
    expect(() => S.newTrigger('f').timeBased().everyHours(3)).toThrow(/everyHours/);
    expect(() => S.newTrigger('f').timeBased().everyMinutes(7)).toThrow(/everyMinutes/);
    expect(() => S.newTrigger('f').timeBased().atHour(24)).toThrow(/hour/);
    expect(() => S.newTrigger('f').timeBased().everyHours(1).atHour(5).create()).toThrow(/atHour/);
    expect(() => S.newTrigger('f').forSpreadsheet(ss).create()).toThrow(/event type/);
    expect(() =>
      S.newTrigger('f').timeBased().onWeekDay(S.WeekDay.MONDAY).atHour(8).create(),
    ).not.toThrow();
  });

  test('at most 20 triggers per user per script', () => {
    const rt = createRuntime({ addOnTriggerRules: false });
    const S = rt.globals.ScriptApp;
    for (let i = 0; i < 20; i++) S.newTrigger(`f${i}`).timeBased().everyDays(1).create();
    expect(() => S.newTrigger('f20').timeBased().everyDays(1).create()).toThrow(TOO_MANY_TRIGGERS);
    S.deleteTrigger(S.getProjectTriggers()[0]);
    expect(() => S.newTrigger('f20').timeBased().everyDays(1).create()).not.toThrow();
  });

  test('add-on rules: one trigger per event type per document, clock at most hourly', () => {
    const rt = createRuntime();
    const S = rt.globals.ScriptApp;
    S.newTrigger('a').timeBased().everyDays(1).create();
    expect(() => S.newTrigger('b').timeBased().everyWeeks(1).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(() => S.newTrigger('c').forSpreadsheet(ss).onEdit().create()).not.toThrow();
    const other = createRuntime();
    expect(() =>
      other.globals.ScriptApp.newTrigger('m').timeBased().everyMinutes(30).create(),
    ).toThrow(/once per hour/);
  });
});

describe('fireTrigger', () => {
  function withHandler(rt: Runtime, body: (e: Record<string, unknown>) => unknown) {
    rt.defineFunctions({ handler: (e) => body(e as Record<string, unknown>) });
    return rt.globals.ScriptApp.newTrigger('handler')
      .timeBased()
      .onMonthDay(1)
      .atHour(6)
      .create()
      .getUniqueId();
  }

  test('runs the handler in FULL with a clock event object', () => {
    const rt = createRuntime({ now: new Date('2026-12-01T05:10:00Z') });
    let seen: { mode: string; event: Record<string, unknown> } | undefined;
    const id = withHandler(rt, (e) => {
      seen = { mode: rt.ctx.authMode, event: e };
      rt.globals.MailApp.sendEmail('boss@example.com', 'Monthly', 'Done');
      return 'ok';
    });
    rt.ctx.authMode = 'LIMITED';
    expect(rt.fireTrigger(id)).toBe('ok');
    expect(rt.ctx.authMode).toBe('LIMITED');
    expect(seen!.mode).toBe('FULL');
    expect(seen!.event).toMatchObject({
      authMode: 'FULL',
      triggerUid: id,
      year: 2026,
      month: 12,
      'day-of-month': 1,
      hour: 5,
      minute: 10,
    });
    expect(rt.outbox).toHaveLength(1);
  });

  test('trigger runs have no UI: getUi() throws, and UI comes back afterwards', () => {
    const rt = createRuntime();
    const SpreadsheetApp = rt.globals.SpreadsheetApp as { getUi(): GoogleAppsScript.Base.Ui };
    const id = withHandler(rt, () => SpreadsheetApp.getUi().alert('hello'));
    expect(() => rt.fireTrigger(id)).toThrow(NO_UI_MESSAGE);
    expect(() => SpreadsheetApp.getUi()).not.toThrow();
  });

  test('unknown trigger or handler', () => {
    const rt = createRuntime();
    expect(() => rt.fireTrigger('nope')).toThrow(/No trigger/);
    const id = rt.globals.ScriptApp.newTrigger('missing')
      .timeBased()
      .everyDays(1)
      .create()
      .getUniqueId();
    expect(() => rt.fireTrigger(id)).toThrow('Script function not found: missing');
  });
});
