/**
 * runtime.failCall(n, mode) and runtime.beforeCall(n, fn): the nth service call from now fails as
 * a flaky service does ('throw': the script's catch and finally run) or as Apps Script's time
 * limit does ('kill': the execution is dead from that call on, platform.md §1 and §8), and a
 * colleague's edit lands just before a given call, as another user, not counted as the script's.
 */
import {
  COLLEAGUE_EMAIL,
  EXECUTION_KILLED_MESSAGE,
  SERVICE_ERROR_MESSAGE,
  createRuntime,
  type Runtime,
} from '../../../local/runtime';

/** A script: three reads, then a catch and a finally that each call a service and note it. */
function script(rt: Runtime, seen: string[]): () => void {
  return () => {
    const ss = rt.globals.SpreadsheetApp.getActiveSpreadsheet(); // call 1
    try {
      ss.getName(); // call 2
      ss.getSheets(); // call 3
      seen.push('body done');
    } catch (e) {
      seen.push(`caught: ${(e as Error).message}`);
      ss.toast('failed'); // a call in catch
    } finally {
      seen.push('finally');
      rt.globals.SpreadsheetApp.flush(); // a call in finally
    }
  };
}

describe('failCall', () => {
  test("'throw': the nth call throws a service error; catch and finally run and reach services", () => {
    const rt = createRuntime();
    const seen: string[] = [];
    rt.failCall(2, 'throw');
    rt.runAs('FULL', script(rt, seen));
    expect(seen).toEqual([`caught: ${SERVICE_ERROR_MESSAGE}`, 'finally']);
    expect(rt.ctx.callsByMethod()).toMatchObject({
      'Spreadsheet.getName': 1,
      'Spreadsheet.toast': 1,
      'SpreadsheetApp.flush': 1,
    });
    expect(rt.toasts.map((t) => t.message)).toEqual(['failed']);
    expect([rt.killedExecutions, rt.callsAfterKill, rt.plannedCalls()]).toEqual([0, [], 0]);
  });

  test("'kill': from the nth call the execution is dead; no catch or finally reaches a service", () => {
    const rt = createRuntime();
    const seen: string[] = [];
    rt.failCall(2, 'kill');
    expect(() => rt.runAs('FULL', script(rt, seen))).toThrow(EXECUTION_KILLED_MESSAGE);
    // The JavaScript of catch/finally runs in this model, but each service call it makes throws
    // and is recorded: in Apps Script none of them happens.
    expect(rt.toasts).toEqual([]);
    expect(rt.callsAfterKill).toEqual(['Spreadsheet.toast', 'SpreadsheetApp.flush']);
    expect(rt.killedExecutions).toBe(1);
    // The next execution is alive again.
    expect(rt.runAs('FULL', () => rt.globals.SpreadsheetApp.getActiveSpreadsheet().getName())).toBe(
      'Circularity Workbench (local)',
    );
  });

  test('calls are counted from the moment of the plan, across executions', () => {
    const rt = createRuntime();
    rt.runAs('FULL', () => rt.globals.SpreadsheetApp.getActiveSpreadsheet().getName());
    rt.failCall(3, 'throw', 'flaky');
    const ss = rt.runAs('FULL', () => rt.globals.SpreadsheetApp.getActiveSpreadsheet()); // 1
    rt.runAs('FULL', () => ss.getName()); // 2
    expect(rt.plannedCalls()).toBe(1);
    expect(() => rt.runAs('FULL', () => ss.getSheets())).toThrow('flaky'); // 3
    expect(rt.plannedCalls()).toBe(0);
    expect(rt.runAs('FULL', () => ss.getSheets())).toHaveLength(1);
  });

  test('a plan needs a positive whole number, and one plan per call', () => {
    const rt = createRuntime();
    expect(() => rt.failCall(0, 'throw')).toThrow('positive integer');
    rt.failCall(2, 'throw');
    expect(() => rt.beforeCall(2, () => {})).toThrow('already has a plan');
  });
});

describe('beforeCall', () => {
  test("a colleague's edit lands before the nth call takes effect, as another user, uncounted", () => {
    const rt = createRuntime();
    const sheet = rt.spreadsheet!.activeSheet;
    let user = '';
    rt.beforeCall(3, () => {
      user = rt.globals.Session.getActiveUser().getEmail();
      sheet.getRange('A1').setValue('colleague');
    });
    const read = rt.runAs('FULL', () => {
      const s = rt.globals.SpreadsheetApp.getActiveSheet(); // 1
      const before = s.getRange('A1').getValue(); // getRange is call 2, getValue call 3
      return [before, s.getRange('A1').getValue()];
    });
    expect(user).toBe(COLLEAGUE_EMAIL);
    // The edit came before getValue (call 3) read the cell.
    expect(read).toEqual(['colleague', 'colleague']);
    expect(rt.ctx.callsByMethod()).toEqual({
      'SpreadsheetApp.getActiveSheet': 1,
      'Sheet.getRange': 2,
      'Range.getValue': 2,
    });
    expect(rt.runAs('FULL', () => rt.globals.Session.getActiveUser().getEmail())).toBe(
      'user@example.com',
    );
  });

  test('the edit is not the script: no auth mode, time limit or kill applies to it', () => {
    const rt = createRuntime();
    rt.beforeCall(1, () => rt.spreadsheet!.activeSheet.getRange('B2').setValue(7));
    // Even a custom function (read-only) cannot stop a person typing in the sheet.
    rt.runAs('CUSTOM_FUNCTION', () => rt.globals.SpreadsheetApp.getActiveSpreadsheet());
    expect(rt.spreadsheet!.activeSheet.data.values.get(1, 1)).toBe(7);
    expect(rt.ctx.totalCalls()).toBe(1);
  });
});
