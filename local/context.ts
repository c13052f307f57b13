/**
 * The execution context every fake service consults: which authorisation mode the current
 * execution runs in, which OAuth scopes the manifest grants, and how many calls each service
 * method received. Shared by the spreadsheet model and the other services of the local runtime.
 */

export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

import { CostMeter, type CountedCall } from './call-cost';

/** What a service method needs; checked against the current auth mode and the manifest scopes. */
export type Capability =
  | 'document-read' // read the container spreadsheet
  | 'document-write' // change the container spreadsheet
  | 'ui-menu' // add menu items (allowed in NONE and LIMITED)
  | 'ui' // alerts, prompts, dialogs, sidebars, toasts
  | 'properties'
  | 'lock'
  | 'cache'
  | 'mail'
  | 'triggers'
  | 'user-data' // the user's e-mail address
  | 'free'; // Logger, Utilities: always allowed

export const SCOPES = {
  currentonly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

/** The scope(s) that grant a capability (any one suffices); none listed = no scope needed. */
const SCOPE_FOR: Partial<Record<Capability, string[]>> = {
  'document-read': [SCOPES.currentonly, SCOPES.spreadsheets],
  'document-write': [SCOPES.currentonly, SCOPES.spreadsheets],
  ui: [SCOPES.ui],
  mail: [SCOPES.mail],
  triggers: [SCOPES.scriptapp],
};

/** platform.md §2: what each authorisation mode allows. */
const ALLOWED: Record<AuthModeName, ReadonlySet<Capability>> = {
  NONE: new Set<Capability>(['ui-menu', 'free']),
  LIMITED: new Set<Capability>([
    'ui-menu',
    'document-read',
    'document-write',
    'properties',
    'lock',
    'cache',
    'free',
  ]),
  CUSTOM_FUNCTION: new Set<Capability>(['document-read', 'properties', 'lock', 'cache', 'free']),
  FULL: new Set<Capability>([
    'ui-menu',
    'ui',
    'document-read',
    'document-write',
    'properties',
    'lock',
    'cache',
    'mail',
    'triggers',
    'user-data',
    'free',
  ]),
};

export class ExecutionContext {
  authMode: AuthModeName = 'FULL';
  /** Scopes granted by the manifest; null = not enforced. */
  scopes: ReadonlySet<string> | null = null;
  readonly calls = new Map<string, number>();
  /** Cells moved by array reads and writes (getValues, setValues, setBackgrounds, …). */
  cellsTransferred = 0;
  /** The same calls by cost class, in order (local/call-cost.ts): round trips, reads after writes. */
  readonly meter = new CostMeter();
  /**
   * True while an execution has no container document although the script has one: an editor
   * add-on's time-driven run (runtime.ts fireTrigger). Then the active spreadsheet, the document
   * lock, properties and cache are null, as they are for a standalone script.
   */
  noDocument = false;
  /** Called on every service call after it is counted: simulated latency advances the clock here. */
  onCall: ((name: string) => void) | null = null;
  /**
   * When set, every counted call is appended with the capability it needs, so a test can tell
   * the calls that change the document ('document-write') from the reads.
   */
  journal: { name: string; needs: Capability }[] | null = null;
  /** > 0 while a person at the keyboard acts (outsideTheScript): their edits are no service calls. */
  private outside = 0;
  /** Planned failures: the nth call of a method (counted from now) throws, as a flaky service would. */
  private faults: { method: string; nth: number; message: string; seen: number }[] = [];

  /** Makes the nth call (1-based) of `method` from now on throw `message`. */
  failOn(method: string, nth: number, message = `Service error: ${method}`): void {
    this.faults.push({ method, nth, message, seen: 0 });
  }

  /** Records one call of `Class.method` and throws as Apps Script would when it is not allowed. */
  call(name: CountedCall, needs: Capability): void {
    if (this.outside > 0) return;
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    this.journal?.push({ name, needs });
    this.meter.record(name, needs);
    this.onCall?.(name);
    for (const f of this.faults) {
      if (f.method === name && ++f.seen === f.nth) {
        this.faults = this.faults.filter((x) => x !== f);
        throw new Error(f.message);
      }
    }
    if (!ALLOWED[this.authMode].has(needs)) {
      throw new Error(
        `You do not have permission to call ${name} (authorization mode ${this.authMode}).`,
      );
    }
    const scopes = SCOPE_FOR[needs];
    if (this.scopes && scopes && !scopes.some((s) => this.scopes!.has(s))) {
      throw new Error(
        `You do not have permission to call ${name}. Required permissions: ${scopes[0]}`,
      );
    }
  }

  /** Runs fn in the given mode and restores the previous one. */
  runAs<T>(mode: AuthModeName, fn: () => T): T {
    const previous = this.authMode;
    this.authMode = mode;
    try {
      return fn();
    } finally {
      this.authMode = previous;
    }
  }

  /**
   * Runs fn as a person editing in the browser while a script runs: what they type reaches the
   * same document, but it is not the script's service call — not counted, not journaled, not
   * subject to the script's auth mode, faults or time limit (the runtime's onCall is not called).
   */
  outsideTheScript<T>(fn: () => T): T {
    this.outside++;
    try {
      return fn();
    } finally {
      this.outside--;
    }
  }

  resetCalls(): void {
    this.calls.clear();
    this.cellsTransferred = 0;
    this.meter.reset();
  }

  /** Cells moved by one array read or write: counted in total and by direction. */
  countCells(n: number, direction: 'read' | 'write'): void {
    if (this.outside > 0) return;
    this.cellsTransferred += n;
    if (direction === 'read') this.meter.cost.cellsRead += n;
    else this.meter.cost.cellsWritten += n;
  }

  totalCalls(): number {
    let n = 0;
    for (const v of this.calls.values()) n += v;
    return n;
  }

  /** Calls by method, sorted by name, for snapshots and the benchmark. */
  callsByMethod(): Record<string, number> {
    return Object.fromEntries([...this.calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
