/**
 * The warning-only protection over each tab's header row, made so that a run cut short at any
 * call converges on the next one.
 *
 * A protection is made in three calls (`Range.protect()`, then its warning flag and its
 * description), and the add-on recognises its own by the description: a run that ends between
 * `protect()` and `setDescription()` would leave an unlabelled hard lock the next run cannot
 * tell from one a person made, and would add another. So, as the ledgers of
 * `src/core/provenance.ts` do, the add-on records what it is about to do before doing it: the
 * sheet ids whose header it is protecting, in one document property, written before `protect()`
 * and deleted once the action has protected every tab. An unlabelled protection of exactly a
 * header row, on a sheet that record names, is the add-on's unfinished one and is replaced; any
 * other protection is a person's and is left alone. A protection already right is left as it is
 * (no calls beyond looking at it).
 */
import { PROTECTION_DESCRIPTION } from './formats';
import { Sheet } from './workbook';

type Protection = GoogleAppsScript.Spreadsheet.Protection;
type Properties = GoogleAppsScript.Properties.Properties;

/** Sheet ids whose header protection an action began and may not have finished. */
export const PROTECTING_KEY = 'circ.protectingHeaders';

export class HeaderProtections {
  private pending: Set<number> | undefined;
  private marked = false;

  /**
   * `known`: every range protection of the spreadsheet by sheet id, from one request
   * (protectionsBySheet), for an action that protects many tabs; else each tab is asked.
   */
  constructor(
    private readonly props: Properties | null = PropertiesService.getDocumentProperties(),
    private readonly known?: Map<number, Protection[]>,
  ) {}

  /** One warning-only protection over row 1, columns 1..width: made, repaired or left as it is. */
  protect(sheet: Sheet, width: number): void {
    const id = sheet.getSheetId();
    const ours: Protection[] = [];
    const unfinished: Protection[] = [];
    const protections = this.known
      ? (this.known.get(id) ?? [])
      : sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    for (const p of protections) {
      const description = p.getDescription();
      if (description === PROTECTION_DESCRIPTION) ours.push(p);
      // The record is read only when an unlabelled header protection might be an unfinished one.
      else if (description === '' && isHeaderRow(p.getRange()) && this.pendingIds().has(id))
        unfinished.push(p);
    }
    const right =
      ours.length === 1 &&
      !unfinished.length &&
      ours[0].isWarningOnly() &&
      covers(ours[0].getRange(), width);
    if (right) return;
    const pending = this.pendingIds();
    if (!pending.has(id)) {
      pending.add(id);
      this.props?.setProperty(PROTECTING_KEY, JSON.stringify([...pending]));
      this.marked = true;
    }
    for (const p of [...ours, ...unfinished]) p.remove();
    const made = sheet.getRange(1, 1, 1, width).protect();
    made.setWarningOnly(true);
    // Last: a labelled protection is a finished one.
    made.setDescription(PROTECTION_DESCRIPTION);
  }

  /** Once every tab of the action is protected: the record of unfinished work goes. */
  finish(): void {
    if (this.marked || this.pendingIds().size) this.props?.deleteProperty(PROTECTING_KEY);
    this.pending = new Set();
    this.marked = false;
  }

  private pendingIds(): Set<number> {
    if (!this.pending) {
      const text = this.props?.getProperty(PROTECTING_KEY);
      let ids: unknown = [];
      try {
        ids = text ? JSON.parse(text) : [];
      } catch {
        ids = []; // a damaged record only means no unfinished protection is recognised
      }
      this.pending = new Set(Array.isArray(ids) ? ids.filter((x) => typeof x === 'number') : []);
    }
    return this.pending;
  }
}

/** Every range protection of the spreadsheet, by the id of its sheet: one request for all tabs. */
export function protectionsBySheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Map<number, Protection[]> {
  const out = new Map<number, Protection[]>();
  for (const p of ss.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const id = p.getRange().getSheet().getSheetId();
    out.set(id, [...(out.get(id) ?? []), p]);
  }
  return out;
}

const isHeaderRow = (r: GoogleAppsScript.Spreadsheet.Range) =>
  r.getRow() === 1 && r.getColumn() === 1 && r.getNumRows() === 1;

const covers = (r: GoogleAppsScript.Spreadsheet.Range, width: number) =>
  isHeaderRow(r) && r.getNumColumns() === width;
