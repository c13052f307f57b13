import { loadSampleData, refreshKpiDashboard, setUpWorkbook } from '../../src/index';
import { sampleOrderGrid } from '../../src/core/sample/orders';
import { KPIS } from '../../src/core/kpi/registry';
import { RAG_COLORS } from '../../src/core/kpi/dashboard';
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
    const header = s.getRange(4, 1, 1, 20).getValues()[0];
    expect(header[19]).toBe('Signal (2026-10)');
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
    // Issue 18 added three charts: the reuse rate's control chart and the two Paretos.
    expect(charts).toHaveLength(7);
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual([
      'Monthly volumes: requested vs received',
      'Reuse rate vs target',
      'Reuse rate: control chart (p chart)',
      'Disposition mix (inspected devices)',
      'Lead time, days: median and P90',
      'Pareto: why orders were not reused',
      'Pareto: what complaints were about',
    ]);
    // The value axis in the form embedded charts honour: a vAxis object is ignored by Sheets.
    expect(charts.map((c) => c.getOptions().get('vAxes.0.format'))).toEqual([
      'decimal',
      'percent',
      'percent',
      'decimal',
      'decimal',
      'decimal',
      'decimal',
    ]);
    // A Pareto: counts as bars, the cumulative share as a line on a second, percent axis.
    const pareto = charts[5];
    expect(String((pareto as unknown as FakeEmbeddedChart).getType())).toBe(
      String(Charts.ChartType.COMBO),
    );
    expect(pareto.getOptions().get('seriesType')).toBe('bars');
    expect(pareto.getOptions().get('series.1.type')).toBe('line');
    expect(pareto.getOptions().get('series.1.targetAxisIndex')).toBe(1);
    expect(pareto.getOptions().get('vAxes.1.format')).toBe('percent');
    const paretoRange = pareto.getRanges()[0].getValues();
    expect(paretoRange[0]).toEqual(['Reason', 'Orders', 'Cumulative share']);
    expect(paretoRange[1][0]).toBe('Screen cracked');
    const counts = paretoRange.slice(1).map((r) => r[1] as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(paretoRange[paretoRange.length - 1][2]).toBeCloseTo(1, 12);
    // The control chart: the values with the centre line and the limits of the p chart.
    const control = charts[2].getRanges()[0].getValues();
    expect(control[0]).toEqual([
      'Month',
      'Reuse rate',
      'Centre line',
      'Lower control limit',
      'Upper control limit',
    ]);
    const last = control[control.length - 1] as number[];
    expect(last[0]).toBe('2026-10');
    expect(last[1]).toBeGreaterThan(last[2]);
    expect(last[4]).toBeLessThanOrEqual(1);
    expect(charts.every((c) => typeof c.getOptions().get('vAxes.0.title') === 'string')).toBe(true);
    expect(charts.flatMap((c) => (c as unknown as FakeEmbeddedChart).ignoredOptions)).toEqual([]);
    // The Signal column and the Signals section: the sample's shift in the reuse rate is a signal.
    const signal = s
      .getRange(5, 20, KPIS.length, 1)
      .getValues()
      .map((r) => r[0]);
    const at = (id: string) => signal[KPIS.findIndex((k) => k.id === id)];
    expect(at('reuse_rate')).toMatch(/^improvement \(rules? \d/);
    expect(at('conversion')).toBe('not judged: cohort still maturing');
    expect(at('lead_time_median')).toBe('no signal (noise)');
    const reuseCell = s.getRange(5 + KPIS.findIndex((k) => k.id === 'reuse_rate'), 20);
    expect(reuseCell.getBackground()).toBe(RAG_COLORS.green);
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
    expect(text).toMatch(/Reuse rate 2026-10 .* \(rules? [\d, ]+\): a real improvement, not noise/);
    expect(text).toMatch(
      /Conversion \(request to receipt\) and Lost rate of 2026-10: cohorts still maturing/,
    );
    expect(text).toMatch(
      /Pareto: why orders were not reused: \d+ order\(s\) not reused in 2025-11 to 2026-10 with a reason/,
    );
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
    expect(sheet(rt, 'KPI Dashboard').getCharts()).toHaveLength(7);
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

  test('without the optional Reason column, and with a partial last month: the KPIs as before, no signal from that month, and why', () => {
    const rt = installRuntime(NOW);
    rt.runAs('FULL', () => setUpWorkbook());
    // Data as of 17 October, and a KPI Data tab whose Reason column was deleted.
    const grid = sampleOrderGrid(3000, new Date(Date.UTC(2026, 9, 17, 18))).map((r) =>
      r.slice(0, 14),
    );
    rt.runAs('FULL', () => {
      const s = sheet(rt, 'KPI Data');
      s.deleteColumn(15);
      s.insertRowsAfter(s.getMaxRows(), grid.length - s.getMaxRows());
      s.getRange(1, 1, grid.length, grid[0].length).setValues(grid);
    });
    rt.runAs('FULL', () => refreshKpiDashboard());
    const s = sheet(rt, 'KPI Dashboard');
    expect(s.getRange(4, 20).getValue()).toBe('Signal (2026-09)');
    const text = s
      .getDataRange()
      .getValues()
      .map((r) => r.join(' | '))
      .join('\n');
    expect(text).toMatch(/2026-10 is partial .*raises no signal/);
    expect(text).not.toMatch(/ 2026-10 [^|]*not noise/);
    expect(text).toMatch(/No Reason column in KPI Data: add one to the right of Complaint/);
    expect(s.getCharts()).toHaveLength(7);
  });
});

describe('KPI Dashboard: styles and rebuilds', () => {
  // Made when this block runs: each runtime installs the Apps Script globals as its own.
  let rt: Runtime;
  let grid: unknown[][];
  beforeAll(() => {
    rt = workbookWithOrders(3000);
    rt.runAs('FULL', () => refreshKpiDashboard());
    grid = rt.runAs('FULL', () => sheet(rt, 'KPI Dashboard').getDataRange().getValues());
  });
  const weight = (row: number) =>
    rt.runAs('FULL', () =>
      sheet(rt, 'KPI Dashboard')
        .getRange(row + 1, 1)
        .getFontWeight(),
    );
  const rowOf = (test: (first: unknown) => boolean) => grid.findIndex((r) => test(r[0]));

  test('section headings are bold; the data headers the charts read are not', () => {
    const headings = [
      rowOf((v) => String(v).startsWith('KPI Dashboard — ')),
      rowOf((v) => v === 'Signals: is a change real, or noise?'),
      rowOf((v) => v === 'Pareto of reasons (Reason column of KPI Data)'),
      rowOf((v) => String(v).startsWith('Data quality: ')),
    ];
    expect(headings.every((r) => r >= 0)).toBe(true);
    expect(headings.map(weight)).toEqual(headings.map(() => 'bold'));
    const chartHeaders = grid.flatMap((r, i) => (r[0] === 'Month' || r[0] === 'Reason' ? [i] : []));
    expect(chartHeaders.length).toBeGreaterThanOrEqual(7);
    expect(chartHeaders.map(weight)).toEqual(chartHeaders.map(() => 'normal'));
  });

  test('run again on the same data: Data quality and Partner Performance are kept, only their generated line rewritten; after a change they are rebuilt', () => {
    const ids = () =>
      rt.runAs('FULL', () =>
        ['KPI Dashboard', 'Data quality', 'Partner Performance'].map((n) =>
          sheet(rt, n).getSheetId(),
        ),
      );
    const first = ids();
    const before = typedCells(rt, ['Data quality', 'Partner Performance']);
    // As if generated earlier: the line saying when is written again, nothing else.
    rt.runAs('FULL', () => {
      for (const n of ['Data quality', 'Partner Performance'])
        sheet(rt, n).getRange(2, 1).setValue('generated long ago');
    });
    rt.runAs('FULL', () => refreshKpiDashboard());
    const second = ids();
    expect(second[0]).not.toBe(first[0]);
    expect(second.slice(1)).toEqual(first.slice(1));
    const after = typedCells(rt, ['Data quality', 'Partner Performance']);
    expect(after.get('Data quality!R2C1')).toMatch(
      /^Rebuilt by every action that reads KPI Data \(\d{4}-\d\d-\d\d \d\d:\d\d/,
    );
    expect(after.get('Partner Performance!R2C1')).toMatch(/; generated \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(
      changedCells(before, after).filter(
        (c) => !/^(Data quality|Partner Performance)!R2C1:/.test(c),
      ),
    ).toEqual([]);
    // A new finding in KPI Data, fewer measured months: both tabs drawn anew.
    rt.runAs('FULL', () => {
      sheet(rt, 'KPI Data').getRange(2, 8).setValue('grade Z');
      const settings = sheet(rt, 'Settings');
      settings.getRange(settings.getLastRow() + 1, 1, 1, 2).setValues([['Measured months', 3]]);
    });
    rt.runAs('FULL', () => refreshKpiDashboard());
    const third = ids();
    expect(third[1]).not.toBe(second[1]);
    expect(third[2]).not.toBe(second[2]);
    const quality = rt.runAs('FULL', () => sheet(rt, 'Data quality').getDataRange().getValues());
    expect(quality.some((r) => r[3] === 'grade Z')).toBe(true);
  });
});
