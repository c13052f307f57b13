/**
 * The probe's output: answers (what the platform did, compared with the local runtime and with
 * Google's documentation) and calibration (what it cost, in ms, for the benchmark's cost model).
 * Kept in the document properties between the probe's executions (the menu run, the custom
 * function Sheets recalculates, the time-driven run a minute later) and written as JSON to the
 * `Probe` tab.
 */
export type Answer = string | number | boolean | null | Answer[];

export interface ProbeFile {
  probe: 1;
  ranAt: string;
  answers: Record<string, Answer>;
  calibration: Record<string, number>;
}

const KEY = 'probe.result';
export const PROBE_TAB = 'Probe';
/** The scratch tab the probe writes into, deleted and made again on each run. */
export const SCRATCH_TAB = 'Probe scratch';

/** The store every execution of the probe can reach (the time-driven run may have no document). */
function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getUserProperties();
}

export function loadResult(): ProbeFile {
  const text = store().getProperty(KEY);
  return text
    ? (JSON.parse(text) as ProbeFile)
    : { probe: 1, ranAt: new Date().toISOString(), answers: {}, calibration: {} };
}

/** Adds answers to the stored result, and writes the JSON to the Probe tab when it can. */
export function record(
  answers: Record<string, Answer>,
  calibration: Record<string, number> = {},
  reset = false,
): ProbeFile {
  const result = reset
    ? { probe: 1 as const, ranAt: new Date().toISOString(), answers: {}, calibration: {} }
    : loadResult();
  Object.assign(result.answers, answers);
  Object.assign(result.calibration, calibration);
  store().setProperty(KEY, JSON.stringify(result));
  return result;
}

/** The JSON in the Probe tab's A1 (plain text, so Sheets keeps it as written). */
export function publish(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, result: ProbeFile): void {
  const sheet = ss.getSheetByName(PROBE_TAB) ?? ss.insertSheet(PROBE_TAB);
  const sorted = {
    ...result,
    answers: Object.fromEntries(
      Object.keys(result.answers)
        .sort()
        .map((k) => [k, result.answers[k]]),
    ),
  };
  sheet
    .getRange(1, 1)
    .setNumberFormat('@')
    .setValue(JSON.stringify(sorted, null, 1));
  Logger.log(JSON.stringify(sorted));
}
