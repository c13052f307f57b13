import { SCOPES } from '../../../local/context';
import { setup } from './helpers';

describe('authorisation modes', () => {
  test('CUSTOM_FUNCTION: reads work, every write throws', () => {
    const { ctx, app, sheet } = setup();
    sheet.getRange('A1').setValue(5);
    ctx.runAs('CUSTOM_FUNCTION', () => {
      const ss = app.getActiveSpreadsheet();
      const s = ss.getSheetByName(sheet.getName())!;
      expect(s.getRange('A1').getValue()).toBe(5);
      expect(s.getDataRange().getDisplayValues()).toEqual([['5']]);
      expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
      expect(() => s.getRange('A1').setValue(6)).toThrow(
        'You do not have permission to call Range.setValue',
      );
      expect(() => s.getRange('A1').setValues([[6]])).toThrow('Range.setValues');
      expect(() => s.getRange('A1').setBackground('#fff')).toThrow('Range.setBackground');
      expect(() => s.appendRow([1])).toThrow('Sheet.appendRow');
      expect(() => s.setFrozenRows(1)).toThrow('Sheet.setFrozenRows');
      expect(() => ss.insertSheet('X')).toThrow('Spreadsheet.insertSheet');
      expect(() => ss.toast('hi')).toThrow('Spreadsheet.toast');
      expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
      expect(() => app.openById(ss.getId())).toThrow('openById');
    });
    expect(sheet.getRange('A1').getValue()).toBe(5);
  });

  test('NONE: no document access at all; LIMITED: document but no toast', () => {
    const { ctx, app } = setup();
    ctx.runAs('NONE', () => {
      expect(() => app.getActiveSpreadsheet()).toThrow(
        'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
      );
      expect(() => app.getActiveSheet()).toThrow();
      expect(() => app.getActive()).toThrow();
    });
    ctx.runAs('LIMITED', () => {
      const ss = app.getActiveSpreadsheet();
      ss.getActiveSheet().getRange('A1').setValue(1);
      expect(() => ss.toast('x')).toThrow('Spreadsheet.toast');
    });
  });

  test('manifest scopes are enforced through the context', () => {
    const { ctx, app } = setup();
    ctx.scopes = new Set([SCOPES.ui]);
    expect(() => app.getActiveSpreadsheet()).toThrow(
      'Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    ctx.scopes = new Set([SCOPES.currentonly]);
    expect(() => app.getActiveSpreadsheet().toast('x')).toThrow('script.container.ui');
  });

  test('getUi delegates to the installed provider, which may be absent', () => {
    const { ctx, fakeApp, app } = setup();
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    const ui = { alert: () => 'OK' } as unknown as GoogleAppsScript.Base.Ui;
    fakeApp.setUiProvider(() => ui);
    expect(app.getUi()).toBe(ui);
    expect(ctx.runAs('NONE', () => app.getUi())).toBe(ui);
  });
});

describe('call counting', () => {
  test('every public method is one call; builders count too; internals do not', () => {
    const { ctx, app, sheet } = setup();
    const r = sheet.getRange('A1:B2');
    r.setValues([
      [1, 2],
      [3, 4],
    ]);
    r.getValues();
    r.getValues();
    sheet.getDataRange();
    app.flush();
    app.newDataValidation().requireCheckbox().build();
    sheet.newChart().asBarChart().addRange(r).build();
    expect(ctx.callsByMethod()).toEqual({
      'DataValidationBuilder.build': 1,
      'DataValidationBuilder.requireCheckbox': 1,
      'EmbeddedChartBuilder.addRange': 1,
      'EmbeddedChartBuilder.asBarChart': 1,
      'EmbeddedChartBuilder.build': 1,
      'Range.getValues': 2,
      'Range.setValues': 1,
      'Sheet.getDataRange': 1,
      'Sheet.getRange': 1,
      'Sheet.newChart': 1,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.newDataValidation': 1,
    });
    expect(ctx.totalCalls()).toBe(13);
  });

  test('a refused call is still counted', () => {
    const { ctx, sheet } = setup();
    ctx.runAs('CUSTOM_FUNCTION', () => expect(() => sheet.getRange('A1').setValue(1)).toThrow());
    expect(ctx.calls.get('Range.setValue')).toBe(1);
  });
});
