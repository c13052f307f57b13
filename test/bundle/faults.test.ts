/**
 * Faults, on the built bundle: a second action while one runs, an action running into Apps
 * Script's time limit, and a service failing half-way through drawing a generated tab.
 */
import * as path from 'node:path';
import { createRuntime, Runtime } from '../../local/runtime';
import { loadBundle, LoadedBundle } from '../../local/load-bundle';
import { changedCells, sheet, typedCells } from '../helpers/runtime';
import { RECIPIENTS, setSetting } from '../core/report/fixture';
import { manifestScopes } from '../../demo/scenario';
import { holdEarlierSeedRevision } from '../helpers/seed-revision';

const DIST = path.resolve(__dirname, '../../dist');

function sampleWorkbook(): { rt: Runtime; bundle: LoadedBundle } {
  const rt = createRuntime({
    oauthScopes: manifestScopes(),
    now: new Date(Date.UTC(2026, 10, 26, 9)),
  });
  const bundle = loadBundle(rt, DIST);
  bundle.open('NONE');
  bundle.clickMenu('Load sample data');
  bundle.clickMenu('Score partners');
  bundle.clickMenu('Refresh KPI dashboard');
  return { rt, bundle };
}

const lastAlert = (rt: Runtime) => rt.ui.alerts[rt.ui.alerts.length - 1]?.prompt ?? '';
const tabs = (rt: Runtime) => rt.spreadsheet!.getSheets().map((s) => s.getName());

describe('faults', () => {
  test('every action clicked while another holds the document lock says the workbook is busy and changes nothing', () => {
    const { rt, bundle } = sampleWorkbook();
    const before = typedCells(rt);
    rt.holdDocumentLockElsewhere(true);
    for (const item of rt.ui.menuItems()) {
      bundle.clickMenu(item.caption);
      expect(lastAlert(rt)).toMatch(
        /busy with another Circularity Workbench action\. Nothing was changed/,
      );
    }
    rt.holdDocumentLockElsewhere(false);
    expect(changedCells(before, typedCells(rt))).toEqual([]);
  });

  test('an action whose reads eat the time budget stops before writing, says how to resume, and leaves every tab whole', () => {
    const { rt, bundle } = sampleWorkbook();
    const before = typedCells(rt);
    const onCall = rt.ctx.onCall;
    let slowed = false;
    rt.ctx.onCall = (name) => {
      onCall?.(name);
      // One very slow read (a huge KPI Data tab on a busy day): 5.5 minutes.
      if (/^(Range\.getValues|Sheet\.getSheetValues)$/.test(name) && !slowed) {
        slowed = true;
        rt.advanceClock(5.5 * 60 * 1000);
      }
    };
    bundle.clickMenu('Refresh KPI dashboard');
    expect(lastAlert(rt)).toMatch(
      /Refresh KPI dashboard stopped before drawing the dashboard: it had run for 3\d\d s.*every tab is whole\. Run it again to resume/,
    );
    expect(changedCells(before, typedCells(rt)).filter((c) => !c.startsWith('Log!'))).toEqual([]);
  });

  test.each([
    'Set up workbook',
    'Load sample data',
    'Score partners',
    'Consolidate ratings',
    'Derive weights (AHP)',
    'Refresh KPI dashboard',
    'Refresh benchmark',
    'Add country…',
    'Import benchmark seed',
    'Generate report…',
    'Email report…',
    'Schedule monthly report',
    'Stop schedule',
  ])(
    'time budget: %s, slowed past 5 minutes by its first read, stops cleanly before Apps Script would kill it',
    (caption) => {
      const { rt, bundle } = sampleWorkbook();
      // Each action gets as far as writing (without these it refuses before writing anything,
      // which is clean too but not what this test is about): a filled AHP block, report
      // recipients, a schedule to stop.
      bundle.clickMenu('Derive weights (AHP)');
      rt.runAs('FULL', () => {
        const ahp = sheet(rt, 'AHP');
        const n = ahp.getLastRow() - 4;
        ahp.getRange(5, 2, n, n).setValues(Array.from({ length: n }, () => new Array(n).fill(1)));
      });
      setSetting(rt, 'Report recipients', RECIPIENTS);
      if (caption === 'Stop schedule') bundle.clickMenu('Schedule monthly report');
      // A workbook whose tabs hold an earlier seed revision: the import has tabs to write.
      if (caption === 'Import benchmark seed') holdEarlierSeedRevision(rt);
      const before = typedCells(rt);
      const triggers = rt.triggers.map((t) => t.id);
      const killed = rt.killedExecutions;
      const onCall = rt.ctx.onCall;
      let slowed = false;
      rt.ctx.onCall = (name) => {
        onCall?.(name);
        // One very slow read once the action holds the lock: 5.5 minutes (Stop schedule reads
        // no tab: its read is the list of triggers).
        if (
          !slowed &&
          rt.locks.isHeld('document') &&
          /getValues|getSheetValues|getDataRange|getUserTriggers/.test(name)
        ) {
          slowed = true;
          rt.advanceClock(5.5 * 60 * 1000);
        }
      };
      if (caption === 'Add country…') rt.ui.scriptResponses([{ button: 'OK', text: 'IT' }]);
      expect(() => bundle.clickMenu(caption)).not.toThrow();
      rt.ctx.onCall = onCall;
      expect(slowed).toBe(true);
      expect(rt.killedExecutions).toBe(killed);
      expect(lastAlert(rt)).toMatch(/stopped before .*Run it again to resume/);
      expect(changedCells(before, typedCells(rt)).filter((c) => !c.startsWith('Log!'))).toEqual([]);
      expect(rt.triggers.map((t) => t.id)).toEqual(triggers);
      // The stop is in the Log: its line is written after the stop, well before the kill.
      const log = rt.runAs('FULL', () => sheet(rt, 'Log').getDataRange().getValues());
      expect([log.at(-1)![2], String(log.at(-1)![5])]).toEqual([
        caption,
        expect.stringMatching(/^FAILED: .*stopped before/),
      ]);
    },
  );

  test.each(['Generate report…', 'Email report…', 'Add country…'])(
    'time budget: %s counts the time its question was open (Apps Script does), and stops cleanly',
    (caption) => {
      const { rt, bundle } = sampleWorkbook();
      rt.runAs('FULL', () =>
        rt
          .spreadsheet!.getSheetByName('Settings')!
          .getRange('A2:B2')
          .setValues([['Report recipients', 'team@example.com']]),
      );
      const before = typedCells(rt);
      const killed = rt.killedExecutions;
      // The person answers after 5.5 minutes; then every service call takes 100 ms.
      rt.ui.whileNextDialogIsOpen(() => rt.advanceClock(5.5 * 60 * 1000));
      rt.ui.scriptResponses([{ button: 'OK', text: caption === 'Add country…' ? 'IT' : '' }]);
      const onCall = rt.ctx.onCall;
      rt.ctx.onCall = (name) => {
        onCall?.(name);
        rt.advanceClock(100);
      };
      expect(() => bundle.clickMenu(caption)).not.toThrow();
      rt.ctx.onCall = onCall;
      expect(rt.killedExecutions).toBe(killed);
      expect(lastAlert(rt)).toMatch(/stopped before .*Run it again to resume/);
      expect(changedCells(before, typedCells(rt)).filter((c) => !c.startsWith('Log!'))).toEqual([]);
    },
  );

  test('a service failing half-way through drawing the dashboard leaves the previous dashboard whole', () => {
    const { rt, bundle } = sampleWorkbook();
    const before = typedCells(rt, ['KPI Dashboard']);
    const charts = rt.spreadsheet!.getSheetByName('KPI Dashboard')!.getCharts().length;
    rt.ctx.failOn('Range.setValues', 3, 'Service Spreadsheets failed while accessing document');
    bundle.clickMenu('Refresh KPI dashboard');
    expect(lastAlert(rt)).toMatch(
      /Refresh KPI dashboard stopped: Service Spreadsheets failed.*It had begun drawing the dashboard, drawing 'KPI Dashboard' — .*Cells you typed were not changed/,
    );
    expect(tabs(rt).filter((n) => n.startsWith('KPI Dashboard'))).toEqual(['KPI Dashboard']);
    expect(changedCells(before, typedCells(rt, ['KPI Dashboard']))).toEqual([]);
    expect(rt.spreadsheet!.getSheetByName('KPI Dashboard')!.getCharts()).toHaveLength(charts);
  });

  test('a tab left half-built by an execution Apps Script cut off is cleared by the next run', () => {
    const { rt, bundle } = sampleWorkbook();
    rt.runAs('FULL', () =>
      rt.spreadsheet!.insertSheet('KPI Dashboard (building)').getRange('A1').setValue('half'),
    );
    bundle.clickMenu('Refresh KPI dashboard');
    expect(tabs(rt).filter((n) => n.startsWith('KPI Dashboard'))).toEqual(['KPI Dashboard']);
  });

  test('past 6 minutes the runtime stops the execution as Apps Script does', () => {
    const rt = createRuntime({ callLatencyMs: 30_000 });
    expect(() =>
      rt.runAs('FULL', () => {
        for (let i = 0; i < 20; i++) rt.spreadsheet!.getSheets();
      }),
    ).toThrow('Exceeded maximum execution time');
  });
});
