/**
 * LockService. The runtime is single-threaded, so contention is simulated: a scope can be marked
 * as held by another execution, and then tryLock() gives up and waitLock() throws after the
 * requested timeout has passed on the runtime clock (no real waiting). Locks still held when an
 * execution ends are released, as Apps Script does.
 */
import type { ExecutionContext } from '../context';
import type { Clock } from './clock';

type Lock = GoogleAppsScript.Lock.Lock;
export type LockScope = 'document' | 'script' | 'user';

export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

interface LockState {
  holder: FakeLock | null;
  elsewhere: boolean;
}

export class LockTable {
  private readonly states: Record<LockScope, LockState> = {
    document: { holder: null, elsewhere: false },
    script: { holder: null, elsewhere: false },
    user: { holder: null, elsewhere: false },
  };
  /** Every tryLock/waitLock outcome, for assertions. */
  readonly history: {
    scope: LockScope;
    method: 'tryLock' | 'waitLock';
    acquired: boolean;
    timeoutMs: number;
  }[] = [];

  constructor(readonly hasContainer: boolean) {}

  state(scope: LockScope): LockState {
    return this.states[scope];
  }

  /** Another execution holds (or releases) the lock of this scope. */
  holdElsewhere(scope: LockScope, held: boolean): void {
    this.states[scope].elsewhere = held;
  }

  isHeld(scope: LockScope): boolean {
    return this.states[scope].holder !== null;
  }

  /** Locks an execution lost while a dialog suspended it: which scope, and which dialog. */
  readonly lostToDialogs: { scope: LockScope; dialog: string }[] = [];

  /** End of an execution: Apps Script releases whatever the script forgot to. */
  releaseAll(): void {
    for (const s of Object.values(this.states)) s.holder = null;
  }

  /**
   * A dialog suspended the execution: "LockService locks don't persist across the suspension"
   * (developers.google.com/apps-script/reference/base/ui#alert(String)). The script's Lock
   * objects stay, but no longer hold anything: hasLock() answers false, and another execution
   * may take the lock before the script resumes.
   */
  releaseForSuspension(dialog: string): void {
    for (const [scope, s] of Object.entries(this.states) as [LockScope, LockState][]) {
      if (s.holder === null) continue;
      s.holder = null;
      this.lostToDialogs.push({ scope, dialog });
    }
  }
}

export class FakeLock implements Lock {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly clock: Clock,
    private readonly table: LockTable,
    readonly scope: LockScope,
  ) {}

  private acquire(method: 'tryLock' | 'waitLock', timeoutInMillis: number): boolean {
    if (!Number.isFinite(timeoutInMillis) || timeoutInMillis < 0) {
      throw new Error(`Invalid argument: timeoutInMillis`);
    }
    const state = this.table.state(this.scope);
    const free = !state.elsewhere && (state.holder === null || state.holder === this);
    if (free) state.holder = this;
    else this.clock.advance(timeoutInMillis);
    this.table.history.push({
      scope: this.scope,
      method,
      acquired: free,
      timeoutMs: timeoutInMillis,
    });
    return free;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.ctx.call('Lock.tryLock', 'lock');
    return this.acquire('tryLock', timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.ctx.call('Lock.waitLock', 'lock');
    if (!this.acquire('waitLock', timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  hasLock(): boolean {
    this.ctx.call('Lock.hasLock', 'lock');
    return this.table.state(this.scope).holder === this;
  }

  releaseLock(): void {
    this.ctx.call('Lock.releaseLock', 'lock');
    const state = this.table.state(this.scope);
    if (state.holder === this) state.holder = null;
  }
}

/** getDocumentLock() returns null outside a container document although the types say Lock. */
export class FakeLockService implements Pick<
  GoogleAppsScript.Lock.LockService,
  'getScriptLock' | 'getUserLock'
> {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly clock: Clock,
    readonly table: LockTable,
  ) {}

  getDocumentLock(): Lock | null {
    this.ctx.call('LockService.getDocumentLock', 'lock');
    return this.table.hasContainer && !this.ctx.noDocument
      ? new FakeLock(this.ctx, this.clock, this.table, 'document')
      : null;
  }

  getScriptLock(): Lock {
    this.ctx.call('LockService.getScriptLock', 'lock');
    return new FakeLock(this.ctx, this.clock, this.table, 'script');
  }

  getUserLock(): Lock {
    this.ctx.call('LockService.getUserLock', 'lock');
    return new FakeLock(this.ctx, this.clock, this.table, 'user');
  }
}
