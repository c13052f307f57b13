/**
 * How every menu action runs: one at a time per document (document lock), progress as toasts,
 * a clear message instead of a stack trace, a stop before Apps Script's time limit, and a line in
 * `Log` whatever happened. What an action needs to know about its run — its name, when it
 * started, the spreadsheet's time zone, its deadline — is on its ActionContext, never in module
 * state, so nothing carries over from one execution to the next.
 */
import { UserError } from '../core/cells';
import { appendLog, currentUser } from './log';
import { activeSpreadsheet, Deadline, Spreadsheet } from './workbook';

export interface ActionResult {
  rowsRead: number;
  rowsWritten: number;
  warnings: string[];
  /** One sentence for the closing toast. */
  summary: string;
  /** Recorded in Log only (e.g. values replaced at the person's request, to restore by hand). */
  details?: string[];
}

/**
 * One run of an action. As a Deadline it is what the write helpers check: past the deadline,
 * beforeWriting throws the message saying the action stopped before that stage.
 */
export interface ActionContext extends Deadline {
  /** The menu item, as the Log and the messages name the action. */
  name: string;
  ss: Spreadsheet;
  /** When the action started (once it held the lock). */
  now: Date;
  /** The spreadsheet's time zone: days in messages, notes and generated text are its days. */
  timeZone: string;
  /** The time (ms since the epoch) past which the action writes nothing more. */
  deadline: number;
  /** False for time-driven runs, which have no UI to show anything in. */
  interactive: boolean;
  progress(message: string): void;
  /**
   * A YES / NO question; true for YES. The dialog suspends the script and "LockService locks don't
   * persist across the suspension" (developers.google.com/apps-script/reference/base/ui#alert(String)),
   * so the document lock is taken again after the answer: if a colleague's action took it
   * meanwhile, the action stops as busy (a UserError) and writes nothing more. Whatever was read
   * before the question may have changed: read it again after.
   */
  confirm(title: string, text: string): boolean;
  /**
   * What the action tells the person besides its own warnings (a tab found under another name, a
   * person's tab kept aside): added to the closing message and the Log line.
   */
  notices: string[];
}

/** Apps Script stops a menu action at 6 minutes; stopping at 5 leaves room to report cleanly. */
export const TIME_BUDGET_MS = 5 * 60 * 1000;

export const BUSY_MESSAGE =
  'The workbook is busy with another Circularity Workbench action. Nothing was changed; please try again in a minute.';
const LOCK_WAIT_MS = 10000;
const TITLE = 'Circularity Workbench';

/**
 * Runs an action body under the document lock. Questions are asked before (the menu flows of
 * Add country…, Generate report… and Email report…) or through ctx.confirm, which takes the lock
 * again; the closing alert comes after every write.
 */
export function runAction(
  name: string,
  body: (ctx: ActionContext) => ActionResult,
  interactive = true,
  /**
   * When the execution began, if a question came before the lock: Apps Script's 6 minutes count
   * the time the dialog was open, so the budget does too.
   */
  startedAt?: number,
  /**
   * 'alerts' (a menu click): the outcome is shown in an alert or a toast. 'dialog' (a
   * google.script.run call from an HTML dialog): nothing is shown in the sheet, since a second
   * dialog would replace the one the person is using; the result is returned to the dialog and a
   * failure is thrown to its failure handler with the same message.
   */
  surface: 'alerts' | 'dialog' = 'alerts',
): ActionResult | null {
  const showing = interactive && surface === 'alerts';
  const ss = activeSpreadsheet();
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) {
    if (surface === 'dialog') throw new UserError(BUSY_MESSAGE);
    tell(ss, showing, BUSY_MESSAGE, true);
    return null;
  }
  /** False once a dialog lost the lock to a colleague's action: this one may not write any more. */
  let locked = true;
  const lockedAt = Date.now();
  const start = startedAt ?? lockedAt;
  const deadline = start + TIME_BUDGET_MS;
  /** The write stages begun, so that a failure can say what was written (named only then). */
  const stages: (string | (() => string))[] = [];
  const ctx: ActionContext = {
    name,
    ss,
    now: new Date(lockedAt),
    timeZone: ss.getSpreadsheetTimeZone(),
    deadline,
    interactive,
    progress: (message) => {
      if (showing) ss.toast(message, TITLE, 5);
    },
    // Actions are all-or-nothing, so resuming is running them again.
    notices: [],
    beforeWriting: (stage) => {
      const now = Date.now();
      if (stages.length < 40 && (typeof stage !== 'string' || !stages.includes(stage)))
        stages.push(stage);
      if (now <= deadline) return;
      throw new UserError(
        `${name} stopped before ${typeof stage === 'string' ? stage : stage()}: it had run for ${Math.round((now - start) / 1000)} s, close to Apps Script's 6-minute limit, so nothing more was written and every tab is whole. Run it again to resume; if it stops again, move old rows to an archive file to make the tabs smaller.`,
      );
    },
    confirm: (title, text) => {
      if (!showing) throw new UserError(`${name} needs a person to confirm; run it from the menu.`);
      const ui = SpreadsheetApp.getUi();
      const yes = ui.alert(title, text, ui.ButtonSet.YES_NO) === ui.Button.YES;
      if (!lock.tryLock(LOCK_WAIT_MS)) {
        locked = false;
        throw new UserError(BUSY_MESSAGE);
      }
      return yes;
    },
  };
  try {
    ctx.progress(`${name}…`);
    const done = body(ctx);
    const result = { ...done, warnings: [...ctx.notices, ...done.warnings] };
    const { details = [], ...counts } = result;
    appendLog(ss, {
      when: new Date(),
      who: currentUser(),
      action: name,
      ...counts,
      warnings: [...result.warnings, ...details],
    });
    SpreadsheetApp.flush();
    // The closing alert suspends the script (and drops the lock): nothing is written after it.
    if (result.warnings.length) {
      const shown = result.warnings
        .slice(0, 15)
        .map((w) => `• ${w}`)
        .join('\n');
      const more =
        result.warnings.length > 15
          ? `\n… and ${result.warnings.length - 15} more in the Log tab.`
          : '';
      tell(ss, showing, `${result.summary}\n\nPlease check:\n${shown}${more}`, true);
    } else {
      tell(ss, showing, result.summary, false);
    }
    // From a dialog, the dialog shows the outcome; the sheet behind it gets the same toast.
    if (interactive && surface === 'dialog') ss.toast(result.summary, TITLE, 8);
    return result;
  } catch (e) {
    const message =
      e instanceof UserError
        ? e.message
        : `${name} stopped: ${e instanceof Error ? e.message : String(e)}. ${whatWasWritten(stages)}`;
    // Without the lock (a colleague's action holds it) not even the Log is written: like a click
    // refused as busy, this run leaves no trace but the message.
    if (locked) {
      try {
        appendLog(ss, {
          when: new Date(),
          who: currentUser(),
          action: name,
          rowsRead: 0,
          rowsWritten: 0,
          warnings: [`FAILED: ${message}`],
        });
      } catch {
        // The log is best effort when the failure is the workbook itself.
      }
    }
    tell(ss, showing, message, true);
    if (surface === 'dialog') throw new UserError(message);
    if (!interactive) throw e;
    return null;
  } finally {
    if (locked) lock.releaseLock();
  }
}

function tell(ss: Spreadsheet, interactive: boolean, message: string, important: boolean): void {
  if (!interactive) return;
  if (important) SpreadsheetApp.getUi().alert(TITLE, message, SpreadsheetApp.getUi().ButtonSet.OK);
  else ss.toast(message, TITLE, 8);
}

/**
 * The truth after a failure: what the action had begun to write, or that it wrote nothing. Every
 * action recomputes from the tabs people type in, so running it again converges on what a clean
 * run gives; the cells people typed are never among what it writes over.
 */
export function whatWasWritten(stages: readonly (string | (() => string))[]): string {
  if (!stages.length) return 'Nothing was written.';
  const named: string[] = [];
  for (const s of stages.slice(0, 6)) {
    try {
      const text = typeof s === 'string' ? s : s();
      // A tab being drawn is part of drawing it (and is deleted when drawing fails).
      if (!named.includes(text) && !text.includes(' (building)')) named.push(text);
    } catch {
      // Naming a stage reads the tab's name: after a failing service, say less rather than fail.
    }
  }
  const more = stages.length > 6 ? ', …' : '';
  return `It had begun ${named.join(', ') || 'writing'}${more} — some of that may be written, the rest not. Run it again: it recomputes everything from your tabs, so the next run leaves them as a clean run would. Cells you typed were not changed.`;
}
