import { ExecutionContext } from '../../../local/context';
import { FakeHtmlService } from '../../../local/services/html';
import { FakeUi, NO_UI_MESSAGE } from '../../../local/services/ui';

function setup() {
  const ctx = new ExecutionContext();
  return { ctx, ui: new FakeUi(ctx), html: new FakeHtmlService(ctx) };
}

describe('menus', () => {
  test('records the add-on menu tree with separators and sub-menus', () => {
    const { ui } = setup();
    ui.createAddonMenu()
      .addItem('Generate report', 'menuGenerateReport')
      .addSeparator()
      .addSubMenu(ui.createMenu('Setup').addItem('Create sheets', 'menuSetup'))
      .addToUi();
    expect(ui.menus).toEqual([
      {
        caption: 'Circularity Workbench',
        addon: true,
        items: [
          { caption: 'Generate report', functionName: 'menuGenerateReport' },
          { separator: true },
          {
            submenu: {
              caption: 'Setup',
              addon: false,
              items: [{ caption: 'Create sheets', functionName: 'menuSetup' }],
            },
          },
        ],
      },
    ]);
    expect(ui.menuItems().map((i) => i.path.join(' › '))).toEqual([
      'Circularity Workbench › Generate report',
      'Circularity Workbench › Setup › Create sheets',
    ]);
    expect(ui.findMenuItem('Create sheets')).toBe('menuSetup');
    expect(ui.findMenuItem(['Circularity Workbench', 'Generate report'])).toBe(
      'menuGenerateReport',
    );
    expect(() => ui.findMenuItem('Nope')).toThrow(/No menu item/);
  });

  test('the add-on name is settable; adding a menu again replaces it', () => {
    const { ui } = setup();
    ui.addOnName = 'CW (dev)';
    ui.createAddonMenu().addItem('Help', 'menuHelp').addToUi();
    ui.createAddonMenu().addItem('Help', 'menuHelp').addItem('Report', 'menuReport').addToUi();
    expect(ui.menus).toHaveLength(1);
    expect(ui.menus[0].caption).toBe('CW (dev)');
    expect(ui.menus[0].items).toHaveLength(2);
  });

  test('a menu changed after addToUi does not change what is shown', () => {
    const { ui } = setup();
    const m = ui.createMenu('M').addItem('a', 'fa');
    m.addToUi();
    m.addItem('b', 'fb');
    expect(ui.menus[0].items).toHaveLength(1);
  });

  test('addItem checks its arguments', () => {
    const { ui } = setup();
    expect(() => ui.createMenu('M').addItem('a', undefined as unknown as string)).toThrow();
  });

  test('calls are counted', () => {
    const { ui, ctx } = setup();
    ui.createAddonMenu().addItem('a', 'fa').addItem('b', 'fb').addToUi();
    expect(ctx.callsByMethod()).toEqual({
      'Menu.addItem': 2,
      'Menu.addToUi': 1,
      'Ui.createAddonMenu': 1,
    });
  });
});

describe('alerts and prompts', () => {
  test('default answers: OK for OK sets, YES for YES sets', () => {
    const { ui } = setup();
    expect(String(ui.alert('Done'))).toBe('OK');
    expect(ui.alert('Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ui.alert('Title', 'Sure?', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.OK);
    expect(ui.alerts).toEqual([
      { kind: 'alert', title: '', prompt: 'Done', buttons: 'OK', button: 'OK' },
      { kind: 'alert', title: '', prompt: 'Sure?', buttons: 'YES_NO', button: 'YES' },
      { kind: 'alert', title: 'Title', prompt: 'Sure?', buttons: 'OK_CANCEL', button: 'OK' },
    ]);
  });

  test('scripted responses are consumed in order by alerts and prompts', () => {
    const { ui } = setup();
    ui.scriptResponses([{ button: 'NO' }, { button: 'OK', text: '2026-10' }, { button: 'CLOSE' }]);
    expect(ui.alert('Overwrite?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const r = ui.prompt('Period', 'Which month?', ui.ButtonSet.OK_CANCEL);
    expect(r.getSelectedButton()).toBe(ui.Button.OK);
    expect(r.getResponseText()).toBe('2026-10');
    expect(ui.prompt('Again?').getSelectedButton()).toBe(ui.Button.CLOSE);
    expect(ui.pendingResponses()).toBe(0);
    expect(ui.prompts[0]).toEqual({
      kind: 'prompt',
      title: 'Period',
      prompt: 'Which month?',
      buttons: 'OK_CANCEL',
      button: 'OK',
      text: '2026-10',
    });
    expect(ui.prompt('default').getResponseText()).toBe('');
  });

  test('a scripted button the dialog does not offer is a test bug', () => {
    const { ui } = setup();
    ui.scriptResponses([{ button: 'YES' }]);
    expect(() => ui.alert('Only OK here')).toThrow(/not offered by ButtonSet.OK/);
  });

  test('a bad overload throws', () => {
    const { ui } = setup();
    expect(() =>
      ui.alert('Title', 'no buttons' as unknown as GoogleAppsScript.Base.ButtonSet),
    ).toThrow(/buttons/);
  });
});

describe('sidebars and dialogs', () => {
  test('records content, title and size', () => {
    const { ui, html } = setup();
    ui.showSidebar(html.createHtmlOutput('<p>side</p>').setTitle('Workbench'));
    ui.showModalDialog(
      html.createHtmlOutput('<p>modal</p>').setWidth(600).setHeight(400),
      'Report ready',
    );
    ui.showModelessDialog(html.createHtmlOutput('<p>ml</p>'), 'Progress');
    expect(ui.surfaces).toEqual([
      { kind: 'sidebar', title: 'Workbench', html: '<p>side</p>', width: 300, height: 0 },
      { kind: 'modal', title: 'Report ready', html: '<p>modal</p>', width: 600, height: 400 },
      { kind: 'modeless', title: 'Progress', html: '<p>ml</p>', width: 0, height: 0 },
    ]);
    expect(ui.sidebars).toHaveLength(1);
  });

  test('showing a template instead of its evaluated output fails', () => {
    const { ui, html } = setup();
    const t = html.createTemplate('<p>x</p>');
    expect(() => ui.showSidebar(t as unknown as GoogleAppsScript.HTML.HtmlOutput)).toThrow(
      /evaluate/,
    );
  });

  test('recording does not count as script calls', () => {
    const { ui, html, ctx } = setup();
    const out = html.createHtmlOutput('x');
    ctx.resetCalls();
    ui.showSidebar(out);
    expect(ctx.callsByMethod()).toEqual({ 'Ui.showSidebar': 1 });
  });
});

describe('UI context', () => {
  test('without an editor getUi() throws the Apps Script message', () => {
    const { ui } = setup();
    expect(ui.forGetUi()).toBe(ui);
    ui.setAvailable(false);
    expect(() => ui.forGetUi()).toThrow(NO_UI_MESSAGE);
  });

  test('custom functions have no UI', () => {
    const { ui, ctx } = setup();
    expect(() => ctx.runAs('CUSTOM_FUNCTION', () => ui.forGetUi())).toThrow(NO_UI_MESSAGE);
    expect(ctx.runAs('NONE', () => ui.forGetUi())).toBe(ui);
  });

  test('reset forgets menus, dialogs and queued answers', () => {
    const { ui } = setup();
    ui.createMenu('M').addToUi();
    ui.alert('x');
    ui.scriptResponses([{ button: 'OK' }]);
    ui.reset();
    expect([ui.menus.length, ui.dialogs.length, ui.pendingResponses()]).toEqual([0, 0, 0]);
  });
});
