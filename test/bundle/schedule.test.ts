/**
 * The schedule on the built bundle, as a bound script (a team's own workbook) and as an editor
 * add-on, driven only through the menu and the runtime's trigger: the bundle's `new Date()` is the
 * runtime clock, so the days pass as they would in Apps Script.
 */
import * as path from 'node:path';
import { createRuntime, Runtime, RuntimeOptions } from '../../local/runtime';
import { loadBundle, LoadedBundle } from '../../local/load-bundle';
import { RECIPIENTS, setSetting } from '../core/report/fixture';
import { manifestScopes } from '../../demo/scenario';

const DIST = path.resolve(__dirname, '../../dist');
const NOW = Date.UTC(2026, 10, 26, 9);
const DEC_1 = Date.UTC(2026, 11, 1, 6);
const DAY = 24 * 3600 * 1000;

function workbook(options: RuntimeOptions): { rt: Runtime; bundle: LoadedBundle } {
  const rt = createRuntime({
    oauthScopes: manifestScopes(),
    now: new Date(NOW),
    userEmail: 'ops@example.com',
    ...options,
  });
  const bundle = loadBundle(rt, DIST);
  bundle.open('LIMITED');
  bundle.clickMenu('Load sample data');
  setSetting(rt, 'Report recipients', RECIPIENTS);
  return { rt, bundle };
}
const at = (rt: Runtime, epoch: number) => rt.advanceClock(epoch - rt.clock.now());
const lastLog = (rt: Runtime) =>
  rt.runAs('FULL', () => {
    const log = rt.spreadsheet!.getSheetByName('Log')!;
    return log.getRange(log.getLastRow(), 1, 1, 6).getValues()[0];
  });

test('bound script: busy on the 1st, caught up on the 2nd, once; a teammate takes over and the old trigger removes itself', () => {
  const { rt, bundle } = workbook({ addOnTriggerRules: false });
  bundle.clickMenu('Schedule monthly report');
  expect(rt.triggers).toHaveLength(1);
  at(rt, DEC_1);
  rt.holdDocumentLockElsewhere(true);
  rt.fireTrigger(rt.triggers[0].id);
  rt.holdDocumentLockElsewhere(false);
  expect(rt.outbox).toHaveLength(0);
  expect(lastLog(rt)[5]).toMatch(/^Not sent today: the workbook was busy/);
  at(rt, DEC_1 + DAY);
  rt.fireTrigger(rt.triggers[0].id);
  expect(rt.outbox).toHaveLength(1);
  expect(rt.outbox[0].subject).toMatch(/November 2026/);
  // Bob takes over; on 1 January both triggers run, one e-mail goes out.
  rt.ui.scriptResponses([{ button: 'YES' }]);
  rt.asUser('bob@example.com', () => bundle.clickMenu('Schedule monthly report'));
  expect(rt.triggers.map((t) => t.owner)).toEqual(['ops@example.com', 'bob@example.com']);
  at(rt, DEC_1 + 31 * DAY);
  for (const t of [...rt.triggers].reverse()) rt.fireTrigger(t.id);
  expect(rt.outbox).toHaveLength(2);
  expect(rt.triggers.map((t) => t.owner)).toEqual(['bob@example.com']);
  expect(lastLog(rt)[5]).toMatch(/^Not sent: the schedule now belongs to bob@example\.com/);
});

test('editor add-on: a time-driven run with no spreadsheet e-mails the owner and removes its trigger', () => {
  const { rt, bundle } = workbook({});
  bundle.clickMenu('Schedule monthly report');
  at(rt, DEC_1);
  expect(() => rt.fireTrigger(rt.triggers[0].id)).not.toThrow();
  expect(rt.outbox.map((m) => [m.to, m.subject])).toEqual([
    [
      ['ops@example.com'],
      'Circularity Workbench: the scheduled report of "Circularity Workbench (local)" could not run',
    ],
  ]);
  expect(rt.triggers).toHaveLength(0);
});
