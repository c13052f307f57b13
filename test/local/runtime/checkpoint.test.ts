/**
 * runtime.checkpoint() / runtime.restore(): a saved state of every piece of the runtime, put back
 * exactly and as often as asked, keeping the objects the services and tests hold.
 */
import { fingerprintWorkbook, diffFingerprints } from '../../../local/export/fingerprint';
import { snapshotWorkbook } from '../../../local/export/snapshot';
import type { Runtime } from '../../../local/runtime';
import { richRuntime } from './workbook-fixture';

/** Everything observable of a runtime, through the model and the recorders (no service call). */
function state(rt: Runtime) {
  return {
    workbook: snapshotWorkbook(rt.spreadsheet!),
    fingerprint: fingerprintWorkbook(rt),
    properties: [rt.properties.document!, rt.properties.user, rt.properties.script].map((p) => [
      ...p.data,
    ]),
    cache: [...rt.caches.document!.data],
    triggers: rt.triggers.map((t) => ({ ...t })),
    locks: rt.locks.history.slice(),
    dialogs: rt.ui.dialogs.slice(),
    menus: JSON.stringify(rt.ui.menus),
    toasts: rt.toasts.slice(),
    log: rt.logger.entries.map((e) => e.message),
    outbox: rt.outbox.map((m) => m.subject),
    clock: rt.clock.now(),
    calls: rt.ctx.callsByMethod(),
    namedRanges: rt.spreadsheet!.namedRanges.size,
  };
}

/** Changes every piece of state the fixture set. */
function scramble(rt: Runtime): void {
  rt.runAs('FULL', () => {
    const g = rt.globals;
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Data')!;
    sheet.getRange('A2:C3').setValues([
      ['Gamma', 1, 'x'],
      ['Delta', 2, 'y'],
    ]);
    sheet.getRange('B2').clearNote().clearDataValidations().setNumberFormat('0%');
    sheet.getProtections(g.SpreadsheetApp.ProtectionType.RANGE)[0].remove();
    sheet.clearConditionalFormatRules();
    sheet.removeChart(sheet.getCharts()[0]);
    ss.removeNamedRange('Scores');
    ss.insertSheet('Extra').getRange('A1').setValue('new');
    ss.deleteSheet(ss.getSheetByName(ss.getSheets()[0].getName())!);
    g.PropertiesService.getDocumentProperties()!.setProperty('doc', '2');
    g.PropertiesService.getUserProperties().deleteAllProperties();
    g.PropertiesService.getScriptProperties().setProperty('other', '3');
    g.CacheService.getDocumentCache()!.remove('cached');
    g.ScriptApp.deleteTrigger(g.ScriptApp.getProjectTriggers()[0]);
    g.LockService.getDocumentLock()!.tryLock(1000);
    g.SpreadsheetApp.getUi().alert('Again');
    ss.toast('Again');
    g.Logger.log('another line');
    g.MailApp.sendEmail('team@example.com', 'Second', 'Body');
  });
  rt.advanceClock(60_000);
}

describe('runtime checkpoint and restore', () => {
  test('restore puts back every piece of state as it was at the checkpoint', () => {
    const rt = richRuntime();
    const before = state(rt);
    const cp = rt.checkpoint();
    scramble(rt);
    expect(state(rt)).not.toEqual(before);
    rt.restore(cp);
    expect(state(rt)).toEqual(before);
    expect(diffFingerprints(before.fingerprint, fingerprintWorkbook(rt))).toEqual([]);
  });

  test('a checkpoint can be restored again and again; later changes do not reach it', () => {
    const rt = richRuntime();
    const before = state(rt);
    const cp = rt.checkpoint();
    for (let k = 0; k < 3; k++) {
      scramble(rt);
      rt.restore(cp);
      expect(state(rt)).toEqual(before);
    }
  });

  test('the objects services and tests hold keep their identity', () => {
    const rt = richRuntime();
    const held = {
      spreadsheet: rt.spreadsheet,
      toasts: rt.toasts,
      triggers: rt.triggers,
      outbox: rt.outbox,
      callsAfterKill: rt.callsAfterKill,
    };
    const cp = rt.checkpoint();
    scramble(rt);
    rt.restore(cp);
    expect(rt.spreadsheet).toBe(held.spreadsheet);
    expect(rt.toasts).toBe(held.toasts);
    expect(rt.spreadsheet!.toasts).toBe(held.toasts);
    expect(rt.triggers).toBe(held.triggers);
    expect(rt.triggerTable.triggers).toBe(held.triggers);
    expect(rt.outbox).toBe(held.outbox);
    expect(rt.callsAfterKill).toBe(held.callsAfterKill);
    // The services answer from the restored state.
    rt.runAs('FULL', () => {
      const g = rt.globals;
      expect(g.PropertiesService.getDocumentProperties()!.getProperty('doc')).toBe('1');
      expect(g.PropertiesService.getUserProperties().getProperty('user')).toBe('1');
      expect(g.CacheService.getDocumentCache()!.get('cached')).toBe('yes');
      expect(g.ScriptApp.getProjectTriggers()).toHaveLength(1);
      const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!;
      expect(sheet.getRange('A1:C3').getValues()).toEqual([
        ['Partner', 'Score', ''],
        ['Alpha', 3, ''],
        ['Beta', 4, ''],
      ]);
      expect(sheet.getRange('C2').getFormula()).toBe('=B2*2');
      expect(sheet.getCharts()).toHaveLength(1);
      // Stored references follow the restored sheet (a named range, a rule's range).
      expect(g.SpreadsheetApp.getActiveSpreadsheet().getRangeByName('Scores')!.getSheet()).toBe(
        sheet,
      );
      expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getSheet()).toBe(sheet);
    });
  });

  test('the kill record and planned failures: restored and dropped', () => {
    const rt = richRuntime();
    const cp = rt.checkpoint();
    rt.failCall(1, 'kill');
    expect(() =>
      rt.runAs('FULL', () => {
        try {
          rt.globals.SpreadsheetApp.getActiveSpreadsheet();
        } finally {
          rt.globals.SpreadsheetApp.flush();
        }
      }),
    ).toThrow('Exceeded maximum execution time');
    expect([rt.killedExecutions, rt.callsAfterKill]).toEqual([1, ['SpreadsheetApp.flush']]);
    rt.failCall(5, 'throw');
    rt.restore(cp);
    expect([rt.killedExecutions, rt.callsAfterKill, rt.plannedCalls()]).toEqual([0, [], 0]);
  });

  test('no checkpoint or restore in the middle of an execution', () => {
    const rt = richRuntime();
    const cp = rt.checkpoint();
    rt.runAs('FULL', () => {
      expect(() => rt.checkpoint()).toThrow('during an execution');
      expect(() => rt.restore(cp)).toThrow('during an execution');
    });
  });
});
