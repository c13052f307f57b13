/**
 * Loads a pushed Apps Script project (every .js file of dist/, alphabetical like clasp) into one
 * node:vm context whose global object carries the runtime's services, the way Apps Script runs
 * every file in one global scope.
 *
 * Apps Script evaluates the global code again at the start of every execution, in that
 * execution's auth mode; top-level state does not survive between executions. By default each
 * call therefore gets a fresh context (isolateExecutions), and the global code always runs in
 * AuthMode.NONE, the strictest mode any execution (onOpen of an installed-not-enabled add-on) can
 * have, so a service touched at load time fails here as it would for that user.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import * as ts from 'typescript';
import type { AuthModeName } from './context';
import type { Runtime } from './runtime';
import { AuthMode } from './services/script-app';

type AnyFunction = (...args: unknown[]) => unknown;

export interface LoadOptions {
  /** Fresh global scope per execution, as in Apps Script (default true). */
  isolateExecutions?: boolean;
}

export type CustomFunctionResult = unknown | { error: string };

export interface LoadedBundle {
  /** The global scope of the latest execution. */
  readonly context: vm.Context;
  readonly files: string[];
  /** Runs a top-level function as a menu click / google.script.run would: AuthMode.FULL. */
  call(name: string, ...args: unknown[]): unknown;
  callAs(mode: AuthModeName, name: string, ...args: unknown[]): unknown;
  /** Top-level `function` declarations, in source order. */
  declaredFunctions(): string[];
  /** Declared functions whose JSDoc carries @customfunction. */
  customFunctions(): string[];
  /** What a cell `=NAME(args)` shows: the value or 2-D array, or { error } when it throws. */
  runCustomFunction(name: string, ...args: unknown[]): CustomFunctionResult;
  /** Simulates opening the file: onOpen({authMode, source, user}) in the given mode (default NONE). */
  open(mode?: AuthModeName): unknown;
  /** Clicks a recorded menu item by caption (or caption path), in FULL. */
  clickMenu(caption: string | string[]): unknown;
}

/** Custom functions must finish within 30 s (platform.md §1), measured on the runtime clock. */
const CUSTOM_FUNCTION_LIMIT_MS = 30_000;

interface SourceFile {
  name: string;
  script: vm.Script;
  declared: string[];
  custom: string[];
}

function parseDeclarations(
  filename: string,
  code: string,
): { declared: string[]; custom: string[] } {
  const sf = ts.createSourceFile(filename, code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const declared: string[] = [];
  const custom: string[] = [];
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) {
      declared.push(st.name.text);
      if (ts.getJSDocTags(st).some((t) => t.tagName.text.toLowerCase() === 'customfunction')) {
        custom.push(st.name.text);
      }
    }
  }
  return { declared, custom };
}

/**
 * Values created by the services live in this (host) realm, the bundle's in the vm realm; Apps
 * Script has one realm. Making `instanceof` realm-blind for the built-ins an add-on checks keeps
 * `v instanceof Date` / `e instanceof Error` honest. `Date` is the host's, driven by the runtime
 * clock, so dates the bundle writes are real host Dates and `new Date()` is reproducible.
 */
const REALM_BRIDGE = `(function (host) {
  var ordinary = Function.prototype[Symbol.hasInstance];
  var HostDate = host.Date;
  function ClockDate() {
    if (!new.target) return new HostDate(host.now()).toString();
    var args = arguments.length === 0 ? [host.now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(HostDate, args, new.target);
  }
  ClockDate.prototype = HostDate.prototype;
  Object.setPrototypeOf(ClockDate, HostDate);
  Object.defineProperty(ClockDate, 'now', { value: function now() { return host.now(); }, writable: true, configurable: true });
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  Object.defineProperty(ClockDate, Symbol.hasInstance, {
    value: function (x) { return this === ClockDate ? Object.prototype.toString.call(x) === '[object Date]' : ordinary.call(this, x); },
  });
  globalThis.Date = ClockDate;
  host.errorNames.forEach(function (name) {
    var C = globalThis[name];
    var H = host.errors[name];
    Object.defineProperty(C, Symbol.hasInstance, {
      value: function (x) { return ordinary.call(this, x) || (this === C && x instanceof H); },
      configurable: true,
    });
  });
  Object.defineProperty(Array, Symbol.hasInstance, {
    value: function (x) { return this === Array ? Array.isArray(x) : ordinary.call(this, x); },
    configurable: true,
  });
  Object.defineProperty(Object, Symbol.hasInstance, {
    value: function (x) { return this === Object ? x !== null && (typeof x === 'object' || typeof x === 'function') : ordinary.call(this, x); },
    configurable: true,
  });
})`;

const ERROR_NAMES = [
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
] as const;

function createContext(runtime: Runtime): vm.Context {
  const sandbox: Record<string, unknown> = { ...runtime.globals };
  const context = vm.createContext(sandbox, { name: 'Apps Script project' });
  const bridge = vm.runInContext(REALM_BRIDGE, context) as (host: unknown) => void;
  bridge({
    Date,
    now: () => runtime.clock.now(),
    errorNames: [...ERROR_NAMES],
    errors: { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError },
  });
  return context;
}

/** Sheets' view of a custom function's result, copied into the host realm. */
function toCellResult(value: unknown): unknown {
  const cell = (v: unknown): unknown => {
    if (v === null || v === undefined) return '';
    if (Object.prototype.toString.call(v) === '[object Date]')
      return new Date((v as Date).getTime());
    if (typeof v === 'object') throw new Error(`Cannot display a value of type object in a cell`);
    return v;
  };
  if (Array.isArray(value)) {
    // A 1-D array fills a column (unverified against Sheets). Array.from builds host-realm
    // arrays, so results compare with toStrictEqual like any other value.
    return Array.from(value as unknown[], (row) =>
      Array.isArray(row) ? Array.from(row as unknown[], cell) : [cell(row)],
    );
  }
  return cell(value);
}

function errorMessage(e: unknown): string {
  if (e !== null && typeof e === 'object' && 'message' in e)
    return String((e as { message: unknown }).message);
  return String(e);
}

export function loadBundle(
  runtime: Runtime,
  distDir: string,
  options: LoadOptions = {},
): LoadedBundle {
  const isolate = options.isolateExecutions ?? true;
  const names = readdirSync(distDir)
    .filter((f) => f.endsWith('.js'))
    .sort();
  const sources: SourceFile[] = names.map((name) => {
    const filename = join(distDir, name);
    const code = readFileSync(filename, 'utf8');
    const { declared, custom } = parseDeclarations(filename, code);
    // Compiled once; a syntax error (an ESM `export`, say) fails here as clasp push would.
    let script: vm.Script;
    try {
      script = new vm.Script(code, { filename });
    } catch (e) {
      throw new Error(
        `${name}: ${e instanceof Error || (e && typeof e === 'object') ? `${(e as Error).name}: ${(e as Error).message}` : String(e)}`,
      );
    }
    return { name, script, declared, custom };
  });
  // clasp pushes dist/*.html as the project's HTML files, which HtmlService's
  // createHtmlOutputFromFile / createTemplateFromFile find by name without the extension.
  for (const name of readdirSync(distDir).filter((f) => f.endsWith('.html'))) {
    runtime.globals.HtmlService.files.set(
      name.replace(/\.html$/, ''),
      readFileSync(join(distDir, name), 'utf8'),
    );
  }
  const declared = sources.flatMap((s) => s.declared);
  const custom = sources.flatMap((s) => s.custom);

  const evaluate = (): vm.Context => {
    const context = createContext(runtime);
    runtime.runAs('NONE', () => {
      for (const s of sources) {
        try {
          s.script.runInContext(context);
        } catch (e) {
          const err = new Error(`Loading ${s.name} failed in AuthMode.NONE: ${errorMessage(e)}`);
          (err as Error & { cause?: unknown }).cause = e;
          throw err;
        }
      }
    });
    return context;
  };

  let current = evaluate();
  const fresh = (): vm.Context => {
    if (isolate) current = evaluate();
    return current;
  };

  const lookup = (context: vm.Context, name: string): AnyFunction => {
    const fn = (context as Record<string, unknown>)[name];
    if (!declared.includes(name) || typeof fn !== 'function')
      throw new Error(`Script function not found: ${name}`);
    return fn as AnyFunction;
  };

  // Installable triggers resolve their handlers in a fresh scope too; handlers registered with
  // defineFunctions() stay reachable.
  const previous = runtime.resolveFunction;
  runtime.resolveFunction = (name: string) => {
    if (!declared.includes(name)) return previous(name);
    return (...args: unknown[]) => lookup(fresh(), name)(...args);
  };

  const callAs = (mode: AuthModeName, name: string, ...args: unknown[]): unknown => {
    const context = fresh();
    const fn = lookup(context, name);
    return runtime.runAs(mode, () => fn(...args), { ui: mode !== 'CUSTOM_FUNCTION' });
  };

  const bundle: LoadedBundle = {
    get context() {
      return current;
    },
    files: names,
    call: (name, ...args) => callAs('FULL', name, ...args),
    callAs,
    declaredFunctions: () => [...declared],
    customFunctions: () => [...custom],
    runCustomFunction(name: string, ...args: unknown[]): CustomFunctionResult {
      // Sheets resolves names case-insensitively and never calls private (_) functions.
      const target = declared.find(
        (d) => d.toUpperCase() === name.toUpperCase() && !d.endsWith('_'),
      );
      if (!target) return { error: `Unknown function: '${name}'.` };
      const started = runtime.clock.now();
      try {
        const value = callAs('CUSTOM_FUNCTION', target, ...args);
        if (runtime.clock.now() - started > CUSTOM_FUNCTION_LIMIT_MS) {
          return { error: 'Exceeded maximum execution time (line 0).' };
        }
        return toCellResult(value);
      } catch (e) {
        return { error: errorMessage(e) };
      }
    },
    open(mode: AuthModeName = 'NONE') {
      if (!declared.includes('onOpen')) return undefined;
      const event = {
        authMode: (AuthMode as unknown as Record<string, unknown>)[mode],
        source: runtime.spreadsheet,
      };
      return callAs(mode, 'onOpen', event);
    },
    clickMenu(caption: string | string[]) {
      return callAs('FULL', runtime.ui.findMenuItem(caption));
    },
  };
  return bundle;
}
