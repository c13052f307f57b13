/**
 * Generated tabs are rebuilt whole: the new content is drawn on a fresh tab, and only once it is
 * complete does it replace the old one. A failure half-way leaves the previous tab as it was.
 */
import { Sheet, Spreadsheet } from './workbook';

const BUILDING = ' (building)';

export function rebuildTab(
  ss: Spreadsheet,
  name: string,
  render: (sheet: Sheet) => void,
  fallbackIndex?: number,
): Sheet {
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
