import type { AuthModeName } from '../../../local/context';
import { SCOPES } from '../../../local/context';
import { createRuntime, type Runtime } from '../../../local/runtime';

const MODES: AuthModeName[] = ['NONE', 'LIMITED', 'CUSTOM_FUNCTION', 'FULL'];

type Case = [label: string, allowedIn: AuthModeName[], act: (rt: Runtime) => unknown];

// platform.md §2: NONE = menus + Logger/Utilities; LIMITED = menus, document, properties, no
// dialogs; CUSTOM_FUNCTION = no UI, no mail, no triggers, properties/cache/lock yes; FULL = all.
const CASES: Case[] = [
  [
    'Ui.createAddonMenu + addItem + addToUi',
    ['NONE', 'LIMITED', 'FULL'],
    (rt) => rt.ui.createAddonMenu().addItem('Go', 'go').addToUi(),
  ],
  ['Ui.createMenu', ['NONE', 'LIMITED', 'FULL'], (rt) => rt.ui.createMenu('M')],
  ['Ui.alert', ['FULL'], (rt) => rt.ui.alert('hi')],
  ['Ui.prompt', ['FULL'], (rt) => rt.ui.prompt('hi')],
  ['Ui.showSidebar', ['FULL'], (rt) => rt.ui.showSidebar(htmlOutput(rt))],
  ['Ui.showModalDialog', ['FULL'], (rt) => rt.ui.showModalDialog(htmlOutput(rt), 'T')],
  [
    'HtmlService.createHtmlOutput',
    ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
    (rt) => rt.globals.HtmlService.createHtmlOutput('<b>x</b>'),
  ],
  [
    'HtmlService.createTemplate',
    ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
    (rt) => rt.globals.HtmlService.createTemplate('x').evaluate(),
  ],
  [
    'PropertiesService.getDocumentProperties',
    ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
    (rt) => rt.globals.PropertiesService.getDocumentProperties()!.getProperty('k'),
  ],
  [
    'PropertiesService.getUserProperties',
    ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
    (rt) => rt.globals.PropertiesService.getUserProperties().setProperty('k', 'v'),
  ],
  [
    'LockService.getDocumentLock',
    ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
    (rt) => rt.globals.LockService.getDocumentLock()!.tryLock(10),
  ],
  [
    'CacheService.getScriptCache',
    ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
    (rt) => rt.globals.CacheService.getScriptCache().put('k', 'v'),
  ],
  [
    'Utilities.formatDate',
    MODES,
    (rt) => rt.globals.Utilities.formatDate(new Date(0), 'UTC', 'yyyy'),
  ],
  ['Utilities.sleep', MODES, (rt) => rt.globals.Utilities.sleep(10)],
  ['Logger.log', MODES, (rt) => rt.globals.Logger.log('x')],
  ['Session.getActiveUserLocale', MODES, (rt) => rt.globals.Session.getActiveUserLocale()],
  ['Session.getScriptTimeZone', MODES, (rt) => rt.globals.Session.getScriptTimeZone()],
  ['MailApp.sendEmail', ['FULL'], (rt) => rt.globals.MailApp.sendEmail('a@example.com', 's', 'b')],
  ['MailApp.getRemainingDailyQuota', ['FULL'], (rt) => rt.globals.MailApp.getRemainingDailyQuota()],
  ['ScriptApp.newTrigger', ['FULL'], (rt) => rt.globals.ScriptApp.newTrigger('f')],
  ['ScriptApp.getProjectTriggers', ['FULL'], (rt) => rt.globals.ScriptApp.getProjectTriggers()],
  [
    'ScriptApp.getAuthorizationInfo',
    MODES,
    (rt) => rt.globals.ScriptApp.getAuthorizationInfo(rt.globals.ScriptApp.AuthMode.FULL),
  ],
];

function htmlOutput(rt: Runtime) {
  // Built outside the mode under test: only the show* call is being checked.
  return rt.runAs('FULL', () => rt.globals.HtmlService.createHtmlOutput('<p>hi</p>'));
}

describe('auth-mode matrix', () => {
  for (const [label, allowed, act] of CASES) {
    for (const mode of MODES) {
      const ok = allowed.includes(mode);
      test(`${label} in ${mode} ${ok ? 'is allowed' : 'throws'}`, () => {
        const rt = createRuntime();
        const run = () => rt.runAs(mode, () => act(rt));
        if (ok) expect(run).not.toThrow();
        else expect(run).toThrow(/You do not have permission to call/);
      });
    }
  }

  test('the e-mail address is blank outside FULL instead of throwing', () => {
    const rt = createRuntime({ userEmail: 'ana@example.org' });
    const emails = MODES.map((m) =>
      rt.runAs(m, () => rt.globals.Session.getActiveUser().getEmail()),
    );
    expect(emails).toEqual(['', '', '', 'ana@example.org']);
    expect(rt.runAs('LIMITED', () => rt.globals.Session.getEffectiveUser().getEmail())).toBe('');
  });

  test('runAs restores the previous mode, also after a throw', () => {
    const rt = createRuntime();
    expect(() => rt.runAs('NONE', () => rt.globals.MailApp.getRemainingDailyQuota())).toThrow();
    expect(rt.ctx.authMode).toBe('FULL');
    rt.runAs('LIMITED', () => {
      rt.runAs('NONE', () => undefined);
      expect(rt.ctx.authMode).toBe('LIMITED');
    });
  });

  test('refused calls are still counted', () => {
    const rt = createRuntime();
    expect(() =>
      rt.runAs('NONE', () => rt.globals.PropertiesService.getUserProperties()),
    ).toThrow();
    expect(rt.ctx.callsByMethod()['PropertiesService.getUserProperties']).toBe(1);
  });
});

describe('manifest scopes', () => {
  const base = [SCOPES.currentonly, SCOPES.ui];

  test('MailApp without script.send_mail throws, with it sends', () => {
    const without = createRuntime({ oauthScopes: base });
    expect(() => without.globals.MailApp.sendEmail('a@example.com', 's', 'b')).toThrow(
      `Required permissions: ${SCOPES.mail}`,
    );
    expect(without.outbox).toHaveLength(0);
    const withMail = createRuntime({ oauthScopes: [...base, SCOPES.mail] });
    withMail.globals.MailApp.sendEmail('a@example.com', 's', 'b');
    expect(withMail.outbox).toHaveLength(1);
  });

  test('dialogs need script.container.ui; menus need no scope', () => {
    const rt = createRuntime({ oauthScopes: [SCOPES.currentonly] });
    expect(() => rt.ui.createAddonMenu().addItem('a', 'b').addToUi()).not.toThrow();
    expect(() => rt.ui.alert('x')).toThrow(SCOPES.ui);
  });

  test('triggers need script.scriptapp', () => {
    const rt = createRuntime({ oauthScopes: base });
    expect(() => rt.globals.ScriptApp.newTrigger('f')).toThrow(SCOPES.scriptapp);
    const ok = createRuntime({ oauthScopes: [...base, SCOPES.scriptapp] });
    expect(() =>
      ok.globals.ScriptApp.newTrigger('f').timeBased().everyDays(1).create(),
    ).not.toThrow();
  });

  test('no oauthScopes = scopes not enforced', () => {
    const rt = createRuntime();
    expect(rt.ctx.scopes).toBeNull();
    expect(() => rt.globals.MailApp.sendEmail('a@example.com', 's', 'b')).not.toThrow();
  });

  test('ScriptApp.requireScopes checks against the manifest', () => {
    const rt = createRuntime({ oauthScopes: base });
    const S = rt.globals.ScriptApp;
    expect(() => S.requireScopes(S.AuthMode.FULL, [SCOPES.ui])).not.toThrow();
    expect(() => S.requireScopes(S.AuthMode.FULL, [SCOPES.mail])).toThrow(SCOPES.mail);
  });
});
