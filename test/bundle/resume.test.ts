/**
 * Actions cut short half-way are finished by the next run (issue 15, point 3): the three causes
 * the convergence sweep found after the generated-tab swap was fixed, each at the call where it
 * struck, killed as Apps Script's time limit kills (nothing of the script runs after that call)
 * and then run again. The workbook must be the one a clean run leaves (fingerprintWorkbook: values,
 * notes, formats, protections, conditional rules, document properties…).
 */
import { importLikeTheDialog } from '../../demo/import-csv';
import { startWorkbook } from '../../demo/scenario';
import { diffFingerprints, fingerprintWorkbook } from '../../local/export/fingerprint';
import type { LoadedBundle } from '../../local/load-bundle';
import type { Runtime } from '../../local/runtime';
import type { ScriptedResponse } from '../../local/services/ui';
import { backOfficeExports } from '../../src/core/sample/back-office-export';
import { FINGERPRINT_OPTIONS } from '../sweep/engine';

const NOW = new Date(Date.UTC(2026, 10, 26, 9));
const HEADER_PROTECTION = 'Circularity Workbench: header row (edit with care)';

function opened(): { rt: Runtime; bundle: LoadedBundle } {
  const { runtime: rt, bundle } = startWorkbook(NOW);
  bundle.open('NONE');
  return { rt, bundle };
}

function click(rt: Runtime, bundle: LoadedBundle, caption: string, answers?: ScriptedResponse[]) {
  if (answers && rt.ui.pendingResponses() === 0) rt.ui.scriptResponses(answers);
  const alerts = rt.ui.alerts.length;
  try {
    bundle.clickMenu(caption);
  } catch {
    // A killed execution ends the click: what it left in the workbook is what is checked.
  }
  return rt.ui.alerts.slice(alerts).at(-1)?.prompt ?? rt.toasts.at(-1)?.message ?? '';
}

/**
 * From the workbook as it is: the clean run's fingerprint, then the run killed at its nth call of
 * `method`, then one more run. Returns the differences from the clean run, and what each run said.
 */
function killedThenRunAgain(
  rt: Runtime,
  bundle: LoadedBundle,
  caption: string,
  method: string,
  nth = 1,
  answers?: ScriptedResponse[],
  between?: () => void,
) {
  const start = rt.checkpoint();
  rt.ctx.journal = [];
  click(rt, bundle, caption, answers);
  const calls = rt.ctx.journal.map((c) => c.name);
  rt.ctx.journal = null;
  const clean = fingerprintWorkbook(rt, FINGERPRINT_OPTIONS);
  const at = calls.findIndex(
    (name, i) =>
      name === method && calls.slice(0, i + 1).filter((n) => n === method).length === nth,
  );
  expect(at).toBeGreaterThanOrEqual(0);
  rt.restore(start);
  rt.failCall(at + 1, 'kill');
  click(rt, bundle, caption, answers);
  expect(rt.plannedCalls()).toBe(0);
  between?.();
  const again = click(rt, bundle, caption, answers);
  return {
    differences: diffFingerprints(clean, fingerprintWorkbook(rt, FINGERPRINT_OPTIONS)),
    again,
  };
}

const protections = (rt: Runtime) =>
  rt.runAs('FULL', () =>
    rt.spreadsheet!.getSheets().flatMap((s) =>
      s
        .getProtections('RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType)
        .map((p) => ({
          tab: s.getName(),
          description: p.getDescription(),
          warningOnly: p.isWarningOnly(),
        })),
    ),
  );

describe('a run cut short is finished by the next one', () => {
  test('Set up workbook killed between protecting a header row and labelling it: no unlabelled hard lock is left', () => {
    const { rt, bundle } = opened();
    const { differences } = killedThenRunAgain(
      rt,
      bundle,
      'Set up workbook',
      'Protection.setDescription',
      3,
    );
    expect(differences).toEqual([]);
    const all = protections(rt);
    expect(all.length).toBeGreaterThan(5);
    expect(all.filter((p) => p.description !== HEADER_PROTECTION || !p.warningOnly)).toEqual([]);
    // One per tab, never two.
    expect(new Set(all.map((p) => p.tab)).size).toBe(all.length);
  });

  test("a person's own unlabelled protection of a header row is never taken for the add-on's", () => {
    const { rt, bundle } = opened();
    bundle.clickMenu('Set up workbook');
    rt.runAs('FULL', () => rt.spreadsheet!.getSheetByName('Partners')!.getRange('A1:C1').protect());
    bundle.clickMenu('Set up workbook');
    expect(
      protections(rt)
        .filter((p) => p.tab === 'Partners')
        .map((p) => p.description),
    ).toEqual(expect.arrayContaining(['', HEADER_PROTECTION]));
  });

  test('Add country… killed after creating its tab: the next Add country… finishes it and says so', () => {
    const { rt, bundle } = opened();
    bundle.clickMenu('Set up workbook');
    const nl: ScriptedResponse[] = [{ button: 'OK', text: 'NL' }];
    const { differences, again } = killedThenRunAgain(
      rt,
      bundle,
      'Add country…',
      'Sheet.setTabColor',
      1,
      nl,
    );
    expect(differences).toEqual([]);
    expect(again).toMatch(/Finished adding 'Benchmark NL'.*earlier run had begun/);
  });

  test('Add country… does not remove a half-made tab a person has typed in since', () => {
    const { rt, bundle } = opened();
    bundle.clickMenu('Set up workbook');
    const nl: ScriptedResponse[] = [{ button: 'OK', text: 'NL' }];
    const typed = 'Our Dutch notes';
    const { again } = killedThenRunAgain(
      rt,
      bundle,
      'Add country…',
      'Sheet.setTabColor',
      1,
      nl,
      () =>
        rt.runAs('FULL', () =>
          rt.spreadsheet!.getSheetByName('Benchmark NL')!.getRange('A5').setValue(typed),
        ),
    );
    expect(again).toMatch(
      /'Benchmark NL' was begun by an Add country… that stopped half-way, and has been edited since/,
    );
    expect(
      rt.runAs('FULL', () =>
        rt.spreadsheet!.getSheetByName('Benchmark NL')!.getRange('A5').getValue(),
      ),
    ).toBe(typed);
  });

  test('Undo last import killed after putting KPI Data back: the next Undo last import finishes', () => {
    const { rt, bundle } = opened();
    bundle.clickMenu('Set up workbook');
    const ex = backOfficeExports({ count: 60 });
    importLikeTheDialog(rt, bundle, 'export-oct.csv', ex.first);
    importLikeTheDialog(rt, bundle, 'export-nov.csv', ex.second);
    const { differences, again } = killedThenRunAgain(
      rt,
      bundle,
      'Undo last import',
      'Range.clearContent',
    );
    expect(differences).toEqual([]);
    expect(again).toMatch(/Undid the import of export-nov.csv/);
  });
});
