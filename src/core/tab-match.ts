/**
 * Finding a tab the way people expect: `KPI data`, ` KPI Data ` and `kpi data` are `KPI Data`
 * (case and spaces ignored), and a tab renamed beyond that — `KPI data (Oct export)` — is found
 * by its header row when it holds every column of the tab it stands for. Pure: the Apps Script
 * side reads the names and headers and asks here.
 */
import { Cell } from './cells';
import { headerKey } from './headers';

/** The key two tab names share when only case and spaces differ. */
export function tabKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The existing tab name `wanted` designates when case and spaces are ignored (null if none or several). */
export function matchTabName(wanted: string, names: readonly string[]): string | null {
  if (names.includes(wanted)) return wanted;
  const key = tabKey(wanted);
  const found = names.filter((n) => tabKey(n) === key);
  return found.length === 1 ? found[0] : null;
}

/** True when a header row holds every one of `headers` (case, accents and punctuation ignored). */
export function holdsHeaders(row: readonly Cell[], headers: readonly string[]): boolean {
  if (!headers.length) return false;
  const have = new Set(row.map(headerKey));
  return headers.every((h) => have.has(headerKey(h)));
}

/** What the person is told when a tab was found by its columns rather than its name. */
export function foundByHeadersNotice(wanted: string, actual: string): string {
  return `There is no tab named '${wanted}'; the tab '${actual}' has all its columns, so it was used as '${wanted}'. Rename it '${wanted}' to make this certain.`;
}
