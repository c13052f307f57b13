/**
 * The platform probe: a separate Apps Script project (dist-probe/, never part of the add-on) that
 * a maintainer pushes to a scratch spreadsheet's bound script (npm run deploy -- probe) and runs
 * once from its menu, Platform probe › Run platform probe. It asks the platform each question the
 * local runtime answers on Google's behalf, times what the benchmark's cost model counts, and
 * writes the JSON to the `Probe` tab (A1) and the execution log. Two answers come later, from
 * executions the probe starts: the custom function Sheets recalculates (PROBE_DATE) and the
 * time-driven trigger a minute later (probeTimeDriven), which adds its answers to the tab. Copy
 * A1 into a file after two minutes, then `npm run probe:compare FILE`.
 */
import { publish, record, SCRATCH_TAB } from './answers';
import { chartOptions, intl, lockAfterDialog, typedInput } from './checks';
import { timings } from './timings';

const TIME_DRIVEN = 'probeTimeDriven';
/** A date-only cell, for the custom function: 2 October 2026 in the spreadsheet's zone. */
const SHEET_ZONE = 'America/New_York';

/**
 * Adds the probe's menu (a bound script's own menu).
 * @param {Object} e the open event
 */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createMenu('Platform probe')
    .addItem('Run platform probe', 'runPlatformProbe')
    .addToUi();
}

/** Menu: runs every check, times the cost model's operations, writes the JSON to the Probe tab. */
export function runPlatformProbe(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const old = ss.getSheetByName(SCRATCH_TAB);
  if (old) ss.deleteSheet(old);
  const scratch = ss.insertSheet(SCRATCH_TAB);
  const answers = {
    ...lockAfterDialog(),
    ...typedInput(ss, scratch),
    ...intl(),
    ...chartOptions(scratch),
    ...triggers(ss),
    'session.scriptTimeZone': Session.getScriptTimeZone(),
  };
  const calibration = timings(scratch);
  scratch.clear();
  // The custom function's question: a date cell in a zone other than the script's. The zone
  // stays (a scratch spreadsheet): Sheets recalculates after this execution, in the zone it finds.
  ss.setSpreadsheetTimeZone(SHEET_ZONE);
  scratch
    .getRange('A1')
    .setValue(new Date(Date.UTC(2026, 9, 2, 4)))
    .setNumberFormat('yyyy-mm-dd');
  scratch.getRange('B1').setFormula('=PROBE_DATE(A1)');
  publish(ss, record(answers, calibration, true));
}

/** Makes the time-driven trigger that answers a minute from now; how getUserTriggers lists it. */
function triggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Record<string, boolean> {
  for (const t of ScriptApp.getProjectTriggers())
    if (t.getHandlerFunction() === TIME_DRIVEN) ScriptApp.deleteTrigger(t);
  const trigger = ScriptApp.newTrigger(TIME_DRIVEN)
    .timeBased()
    .after(60 * 1000)
    .create();
  const id = trigger.getUniqueId();
  return {
    'triggers.getUserTriggersListsTimeDriven': ScriptApp.getUserTriggers(ss).some(
      (t) => t.getUniqueId() === id,
    ),
    'triggers.getProjectTriggersListsTimeDriven': ScriptApp.getProjectTriggers().some(
      (t) => t.getUniqueId() === id,
    ),
  };
}

/**
 * The probe's time-driven run: what such a run has (the document, its lock and properties, who
 * runs it). Adds its answers and rewrites the Probe tab when it can reach it.
 * @param {Object} e the time-driven event
 */
export function probeTimeDriven(e?: { triggerUid?: string }): void {
  const ss =
    SpreadsheetApp.getActiveSpreadsheet() as GoogleAppsScript.Spreadsheet.Spreadsheet | null;
  const docProps =
    PropertiesService.getDocumentProperties() as GoogleAppsScript.Properties.Properties | null;
  const custom = docProps?.getProperty('probe.customFunction');
  const answers = {
    'timeDriven.activeSpreadsheet': ss !== null,
    'timeDriven.documentLock': LockService.getDocumentLock() !== null,
    'timeDriven.documentProperties': docProps !== null,
    'timeDriven.activeUserBlank': Session.getActiveUser().getEmail() === '',
    'timeDriven.effectiveUserKnown': Session.getEffectiveUser().getEmail() !== '',
    'timeDriven.eventHasTriggerUid': typeof e?.triggerUid === 'string',
    ...(custom ? (JSON.parse(custom) as Record<string, string>) : {}),
  };
  for (const t of ScriptApp.getProjectTriggers())
    if (t.getHandlerFunction() === TIME_DRIVEN) ScriptApp.deleteTrigger(t);
  const result = record(answers);
  // Without the spreadsheet, the execution log is where a maintainer finds the answers.
  if (ss) publish(ss, result);
  else Logger.log(JSON.stringify(result));
}

/**
 * The probe's custom function: records what Sheets hands it for a date cell, in the document
 * properties (custom functions may use Properties), for the time-driven run to collect.
 * @param {Object} value a cell
 * @return {string} what it received
 * @customfunction
 */
export function PROBE_DATE(value: unknown): string {
  const d = value as Date;
  const answers = {
    'customFunction.argType': Object.prototype.toString.call(value),
    'customFunction.argIso': value instanceof Date ? d.toISOString() : String(value),
    'customFunction.scriptTimeZone': Session.getScriptTimeZone(),
  };
  PropertiesService.getDocumentProperties().setProperty(
    'probe.customFunction',
    JSON.stringify(answers),
  );
  return answers['customFunction.argIso'];
}
