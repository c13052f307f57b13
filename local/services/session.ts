/**
 * Session: who is at the keyboard, their locale and the script time zone. The e-mail address
 * is user data: outside FULL Apps Script hands back a blank address instead of throwing.
 */
import { ExecutionContext, type AuthModeName, type Capability } from '../context';

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
    probe.call('probe', needs);
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
  constructor(
    private readonly ctx: ExecutionContext,
    readonly options: SessionOptions,
  ) {}

  private visible(email: string): string {
    return modeAllows(this.ctx.authMode, 'user-data') ? email : '';
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    this.ctx.call('Session.getActiveUser', 'free');
    return new FakeUser(this.ctx, this.visible(this.options.userEmail));
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    this.ctx.call('Session.getEffectiveUser', 'free');
    return new FakeUser(
      this.ctx,
      this.visible(this.options.effectiveUserEmail ?? this.options.userEmail),
    );
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
