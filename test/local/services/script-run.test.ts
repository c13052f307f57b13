import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '../../../local/load-bundle';
import { createRuntime, type Runtime } from '../../../local/runtime';
import { ScriptRunBridge, type ScriptRunOptions } from '../../../local/services/script-run';

// A tiny server side: record() appends to a script property, which outlives executions, so the
// tests can see whether and in which order the server ran.
const CODE = `
var executions = 0;
function record(tag) {
  var p = PropertiesService.getScriptProperties();
  p.setProperty('log', (p.getProperty('log') || '') + JSON.stringify(tag) + ';');
  return tag;
}
function echo(x) { executions++; return { got: x, executions: executions }; }
function whoAmI() { return Session.getActiveUser().getEmail(); }
function mutate(o) { o.changed = true; return o; }
function boom(message) { throw new Error(message); }
function throwsString() { throw 'plain string'; }
function today() { return new Date(2026, 0, 1); }
function datesInside() { return { rows: [[1, new Date(2026, 0, 1)]] }; }
function holes() { var a = [1, undefined, 3]; a[4] = 5; return a; }
function secret_() { return 'secret'; }
var obj = { objectMethod: function () { return 'hidden'; } };
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cw-script-run-'));
  writeFileSync(join(dir, 'Code.js'), CODE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup(options?: ScriptRunOptions): { rt: Runtime; bridge: ScriptRunBridge } {
  const rt = createRuntime();
  return { rt, bridge: new ScriptRunBridge(loadBundle(rt, dir), options) };
}

const serverLog = (rt: Runtime): string | undefined => rt.properties.script.data.get('log');

describe('google.script.run (ScriptRunBridge)', () => {
  test('a call returns undefined at once; the server runs and the handler fires only on completion', () => {
    const { rt, bridge } = setup();
    const ok = jest.fn();
    const result = bridge.runner().withSuccessHandler(ok).record('a');
    expect(result).toBeUndefined();
    expect(ok).not.toHaveBeenCalled();
    expect(serverLog(rt)).toBeUndefined();
    expect(bridge.pending()).toBe(1);

    expect(bridge.completeNext()).toBe(true);
    expect(ok).toHaveBeenCalledWith('a');
    expect(serverLog(rt)).toBe('"a";');
    expect(bridge.pending()).toBe(0);
    expect(bridge.completeNext()).toBe(false);
  });

  test('calls can complete in another order than they were issued', () => {
    const { rt, bridge } = setup();
    const seen: unknown[] = [];
    const run = bridge.runner().withSuccessHandler((v) => seen.push(v));
    run.record('first');
    run.record('second');
    expect(bridge.pendingNames()).toEqual(['record', 'record']);
    expect(bridge.completeAll([1, 0])).toBe(2);
    expect(seen).toEqual(['second', 'first']);
    expect(serverLog(rt)).toBe('"second";"first";');

    run.record('x');
    run.record('y');
    bridge.completeAll('reverse');
    expect(seen.slice(2)).toEqual(['y', 'x']);
    run.record('z');
    expect(() => bridge.completeAll([0, 0])).toThrow(/each of the 1 pending calls once/);
  });

  test('the default order is a seeded shuffle: reproducible for a seed, not tied to issue order', () => {
    const orderFor = (seed: number): unknown[] => {
      const { bridge } = setup({ seed });
      const seen: unknown[] = [];
      const run = bridge.runner().withSuccessHandler((v) => seen.push(v));
      for (let i = 0; i < 8; i++) run.record(i);
      bridge.completeAll();
      return seen;
    };
    const a = orderFor(7);
    expect(orderFor(7)).toEqual(a);
    expect([...a].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(a).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  test('a Date argument, also inside an object or an array, fails the call without reaching the server', () => {
    const { rt, bridge } = setup();
    const ok = jest.fn();
    const errors: Error[] = [];
    const run = bridge
      .runner()
      .withSuccessHandler(ok)
      .withFailureHandler((e) => errors.push(e));
    run.record(new Date());
    run.record({ when: new Date() });
    run.record([1, [new Date()]]);
    expect(errors).toEqual([]); // still asynchronous
    bridge.completeAll('issue');
    expect(ok).not.toHaveBeenCalled();
    expect(serverLog(rt)).toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual([
      'google.script.run: a Date cannot be passed to the server (argument 0)',
      'google.script.run: a Date cannot be passed to the server (argument 0.when)',
      'google.script.run: a Date cannot be passed to the server (argument 0[1][0])',
    ]);
    expect(errors.every((e) => e instanceof Error)).toBe(true);
  });

  test('functions, class instances and maps are prohibited types too', () => {
    const { rt, bridge } = setup();
    const messages: string[] = [];
    const run = bridge.runner().withFailureHandler((e) => messages.push(e.message));
    class Point {
      x = 1;
    }
    run.record({ f: () => 1 });
    run.record(new Point());
    run.record(new Map());
    bridge.completeAll('issue');
    expect(messages).toEqual([
      'google.script.run: a Function cannot be passed to the server (argument 0.f)',
      'google.script.run: an object of type Point cannot be passed to the server (argument 0)',
      'google.script.run: an object of type Map cannot be passed to the server (argument 0)',
    ]);
    expect(serverLog(rt)).toBeUndefined();
  });

  test('a circular object fails; the same object twice without a cycle is fine', () => {
    const { bridge } = setup();
    const messages: string[] = [];
    const values: unknown[] = [];
    const run = bridge
      .runner()
      .withSuccessHandler((v) => values.push(v))
      .withFailureHandler((e) => messages.push(e.message));
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    const list: unknown[] = [1];
    list.push(list);
    run.record(loop);
    run.record(list);
    const shared = { n: 1 };
    run.record([shared, shared]);
    bridge.completeAll('issue');
    expect(messages).toEqual([
      'google.script.run: an object that creates a circular reference cannot be passed to the server (argument 0.self)',
      'google.script.run: an object that creates a circular reference cannot be passed to the server (argument 0[1])',
    ]);
    expect(values).toEqual([[{ n: 1 }, { n: 1 }]]);
  });

  test('undefined inside arrays becomes null, both ways', () => {
    const { bridge } = setup();
    const values: unknown[] = [];
    const run = bridge.runner().withSuccessHandler((v) => values.push(v));
    const sparse: unknown[] = [1];
    sparse[2] = 3;
    run.echo([1, undefined, 3]);
    run.echo(sparse);
    run.echo({ kept: 1, dropped: undefined });
    run.holes();
    bridge.completeAll('issue');
    expect(values).toEqual([
      { got: [1, null, 3], executions: 1 },
      { got: [1, null, 3], executions: 1 },
      { got: { kept: 1 }, executions: 1 },
      [1, null, 3, null, 5],
    ]);
  });

  test('client and server only ever see copies', () => {
    const { bridge } = setup();
    const sent = { n: 1 };
    let received: unknown;
    bridge
      .runner()
      .withSuccessHandler((v) => (received = v))
      .mutate(sent);
    sent.n = 2; // after the call: the server already has its copy
    bridge.completeAll();
    expect(received).toEqual({ n: 1, changed: true });
    expect(sent).toEqual({ n: 2 });
  });

  test('a thrown server error reaches the failure handler with its message', () => {
    const { bridge } = setup();
    const errors: Error[] = [];
    const ok = jest.fn();
    const run = bridge
      .runner()
      .withSuccessHandler(ok)
      .withFailureHandler((e) => errors.push(e));
    run.boom('Partner sheet is missing');
    run.throwsString();
    bridge.completeAll('issue');
    expect(ok).not.toHaveBeenCalled();
    expect(errors.map((e) => e.message)).toEqual(['Partner sheet is missing', 'plain string']);
    expect(errors[0]).toBeInstanceOf(Error);
  });

  test('a Date returned by the server fails the call (same restrictions as parameters)', () => {
    const { bridge } = setup();
    const messages: string[] = [];
    const ok = jest.fn();
    const run = bridge
      .runner()
      .withSuccessHandler(ok)
      .withFailureHandler((e) => messages.push(e.message));
    run.today();
    run.datesInside();
    bridge.completeAll('issue');
    expect(ok).not.toHaveBeenCalled();
    expect(messages).toEqual([
      'google.script.run: a Date cannot be returned from the server (the return value)',
      'google.script.run: a Date cannot be returned from the server (the return value.rows[0][1])',
    ]);
  });

  test('a private function_ and functions not declared at top level are not on the runner', () => {
    const { rt, bridge } = setup();
    const run = bridge.runner();
    expect(run.secret_).toBeUndefined();
    expect('secret_' in run).toBe(false);
    expect(() => run.secret_()).toThrow(TypeError);
    expect('objectMethod' in run).toBe(false);
    expect('obj' in run).toBe(false);
    expect(bridge.pending()).toBe(0);
    expect(rt.properties.script.data.size).toBe(0);
    // The public ones are there.
    expect(typeof run.record).toBe('function');
  });

  test('an unknown function fails at the call site, as google.script.run.nope() does in a browser', () => {
    const { bridge } = setup();
    const run = bridge.runner().withFailureHandler(jest.fn());
    expect(run.nope).toBeUndefined();
    expect(() => run.nope()).toThrow(TypeError);
    expect(bridge.pending()).toBe(0);
  });

  test('withUserObject reaches both handlers as their second argument, by reference', () => {
    const { bridge } = setup();
    const button = { id: 'refresh', onclick: () => undefined }; // never sent: any value will do
    const ok = jest.fn();
    const ko = jest.fn();
    const run = bridge
      .runner()
      .withSuccessHandler(ok)
      .withFailureHandler(ko)
      .withUserObject(button);
    run.record('a');
    run.boom('nope');
    bridge.completeAll('issue');
    expect(ok).toHaveBeenCalledWith('a', button);
    expect(ok.mock.calls[0][1]).toBe(button);
    expect(ko).toHaveBeenCalledTimes(1);
    expect(ko.mock.calls[0][0].message).toBe('nope');
    expect(ko.mock.calls[0][1]).toBe(button);
  });

  test('runners are builders: each with… returns a new runner, the old one is unchanged and reusable', () => {
    const { bridge } = setup();
    const onFailure = jest.fn();
    const onSuccess = jest.fn();
    const onOther = jest.fn();
    const base = bridge.runner().withFailureHandler(onFailure);
    const runner1 = base.withSuccessHandler(onSuccess);
    const runner2 = base.withSuccessHandler(onOther);
    expect(runner1).not.toBe(base);
    runner1.record('one');
    runner1.record('two');
    runner2.record('three');
    base.boom('shared failure handler');
    runner1.withSuccessHandler(onOther).record('overridden');
    bridge.completeAll('issue');
    expect(onSuccess.mock.calls).toEqual([['one'], ['two']]);
    expect(onOther.mock.calls).toEqual([['three'], ['overridden']]);
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  test('without a failure handler the failure is recorded as unhandled; withFailureHandler(null) drops it', () => {
    const { bridge } = setup();
    bridge.runner().boom('nobody listens');
    bridge.runner().record(new Date());
    bridge.runner().withFailureHandler(null).boom('silenced');
    bridge.completeAll('issue');
    expect(bridge.unhandled.map((u) => [u.functionName, u.error.message])).toEqual([
      ['boom', 'nobody listens'],
      ['record', 'google.script.run: a Date cannot be passed to the server (argument 0)'],
    ]);
  });

  test('each call is its own server execution in AuthMode.FULL with a fresh global scope', () => {
    const { bridge } = setup();
    const values: unknown[] = [];
    const run = bridge.runner().withSuccessHandler((v) => values.push(v));
    run.echo('a');
    run.echo('b');
    run.whoAmI(); // the active user's e-mail is only given in FULL
    bridge.completeAll('issue');
    expect(values).toEqual([
      { got: 'a', executions: 1 },
      { got: 'b', executions: 1 },
      'user@example.com',
    ]);
  });

  test('calls issued by a handler stay pending until the next round', () => {
    const { bridge } = setup();
    const seen: unknown[] = [];
    const run = bridge.runner();
    run
      .withSuccessHandler((v) => {
        seen.push(v);
        run.withSuccessHandler((w) => seen.push(w)).record('chained');
      })
      .record('first');
    expect(bridge.completeAll()).toBe(1);
    expect(seen).toEqual(['first']);
    expect(bridge.pending()).toBe(1);
    bridge.completeAll();
    expect(seen).toEqual(['first', 'chained']);
  });
});
