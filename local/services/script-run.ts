/**
 * google.script.run for the local runtime: the client-side API an HTML dialog or sidebar uses to
 * call the add-on's server functions. It follows the rules Google documents, so that a dialog
 * tested here meets the same rules it will meet in Sheets:
 *   - a call returns nothing and runs nothing at once; the server function runs, and its handler
 *     is called, only when the test lets the call complete (completeNext / completeAll), in an
 *     order the test chooses (issue order, reverse, an explicit order or a seeded shuffle);
 *   - arguments and return values pass a legality check and are copied, so client and server
 *     never share an object (a Date, a function, a class instance or a circular object fails
 *     the call; undefined inside an array becomes null);
 *   - only the bundle's public top-level functions exist on the runner, and each call is its own
 *     server execution: LoadedBundle.call, i.e. AuthMode.FULL in a fresh global scope;
 *   - a failure reaches the failure handler or, without one, is kept in `unhandled` (the
 *     browser would log it to the JavaScript console).
 * What is not modelled: form elements (no DOM here; pass the plain object a form becomes), the
 * limit of 10 concurrent calls (nothing runs until the test completes calls anyway).
 *
 * Sources, quoted beside the code that enforces them:
 *   [guide] https://developers.google.com/apps-script/guides/html/communication
 *   [ref]   https://developers.google.com/apps-script/guides/html/reference/run
 */
import { createHash } from 'node:crypto';
import type { LoadedBundle } from '../load-bundle';

export type SuccessHandler = (value: unknown, userObject?: unknown) => void;
export type FailureHandler = (error: Error, userObject?: unknown) => void;

/** A server function as the client sees it: it returns undefined, its result goes to a handler. */
export type ServerCall = (...args: unknown[]) => void;

export interface RunnerModifiers {
  withSuccessHandler(handler: SuccessHandler | null): ScriptRunner;
  withFailureHandler(handler: FailureHandler | null): ScriptRunner;
  withUserObject(object: unknown): ScriptRunner;
}

/**
 * The `google.script.run` object a dialog page (or a test standing in for one) uses: the three
 * settings plus one member per public top-level server function. A private or unknown name is
 * absent at run time (calling it is a TypeError, as in the browser), though this type cannot
 * say so.
 */
export type ScriptRunner = RunnerModifiers & { readonly [serverFunction: string]: ServerCall };

/** A failure that had no failure handler: what the browser would log to its console. */
export interface UnhandledFailure {
  functionName: string;
  error: Error;
}

/** Which pending calls complete first: indexes into pendingNames() name an explicit order. */
export type CompletionOrder = 'issue' | 'reverse' | 'shuffle' | readonly number[];

export interface ScriptRunOptions {
  /** Seed of the 'shuffle' completion order (the default order of completeAll). Default 1. */
  seed?: number;
}

/** What the bridge needs of a loaded bundle. */
export type ServerScript = Pick<LoadedBundle, 'call' | 'declaredFunctions'>;

interface Settings {
  success?: SuccessHandler | null;
  /** undefined: never set (failures are logged); null: set to null (failures are dropped). */
  failure?: FailureHandler | null;
  userObject?: { value: unknown };
}

interface PendingCall {
  functionName: string;
  settings: Settings;
  /** The copied arguments, or the error that fails the call before it reaches the server. */
  args: unknown[] | Error;
}

export class ScriptRunBridge {
  /** Failures without a failure handler, oldest first. */
  readonly unhandled: UnhandledFailure[] = [];
  private readonly queue: PendingCall[] = [];
  private readonly callable: readonly string[];
  private readonly random: () => number;

  constructor(
    private readonly server: ServerScript,
    options: ScriptRunOptions = {},
  ) {
    // [guide] "Server functions whose names end with an underscore are considered private.
    // These functions cannot be called by google.script and their names are never sent to the
    // client." … "google.script also cannot see functions within libraries or functions not
    // declared at the top level of the script." declaredFunctions() lists exactly the top-level
    // function declarations; the runner gets a member for each public one and for nothing else.
    this.callable = server.declaredFunctions().filter((name) => !name.endsWith('_'));
    this.random = seededNumbers(options.seed ?? 1);
  }

  /** A fresh `google.script.run`: no handlers, no user object. */
  runner(): ScriptRunner {
    return this.makeRunner({});
  }

  /** Calls issued and not yet completed. */
  pending(): number {
    return this.queue.length;
  }

  /** The function names of the pending calls, in issue order (what completeAll's indexes mean). */
  pendingNames(): string[] {
    return this.queue.map((c) => c.functionName);
  }

  /** Completes the oldest pending call; false when none is pending. */
  completeNext(): boolean {
    const call = this.queue.shift();
    if (!call) return false;
    this.settle(call);
    return true;
  }

  /**
   * Completes the calls pending now, in the given order (default: a shuffle seeded by the
   * options, so a page that relies on issue order is caught, reproducibly). Calls a handler
   * issues meanwhile stay pending for the next round. Returns how many calls completed.
   */
  completeAll(order: CompletionOrder = 'shuffle'): number {
    const batch = [...this.queue];
    for (const index of this.orderOf(batch.length, order)) {
      const call = batch[index];
      // Leave the queue before the handlers run, so a handler that throws leaves the rest pending.
      this.queue.splice(this.queue.indexOf(call), 1);
      this.settle(call);
    }
    return batch.length;
  }

  private makeRunner(settings: Settings): ScriptRunner {
    // [guide] "If you add a success handler, failure handler, or user object to a script
    // runner, you aren't changing the existing runner; instead, you get back a new script
    // runner with new behavior." … "The new value overrides the previous value."
    const runner: Record<string, unknown> = {
      withSuccessHandler: (handler: SuccessHandler | null) =>
        this.makeRunner({ ...settings, success: handler }),
      withFailureHandler: (handler: FailureHandler | null) =>
        this.makeRunner({ ...settings, failure: handler }),
      // [ref] "Because user objects are not sent to the server, they are not subject to the
      // restrictions on parameters and return values": kept by reference, never copied.
      withUserObject: (object: unknown) =>
        this.makeRunner({ ...settings, userObject: { value: object } }),
    };
    for (const functionName of this.callable) {
      // [ref] myFunction(...) returns "void — this method is asynchronous and does not return
      // directly". [guide] "the browser continues immediately to the next line of code without
      // waiting for a response": the call is only queued here.
      runner[functionName] = (...args: unknown[]): void => {
        let copied: unknown[] | Error;
        try {
          // Copied at call time: [guide] "Note that an object passed to the server becomes a
          // copy of the original." Later changes on the client do not reach the server.
          copied = args.map((a, i) => transfer(a, `argument ${i}`, 'passed to', []));
        } catch (e) {
          copied = e instanceof Error ? e : new Error(messageOf(e));
        }
        this.queue.push({ functionName, settings, args: copied });
      };
    }
    return runner as ScriptRunner;
  }

  private orderOf(n: number, order: CompletionOrder): number[] {
    const issue = Array.from({ length: n }, (_, i) => i);
    if (order === 'issue') return issue;
    if (order === 'reverse') return issue.reverse();
    if (order === 'shuffle') {
      // [guide] "If you make two function calls at the same time, there is no way to know which
      // function runs first; the result may differ each time you load the page."
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [issue[i], issue[j]] = [issue[j], issue[i]];
      }
      return issue;
    }
    const sorted = [...order].sort((a, b) => a - b);
    if (sorted.length !== n || sorted.some((v, i) => v !== i)) {
      throw new Error(`completeAll: the order must list each of the ${n} pending calls once`);
    }
    return [...order];
  }

  private settle(call: PendingCall): void {
    let failure: Error | undefined;
    let value: unknown;
    if (call.args instanceof Error) {
      // [guide] "Requests fail if you attempt to pass a Date, Function, DOM element besides a
      // form, or other prohibited type": the server function never runs.
      failure = call.args;
    } else {
      try {
        // One server execution per call: LoadedBundle.call runs the top-level function in
        // AuthMode.FULL, in a fresh global scope (load-bundle.ts, isolateExecutions).
        const result = this.server.call(call.functionName, ...call.args);
        // [ref] "return types are subject to the same restrictions as parameter types, except
        // that a form element is not a legal return type". The docs do not say how a client
        // sees an illegal return value (a Date, say); it fails the call here, through the
        // failure handler, rather than reaching the success handler in some altered form.
        value = transfer(result, 'the return value', 'returned from', []);
      } catch (e) {
        // [ref] withFailureHandler: "Sets a callback function to run if the server-side
        // function throws an exception. The Error object is passed to the function as the
        // first argument". The client gets a copy carrying the thrown message.
        failure = e instanceof IllegalValue ? e : new Error(messageOf(e));
      }
    }
    const { settings } = call;
    const extra: [] | [unknown] = settings.userObject ? [settings.userObject.value] : [];
    if (failure === undefined) {
      // [ref] withSuccessHandler: "The server's return value is passed to the function as the
      // first argument, and the user object (if any) is passed as a second argument."
      settings.success?.(value, ...extra);
    } else if (settings.failure) {
      settings.failure(failure, ...extra);
    } else if (settings.failure === undefined) {
      // [ref] "Without a failure handler, failures are logged to the JavaScript console. To
      // override this, call withFailureHandler(null) or supply a failure handler that does
      // nothing." Kept here for the test to assert on; withFailureHandler(null) drops it.
      this.unhandled.push({ functionName: call.functionName, error: failure });
    }
  }
}

/** The error of a value google.script.run refuses to carry. */
class IllegalValue extends Error {}

/**
 * Checks a value against the documented rules and returns a copy of it (host-realm objects and
 * arrays), or throws IllegalValue naming what was refused and where.
 *
 * [ref] "Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as
 * well as JavaScript objects and arrays that are composed of primitives, objects, and arrays."
 * "Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or other
 * prohibited type, including prohibited types inside objects or arrays. Objects that create
 * circular references will also fail, and undefined fields within arrays become null."
 */
function transfer(value: unknown, at: string, verb: string, ancestors: object[]): unknown {
  const refuse = (what: string): never => {
    throw new IllegalValue(`google.script.run: ${what} cannot be ${verb} the server (${at})`);
  };
  // undefined outside arrays (a missing argument, a function that returns nothing) is passed
  // as is: the docs only speak of undefined inside arrays.
  if (value === null || value === undefined) return value;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (type === 'function') return refuse('a Function');
  if (type !== 'object') return refuse(`a ${type}`); // bigint, symbol
  const obj = value as object;
  // Tags and prototypes, not instanceof: server values come from the bundle's vm realm.
  if (Object.prototype.toString.call(obj) === '[object Date]') return refuse('a Date');
  // Only a cycle fails; the same object reached twice without a cycle is copied twice.
  if (ancestors.includes(obj)) return refuse('an object that creates a circular reference');
  ancestors.push(obj);
  let copy: unknown;
  if (Array.isArray(obj)) {
    // A hole is an undefined field as well; both become null.
    copy = Array.from({ length: obj.length }, (_, i) => {
      const v = transfer(obj[i], `${at}[${i}]`, verb, ancestors);
      return v === undefined ? null : v;
    });
  } else {
    // A plain object has Object.prototype (of any realm) or null as its prototype; anything
    // else (a class instance, Map, RegExp, Error, boxed primitive…) is an "other prohibited type".
    const proto = Object.getPrototypeOf(obj) as object | null;
    if (proto !== null && Object.getPrototypeOf(proto) !== null) {
      const name = (proto as { constructor?: { name?: string } }).constructor?.name;
      return refuse(`an object of type ${name || 'unknown'}`);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj)) {
      const v = transfer((obj as Record<string, unknown>)[key], `${at}.${key}`, verb, ancestors);
      // The docs say nothing of undefined object fields; like JSON, the field is left out.
      if (v !== undefined) out[key] = v;
    }
    copy = out;
  }
  ancestors.pop();
  return copy;
}

function messageOf(e: unknown): string {
  if (e !== null && typeof e === 'object' && 'message' in e) {
    return String((e as { message: unknown }).message);
  }
  return String(e);
}

/**
 * Reproducible numbers in [0, 1) for a seed: the n-th is read from a hash of seed and n, with
 * Node's own crypto, so the runtime needs no PRNG of the product's (local/ never imports src/).
 */
function seededNumbers(seed: number): () => number {
  let n = 0;
  return () => createHash('sha256').update(`${seed}:${n++}`).digest().readUInt32BE(0) / 2 ** 32;
}
