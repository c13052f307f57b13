/**
 * How every menu action runs: one at a time per document (document lock), progress as toasts,
 * a clear message instead of a stack trace, and a line in `Log` whatever happened.
 */
import { UserError, setDisplayTimeZone } from '../core/cells';
import { appendLog, currentUser } from './log';
import { activeSpreadsheet, Spreadsheet } from './workbook';

export interface ActionResult {
  rowsRead: number;
  rowsWritten: number;
  warnings: string[];
  /** One sentence for the closing toast. */
  summary: string;
  /** Recorded in Log only (e.g. values replaced at the person's request, to restore by hand). */
  details?: string[];
}

export interface ActionContext {
  ss: Spreadsheet;
  /** False for time-driven runs, which have no UI to show anything in. */
  interactive: boolean;
  progress(message: string): void;
}

/** Apps Script stops a menu action at 6 minutes; stopping at 5 leaves room to report cleanly. */
export const TIME_BUDGET_MS = 5 * 60 * 1000;
let actionName = '';
let actionStart = 0;

/**
 * Called before an action writes: past the time budget it stops with a clear message instead
 * of being cut off by Apps Script half-way through its writes. Actions are all-or-nothing, so
 * resuming is running them again.
 */
export function beforeWriting(stage: string): void {
  if (actionStart && Date.now() - actionStart > TIME_BUDGET_MS) {
    throw new UserError(
      `${actionName} stopped before ${stage}: it had run for ${Math.round((Date.now() - actionStart) / 1000)} s, close to Apps Script's 6-minute limit, so nothing more was written and every tab is whole. Run it again to resume; if it stops again, move old rows to an archive file to make the tabs smaller.`,
    );
  }
}

export const BUSY_MESSAGE =
  'The workbook is busy with another Circularity Workbench action. Nothing was changed; please try again in a minute.';
const LOCK_WAIT_MS = 10000;
const TITLE = 'Circularity Workbench';

export function runAction(
  name: string,
  body: (ctx: ActionContext) => ActionResult,
  interactive = true,
): ActionResult | null {
  const ss = activeSpreadsheet();
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) {
    tell(ss, interactive, BUSY_MESSAGE, true);
    return null;
  }
  actionName = name;
  actionStart = Date.now();
  setDisplayTimeZone(ss.getSpreadsheetTimeZone());
  const ctx: ActionContext = {
    ss,
    interactive,
    progress: (message) => {
      if (interactive) ss.toast(message, TITLE, 5);
    },
  };
  try {
    ctx.progress(`${name}…`);
    const result = body(ctx);
    const { details = [], ...counts } = result;
    appendLog(ss, {
      when: new Date(),
      who: currentUser(),
      action: name,
      ...counts,
      warnings: [...result.warnings, ...details],
    });
    SpreadsheetApp.flush();
    if (result.warnings.length) {
      const shown = result.warnings
        .slice(0, 15)
        .map((w) => `• ${w}`)
        .join('\n');
      const more =
        result.warnings.length > 15
          ? `\n… and ${result.warnings.length - 15} more in the Log tab.`
          : '';
      tell(ss, interactive, `${result.summary}\n\nPlease check:\n${shown}${more}`, true);
    } else {
      tell(ss, interactive, result.summary, false);
    }
    return result;
  } catch (e) {
    const message =
      e instanceof UserError
        ? e.message
        : `${name} stopped: ${e instanceof Error ? e.message : String(e)}. Tabs you typed in were not changed.`;
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
    tell(ss, interactive, message, true);
    if (!interactive) throw e;
    return null;
  } finally {
    actionStart = 0;
    lock.releaseLock();
  }
}

function tell(ss: Spreadsheet, interactive: boolean, message: string, important: boolean): void {
  if (!interactive) return;
  if (important) SpreadsheetApp.getUi().alert(TITLE, message, SpreadsheetApp.getUi().ButtonSet.OK);
  else ss.toast(message, TITLE, 8);
}
