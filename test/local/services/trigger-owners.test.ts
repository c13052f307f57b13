/**
 * Triggers belong to the person who made them, and an editor add-on's time-driven run has no
 * document: the runtime is as strict as Google on both (local/services/script-app.ts,
 * local/runtime.ts clockRunsHaveDocument).
 */
import { createRuntime, type Runtime } from '../../../local/runtime';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';

function daily(rt: Runtime): string {
  return rt.globals.ScriptApp.newTrigger('tick')
    .timeBased()
    .everyDays(1)
    .atHour(7)
    .create()
    .getUniqueId();
}

describe('trigger ownership', () => {
  test('each person sees and deletes only the triggers they created', () => {
    const rt = createRuntime({ userEmail: ALICE });
    const S = rt.globals.ScriptApp;
    const ss = rt.spreadsheet!;
    const mine = rt.runAs('FULL', () => daily(rt));
    expect(rt.triggers[0].owner).toBe(ALICE);
    const kept = rt.runAs('FULL', () => S.getProjectTriggers()[0]);
    rt.asUser(BOB, () => {
      expect(rt.runAs('FULL', () => S.getUserTriggers(ss).length)).toBe(0);
      expect(rt.runAs('FULL', () => S.getProjectTriggers().length)).toBe(0);
      // A Trigger object obtained by Alice does not let Bob delete her trigger.
      expect(() => rt.runAs('FULL', () => S.deleteTrigger(kept))).toThrow(/another user/);
      // One time-driven trigger per user per document: Bob may have his own.
      rt.runAs('FULL', () => daily(rt));
    });
    expect(rt.triggers.map((t) => t.owner)).toEqual([ALICE, BOB]);
    expect(rt.runAs('FULL', () => S.getUserTriggers(ss).map((t) => t.getUniqueId()))).toEqual([
      mine,
    ]);
    // …but not a second one of his own.
    expect(() => rt.asUser(BOB, () => rt.runAs('FULL', () => daily(rt)))).toThrow(
      /too many time-based triggers/,
    );
  });

  test('a trigger runs as its creator: effective user the owner, active user blank', () => {
    const rt = createRuntime({ userEmail: ALICE });
    const id = rt.asUser(BOB, () => rt.runAs('FULL', () => daily(rt)));
    rt.defineFunctions({
      tick: () => [
        rt.globals.Session.getActiveUser().getEmail(),
        rt.globals.Session.getEffectiveUser().getEmail(),
        rt.globals.ScriptApp.getProjectTriggers().length,
      ],
    });
    expect(rt.fireTrigger(id)).toEqual(['', BOB, 1]);
  });
});

describe('the document in a time-driven run', () => {
  const probe = (rt: Runtime) => () => [
    rt.globals.SpreadsheetApp.getActiveSpreadsheet() === null,
    rt.globals.LockService.getDocumentLock() === null,
    rt.globals.PropertiesService.getDocumentProperties() === null,
    rt.globals.CacheService.getDocumentCache() === null,
  ];

  test('an editor add-on: no active spreadsheet, no document lock, properties or cache', () => {
    const rt = createRuntime();
    rt.defineFunctions({ tick: probe(rt) });
    const id = rt.runAs('FULL', () => daily(rt));
    expect(rt.fireTrigger(id)).toEqual([true, true, true, true]);
    // Outside that run the document is back.
    expect(rt.runAs('FULL', probe(rt))).toEqual([false, false, false, false]);
  });

  test('a bound script: the triggers guide gives it the active spreadsheet', () => {
    const rt = createRuntime({ addOnTriggerRules: false });
    rt.defineFunctions({ tick: probe(rt) });
    const id = rt.runAs('FULL', () => daily(rt));
    expect(rt.fireTrigger(id)).toEqual([false, false, false, false]);
  });

  test('a spreadsheet trigger of an add-on keeps its document', () => {
    const rt = createRuntime();
    rt.defineFunctions({ edited: probe(rt) });
    const id = rt.runAs('FULL', () =>
      rt.globals.ScriptApp.newTrigger('edited')
        .forSpreadsheet(rt.spreadsheet!)
        .onEdit()
        .create()
        .getUniqueId(),
    );
    expect(rt.fireTrigger(id)).toEqual([false, false, false, false]);
  });
});
