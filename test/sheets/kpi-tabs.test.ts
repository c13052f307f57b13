/**
 * The KPI tabs' one reader (src/sheets/kpi-read.ts) and its one policy, through the three actions
 * that read them: a KPI tab that is missing or unreadable is named in the same sentence by Refresh
 * KPI dashboard, Generate report… and Score partners, and what needs it is left out; only the
 * dashboard stops, and only without a readable KPI Data (the orders are all it shows).
 */
import { lastCompleteMonth } from '../../src/core/kpi/months';
import { SECTIONS } from '../../src/core/report/layout';
import { loadSampleData, refreshKpiDashboard, scorePartners, setUpWorkbook } from '../../src/index';
import { generateReportAction } from '../../src/sheets/report';
import { run } from '../core/report/fixture';
import { installRuntime, sheet } from '../helpers/runtime';
import { Runtime } from '../../local/runtime';

const NOW = new Date();
const MONTH = lastCompleteMonth(NOW, 'Europe/Paris');
const MISSING_TARGETS =
  "The tab 'KPI Targets' is missing: run Circularity Workbench › Set up workbook.";

function sample(): Runtime {
  const rt = installRuntime(NOW);
  rt.runAs('FULL', () => {
    setUpWorkbook();
    loadSampleData();
  });
  return rt;
}

const lastAlert = (rt: Runtime) => rt.ui.alerts[rt.ui.alerts.length - 1]?.prompt ?? '';
const deleteTab = (rt: Runtime, name: string) =>
  rt.runAs('FULL', () => rt.spreadsheet!.deleteSheet(rt.spreadsheet!.getSheetByName(name)!));
const grid = (rt: Runtime, name: string) =>
  rt.runAs('FULL', () => sheet(rt, name).getDataRange().getValues());

/** Criteria QUALITY measured by the reuse rate, with the score cells of every partner left blank. */
function measureQuality(rt: Runtime): void {
  rt.runAs('FULL', () => {
    const criteria = sheet(rt, 'Criteria');
    const c = criteria.getDataRange().getValues();
    criteria
      .getRange(c.findIndex((r) => r[0] === 'QUALITY') + 1, c[0].indexOf('Measured by') + 1, 1, 3)
      .setValues([['reuse_rate', 0.4, 0.9]]);
  });
}

describe('one policy for the KPI tabs', () => {
  test('KPI Targets deleted: the dashboard is drawn without RAG colours and says so, in the words of the report', () => {
    const rt = sample();
    deleteTab(rt, 'KPI Targets');
    rt.runAs('FULL', () => refreshKpiDashboard());
    expect(lastAlert(rt)).toMatch(/^KPI Dashboard refreshed: /);
    expect(lastAlert(rt)).toContain(MISSING_TARGETS);
    const dashboard = grid(rt, 'KPI Dashboard');
    const header = dashboard[3];
    const rag = header.indexOf('RAG');
    const target = header.indexOf('Target');
    const rows = dashboard.slice(4, 4 + 18);
    expect(rows.map((r) => [r[target], r[rag]])).toEqual(rows.map(() => ['', '']));
    expect(rt.spreadsheet!.getSheetByName('Partner Performance')).not.toBeNull();

    run(rt, 'Generate report', (ctx) => generateReportAction(ctx, MONTH, NOW));
    const report = grid(rt, `Report ${MONTH}`);
    const quality = report.findIndex((r) => r[0] === SECTIONS.quality);
    expect(report.slice(quality).map((r) => r[0])).toContain(MISSING_TARGETS);
  });

  test('KPI Data deleted: the dashboard stops, naming the tab in the same sentence', () => {
    const rt = sample();
    deleteTab(rt, 'KPI Data');
    const dashboard = rt.spreadsheet!.getSheetByName('KPI Dashboard')!.getSheetId();
    rt.runAs('FULL', () => refreshKpiDashboard());
    expect(lastAlert(rt)).toBe(
      "The tab 'KPI Data' is missing: run Circularity Workbench › Set up workbook.",
    );
    expect(rt.spreadsheet!.getSheetByName('KPI Dashboard')!.getSheetId()).toBe(dashboard);
  });

  test('KPI Data unreadable: Score partners still scores the assessed criteria and says why the measured one is not', () => {
    const rt = sample();
    measureQuality(rt);
    rt.runAs('FULL', () => sheet(rt, 'KPI Data').getRange('H1').setValue('Result'));
    rt.runAs('FULL', () => scorePartners());
    expect(lastAlert(rt)).toMatch(/KPI Data: missing column "Outcome"/);
    const partners = grid(rt, 'Partners');
    const score = partners[0].indexOf('Score');
    expect(partners.slice(1).filter((r) => typeof r[score] === 'number').length).toBeGreaterThan(0);
  });
});
