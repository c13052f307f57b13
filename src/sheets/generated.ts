/**
 * Generated tabs are rebuilt whole: the new content is drawn on a fresh tab, and only once it is
 * complete does it replace the old one. A failure half-way (the time budget running out included)
 * leaves the previous tab as it was.
 */
import { Deadline, Sheet, Spreadsheet } from './workbook';

const BUILDING = ' (building)';

export function rebuildTab(
  deadline: Deadline,
  ss: Spreadsheet,
  name: string,
  render: (sheet: Sheet) => void,
  fallbackIndex?: number,
): Sheet {
  deadline.beforeWriting(`drawing '${name}'`);
  const old = ss.getSheetByName(name);
  const leftover = ss.getSheetByName(name + BUILDING);
  if (leftover) ss.deleteSheet(leftover);
  const index = old ? old.getIndex() - 1 : (fallbackIndex ?? ss.getSheets().length);
  const fresh = ss.insertSheet(name + BUILDING, index);
  try {
    render(fresh);
  } catch (e) {
    ss.deleteSheet(fresh);
    throw e;
  }
  if (old) ss.deleteSheet(old);
  fresh.setName(name);
  return fresh;
}

/**
 * insertSheet: "The new sheet becomes the active sheet."
 * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer))
 * An action that creates or rebuilds tabs runs that part through here, so the person stays on the
 * tab they were on: one getActiveSheet before, one activate after (only for interactive runs; a
 * time-driven run has nobody looking at a tab). The tab is found again by its name, so a person
 * looking at a generated tab that was just rebuilt stays on the new one. After a failure the
 * restoring is best effort: the failure is what gets reported.
 */
export function keepingActiveTab<T>(ss: Spreadsheet, build: () => T, interactive = true): T {
  if (!interactive) return build();
  const name = ss.getActiveSheet().getName();
  const restore = () => ss.getSheetByName(name)?.activate();
  let result: T;
  try {
    result = build();
  } catch (e) {
    try {
      restore();
    } catch {
      // The first failure is the one to report.
    }
    throw e;
  }
  restore();
  return result;
}
