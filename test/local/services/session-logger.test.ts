import { createRuntime } from '../../../local/runtime';

describe('Session', () => {
  test('time zone, locale and user from the runtime options', () => {
    const rt = createRuntime({
      timeZone: 'America/Denver',
      locale: 'fr',
      userEmail: 'lea@example.fr',
    });
    const S = rt.globals.Session;
    expect(S.getScriptTimeZone()).toBe('America/Denver');
    expect(S.getActiveUserLocale()).toBe('fr');
    expect(S.getActiveUser().getEmail()).toBe('lea@example.fr');
    expect(S.getEffectiveUser().getEmail()).toBe('lea@example.fr');
    expect(S.getTemporaryActiveUserKey()).toEqual(expect.any(String));
  });

  test('defaults: Europe/Paris, the spreadsheet language, user@example.com', () => {
    const rt = createRuntime();
    expect(rt.globals.Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(rt.globals.Session.getActiveUserLocale()).toBe(rt.spreadsheet!.locale.split('_')[0]);
    expect(rt.globals.Session.getActiveUser().getEmail()).toBe('user@example.com');
  });

  test('locale is readable in every mode, e-mail only in FULL', () => {
    const rt = createRuntime();
    expect(rt.runAs('NONE', () => rt.globals.Session.getActiveUserLocale())).toEqual(
      expect.any(String),
    );
    expect(rt.runAs('CUSTOM_FUNCTION', () => rt.globals.Session.getActiveUser().getEmail())).toBe(
      '',
    );
  });
});

describe('Session in a trigger run', () => {
  // developers.google.com/apps-script/reference/base/session: the active user's address is
  // "generally unavailable" when "the script executes as a trigger"; getEffectiveUser() "returns
  // the account of the user who created the trigger".
  test('the active user is blank, the effective user is the trigger owner; both come back after', () => {
    const rt = createRuntime({ userEmail: 'owner@example.com' });
    const S = rt.globals.Session;
    const seen = rt.runAs('FULL', () =>
      S.asTriggerRun(() => [S.getActiveUser().getEmail(), S.getEffectiveUser().getEmail()]),
    );
    expect(seen).toEqual(['', 'owner@example.com']);
    expect(S.inTriggerRun).toBe(false);
    expect(rt.runAs('FULL', () => S.getActiveUser().getEmail())).toBe('owner@example.com');
  });

  test('a throwing trigger body ends the trigger run too', () => {
    const rt = createRuntime();
    const S = rt.globals.Session;
    expect(() =>
      S.asTriggerRun(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(S.inTriggerRun).toBe(false);
  });

  test('fireTrigger runs the handler as a trigger run: no active user, the owner as effective user', () => {
    const rt = createRuntime({ userEmail: 'owner@example.com' });
    rt.defineFunctions({ handler: () => rt.globals.Session.getActiveUser().getEmail() });
    const id = rt.globals.ScriptApp.newTrigger('handler')
      .timeBased()
      .everyDays(1)
      .create()
      .getUniqueId();
    expect(rt.fireTrigger(id)).toBe('');
  });
});

describe('Logger and console', () => {
  test('Logger.log records, formats like formatString, getLog and clear', () => {
    const rt = createRuntime();
    const L = rt.globals.Logger;
    L.log('plain');
    L.log('%s has %d rows', 'Sheet1', 12);
    L.log({ a: 1 });
    expect(L.getLog()).toBe('plain\nSheet1 has 12 rows\n{"a":1}\n');
    rt.globals.console.warn('careful', 3);
    expect(rt.logger.messages()).toEqual(['plain', 'Sheet1 has 12 rows', '{"a":1}', 'careful 3']);
    expect(rt.logger.entries[3]).toMatchObject({ source: 'console', level: 'warn' });
    L.clear();
    expect(L.getLog()).toBe('');
    expect(rt.logger.messages('console')).toEqual(['careful 3']);
  });

  test('Logger works in AuthMode.NONE', () => {
    const rt = createRuntime();
    expect(() => rt.runAs('NONE', () => rt.globals.Logger.log('x'))).not.toThrow();
  });
});
