/**
 * Runs the built probe (dist-probe/Probe.js, the code a maintainer pushes) on the local runtime,
 * as a bound script in a scratch spreadsheet: the menu click (the OK of its alert scripted), then
 * Sheets' part — recalculating `=PROBE_DATE(A1)` with the value a date cell hands a custom
 * function — then the time-driven trigger a minute later. Answers what the local runtime says.
 */
import { createRuntime } from '../local/runtime';
import { loadBundle } from '../local/load-bundle';
import type { ProbeFile } from './gas/answers';
import { PROBE_DIST } from './build';
import MANIFEST from './appsscript.json';

export function runProbeLocally(now = new Date(Date.UTC(2026, 10, 26, 9))): ProbeFile {
  const rt = createRuntime({
    oauthScopes: MANIFEST.oauthScopes,
    timeZone: MANIFEST.timeZone,
    now,
    userEmail: 'maintainer@example.com',
    addOnTriggerRules: false,
    spreadsheet: { name: 'Probe scratch spreadsheet', locale: 'en_US' },
  });
  const probe = loadBundle(rt, PROBE_DIST);
  probe.open('LIMITED');
  rt.ui.scriptResponses([{ button: 'OK' }]);
  probe.clickMenu('Run platform probe');
  // Sheets recalculates the formula the probe wrote, with the cell's value as the argument.
  const arg = rt.runAs('FULL', () =>
    rt.spreadsheet!.getSheetByName('Probe scratch')!.getRange('A1').getValue(),
  );
  probe.runCustomFunction('PROBE_DATE', arg);
  rt.advanceClock(60_000);
  const trigger = rt.triggers.find((t) => t.handler === 'probeTimeDriven');
  if (!trigger) throw new Error('the probe made no time-driven trigger');
  rt.fireTrigger(trigger.id);
  const text = rt.runAs('FULL', () =>
    rt.spreadsheet!.getSheetByName('Probe')!.getRange('A1').getValue(),
  );
  return JSON.parse(String(text)) as ProbeFile;
}
