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
