/**
 * Two ways real Apps Script takes control away from a script, modelled strictly:
 * - a dialog (Ui.alert / Ui.prompt) suspends the script, and "LockService locks don't persist
 *   across the suspension" (developers.google.com/apps-script/reference/base/ui#alert(String));
 * - an execution past its limit is killed: no catch and no finally of the script runs.
 */
import { EXECUTION_KILLED_MESSAGE, createRuntime } from '../../../local/runtime';

describe('a dialog suspends the script and its locks are gone', () => {
  test('after an alert the document lock is no longer held, and the loss is recorded', () => {
    const rt = createRuntime();
    rt.runAs('FULL', () => {
      const lock = rt.globals.LockService.getDocumentLock()!;
      expect(lock.tryLock(1000)).toBe(true);
      rt.globals.SpreadsheetApp.getUi().alert('Sure?');
      expect(lock.hasLock()).toBe(false);
      expect(rt.locks.isHeld('document')).toBe(false);
    });
    expect(rt.locks.lostToDialogs).toEqual([{ scope: 'document', dialog: 'Ui.alert' }]);
  });

  test('a colleague can take the lock while a prompt is open; taking it back then fails', () => {
    const rt = createRuntime();
    rt.ui.whileNextDialogIsOpen(() => rt.holdDocumentLockElsewhere(true));
    rt.runAs('FULL', () => {
      const lock = rt.globals.LockService.getDocumentLock()!;
      expect(lock.tryLock(1000)).toBe(true);
      rt.globals.SpreadsheetApp.getUi().prompt('Which month?');
      expect(lock.tryLock(1000)).toBe(false);
    });
  });

  test('a dialog with no lock held loses nothing', () => {
    const rt = createRuntime();
    rt.runAs('FULL', () => rt.globals.SpreadsheetApp.getUi().alert('Hello'));
    expect(rt.locks.lostToDialogs).toEqual([]);
  });
});

describe('an execution past its limit is killed', () => {
  const slow = () => createRuntime({ callLatencyMs: 1000 });

  test('its catch and finally cannot touch the workbook, and the execution ends with the kill', () => {
    const rt = slow();
    let caught = false;
    expect(() =>
      rt.runAs('FULL', () => {
        const sheet = rt.globals.SpreadsheetApp.getActiveSheet();
        try {
          for (let i = 0; i < 1000; i++) sheet.getRange(1, 1).getValue();
        } catch {
          caught = true;
          sheet.getRange(1, 1).setValue('clean-up'); // would run in Node, never in Apps Script
        } finally {
          sheet.getRange(2, 1).setValue('finally');
        }
        return 'done';
      }),
    ).toThrow(EXECUTION_KILLED_MESSAGE);
    expect(caught).toBe(true); // plain JavaScript still runs here; service calls do not
    expect(rt.callsAfterKill).toEqual(['Sheet.getRange', 'Sheet.getRange']);
    expect(rt.killedExecutions).toBe(1);
    rt.runAs('FULL', () => {
      const sheet = rt.globals.SpreadsheetApp.getActiveSheet();
      expect(sheet.getRange(1, 1, 2, 1).getValues()).toEqual([[''], ['']]);
    });
  });

  test('a script that swallows the kill still ends killed, with its locks released', () => {
    const rt = slow();
    expect(() =>
      rt.runAs('FULL', () => {
        rt.globals.LockService.getDocumentLock()!.tryLock(1000);
        try {
          for (let i = 0; i < 1000; i++) rt.globals.SpreadsheetApp.getActiveSheet();
        } catch {
          return 'pretended to be fine';
        }
        return 'never';
      }),
    ).toThrow(EXECUTION_KILLED_MESSAGE);
    expect(rt.locks.isHeld('document')).toBe(false);
    // The next execution starts afresh.
    expect(
      rt.runAs('FULL', () => rt.globals.SpreadsheetApp.getActiveSheet().getName()),
    ).toBeTruthy();
  });

  test('custom functions are killed at 30 s, menu actions at 6 min', () => {
    const rt = slow();
    expect(() =>
      rt.runAs('CUSTOM_FUNCTION', () => {
        for (let i = 0; i < 40; i++) rt.globals.SpreadsheetApp.getActiveSheet();
      }),
    ).toThrow(EXECUTION_KILLED_MESSAGE);
    expect(
      rt.runAs('FULL', () => {
        for (let i = 0; i < 300; i++) rt.globals.SpreadsheetApp.getActiveSheet();
        return 'ok';
      }),
    ).toBe('ok');
  });
});
