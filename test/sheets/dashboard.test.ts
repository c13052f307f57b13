import { loadSampleData, refreshKpiDashboard, setUpWorkbook } from '../../src/index';
import { sampleOrderGrid } from '../../src/core/sample/orders';
import { KPIS } from '../../src/core/kpi/registry';
import { RAG_COLORS } from '../../src/core/dashboard';
import { changedCells, installRuntime, sheet, typedCells } from '../helpers/runtime';
import { Runtime } from '../../local/runtime';
import { FakeEmbeddedChart } from '../../local/spreadsheet';

const NOW = new Date(Date.UTC(2026, 10, 26, 9));

function workbookWithOrders(count: number): Runtime {
  const rt = installRuntime(NOW);
  rt.runAs('FULL', () => setUpWorkbook());
  const grid = sampleOrderGrid(count, new Date(Date.UTC(2026, 9, 31, 18)));
  rt.runAs('FULL', () => {
    const s = sheet(rt, 'KPI Data');
    if (grid.length > s.getMaxRows())
      s.insertRowsAfter(s.getMaxRows(), grid.length - s.getMaxRows());
    s.getRange(1, 1, grid.length, grid[0].length).setValues(grid);
  });
  return rt;
}

describe('Refresh KPI dashboard on the local runtime', () => {
  test('table of 12 months × every KPI with RAG colours, sparklines, four native charts and the skipped rows', () => {
    const rt = workbookWithOrders(3000);
    const before = typedCells(rt, ['KPI Data', 'KPI Targets', 'Factors']);
    rt.runAs('FULL', () => refreshKpiDashboard());
    const s = sheet(rt, 'KPI Dashboard');
    const header = s.getRange(4, 1, 1, 19).getValues()[0];
    expect(header.slice(0, 4)).toEqual(['KPI', 'Unit', 'Target', '2025-11']);
    expect(header[14]).toBe('2026-10');
    const labels = s
      .getRange(5, 1, KPIS.length, 1)
      .getValues()
      .map((r) => r[0]);
    expect(labels).toEqual(KPIS.map((k) => k.label));
    const formulas = s
      .getRange(5, 19, KPIS.length, 1)
      .getFormulas()
      .map((r) => r[0]);
    expect(formulas[0]).toBe('=SPARKLINE(D5:O5)');
    const backgrounds = s.getRange(5, 4, KPIS.length, 12).getBackgrounds().flat();
    const colors = Object.values(RAG_COLORS) as string[];
    expect(backgrounds.filter((b) => colors.includes(b)).length).toBeGreaterThan(20);
    const charts = s.getCharts();
    expect(charts).toHaveLength(4);
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual([
      'Monthly volumes: requested vs received',
      'Reuse rate vs target',
      'Disposition mix (inspected devices)',
      'Lead time, days: median and P90',
    ]);
    // The value axis in the form embedded charts honour: a vAxis object is ignored by Sheets.
    expect(charts.map((c) => c.getOptions().get('vAxes.0.format'))).toEqual([
      'decimal',
      'percent',
      'decimal',
      'decimal',
    ]);
    expect(charts.every((c) => typeof c.getOptions().get('vAxes.0.title') === 'string')).toBe(true);
    expect(charts.flatMap((c) => (c as unknown as FakeEmbeddedChart).ignoredOptions)).toEqual([]);
    // The planted data errors are listed with row, column and reason.
    const text = s
      .getDataRange()
      .getValues()
      .map((r) => r.join(' | '))
      .join('\n');
    expect(text).toMatch(
      /Data quality: 5 finding\(s\) on 5 order\(s\) of KPI Data — 1 order\(s\) left out of every KPI, 4 kept/,
    );
    expect(text).toMatch(/KPI Data \| \d+ \| Outcome \(H\) \|/);
    expect(changedCells(before, typedCells(rt, ['KPI Data', 'KPI Targets', 'Factors']))).toEqual(
      [],
    );

    // Twice: one tab, same content, same four charts.
    const first = typedCells(rt, ['KPI Dashboard']);
    rt.runAs('FULL', () => refreshKpiDashboard());
    expect(
      rt.spreadsheet!.getSheets().filter((x) => x.getName().startsWith('KPI Dashboard')),
    ).toHaveLength(1);
    expect(changedCells(first, typedCells(rt, ['KPI Dashboard']))).toEqual([]);
    expect(sheet(rt, 'KPI Dashboard').getCharts()).toHaveLength(4);
  });

  test('the same service calls for 1,000 and 10,000 orders', () => {
    const calls = [1000, 10000].map((n) => {
      const rt = workbookWithOrders(n);
      rt.ctx.resetCalls();
      rt.runAs('FULL', () => refreshKpiDashboard());
      return rt.ctx.callsByMethod();
    });
    expect(calls[1]).toEqual(calls[0]);
  });

  test('a KPI Data tab with a missing column is refused with a clear message, and nothing is lost', () => {
    const rt = installRuntime(NOW);
    rt.runAs('FULL', () => loadSampleData());
    rt.runAs('FULL', () => sheet(rt, 'KPI Data').getRange('H1').setValue('Result'));
    const before = typedCells(rt);
    rt.runAs('FULL', () => refreshKpiDashboard());
    const alert = rt.ui.alerts[rt.ui.alerts.length - 1].prompt;
    expect(alert).toMatch(
      /KPI Data: missing column "Outcome"\. The first row must hold the headers; found .*"Result"/,
    );
    expect(changedCells(before, typedCells(rt)).filter((c) => !c.startsWith('Log!'))).toEqual([]);
  });
});
