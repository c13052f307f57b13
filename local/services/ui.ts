/**
 * Ui recorder: menus built by onOpen, alerts/prompts answered from a scripted queue, and the
 * sidebars/dialogs shown. SpreadsheetApp.getUi() hands this out (wired in runtime.ts); when the
 * execution has no editor in front of it (time-driven trigger, custom function) getUi() throws.
 */
import type { ExecutionContext } from '../context';
import type { FakeHtmlOutput } from './html';
import type { CountedCall } from '../call-cost';

type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;
type HtmlOutputLike = Pick<
  GoogleAppsScript.HTML.HtmlOutput,
  'getContent' | 'getTitle' | 'getWidth' | 'getHeight'
>;

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export const Button = {
  CLOSE: 'CLOSE',
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
} as unknown as typeof GoogleAppsScript.Base.Button;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as unknown as typeof GoogleAppsScript.Base.ButtonSet;

const OFFERED: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export const NO_UI_MESSAGE = 'Cannot call SpreadsheetApp.getUi() from this context.';

export type MenuItemRecord =
  { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };

export interface MenuRecord {
  caption: string;
  /** true for createAddonMenu() (Extensions › add-on name), false for a top-level createMenu(). */
  addon: boolean;
  items: MenuItemRecord[];
}

export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  /** What the scripted user answered. */
  button: ButtonName;
  text?: string;
}

export interface SurfaceRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number;
  height: number;
}

export interface ScriptedResponse {
  button: ButtonName;
  text?: string;
}

class FakeMenu implements GoogleAppsScript.Base.Menu {
  readonly record: MenuRecord;

  constructor(
    private readonly ui: FakeUi,
    caption: string,
    addon: boolean,
  ) {
    this.record = { caption, addon, items: [] };
  }

  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    this.ui.enter('Menu.addItem', 'ui-menu');
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw new Error('Menu.addItem expects (caption: string, functionName: string)');
    }
    this.record.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): GoogleAppsScript.Base.Menu {
    this.ui.enter('Menu.addSeparator', 'ui-menu');
    this.record.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    this.ui.enter('Menu.addSubMenu', 'ui-menu');
    if (!(menu instanceof FakeMenu)) throw new Error('Menu.addSubMenu expects a Menu');
    this.record.items.push({ submenu: menu.record });
    return this;
  }

  addToUi(): void {
    this.ui.enter('Menu.addToUi', 'ui-menu');
    this.ui.install(this.record);
  }
}

class FakePromptResponse implements GoogleAppsScript.Base.PromptResponse {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly button: ButtonName,
    private readonly text: string,
  ) {}

  getResponseText(): string {
    this.ctx.call('PromptResponse.getResponseText', 'free');
    return this.text;
  }

  getSelectedButton(): Button {
    this.ctx.call('PromptResponse.getSelectedButton', 'free');
    return this.button as unknown as Button;
  }
}

export class FakeUi implements GoogleAppsScript.Base.Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  /** Name shown for createAddonMenu() (Extensions › name). */
  addOnName = 'Circularity Workbench';
  /** Menus currently in the editor, in the order they were first added. */
  readonly menus: MenuRecord[] = [];
  /** Every alert and prompt shown, with the scripted answer. */
  readonly dialogs: DialogRecord[] = [];
  /** Sidebars and HTML dialogs shown. */
  readonly surfaces: SurfaceRecord[] = [];
  private readonly queue: ScriptedResponse[] = [];
  private available = true;
  /**
   * Called when an alert or prompt opens: Apps Script suspends the script until the person
   * answers, and "Jdbc connections and LockService locks don't persist across the suspension"
   * (developers.google.com/apps-script/reference/base/ui#alert(String)). The runtime releases
   * the execution's locks here.
   */
  onSuspend: ((dialog: string) => void) | null = null;
  /** What happens elsewhere while the next dialogs are open (a colleague's action, say). */
  private readonly whileOpen: (() => void)[] = [];

  constructor(private readonly ctx: ExecutionContext) {}

  /** Counts the call and enforces the auth mode; menus also need an editor. */
  enter(name: CountedCall, needs: 'ui' | 'ui-menu'): void {
    this.ctx.call(name, needs);
  }

  // --- test controls ---------------------------------------------------------------------

  /** Answers for the next alerts/prompts, in order; when empty the user clicks OK / YES. */
  scriptResponses(responses: ScriptedResponse[]): this {
    this.queue.push(...responses);
    return this;
  }

  /** Runs fn while the next alert or prompt is open, after the script is suspended. */
  whileNextDialogIsOpen(fn: () => void): this {
    this.whileOpen.push(fn);
    return this;
  }

  private suspend(dialog: string): void {
    this.onSuspend?.(dialog);
    this.whileOpen.shift()?.();
  }

  pendingResponses(): number {
    return this.queue.length;
  }

  /** false = the execution has no editor UI: SpreadsheetApp.getUi() throws. */
  setAvailable(available: boolean): void {
    this.available = available;
  }

  isAvailable(): boolean {
    return this.available;
  }

  /** What SpreadsheetApp.getUi() returns (or throws) in the current execution. */
  forGetUi(): FakeUi {
    if (!this.available || this.ctx.authMode === 'CUSTOM_FUNCTION') throw new Error(NO_UI_MESSAGE);
    return this;
  }

  get alerts(): DialogRecord[] {
    return this.dialogs.filter((d) => d.kind === 'alert');
  }

  get prompts(): DialogRecord[] {
    return this.dialogs.filter((d) => d.kind === 'prompt');
  }

  get sidebars(): SurfaceRecord[] {
    return this.surfaces.filter((s) => s.kind === 'sidebar');
  }

  /** Every clickable item, flattened through sub-menus, with its path of captions. */
  menuItems(): { path: string[]; caption: string; functionName: string }[] {
    const out: { path: string[]; caption: string; functionName: string }[] = [];
    const walk = (menu: MenuRecord, path: string[]): void => {
      for (const item of menu.items) {
        if ('functionName' in item)
          out.push({
            path: [...path, item.caption],
            caption: item.caption,
            functionName: item.functionName,
          });
        else if ('submenu' in item) walk(item.submenu, [...path, item.submenu.caption]);
      }
    };
    for (const m of this.menus) walk(m, [m.caption]);
    return out;
  }

  /** The handler of a menu item found by caption (or by caption path, e.g. ['Workbench', 'Report']). */
  findMenuItem(caption: string | string[]): string {
    const match = this.menuItems().filter((i) =>
      Array.isArray(caption)
        ? i.path.join('\u0000') === caption.join('\u0000')
        : i.caption === caption,
    );
    if (match.length !== 1) {
      throw new Error(
        `${match.length === 0 ? 'No' : 'More than one'} menu item ${JSON.stringify(caption)}`,
      );
    }
    return match[0].functionName;
  }

  /** Forget recorded menus/dialogs (e.g. between simulated opens of the file). */
  reset(): void {
    this.menus.length = 0;
    this.dialogs.length = 0;
    this.surfaces.length = 0;
    this.queue.length = 0;
  }

  install(record: MenuRecord): void {
    // Re-adding a menu with the same caption replaces it, as when onOpen runs again.
    const copy = structuredClone(record);
    const i = this.menus.findIndex((m) => m.caption === copy.caption && m.addon === copy.addon);
    if (i >= 0) this.menus[i] = copy;
    else this.menus.push(copy);
  }

  // --- Base.Ui ----------------------------------------------------------------------------

  createAddonMenu(): GoogleAppsScript.Base.Menu {
    this.enter('Ui.createAddonMenu', 'ui-menu');
    return new FakeMenu(this, this.addOnName, true);
  }

  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    this.enter('Ui.createMenu', 'ui-menu');
    return new FakeMenu(this, caption, false);
  }

  alert(a: string, b?: string | ButtonSet, c?: ButtonSet): Button {
    this.enter('Ui.alert', 'ui');
    this.suspend('Ui.alert');
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const answer = this.answer(buttons);
    this.dialogs.push({ kind: 'alert', title, prompt, buttons, button: answer.button });
    return answer.button as unknown as Button;
  }

  prompt(a: string, b?: string | ButtonSet, c?: ButtonSet): GoogleAppsScript.Base.PromptResponse {
    this.enter('Ui.prompt', 'ui');
    this.suspend('Ui.prompt');
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const answer = this.answer(buttons);
    const text = answer.text ?? '';
    this.dialogs.push({ kind: 'prompt', title, prompt, buttons, button: answer.button, text });
    return new FakePromptResponse(this.ctx, answer.button, text);
  }

  showSidebar(userInterface: HtmlOutputLike): void {
    this.enter('Ui.showSidebar', 'ui');
    // "All sidebars shown by scripts are 300 pixels wide"
    this.surfaces.push({ ...surface('sidebar', userInterface), width: 300 });
  }

  showModalDialog(userInterface: HtmlOutputLike, title: string): void {
    this.enter('Ui.showModalDialog', 'ui');
    this.surfaces.push(surface('modal', userInterface, title));
  }

  showModelessDialog(userInterface: HtmlOutputLike, title: string): void {
    this.enter('Ui.showModelessDialog', 'ui');
    this.surfaces.push(surface('modeless', userInterface, title));
  }

  showDialog(userInterface: HtmlOutputLike): void {
    this.enter('Ui.showDialog', 'ui');
    this.surfaces.push(surface('modal', userInterface));
  }

  private answer(buttons: ButtonSetName): ScriptedResponse {
    const next = this.queue.shift();
    if (!next) return { button: OFFERED[buttons][0] };
    // CLOSE (the dialog's X) is always possible; anything else must be on the dialog.
    if (next.button !== 'CLOSE' && !OFFERED[buttons].includes(next.button)) {
      throw new Error(`Scripted response ${next.button} is not offered by ButtonSet.${buttons}`);
    }
    return next;
  }
}

function dialogArgs(
  a: string,
  b?: string | ButtonSet,
  c?: ButtonSet,
): { title: string; prompt: string; buttons: ButtonSetName } {
  const set = (v: unknown): ButtonSetName => {
    const name = String(v) as ButtonSetName;
    if (!(name in OFFERED)) throw new Error(`Invalid argument: buttons (${String(v)})`);
    return name;
  };
  if (c !== undefined) return { title: String(a), prompt: String(b), buttons: set(c) };
  if (b !== undefined) return { title: '', prompt: String(a), buttons: set(b) };
  return { title: '', prompt: String(a), buttons: 'OK' };
}

/** title undefined = the HtmlOutput's own title (sidebars). */
function surface(
  kind: SurfaceRecord['kind'],
  output: HtmlOutputLike,
  title?: string,
): SurfaceRecord {
  if (!output || typeof output.getContent !== 'function') {
    throw new Error(
      `Cannot show a ${kind}: expected an HtmlOutput (did you forget template.evaluate()?)`,
    );
  }
  // Reading the output back is the recorder's business, not the script's: don't count those calls.
  const snap = (output as Partial<FakeHtmlOutput>).snapshot?.call(output);
  if (snap)
    return {
      kind,
      title: title ?? snap.title,
      html: snap.html,
      width: snap.width,
      height: snap.height,
    };
  return {
    kind,
    title: title ?? output.getTitle(),
    html: output.getContent(),
    width: output.getWidth(),
    height: output.getHeight(),
  };
}
