/**
 * Session: who is at the keyboard, their locale and the script time zone. The e-mail address
 * is user data: outside FULL Apps Script hands back a blank address instead of throwing.
 *
 * Trigger runs (asTriggerRun): the active user's address is "generally unavailable" when "the
 * script executes as a trigger" (developers.google.com/apps-script/reference/base/session,
 * platform.md §8 item 6), so getActiveUser().getEmail() is blank there; getEffectiveUser(): "If
 * the script is running under an installable trigger, this returns the account of the user who
 * created the trigger" (same page). Installable triggers "always run under the account of the
 * person who created them" (…/guides/triggers/installable#restrictions): fireTrigger runs the handler
 * with the trigger's creator as effective user.
 *
 * Several people share a workbook: asUser(email, fn) runs fn as another person at the keyboard
 * (active and effective user), so that who owns a trigger, who sees it and who may delete it can
 * be modelled (script-app.ts).
 */
import { ExecutionContext, type AuthModeName, type Capability } from '../context';
import type {} from '../call-cost';

export interface SessionOptions {
  userEmail: string;
  /** The effective user (the add-on runs as the user, so the same address by default). */
  effectiveUserEmail?: string;
  timeZone: string;
  locale: string;
}

/** Asks the shared rules whether a mode grants a capability without counting a call. */
export function modeAllows(mode: AuthModeName, needs: Capability): boolean {
  const probe = new ExecutionContext();
  probe.authMode = mode;
  try {
    probe.call('Session.getActiveUser', needs); // any name: only the mode's rule is asked
    return true;
  } catch {
    return false;
  }
}

class FakeUser implements GoogleAppsScript.Base.User {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.ctx.call('User.getEmail', 'free');
    return this.email;
  }

  getUserLoginId(): string {
    this.ctx.call('User.getUserLoginId', 'free');
    return this.email;
  }
}

export class FakeSession implements Pick<
  GoogleAppsScript.Base.Session,
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getActiveUserLocale'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey'
> {
  /** Trigger runs in progress (they nest when a test wraps a fireTrigger). */
  private triggerRuns = 0;
  /** The person at the keyboard when not the options' user (asUser), and a trigger run's owner. */
  private actingUser: string | null = null;
  private triggerOwner: string | null = null;

  constructor(
    private readonly ctx: ExecutionContext,
    readonly options: SessionOptions,
  ) {}

  private visible(email: string): string {
    return modeAllows(this.ctx.authMode, 'user-data') ? email : '';
  }

  /**
   * Runs fn as the body of an installable trigger: no active user's address, the trigger's
   * creator as effective user. Runtime.fireTrigger (local/runtime.ts) should run every handler
   * through here; until it does, a test wraps the fireTrigger call itself.
   */
  asTriggerRun<T>(fn: () => T, owner?: string): T {
    this.triggerRuns++;
    const before = this.triggerOwner;
    if (owner !== undefined) this.triggerOwner = owner;
    try {
      return fn();
    } finally {
      this.triggerRuns--;
      this.triggerOwner = before;
    }
  }

  /** Runs fn with another person at the keyboard (a teammate sharing the workbook). */
  asUser<T>(email: string, fn: () => T): T {
    const before = this.actingUser;
    this.actingUser = email;
    try {
      return fn();
    } finally {
      this.actingUser = before;
    }
  }

  /** The account the script runs as (uncounted): a trigger's owner, else the person at the keyboard. */
  get effectiveEmail(): string {
    if (this.inTriggerRun && this.triggerOwner !== null) return this.triggerOwner;
    return this.actingUser ?? this.options.effectiveUserEmail ?? this.options.userEmail;
  }

  /** Whether the current execution is a trigger's (uncounted, for the model and tests). */
  get inTriggerRun(): boolean {
    return this.triggerRuns > 0;
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    this.ctx.call('Session.getActiveUser', 'free');
    // "generally unavailable" when "the script executes as a trigger".
    if (this.inTriggerRun) return new FakeUser(this.ctx, '');
    return new FakeUser(this.ctx, this.visible(this.actingUser ?? this.options.userEmail));
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    this.ctx.call('Session.getEffectiveUser', 'free');
    return new FakeUser(this.ctx, this.visible(this.effectiveEmail));
  }

  getActiveUserLocale(): string {
    // "locale only" is the user data every mode may read (platform.md §2)
    this.ctx.call('Session.getActiveUserLocale', 'free');
    return this.options.locale;
  }

  getScriptTimeZone(): string {
    this.ctx.call('Session.getScriptTimeZone', 'free');
    return this.options.timeZone;
  }

  getTemporaryActiveUserKey(): string {
    this.ctx.call('Session.getTemporaryActiveUserKey', 'free');
    return Buffer.from(`temp:${this.options.userEmail}`).toString('base64');
  }
}
