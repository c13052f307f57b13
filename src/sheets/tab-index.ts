/**
 * The tabs of the spreadsheet by name, found as people expect (core/tab-match.ts): an exact name
 * first, then the same name with other case or spaces, then — for an input tab of the workbook
 * only — a tab renamed beyond that whose header row holds all its columns. What was found under
 * another name is said (`notices`), so the person knows which tab an action used. One getSheets
 * and a getName per tab; headers are read only when a name is not found.
 */
import { foundByHeadersNotice, holdsHeaders, matchTabName, tabKey } from '../core/tab-match';
import { workbookTabs } from '../core/schema/tabs';
import type { Sheet } from './workbook';

export class TabIndex extends Map<string, Sheet> {
  private readonly resolved = new Map<string, Sheet | null>();

  constructor(
    sheets: readonly Sheet[],
    private readonly notices?: string[],
  ) {
    super(sheets.map((s) => [s.getName(), s]));
  }

  override get(name: string): Sheet | undefined {
    const exact = super.get(name);
    if (exact) return exact;
    if (!this.resolved.has(name)) this.resolved.set(name, this.find(name));
    return this.resolved.get(name) ?? undefined;
  }

  override has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  private find(name: string): Sheet | null {
    const names = [...this.keys()];
    const same = matchTabName(name, names);
    if (same) return super.get(same) ?? null;
    const spec = workbookTabs().find((t) => t.name === name && t.kind === 'input');
    if (!spec) return null;
    // Only tabs no other workbook name claims: a renamed KPI Data is not the Partners tab.
    const known = new Set(workbookTabs().map((t) => tabKey(t.name)));
    const headers = spec.columns.filter((c) => !c.optional).map((c) => c.header);
    for (const candidate of names) {
      if (known.has(tabKey(candidate)) || /^(benchmark|report) /i.test(candidate)) continue;
      const sheet = super.get(candidate)!;
      const width = sheet.getLastColumn();
      if (width < headers.length) continue;
      const row = sheet.getRange(1, 1, 1, width).getValues()[0];
      if (holdsHeaders(row, headers)) {
        this.notices?.push(foundByHeadersNotice(name, candidate));
        return sheet;
      }
    }
    return null;
  }
}
