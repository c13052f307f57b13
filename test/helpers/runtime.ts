/**
 * Layer-2 helpers: the product's TypeScript (not the bundle) running against the local Apps
 * Script runtime, with the globals installed the way Apps Script provides them.
 */
import { createRuntime, Runtime } from '../../local/runtime';
import { Cell, Grid } from '../../src/core/cells';

import MANIFEST from '../../appsscript.json';

export function installRuntime(now = new Date(Date.UTC(2026, 10, 26, 9))): Runtime {
  const runtime = createRuntime({
    oauthScopes: MANIFEST.oauthScopes,
    now,
    timeZone: 'Europe/Paris',
    userEmail: 'ops@example.com',
  });
  runtime.install(globalThis as unknown as Record<string, unknown>);
  return runtime;
}

export function sheet(runtime: Runtime, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = runtime.spreadsheet!.getSheetByName(name);
  if (!s) throw new Error(`no tab ${name}`);
  return s as unknown as GoogleAppsScript.Spreadsheet.Sheet;
}

/** Creates a tab holding exactly these rows (a person's typing). */
export function typeInto(runtime: Runtime, name: string, rows: Grid): void {
  runtime.runAs('FULL', () => {
    const ss = runtime.spreadsheet!;
    const s = ss.getSheetByName(name) ?? ss.insertSheet(name);
    const width = Math.max(...rows.map((r) => r.length));
    s.getRange(1, 1, rows.length, width).setValues(
      rows.map((r) => [...r, ...new Array(width - r.length).fill('')]),
    );
  });
}

/** Every non-empty cell of the workbook: "Tab!R1C1" → value (or formula). */
export function typedCells(runtime: Runtime, tabs?: string[]): Map<string, Cell> {
  const out = new Map<string, Cell>();
  runtime.runAs('FULL', () => {
    for (const s of runtime.spreadsheet!.getSheets()) {
      if (tabs && !tabs.includes(s.getName())) continue;
      const r = s.getLastRow();
      const c = s.getLastColumn();
      if (!r || !c) continue;
      const range = s.getRange(1, 1, r, c);
      const values = range.getValues();
      const formulas = range.getFormulas();
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const f = formulas[i][j];
          if (f || v !== '')
            out.set(
              `${s.getName()}!R${i + 1}C${j + 1}`,
              f || (v instanceof Date ? `date:${v.toISOString()}` : v),
            );
        }),
      );
    }
  });
  return out;
}

/** The cells of `before` that differ in `after`, for a readable failure. */
export function changedCells(before: Map<string, Cell>, after: Map<string, Cell>): string[] {
  const changed: string[] = [];
  for (const [k, v] of before)
    if (after.get(k) !== v) changed.push(`${k}: ${String(v)} → ${String(after.get(k))}`);
  return changed;
}
