import { LOCK_TIMEOUT_MESSAGE } from '../../../local/services/lock';
import { createRuntime } from '../../../local/runtime';

describe('LockService', () => {
  test('tryLock / hasLock / releaseLock', () => {
    const rt = createRuntime();
    const lock = rt.globals.LockService.getDocumentLock()!;
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(10_000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(rt.locks.isHeld('document')).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  test('a lock held elsewhere: tryLock gives up after the timeout, on the clock only', () => {
    const rt = createRuntime({ now: new Date('2026-11-01T09:00:00Z') });
    rt.holdDocumentLockElsewhere(true);
    const started = Date.now();
    const lock = rt.globals.LockService.getDocumentLock()!;
    expect(lock.tryLock(10_000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(rt.clock.date().toISOString()).toBe('2026-11-01T09:00:10.000Z');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(() => lock.waitLock(30_000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(rt.locks.history.map((h) => [h.method, h.acquired])).toEqual([
      ['tryLock', false],
      ['waitLock', false],
    ]);
    rt.holdDocumentLockElsewhere(false);
    expect(lock.tryLock(10)).toBe(true);
  });

  test('two holders in one runtime contend (simulated second execution)', () => {
    const rt = createRuntime();
    const a = rt.globals.LockService.getScriptLock();
    const b = rt.globals.LockService.getScriptLock();
    expect(a.tryLock(100)).toBe(true);
    expect(b.tryLock(100)).toBe(false);
    a.releaseLock();
    expect(b.tryLock(100)).toBe(true);
  });

  test('scopes are independent', () => {
    const rt = createRuntime();
    rt.holdLockElsewhere('script', true);
    expect(rt.globals.LockService.getScriptLock().tryLock(1)).toBe(false);
    expect(rt.globals.LockService.getUserLock().tryLock(1)).toBe(true);
    expect(rt.globals.LockService.getDocumentLock()!.tryLock(1)).toBe(true);
  });

  test('locks still held when an execution ends are released', () => {
    const rt = createRuntime();
    rt.runAs('FULL', () => {
      rt.globals.LockService.getDocumentLock()!.waitLock(1000);
      rt.runAs('FULL', () => undefined); // nested: not the end of the execution
      expect(rt.locks.isHeld('document')).toBe(true);
    });
    expect(rt.locks.isHeld('document')).toBe(false);
  });

  test('document lock is null without a container', () => {
    const rt = createRuntime({ noContainer: true });
    expect(rt.globals.LockService.getDocumentLock()).toBeNull();
  });

  test('lock methods need a mode with Lock access', () => {
    const rt = createRuntime();
    const lock = rt.globals.LockService.getUserLock();
    expect(() => rt.runAs('NONE', () => lock.tryLock(1))).toThrow(/permission/);
    expect(rt.runAs('CUSTOM_FUNCTION', () => lock.tryLock(1))).toBe(true);
  });
});
