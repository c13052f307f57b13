/**
 * What the schedule records, and where. In the document (document properties, shared by everyone
 * who uses this workbook with this script): who owns the schedule, which of their triggers runs
 * it, and the last month delivered — so one person's trigger delivers, once a month, and a
 * teammate's click can see whose schedule it is. In the owner's user properties: the workbook's
 * name and address, keyed by trigger, so that a run that cannot reach the document can still say
 * which workbook it is about.
 */
import { MonthKey } from '../core/kpi/months';
import { Spreadsheet } from './workbook';

const KEY = 'circ.schedule';
const WORKBOOK_KEY = 'circ.schedule.workbook.';

/** The workbook's schedule: running (an owner and their trigger) or stopped by someone. */
export type ScheduleState =
  | {
      owner: string;
      /** The unique id of the owner's trigger: any other trigger of the schedule removes itself. */
      triggerId: string;
      /** When it was scheduled (ISO). */
      since: string;
      /** The last month delivered, or the last complete month when the schedule began. */
      through: MonthKey;
      /** When `through` was e-mailed (ISO); absent while it is only where the schedule began. */
      sentAt?: string;
    }
  | { stoppedBy: string; stoppedAt: string };

export type RunningSchedule = Extract<ScheduleState, { owner: string }>;

/** The document's properties, null where Apps Script gives none (no document in this run). */
export function documentProperties(): GoogleAppsScript.Properties.Properties | null {
  return PropertiesService.getDocumentProperties() as GoogleAppsScript.Properties.Properties | null;
}

/** The recorded schedule; null when none was ever recorded (or the record is unreadable). */
export function readSchedule(props = documentProperties()): ScheduleState | null {
  const text = props?.getProperty(KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as ScheduleState;
  } catch {
    return null;
  }
}

export function writeSchedule(state: ScheduleState, props = documentProperties()): void {
  if (!props)
    throw new Error('This workbook has no document properties to record the schedule in.');
  props.setProperty(KEY, JSON.stringify(state));
}

export function isRunning(state: ScheduleState | null): state is RunningSchedule {
  return !!state && 'owner' in state;
}

/** Which workbook a trigger is for, remembered in its owner's user properties. */
export interface WorkbookRef {
  name: string;
  url: string;
}

export function rememberWorkbook(triggerId: string, ss: Spreadsheet): void {
  const ref: WorkbookRef = { name: ss.getName(), url: ss.getUrl() };
  PropertiesService.getUserProperties().setProperty(WORKBOOK_KEY + triggerId, JSON.stringify(ref));
}

export function forgetWorkbook(triggerId: string): void {
  PropertiesService.getUserProperties().deleteProperty(WORKBOOK_KEY + triggerId);
}

export function rememberedWorkbook(triggerId: string | undefined): WorkbookRef | null {
  if (!triggerId) return null;
  const text = PropertiesService.getUserProperties().getProperty(WORKBOOK_KEY + triggerId);
  try {
    return text ? (JSON.parse(text) as WorkbookRef) : null;
  } catch {
    return null;
  }
}

/** The door function the trigger calls; must match the exported name in src/index.ts. */
export const SCHEDULE_HANDLER = 'runScheduledReport';
/** When the daily run starts: the hour, in the spreadsheet's time zone. */
export const SCHEDULE_HOUR = 7;

type Trigger = GoogleAppsScript.Script.Trigger;

/**
 * This person's report triggers in this workbook. getUserTriggers(spreadsheet) lists "installable
 * triggers owned by this user in the given spreadsheet"; whether it includes time-driven triggers
 * is not documented (platform.md §8 item 8; the platform probe checks it). The schedule does not
 * rely on it alone: a trigger that is not the recorded one removes itself when it runs.
 */
export function reportTriggers(ss: Spreadsheet): Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === SCHEDULE_HANDLER);
}

/** The one daily trigger of a schedule (an add-on may hold one time-driven trigger per user per document). */
export function createDailyTrigger(ss: Spreadsheet, timeZone: string): Trigger {
  const trigger = ScriptApp.newTrigger(SCHEDULE_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(SCHEDULE_HOUR)
    .inTimezone(timeZone)
    .create();
  rememberWorkbook(trigger.getUniqueId(), ss);
  return trigger;
}

/** Deletes triggers of this person (a trigger can delete only its own owner's triggers). */
export function deleteTriggers(triggers: Trigger[]): void {
  for (const t of triggers) {
    forgetWorkbook(t.getUniqueId());
    ScriptApp.deleteTrigger(t);
  }
}

/** The running trigger's own Trigger object, found by the event's triggerUid among the owner's. */
export function ownTrigger(triggerId: string | undefined): Trigger[] {
  if (!triggerId) return [];
  return ScriptApp.getProjectTriggers().filter((t) => t.getUniqueId() === triggerId);
}

/** The account the schedule runs as: the effective user (in a menu run, the person clicking). */
export function effectiveUser(): string {
  try {
    return namedUser();
  } catch {
    return '';
  }
}

/**
 * The same for a menu action, which writes the name into the schedule's record: read before its
 * first write, a failing Session fails the action with nothing written, and the next run writes
 * the name (a blank in its place would differ from what a clean run leaves).
 */
export function namedUser(): string {
  return Session.getEffectiveUser().getEmail();
}
