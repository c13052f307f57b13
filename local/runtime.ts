/**
 * The local Apps Script runtime: one ExecutionContext, one clock and every service, wired the
 * way Apps Script wires them for an editor add-on bound to one spreadsheet. Tests, the demo and
 * the benchmark create one per scenario.
 */
import { restoreCheckpoint, saveCheckpoint, type Checkpoint } from './checkpoint';
import { ExecutionContext, type AuthModeName } from './context';
import { FakeCacheService, createCacheStores, type CacheStores } from './services/cache';
import { Clock } from './services/clock';
import { FakeHtmlService } from './services/html';
import { FakeLockService, LockTable, type LockScope } from './services/lock';
import { FakeLogger } from './services/logger';
import { FakeMailApp, type SentMail } from './services/mail';
import {
  FakePropertiesService,
  createPropertyStores,
  type PropertyStores,
} from './services/properties';
import { AuthMode, FakeScriptApp, TriggerTable, type TriggerRecord } from './services/script-app';
import { FakeSession } from './services/session';
import { FakeUi } from './services/ui';
import { FakeUtilities } from './services/utilities';
import {
  Charts,
  createSpreadsheet,
  createSpreadsheetApp,
  type FakeSpreadsheet,
  type FakeSpreadsheetApp,
  type SpreadsheetOptions,
  type ToastRecord,
} from './spreadsheet';
import type { MethodOf } from './call-cost';

export interface RuntimeOptions {
  /** Manifest `oauthScopes`; when given, services needing a missing scope throw. */
  oauthScopes?: string[] | null;
  /** Manifest `timeZone` (script time zone). */
  timeZone?: string;
  /** The user's locale (Session.getActiveUserLocale), e.g. 'en' or 'fr'; default: the spreadsheet's language. */
  locale?: string;
  /** The container spreadsheet (id, name, time zone, locale, sheets…); its time zone defaults to timeZone. */
  spreadsheet?: SpreadsheetOptions;
  userEmail?: string;
  /** Standalone script: no active spreadsheet, document properties/cache/lock are null. */
  noContainer?: boolean;
  /** Add-on menu title (createAddonMenu). */
  addOnName?: string;
  /**
   * Simulated latency of every service call, in ms of the runtime clock (default 0). With it the
   * clock moves as an execution talks to services, so time budgets can be exercised offline.
   */
  callLatencyMs?: number;
  /** Start of the runtime clock (default: now). Only sleep/lock waits/advanceClock move it. */
  now?: Date | number;
  /** Seed for Utilities.getUuid(). */
  uuidSeed?: number;
  /** Mail recipients per day: 100 (consumer, default) or 1 500 (Workspace). */
  mailDailyRecipients?: number;
  /**
   * Apply editor add-on trigger restrictions (default true). False models a bound script (a
   * team's own workbook with the code pasted or pushed into it).
   */
  addOnTriggerRules?: boolean;
  /**
   * Whether a time-driven (CLOCK) trigger's run has the active spreadsheet, its document lock,
   * properties and cache. Bound scripts: yes — getActiveSpreadsheet() and friends "are only
   * available to bound scripts run from the script editor, menu items, dialogs, sidebars, or
   * triggers" (developers.google.com/apps-script/guides/bound). Editor add-ons: not documented,
   * and third-party add-ons disagree (platform.md §8 item 5), so the strict answer is no: an
   * add-on's time-driven run sees no document. Default: yes for a bound script, no for an add-on.
   */
  clockRunsHaveDocument?: boolean;
  /** Echo Logger/console output to the Node console. */
  echoLogs?: boolean;
  scriptId?: string;
}

export interface RuntimeGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Charts: typeof Charts;
  Session: FakeSession;
  HtmlService: FakeHtmlService;
  PropertiesService: FakePropertiesService;
  LockService: FakeLockService;
  CacheService: FakeCacheService;
  Utilities: FakeUtilities;
  MailApp: FakeMailApp;
  ScriptApp: FakeScriptApp;
  Logger: FakeLogger;
  console: ReturnType<FakeLogger['createConsole']>;
  [name: string]: unknown;
}

export interface RunOptions {
  /** Whether an editor is in front of the execution (false: getUi() throws). Default true. */
  ui?: boolean;
}

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * How a planned service failure strikes (failCall):
 * - 'throw': the call throws an Error, as a flaky service does ("We're sorry, a server error
 *   occurred…"); the script's catch and finally run and may still call services;
 * - 'kill': Apps Script ends the execution at that call, as its time limit does (platform.md §1,
 *   §8): the execution is dead from that call on, no catch or finally of the script reaches a
 *   service, and runAs ends with EXECUTION_KILLED_MESSAGE.
 */
export type FailureMode = 'throw' | 'kill';

/** The message of a 'throw' failure: what Apps Script shows when a Google service hiccups. */
export const SERVICE_ERROR_MESSAGE =
  "We're sorry, a server error occurred. Please wait a bit and try again.";

/** The user whose edits beforeCall makes unless told otherwise. */
export const COLLEAGUE_EMAIL = 'colleague@example.com';

/** A saved state of the whole runtime (checkpoint / restore). */
export interface RuntimeCheckpoint {
  readonly state: Checkpoint;
  readonly killedExecutions: number;
  readonly callsAfterKill: readonly string[];
}

export interface Runtime {
  readonly options: Readonly<RuntimeOptions>;
  readonly ctx: ExecutionContext;
  readonly clock: Clock;
  /** The active spreadsheet (null with noContainer). */
  readonly spreadsheet: FakeSpreadsheet | null;
  /** The SpreadsheetApp object behind globals.SpreadsheetApp (flush count, …). */
  readonly spreadsheetApp: FakeSpreadsheetApp;
  readonly globals: RuntimeGlobals;
  readonly ui: FakeUi;
  readonly logger: FakeLogger;
  readonly mail: FakeMailApp;
  readonly outbox: SentMail[];
  readonly triggerTable: TriggerTable;
  readonly triggers: TriggerRecord[];
  readonly properties: PropertyStores;
  readonly caches: CacheStores;
  readonly locks: LockTable;
  /** Executions killed for running past their limit (their catch and finally never ran). */
  killedExecutions: number;
  /** Service calls a killed execution's script still tried (in Apps Script they never happen). */
  readonly callsAfterKill: string[];
  /** Toasts shown on the active spreadsheet, oldest first (recorded by the spreadsheet model). */
  readonly toasts: ToastRecord[];
  /** Puts the globals on a scope (globalThis by default) the way Apps Script does. */
  install(target?: Record<string, unknown>): void;
  /**
   * Runs fn as one execution in the given mode. The outermost execution releases the locks it
   * still holds when it ends, as Apps Script does.
   */
  runAs<T>(mode: AuthModeName, fn: () => T, options?: RunOptions): T;
  holdDocumentLockElsewhere(held?: boolean): void;
  holdLockElsewhere(scope: LockScope, held?: boolean): void;
  advanceClock(ms: number): void;
  /** How fireTrigger finds handlers: loadBundle points it at the bundle's global scope. */
  resolveFunction: (name: string) => AnyFunction | undefined;
  /** Registers handlers by name (for tests without a bundle). */
  defineFunctions(fns: Record<string, AnyFunction>): void;
  /**
   * Runs an installable trigger's handler: FULL mode, no editor UI unless options.ui, as the
   * trigger's owner (effective user; no active user), without the document for an add-on's
   * time-driven trigger (clockRunsHaveDocument).
   */
  fireTrigger(id: string, event?: Record<string, unknown>, options?: RunOptions): unknown;
  /** Runs fn with another person at the keyboard: Session's users, their triggers. */
  asUser<T>(email: string, fn: () => T): T;
  /**
   * Makes the nth service call from now (1-based, every method counted, whichever execution makes
   * it) fail in the given mode; see FailureMode. One plan at a time per nth; a restore drops it.
   */
  failCall(nth: number, mode: FailureMode, message?: string): void;
  /**
   * Runs fn just before the nth service call from now takes effect, as another user typing in
   * the browser (asAnotherUser): a colleague's edit landing in the middle of an action.
   */
  beforeCall(nth: number, fn: () => void, userEmail?: string): void;
  /**
   * Runs fn as a person at the keyboard, not as the script: Session's active user is `userEmail`,
   * and what fn does through the services is no service call of the running execution (not
   * counted, no auth mode, fault, lock or time limit applies: people type into a locked document).
   */
  asAnotherUser<T>(userEmail: string, fn: () => T): T;
  /** failCall / beforeCall plans not reached yet (a test checks its plan struck). */
  plannedCalls(): number;
  /** A deep copy of every piece of state (local/checkpoint.ts); only between executions. */
  checkpoint(): RuntimeCheckpoint;
  /** Puts the runtime back exactly as it was at the checkpoint; drops planned failures. */
  restore(cp: RuntimeCheckpoint): void;
}

/** What Apps Script reports when it kills an execution that ran past its limit. */
export const EXECUTION_KILLED_MESSAGE = 'Exceeded maximum execution time';

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const ctx = new ExecutionContext();
  ctx.scopes = options.oauthScopes ? new Set(options.oauthScopes) : null;
  const clock = new Clock(options.now ?? Date.now());
  const latency = options.callLatencyMs ?? 0;
  // Apps Script stops an execution that runs past its limit (platform.md §1, §4.8): it is
  // killed, not interrupted — no catch and no finally of the script runs, so nothing the script
  // would do afterwards (a log line, a lock release, a clean-up) happens. Here the first service
  // call past the limit throws, and from then on the execution is dead: every later call throws
  // again (and is recorded), and runAs ends with the same error whatever the script returned.
  let executionStart = clock.now();
  let executionLimit = Infinity;
  let killed: Error | null = null;
  // Planned failures and colleague edits, keyed by the sequence number of the call they precede.
  let callSeq = 0;
  const planned = new Map<number, (name: string) => void>();
  ctx.onCall = (name) => {
    if (latency > 0) clock.advance(latency);
    if (killed) {
      runtime.callsAfterKill.push(name);
      throw killed;
    }
    if (clock.now() - executionStart > executionLimit) {
      killed = new Error(EXECUTION_KILLED_MESSAGE);
      throw killed;
    }
    const plan = planned.get(++callSeq);
    if (plan) {
      planned.delete(callSeq);
      plan(name);
    }
  };
  const plan = (nth: number, what: (name: string) => void): void => {
    if (!Number.isInteger(nth) || nth < 1)
      throw new Error(`nth must be a positive integer: ${nth}`);
    if (planned.has(callSeq + nth)) throw new Error(`call ${nth} from now already has a plan`);
    planned.set(callSeq + nth, what);
  };
  const hasContainer = !options.noContainer;
  const timeZone = options.timeZone ?? 'Europe/Paris';

  const locks = new LockTable(hasContainer);
  const ui = new FakeUi(ctx);
  ui.onSuspend = (dialog) => locks.releaseForSuspension(dialog);
  if (options.addOnName) ui.addOnName = options.addOnName;
  const logger = new FakeLogger(ctx, clock);
  logger.echo = options.echoLogs ?? false;

  const pieces = createSpreadsheetPieces(ctx, {
    noContainer: !hasContainer,
    spreadsheet: { timeZone, ...options.spreadsheet },
    getUi: () => ui.forGetUi(),
  });
  const spreadsheetLocale = pieces.spreadsheet?.locale ?? 'en_US';

  const properties = createPropertyStores(hasContainer);
  const caches = createCacheStores(clock, hasContainer);

  const addOn = options.addOnTriggerRules ?? true;
  const clockRunsHaveDocument = options.clockRunsHaveDocument ?? !addOn;
  const triggerTable = new TriggerTable({
    addOn,
    documentId: pieces.spreadsheetId,
  });
  const mail = new FakeMailApp(ctx, clock, { dailyRecipients: options.mailDailyRecipients });
  const session = new FakeSession(ctx, {
    userEmail: options.userEmail ?? 'user@example.com',
    timeZone,
    locale: options.locale ?? spreadsheetLocale.split('_')[0],
  });

  const globals: RuntimeGlobals = {
    SpreadsheetApp: pieces.SpreadsheetApp,
    Charts: pieces.Charts,
    Session: session,
    HtmlService: new FakeHtmlService(ctx),
    PropertiesService: new FakePropertiesService(ctx, properties),
    LockService: new FakeLockService(ctx, clock, locks),
    CacheService: new FakeCacheService(ctx, caches),
    Utilities: new FakeUtilities(ctx, clock, { uuidSeed: options.uuidSeed }),
    MailApp: mail,
    ScriptApp: new FakeScriptApp(ctx, triggerTable, {
      scriptId: options.scriptId,
      user: () => session.effectiveEmail,
    }),
    Logger: logger,
    console: logger.createConsole(),
  };

  const registered = new Map<string, AnyFunction>();
  let depth = 0;

  const runtime: Runtime = {
    options,
    ctx,
    clock,
    spreadsheet: pieces.spreadsheet,
    spreadsheetApp: pieces.app,
    globals,
    ui,
    logger,
    mail,
    outbox: mail.outbox,
    triggerTable,
    triggers: triggerTable.triggers,
    properties,
    caches,
    locks,
    toasts: pieces.toasts,
    killedExecutions: 0,
    callsAfterKill: [],
    install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>) {
      Object.assign(target, globals);
    },
    runAs<T>(mode: AuthModeName, fn: () => T, run: RunOptions = {}): T {
      const uiBefore = ui.isAvailable();
      ui.setAvailable(run.ui ?? true);
      if (depth === 0) {
        executionStart = clock.now();
        // Custom functions and simple triggers (onOpen / onEdit run in NONE or LIMITED) stop at
        // 30 s ("They cannot run for longer than 30 seconds", guides/triggers); the rest at 6 min.
        executionLimit = mode === 'FULL' ? 6 * 60_000 : 30_000;
        killed = null;
      }
      depth++;
      let result: T;
      let failure: { error: unknown } | null = null;
      try {
        result = ctx.runAs(mode, fn);
      } catch (e) {
        failure = { error: e };
      } finally {
        depth--;
        if (depth === 0) executionLimit = Infinity;
        ui.setAvailable(uiBefore);
        if (depth === 0) locks.releaseAll();
      }
      // A killed execution ends with the kill, whatever the script's catch blocks did.
      if (depth === 0 && killed) {
        const error = killed;
        killed = null;
        runtime.killedExecutions++;
        throw error;
      }
      if (failure) throw failure.error;
      return result!;
    },
    holdDocumentLockElsewhere(held = true) {
      locks.holdElsewhere('document', held);
    },
    holdLockElsewhere(scope: LockScope, held = true) {
      locks.holdElsewhere(scope, held);
    },
    advanceClock(ms: number) {
      clock.advance(ms);
    },
    resolveFunction: (name: string) => registered.get(name),
    defineFunctions(fns: Record<string, AnyFunction>) {
      for (const [k, v] of Object.entries(fns)) registered.set(k, v);
    },
    failCall(nth: number, mode: FailureMode, message = SERVICE_ERROR_MESSAGE) {
      plan(nth, () => {
        if (mode === 'throw') throw new Error(message);
        // The time limit's own kill: the rest of the execution is dead (see ctx.onCall above).
        killed = new Error(EXECUTION_KILLED_MESSAGE);
        throw killed;
      });
    },
    beforeCall(nth: number, fn: () => void, userEmail = COLLEAGUE_EMAIL) {
      plan(nth, () => runtime.asAnotherUser(userEmail, fn));
    },
    asAnotherUser<T>(userEmail: string, fn: () => T): T {
      const previous = session.options.userEmail;
      session.options.userEmail = userEmail;
      try {
        return ctx.outsideTheScript(fn);
      } finally {
        session.options.userEmail = previous;
      }
    },
    plannedCalls: () => planned.size,
    checkpoint(): RuntimeCheckpoint {
      if (depth > 0) throw new Error('checkpoint() during an execution');
      return {
        state: saveCheckpoint(stateRoots()),
        killedExecutions: runtime.killedExecutions,
        callsAfterKill: runtime.callsAfterKill.slice(),
      };
    },
    restore(cp: RuntimeCheckpoint) {
      if (depth > 0) throw new Error('restore() during an execution');
      restoreCheckpoint(cp.state);
      runtime.killedExecutions = cp.killedExecutions;
      runtime.callsAfterKill.splice(0, Infinity, ...cp.callsAfterKill);
      planned.clear();
      killed = null;
    },
    fireTrigger(id: string, event: Record<string, unknown> = {}, run: RunOptions = {}): unknown {
      const trigger = triggerTable.find(id);
      if (!trigger) throw new Error(`No trigger with id ${id}`);
      const handler = runtime.resolveFunction(trigger.handler);
      if (!handler) throw new Error(`Script function not found: ${trigger.handler}`);
      const e = {
        ...triggerEvent(trigger, clock.date(), pieces.spreadsheet, session.options.userEmail),
        ...event,
      };
      // A trigger run has no active user: Session.getActiveUser() is blank, the effective user is
      // the trigger's owner (session.ts).
      const noDocument = trigger.eventType === 'CLOCK' && !clockRunsHaveDocument;
      const before = ctx.noDocument;
      ctx.noDocument = noDocument || before;
      try {
        return runtime.runAs('FULL', () => session.asTriggerRun(() => handler(e), trigger.owner), {
          ui: run.ui ?? false,
        });
      } finally {
        ctx.noDocument = before;
      }
    },
    asUser<T>(email: string, fn: () => T): T {
      return session.asUser(email, fn);
    },
  };
  // Every object holding state, for checkpoint(): the spreadsheet model, the stores and tables
  // that outlive an execution, the recorders, the clock and the call counts, and each service
  // object (their own small state: a uuid counter, a flush count, the HTML files…).
  const stateRoots = (): object[] =>
    (
      [
        ctx,
        clock,
        pieces.spreadsheet,
        pieces.app,
        properties.document,
        properties.user,
        properties.script,
        caches.document,
        caches.user,
        caches.script,
        triggerTable,
        locks,
        ui,
        logger,
        mail,
        session,
        session.options,
        globals.HtmlService,
        globals.PropertiesService,
        globals.LockService,
        globals.CacheService,
        globals.Utilities,
        globals.ScriptApp,
      ] as (object | null)[]
    ).filter((x): x is object => x !== null);
  return runtime;
}

/** The event object Apps Script passes to an installable trigger's handler. */
function triggerEvent(
  t: TriggerRecord,
  now: Date,
  spreadsheet: unknown,
  email: string,
): Record<string, unknown> {
  const base = { authMode: AuthMode.FULL, triggerUid: t.id };
  if (t.eventType === 'CLOCK') {
    const tz = t.schedule?.timezone ?? 'UTC';
    return {
      ...base,
      year: now.getUTCFullYear(),
      month: now.getUTCMonth() + 1,
      'day-of-month': now.getUTCDate(),
      'day-of-week': now.getUTCDay() === 0 ? 7 : now.getUTCDay(),
      hour: now.getUTCHours(),
      minute: now.getUTCMinutes(),
      second: now.getUTCSeconds(),
      timezone: tz,
    };
  }
  return {
    ...base,
    source: spreadsheet,
    user: { getEmail: () => email, getNickname: () => email.split('@')[0] },
  };
}

// ---------------------------------------------------------------------------------------------
// The spreadsheet model lives in local/spreadsheet (another engineer's files); this is the one
// place that knows its shape.

interface SpreadsheetPieceOptions {
  noContainer: boolean;
  spreadsheet: SpreadsheetOptions;
  getUi: () => GoogleAppsScript.Base.Ui;
}

interface SpreadsheetPieces {
  app: FakeSpreadsheetApp;
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Charts: typeof Charts;
  spreadsheet: FakeSpreadsheet | null;
  spreadsheetId: string | null;
  toasts: ToastRecord[];
}

const NO_ACTIVE = [
  'getActiveSpreadsheet',
  'getActive',
  'getActiveSheet',
  'getActiveRange',
  'getCurrentCell',
] as const;

function createSpreadsheetPieces(
  ctx: ExecutionContext,
  o: SpreadsheetPieceOptions,
): SpreadsheetPieces {
  const ss = createSpreadsheet(ctx, o.spreadsheet);
  const app = createSpreadsheetApp(ctx, ss);
  // A standalone script, or an execution without the document (an add-on's time-driven run, see
  // clockRunsHaveDocument): no active spreadsheet; the rest of the app is the same.
  const noActive = (m: MethodOf<GoogleAppsScript.Spreadsheet.SpreadsheetApp>) => () => {
    ctx.call(`SpreadsheetApp.${m}`, 'document-read');
    return null;
  };
  const SpreadsheetApp = new Proxy(app, {
    get(target, prop, receiver) {
      const documentless = o.noContainer || ctx.noDocument;
      if (documentless && (NO_ACTIVE as readonly (string | symbol)[]).includes(prop))
        return noActive(prop as MethodOf<GoogleAppsScript.Spreadsheet.SpreadsheetApp>);
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  if (!o.noContainer) app.setUiProvider(o.getUi);
  return {
    app,
    SpreadsheetApp,
    Charts,
    spreadsheet: o.noContainer ? null : ss,
    spreadsheetId: o.noContainer ? null : ss.id,
    toasts: o.noContainer ? [] : ss.toasts,
  };
}
