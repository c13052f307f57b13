/**
 * insertSheet: "The new sheet becomes the active sheet." (Spreadsheet reference,
 * insertSheet(String,Integer)). Every action that creates or rebuilds tabs leaves the person on the
 * tab they were on — with one getActiveSheet and one activate, and none at all in a scheduled run.
 */
import { refreshKpiDashboard, scorePartners, setUpWorkbook } from '../../src/index';
import { addCountry, refreshBenchmark } from '../../src/sheets/benchmark';
import { generateReportAction } from '../../src/sheets/report';
import {
  runScheduledReportFromTrigger,
  SCHEDULE_HANDLER,
  scheduleMonthlyReportFromMenu,
} from '../../src/sheets/schedule';
import { Runtime } from '../../local/runtime';
import { reportRuntime, run, sampleWorkbook } from '../core/report/fixture';
import { sheet } from '../helpers/runtime';

const NOW = new Date();

/** The person clicks on a tab, then the counters start from zero. */
function lookAt(rt: Runtime, tab: string): void {
  rt.runAs('FULL', () => sheet(rt, tab).activate());
  rt.ctx.resetCalls();
}

function activeTab(rt: Runtime): string {
  return rt.spreadsheet!.activeSheet.name;
}

/** How often the action read the active tab and moved the person. */
function tabCalls(rt: Runtime): { getActiveSheet: number; activate: number } {
  const n = (name: string) => rt.ctx.calls.get(name) ?? 0;
  return {
    getActiveSheet: n('Spreadsheet.getActiveSheet') + n('SpreadsheetApp.getActiveSheet'),
    activate: n('Sheet.activate') + n('Spreadsheet.setActiveSheet') + n('Range.activate'),
  };
}

const ONCE = { getActiveSheet: 1, activate: 1 };

describe('actions that create or rebuild tabs leave the person on their tab', () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = sampleWorkbook(NOW);
  });

  test('Refresh KPI dashboard, from another tab and from the dashboard itself', () => {
    lookAt(rt, 'KPI Data');
    rt.runAs('FULL', () => refreshKpiDashboard());
    expect(activeTab(rt)).toBe('KPI Data');
    expect(tabCalls(rt)).toEqual(ONCE);
    // Looking at the dashboard: it is rebuilt as a new tab, and the person is on the new one.
    lookAt(rt, 'KPI Dashboard');
    const old = rt.spreadsheet!.activeSheet;
    rt.runAs('FULL', () => refreshKpiDashboard());
    expect(activeTab(rt)).toBe('KPI Dashboard');
    expect(rt.spreadsheet!.activeSheet).not.toBe(old);
  });

  test('Generate report', () => {
    lookAt(rt, 'Partners');
    run(rt, 'Generate report…', (ctx) => generateReportAction(ctx, '', NOW));
    expect(rt.spreadsheet!.getSheets().some((s) => s.getName().startsWith('Report '))).toBe(true);
    expect(activeTab(rt)).toBe('Partners');
    expect(tabCalls(rt)).toEqual(ONCE);
  });

  test('Score partners, Refresh benchmark, Add country…', () => {
    lookAt(rt, 'Settings');
    rt.runAs('FULL', () => scorePartners());
    expect([activeTab(rt), tabCalls(rt)]).toEqual(['Settings', ONCE]);
    lookAt(rt, 'Criteria');
    run(rt, 'Refresh benchmark', refreshBenchmark);
    expect([activeTab(rt), tabCalls(rt)]).toEqual(['Criteria', ONCE]);
    lookAt(rt, 'Benchmark FR');
    run(rt, 'Add country…', (ctx) => addCountry(ctx, 'IT'));
    expect(rt.spreadsheet!.getSheetByName('Benchmark IT')).not.toBeNull();
    expect([activeTab(rt), tabCalls(rt)]).toEqual(['Benchmark FR', ONCE]);
  });
});

test('Set up workbook on a new spreadsheet creates every tab and leaves the person on theirs', () => {
  const rt = reportRuntime(NOW);
  const first = activeTab(rt);
  // The person's own tab: the new spreadsheet's first tab, holding their notes (an untouched one
  // is removed by Set up, test/sheets/default-tab.test.ts).
  rt.runAs('FULL', () => sheet(rt, first).getRange('A1').setValue('my notes'));
  rt.ctx.resetCalls();
  rt.runAs('FULL', () => setUpWorkbook());
  expect(rt.spreadsheet!.getSheets().length).toBeGreaterThan(10);
  expect(activeTab(rt)).toBe(first);
  expect(tabCalls(rt)).toEqual(ONCE);
  // Nothing left to create: the active tab is not even read.
  lookAt(rt, 'Partners');
  rt.runAs('FULL', () => setUpWorkbook());
  expect([activeTab(rt), tabCalls(rt)]).toEqual(['Partners', { getActiveSheet: 0, activate: 0 }]);
});

test('a scheduled run (no one looking at a tab) neither reads nor sets the active tab', () => {
  // A bound script, whose time-driven run has the spreadsheet; the run is on the 1st of a month.
  const rt = sampleWorkbook(NOW, { addOnTriggerRules: false });
  rt.defineFunctions({
    [SCHEDULE_HANDLER]: (e: unknown) => runScheduledReportFromTrigger(e as { triggerUid: string }),
  });
  rt.runAs('FULL', () => scheduleMonthlyReportFromMenu());
  rt.ctx.resetCalls();
  const firstOfNextMonth = Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + 1, 1, 6);
  jest.useFakeTimers({
    now: firstOfNextMonth,
    doNotFake: ['setTimeout', 'setImmediate', 'nextTick'],
  });
  try {
    rt.advanceClock(firstOfNextMonth - rt.clock.now());
    rt.fireTrigger(rt.triggers[0].id);
  } finally {
    jest.useRealTimers();
  }
  expect(rt.outbox).toHaveLength(1);
  expect(rt.outbox[0].to).not.toEqual(['ops@example.com']);
  expect(tabCalls(rt)).toEqual({ getActiveSheet: 0, activate: 0 });
});
