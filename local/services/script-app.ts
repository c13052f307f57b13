/**
 * ScriptApp: auth-mode enum, authorisation info and installable triggers. Triggers are stored
 * per user (their creator) and, as for an add-on, per document; the runtime fires them on request.
 * Limits: 20 triggers per user per script; an add-on may own one trigger of each event type per
 * user per document and may not run a clock trigger more often than hourly (triggers guide).
 *
 * Ownership, as strict as Google: installable triggers "always run under the account of the
 * person who created them" and "A given account cannot see triggers installed from a second
 * account" (developers.google.com/apps-script/guides/triggers/installable#restrictions);
 * getUserTriggers(spreadsheet) gets "installable triggers owned by this user in the given
 * spreadsheet" and getProjectTriggers() "all installable triggers associated with the current
 * project and current user" (…/reference/script/script-app). So each person sees and deletes only
 * their own: a teammate's trigger can only remove itself, when it runs.
 */
import type { AuthModeName, Capability, ExecutionContext } from '../context';
import type { CountedCall, MethodOf } from '../call-cost';

type S = typeof GoogleAppsScript.Script;
type Trigger = GoogleAppsScript.Script.Trigger;

export const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as unknown as S['AuthMode'];
export const AuthorizationStatus = {
  REQUIRED: 'REQUIRED',
  NOT_REQUIRED: 'NOT_REQUIRED',
} as unknown as S['AuthorizationStatus'];
export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as unknown as S['EventType'];
export const InstallationSource = {
  APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  NONE: 'NONE',
  WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
} as unknown as S['InstallationSource'];
export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as unknown as S['TriggerSource'];
export const Weekday = {
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
} as unknown as typeof GoogleAppsScript.Base.Weekday;

export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  atHour?: number;
  nearMinute?: number;
  timezone?: string;
  at?: Date;
  after?: number;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: TriggerEventType;
  source: 'CLOCK' | 'SPREADSHEETS';
  /** Spreadsheet id for spreadsheet triggers; null for clock triggers (as getTriggerSourceId). */
  sourceId: string | null;
  /** The document the add-on was running in when it created the trigger. */
  documentId: string | null;
  /** The account that created it: the trigger runs as this person, and only they see it. */
  owner: string;
  schedule?: ClockSchedule;
}

export interface TriggerOptions {
  /** Apply the editor add-on restrictions (default true). */
  addOn?: boolean;
  /** Id of the container document, null for a standalone script. */
  documentId?: string | null;
}

const ADDON_KIND: Record<TriggerEventType, string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form submit',
};

export class TriggerTable {
  readonly triggers: TriggerRecord[] = [];
  private nextId = 1;
  readonly addOn: boolean;
  readonly documentId: string | null;

  constructor(options: TriggerOptions = {}) {
    this.addOn = options.addOn ?? true;
    this.documentId = options.documentId ?? null;
  }

  add(record: Omit<TriggerRecord, 'id' | 'documentId'>): TriggerRecord {
    const own = this.triggers.filter((t) => t.owner === record.owner);
    if (own.length >= MAX_TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS);
    // "one trigger of each type per user per document" (…/add-ons/concepts/editor-triggers)
    if (
      this.addOn &&
      own.some((t) => t.eventType === record.eventType && t.documentId === this.documentId)
    ) {
      throw new Error(
        `This add-on has created too many ${ADDON_KIND[record.eventType]} triggers in this document for this Google user account.`,
      );
    }
    const full: TriggerRecord = {
      ...record,
      id: String(100000 + this.nextId++),
      documentId: this.documentId,
    };
    this.triggers.push(full);
    return full;
  }

  remove(id: string): void {
    const i = this.triggers.findIndex((t) => t.id === id);
    if (i >= 0) this.triggers.splice(i, 1);
  }

  find(id: string): TriggerRecord | undefined {
    return this.triggers.find((t) => t.id === id);
  }
}

class FakeTrigger implements Trigger {
  constructor(
    private readonly ctx: ExecutionContext,
    readonly record: TriggerRecord,
  ) {}

  getEventType(): GoogleAppsScript.Script.EventType {
    this.ctx.call('Trigger.getEventType', 'free');
    return this.record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }

  getHandlerFunction(): string {
    this.ctx.call('Trigger.getHandlerFunction', 'free');
    return this.record.handler;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.ctx.call('Trigger.getTriggerSource', 'free');
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  getTriggerSourceId(): string {
    this.ctx.call('Trigger.getTriggerSourceId', 'free');
    return this.record.sourceId as string;
  }

  getUniqueId(): string {
    this.ctx.call('Trigger.getUniqueId', 'free');
    return this.record.id;
  }
}

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

class FakeClockTriggerBuilder implements GoogleAppsScript.Script.ClockTriggerBuilder {
  private readonly schedule: ClockSchedule = {};

  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}

  private set<K extends keyof ClockSchedule>(
    method: MethodOf<GoogleAppsScript.Script.ClockTriggerBuilder>,
    key: K,
    value: ClockSchedule[K],
  ): this {
    this.app.count(`ClockTriggerBuilder.${method}`, 'free');
    this.schedule[key] = value;
    return this;
  }

  private int(name: string, v: number, min: number, max: number): number {
    if (!Number.isInteger(v) || v < min || v > max)
      throw new Error(`Invalid argument: ${name} (${v})`);
    return v;
  }

  after(durationMilliseconds: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set(
      'after',
      'after',
      this.int('durationMilliseconds', durationMilliseconds, 0, Number.MAX_SAFE_INTEGER),
    );
  }

  at(date: GoogleAppsScript.Base.Date): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('at', 'at', new Date((date as Date).getTime()));
  }

  atDate(year: number, month: number, day: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('atDate', 'at', new Date(Date.UTC(year, month - 1, day)));
  }

  atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('atHour', 'atHour', this.int('hour', hour, 0, 23));
  }

  everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyDays', 'everyDays', this.int('n', n, 1, 1_000));
  }

  everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!EVERY_HOURS.includes(n))
      throw new Error(`Invalid argument: everyHours must be one of ${EVERY_HOURS.join(', ')}`);
    return this.set('everyHours', 'everyHours', n);
  }

  everyMinutes(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!EVERY_MINUTES.includes(n))
      throw new Error(`Invalid argument: everyMinutes must be one of ${EVERY_MINUTES.join(', ')}`);
    return this.set('everyMinutes', 'everyMinutes', n);
  }

  everyWeeks(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyWeeks', 'everyWeeks', this.int('n', n, 1, 1_000));
  }

  inTimezone(timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('inTimezone', 'timezone', timezone);
  }

  nearMinute(minute: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('nearMinute', 'nearMinute', this.int('minute', minute, 0, 59));
  }

  onMonthDay(day: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('onMonthDay', 'onMonthDay', this.int('day', day, 1, 31));
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): GoogleAppsScript.Script.ClockTriggerBuilder {
    const name = String(day);
    if (!(name in (Weekday as unknown as Record<string, string>)))
      throw new Error(`Invalid argument: day (${name})`);
    return this.set('onWeekDay', 'onWeekDay', name);
  }

  create(): Trigger {
    this.app.count('ClockTriggerBuilder.create', 'triggers');
    const s = this.schedule;
    const recurrences = [
      s.everyMinutes !== undefined,
      s.everyHours !== undefined,
      s.everyDays !== undefined,
      s.everyWeeks !== undefined || s.onWeekDay !== undefined,
      s.onMonthDay !== undefined,
      s.at !== undefined || s.after !== undefined,
    ].filter(Boolean).length;
    if (recurrences === 0)
      throw new Error('The recurrence interval for clock triggers must be set.');
    if (recurrences > 1) throw new Error('Clock triggers can have only one recurrence interval.');
    if (s.atHour !== undefined && (s.everyMinutes !== undefined || s.everyHours !== undefined)) {
      throw new Error('atHour() can only be used with daily, weekly or monthly triggers.');
    }
    if (this.app.triggers.addOn && s.everyMinutes !== undefined) {
      throw new Error(
        'Add-ons may not create time-based triggers that run more often than once per hour.',
      );
    }
    const record = this.app.triggers.add({
      owner: this.app.user(),
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule: { ...s },
    });
    return new FakeTrigger(this.app.ctx, record);
  }
}

class FakeSpreadsheetTriggerBuilder implements GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
  private eventType: TriggerEventType | null = null;

  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  private on(
    method: MethodOf<GoogleAppsScript.Script.SpreadsheetTriggerBuilder>,
    type: TriggerEventType,
  ): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.app.count(`SpreadsheetTriggerBuilder.${method}`, 'free');
    this.eventType = type;
    return this;
  }

  onOpen(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onOpen', 'ON_OPEN');
  }

  onEdit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onEdit', 'ON_EDIT');
  }

  onChange(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onChange', 'ON_CHANGE');
  }

  onFormSubmit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onFormSubmit', 'ON_FORM_SUBMIT');
  }

  create(): Trigger {
    this.app.count('SpreadsheetTriggerBuilder.create', 'triggers');
    if (!this.eventType)
      throw new Error(
        'The event type for the spreadsheet trigger must be set (onOpen, onEdit, …).',
      );
    const record = this.app.triggers.add({
      owner: this.app.user(),
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.spreadsheetId,
    });
    return new FakeTrigger(this.app.ctx, record);
  }
}

class FakeTriggerBuilder implements Pick<
  GoogleAppsScript.Script.TriggerBuilder,
  'timeBased' | 'forSpreadsheet'
> {
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.app.count('TriggerBuilder.timeBased', 'free');
    return new FakeClockTriggerBuilder(this.app, this.handler);
  }

  forSpreadsheet(
    sheet: { getId(): string } | string,
  ): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.app.count('TriggerBuilder.forSpreadsheet', 'free');
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    return new FakeSpreadsheetTriggerBuilder(this.app, this.handler, id);
  }

  forDocument(): never {
    throw new Error('TriggerBuilder.forDocument is not supported by the local runtime.');
  }

  forForm(): never {
    throw new Error('TriggerBuilder.forForm is not supported by the local runtime.');
  }

  forUserCalendar(): never {
    throw new Error('TriggerBuilder.forUserCalendar is not supported by the local runtime.');
  }
}

export interface ScriptAppOptions {
  scriptId?: string;
  /** What getAuthorizationInfo() reports (default: already authorised). */
  authorizationRequired?: boolean;
  /** The account the execution runs as (Session's effective user); default one local user. */
  user?: () => string;
}

const ALL_MODES: AuthModeName[] = ['NONE', 'LIMITED', 'CUSTOM_FUNCTION', 'FULL'];

export class FakeScriptApp implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'InstallationSource'
  | 'TriggerSource'
  | 'WeekDay'
  | 'getAuthorizationInfo'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getScriptId'
  | 'getInstallationSource'
  | 'getOAuthToken'
  | 'invalidateAuth'
  | 'requireScopes'
  | 'requireAllScopes'
> {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly InstallationSource = InstallationSource;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = Weekday;
  authorizationRequired: boolean;

  constructor(
    readonly ctx: ExecutionContext,
    readonly triggers: TriggerTable,
    private readonly options: ScriptAppOptions = {},
  ) {
    this.authorizationRequired = options.authorizationRequired ?? false;
  }

  count(name: CountedCall, needs: Capability): void {
    this.ctx.call(name, needs);
  }

  /** The account creating, seeing and deleting triggers in this execution. */
  user(): string {
    return this.options.user?.() ?? 'user@example.com';
  }

  private mine(r: TriggerRecord): boolean {
    return r.owner === this.user();
  }

  newTrigger(functionName: string): FakeTriggerBuilder {
    this.count('ScriptApp.newTrigger', 'triggers');
    if (typeof functionName !== 'string' || functionName === '')
      throw new Error('Invalid argument: functionName');
    return new FakeTriggerBuilder(this, functionName);
  }

  getProjectTriggers(): Trigger[] {
    this.count('ScriptApp.getProjectTriggers', 'triggers');
    return this.triggers.triggers
      .filter((r) => this.mine(r))
      .map((r) => new FakeTrigger(this.ctx, r));
  }

  getUserTriggers(document: { getId(): string }): Trigger[] {
    this.count('ScriptApp.getUserTriggers', 'triggers');
    const id = document.getId();
    return this.triggers.triggers
      .filter((r) => this.mine(r) && (r.documentId === id || r.sourceId === id))
      .map((r) => new FakeTrigger(this.ctx, r));
  }

  deleteTrigger(trigger: Trigger): void {
    this.count('ScriptApp.deleteTrigger', 'triggers');
    const id = trigger instanceof FakeTrigger ? trigger.record.id : trigger.getUniqueId();
    const record = this.triggers.find(id);
    // Another account's trigger cannot even be listed; a Trigger object kept from its owner's
    // execution does not let anyone else delete it.
    if (record && !this.mine(record))
      throw new Error('You do not have permission to delete a trigger installed by another user.');
    this.triggers.remove(id);
  }

  getAuthorizationInfo(
    authMode: GoogleAppsScript.Script.AuthMode,
  ): GoogleAppsScript.Script.AuthorizationInfo {
    this.count('ScriptApp.getAuthorizationInfo', 'free');
    if (!ALL_MODES.includes(String(authMode) as AuthModeName))
      throw new Error(`Invalid argument: authMode (${String(authMode)})`);
    const required = this.authorizationRequired && String(authMode) === 'FULL';
    return {
      getAuthorizationStatus: () =>
        (required
          ? 'REQUIRED'
          : 'NOT_REQUIRED') as unknown as GoogleAppsScript.Script.AuthorizationStatus,
      getAuthorizationUrl: () =>
        required ? 'https://script.google.com/local/authorize' : (null as unknown as string),
    };
  }

  getScriptId(): string {
    this.count('ScriptApp.getScriptId', 'free');
    return this.options.scriptId ?? 'local-script-id';
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    this.count('ScriptApp.getInstallationSource', 'free');
    return 'NONE' as unknown as GoogleAppsScript.Script.InstallationSource;
  }

  getOAuthToken(): string {
    this.count('ScriptApp.getOAuthToken', 'user-data');
    return 'local-oauth-token';
  }

  invalidateAuth(): void {
    this.count('ScriptApp.invalidateAuth', 'free');
  }

  requireScopes(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]): void {
    this.count('ScriptApp.requireScopes', 'free');
    void authMode;
    const granted = this.ctx.scopes;
    const missing = granted ? oAuthScopes.filter((s) => !granted.has(s)) : [];
    if (missing.length > 0) {
      throw new Error(
        `Authorization is required to perform that action. Missing scopes: ${missing.join(', ')}`,
      );
    }
  }

  requireAllScopes(authMode: GoogleAppsScript.Script.AuthMode): void {
    this.count('ScriptApp.requireAllScopes', 'free');
    void authMode;
  }
}
