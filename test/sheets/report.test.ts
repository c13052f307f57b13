/**
 * Generate report on the local runtime: the tab's sections and figures (checked against the KPI
 * engine and the Partners tab that Score partners wrote), idempotent reruns, the prompt, empty
 * workbooks, typed cells untouched, and service calls independent of the data size.
 */
import { MAX_BENCHMARK_ROWS, SECTIONS } from '../../src/core/report/layout';
import { snapshotWorkbook } from '../../local/export/snapshot';
import { Cell, Grid } from '../../src/core/cells';
import { alignRows } from '../../src/core/align';
import { computeKpis } from '../../src/core/kpi/engine';
import { parseFactors } from '../../src/core/kpi/factors';
import { lastCompleteMonth } from '../../src/core/kpi/months';
import { parseOrders } from '../../src/core/kpi/orders';
import { parseTargets, scorecard, scorecardMonths } from '../../src/core/kpi/targets';
import { samplePartners } from '../../src/core/sample/partners';
import { sampleOrderGrid } from '../../src/core/sample/orders';
import { PARTNER_INPUT_COLUMNS } from '../../src/core/schema/tabs';
import { CRITERIA_SEED } from '../../src/core/seed/criteria';
import { scorePartners, setUpWorkbook } from '../../src/index';
import { benchmarkHighlights } from '../../src/core/benchmark/highlights';
import { importBenchmarkSeed } from '../../src/sheets/benchmark';
import { readBenchmark } from '../helpers/benchmark-read';
import { generateReportAction, generateReportFromMenu } from '../../src/sheets/report';
import { reportRuntime, run, sampleWorkbook } from '../core/report/fixture';
import { actionContext } from '../helpers/action';
import { changedCells, sheet, typedCells } from '../helpers/runtime';
import { Runtime } from '../../local/runtime';
import { FakeEmbeddedChart } from '../../local/spreadsheet';

const NOW = new Date();
const MONTH = lastCompleteMonth(NOW, 'Europe/Paris');
const TAB = `Report ${MONTH}`;

function values(rt: Runtime, name: string): Grid {
  return rt.runAs('FULL', () => sheet(rt, name).getDataRange().getValues());
}

/** The rows of a section: from its heading to the next blank row. */
function section(grid: Grid, title: string): Grid {
  const start = grid.findIndex((r) => r[0] === title);
  expect(start).toBeGreaterThan(0);
  const end = grid.findIndex((r, i) => i > start && r.every((c) => c === ''));
  return grid.slice(start + 1, end < 0 ? undefined : end);
}

/** Leaves every `Benchmark XX` tab with its header row only (setup may seed facts). */
function emptyBenchmarkTabs(rt: Runtime): void {
  rt.runAs('FULL', () => {
    for (const s of rt.spreadsheet!.getSheets()) {
      if (/^Benchmark [A-Z]{2}$/.test(s.getName()) && s.getLastRow() > 1)
        s.getRange(2, 1, s.getLastRow() - 1, s.getMaxColumns()).clearContent();
    }
  });
}

function tabNames(rt: Runtime): string[] {
  return rt.spreadsheet!.getSheets().map((s) => s.getName());
}

describe('Generate report', () => {
  const rt = sampleWorkbook(NOW);
  rt.ui.scriptResponses([{ button: 'OK', text: MONTH }]);
  rt.runAs('FULL', () => generateReportFromMenu());
  const grid = values(rt, TAB);

  test('asks for the period, builds the tab, tells the person and logs the action', () => {
    expect(rt.ui.prompts[0].prompt).toMatch(
      /a month \(e\.g\. 2026-10\) or a quarter \(e\.g\. 2026-Q3\)\.\nLeave blank for \d{4}-\d\d/,
    );
    expect(tabNames(rt).filter((n) => n === TAB)).toHaveLength(1);
    expect(rt.toasts.map((t) => t.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Reading the workbook for /),
        expect.stringMatching(/^Drawing 'Report /),
      ]),
    );
    const log = values(rt, 'Log');
    expect(log[log.length - 1].slice(1, 3)).toEqual(['ops@example.com', 'Generate report…']);
    expect(log[log.length - 1][3]).toBeGreaterThan(3000);
  });

  test('header: scope, exact period, generated when and by whom', () => {
    expect(grid[0][0]).toMatch(/^Circularity report — \w+ \d{4}$/);
    expect(grid[1].slice(0, 2)).toEqual(['Scope', 'Recycling service France']);
    expect(grid[2][1]).toMatch(
      new RegExp(`: ${MONTH}-01 to ${MONTH}-(28|29|30|31) \\(Europe/Paris\\)$`),
    );
    expect(grid[3][1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d \(Europe\/Paris\) by ops@example\.com$/);
  });

  test('every section is there', () => {
    for (const title of Object.values(SECTIONS))
      expect(grid.some((r) => r[0] === title)).toBe(true);
    expect(section(grid, SECTIONS.summary).length).toBeGreaterThanOrEqual(4);
    expect(section(grid, SECTIONS.benchmark).map((r) => r[0])).toEqual(
      expect.arrayContaining(['Best practices', 'Facts due for review']),
    );
    expect(section(grid, SECTIONS.quality)[0][0]).toMatch(
      /^KPI Data: 3000 order\(s\) read\. Data quality: 5 finding\(s\) on 5 order\(s\) of KPI Data — 1 order\(s\) left out of every KPI, 4 kept/,
    );
  });

  test('KPI table = the scorecard of the KPI engine over KPI Data, with SPARKLINE formulas and RAG colours', () => {
    const rows = section(grid, SECTIONS.kpis);
    const header = rows[0];
    expect(header.slice(0, 9)).toEqual([
      'KPI',
      'Unit',
      'Actual',
      'Target',
      'Variance',
      'RAG',
      'Previous period',
      'Year to date',
      '6-month trend',
    ]);
    const data = values(rt, 'KPI Data');
    const orders = parseOrders(data, { timeZone: 'Europe/Paris' });
    const targets = parseTargets(values(rt, 'KPI Targets'));
    const factors = parseFactors(values(rt, 'Factors'));
    const result = computeKpis(orders.orders, {
      timeZone: 'Europe/Paris',
      months: scorecardMonths(MONTH),
      factors,
    });
    const card = scorecard(result, MONTH, targets);
    const blank = (v: number | null) => (v === null ? '' : v);
    card.forEach((k, i) => {
      const line = rows[1 + i];
      expect(line[0]).toBe(k.label);
      expect(line[2]).toBeCloseTo((k.actual ?? NaN) as number, 9);
      expect([line[3], line[5], line[7]]).toEqual([blank(k.target), k.rag ?? '', blank(k.ytd)]);
      expect(line[6]).toEqual(blank(k.previous));
      expect(line.slice(9, 15)).toEqual(k.trend.map(blank));
    });
    const start = grid.findIndex((r) => r[0] === header[0] && r[1] === 'Unit') + 2;
    const tab = sheet(rt, TAB);
    const formulas = rt.runAs('FULL', () => tab.getRange(start, 9, card.length, 1).getFormulas());
    expect(formulas[0][0]).toBe(`=SPARKLINE(J${start}:O${start})`);
    const all = rt.runAs('FULL', () => tab.getDataRange().getFormulas().flat().filter(Boolean));
    expect(all).toHaveLength(card.length);
    expect(all.every((f) => f.startsWith('=SPARKLINE('))).toBe(true);
    const red = card.findIndex((k) => k.rag === 'red');
    if (red >= 0)
      expect(rt.runAs('FULL', () => tab.getRange(start + red, 6).getBackground())).toBe('#f4c7c3');
  });

  test('six native charts over their data blocks: volumes, reuse rate, disposition mix, lead time and the two Paretos', () => {
    const charts = rt.runAs('FULL', () => sheet(rt, TAB).getCharts());
    // Issue 18 added the two Pareto charts (combo: bars and a cumulative line).
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual([
      'Monthly volumes: requested vs received',
      'Reuse rate vs target',
      'Disposition mix (inspected devices)',
      'Lead time, days: median and P90',
      'Pareto: why orders were not reused',
      'Pareto: what complaints were about',
    ]);
    const firstBlock = rt.runAs('FULL', () => charts[0].getRanges()[0].getValues());
    expect(firstBlock[0]).toEqual(['Month', 'Requested', 'Received']);
    expect(firstBlock[firstBlock.length - 1][0]).toBe(MONTH);
    // Axis titles and formats in the forms embedded charts honour (a vAxis object is ignored).
    const axes = rt.runAs('FULL', () =>
      charts.map((c) => {
        const o = c.getOptions();
        return [o.get('hAxis.title'), o.get('vAxes.0.title'), o.get('vAxes.0.format')];
      }),
    );
    expect(axes).toEqual([
      ['Month', 'orders', 'decimal'],
      ['Month', 'share of inspected devices', 'percent'],
      ['Month', 'devices', 'decimal'],
      ['Month', 'days', 'decimal'],
      ['Reason', 'orders', 'decimal'],
      ['Reason', 'orders', 'decimal'],
    ]);
    const pareto = rt.runAs('FULL', () => charts[4].getRanges()[0].getValues());
    expect(pareto[0]).toEqual(['Reason', 'Orders', 'Cumulative share']);
    expect(pareto[pareto.length - 1][2]).toBeCloseTo(1, 12);
    expect(charts.flatMap((c) => (c as unknown as FakeEmbeddedChart).ignoredOptions)).toEqual([]);
  });

  test('signals of the period, in words, coloured by their direction', () => {
    const rows = section(grid, SECTIONS.signals);
    expect(rows[0][0]).toMatch(/^(\d+ signal\(s\) in|No signal in) \w+ \d{4}/);
    const lines = rows.filter((r) => /not noise$/.test(String(r[0])));
    for (const l of lines) expect(String(l[0])).toContain(` ${MONTH} `);
    // The sample's better refurbishment partner works over the last four months: a signal.
    expect(lines.map((l) => l[0]).join('\n')).toMatch(
      /^Reuse rate .* a real improvement, not noise$/m,
    );
  });

  test('the Paretos of the period: reasons, most frequent first, cumulative share up to 100 %', () => {
    const start = grid.findIndex((r) => r[0] === SECTIONS.pareto);
    const rows = grid.slice(
      start + 1,
      grid.findIndex((r) => r[0] === SECTIONS.charts),
    );
    expect(rows[0][0]).toBe('Pareto: why orders were not reused');
    expect(rows[1][0]).toMatch(/^\d+ order\(s\) not reused in \w+ \d{4} with a reason/);
    expect(rows[2].slice(0, 4)).toEqual(['Reason', 'Orders', 'Share', 'Cumulative share']);
    const table = rows.slice(
      3,
      rows.findIndex((r, i) => i > 3 && r[0] === 'Pareto: what complaints were about'),
    );
    const counts = table.map((r) => r[1] as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(table[table.length - 1][3]).toBeCloseTo(1, 12);
  });

  test('breakdown by category adds up to the requests of the period', () => {
    const rows = section(grid, SECTIONS.categories).slice(1);
    const requests = section(grid, SECTIONS.kpis)[1][2];
    expect(rows.reduce((n, r) => n + (r[1] as number), 0)).toBe(requests);
  });

  test('partner shortlist = the top 3 passing partners per country × type of the Partners tab Score partners wrote', () => {
    const partners = values(rt, 'Partners');
    const h = partners[0];
    const col = (name: string) => h.indexOf(name);
    const rows = section(grid, SECTIONS.shortlist).slice(2); // note line, then header
    const groups = new Map<string, Cell[][]>();
    for (const p of partners.slice(1)) {
      if (typeof p[col('Score')] !== 'number') continue;
      const key = `${p[col('Country')]}|${p[col('Partner type')]}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const [key, members] of groups) {
      const [country, type] = key.split('|');
      const shown = rows.filter((r) => r[0] === country && r[1] === type);
      const passing = members
        .filter((p) => p[col('Knock-out')] === '')
        .sort((a, b) => (b[col('Score')] as number) - (a[col('Score')] as number));
      expect(shown.filter((r) => r[2] !== 'knocked out').map((r) => r[3])).toEqual(
        passing.slice(0, 3).map((p) => p[col('Partner')]),
      );
      for (const r of shown) {
        const p = members.find((m) => m[col('Partner')] === r[3])!;
        expect(r[5]).toBeCloseTo(p[col('Score')] as number, 12);
        expect(r[7]).toBe(p[col('Knock-out')]);
      }
    }
    expect(rows.some((r) => r[2] === 'knocked out' && r[7] !== '')).toBe(true);
  });

  test('running it again for the same period leaves one tab with the same content', () => {
    const again = sampleWorkbook(NOW);
    run(again, 'Generate report', (ctx) => generateReportAction(ctx, MONTH, NOW));
    // A rebuilt tab is a new tab: its sheet id and chart ids change, nothing else may.
    const content = () => {
      const tab = snapshotWorkbook(again.spreadsheet!).sheets.find((s) => s.name === TAB)!;
      return JSON.stringify({ ...tab, sheetId: 0 }).replace(/"id":\d+/g, '"id":0');
    };
    const first = content();
    const charts = again.runAs('FULL', () => sheet(again, TAB).getCharts().length);
    run(again, 'Generate report', (ctx) => generateReportAction(ctx, MONTH, NOW));
    run(again, 'Generate report', (ctx) => generateReportAction(ctx, '', NOW));
    expect(tabNames(again).filter((n) => n.startsWith('Report '))).toEqual([TAB]);
    expect(content()).toEqual(first);
    expect(again.runAs('FULL', () => sheet(again, TAB).getCharts().length)).toBe(charts);
  });
});

describe('Generate report: the prompt and bad periods', () => {
  test('Cancel does nothing: no tab, no Log line, no toast', () => {
    const rt = sampleWorkbook(NOW);
    const logRows = values(rt, 'Log').length;
    const toasts = rt.toasts.length;
    rt.ui.scriptResponses([{ button: 'CANCEL' }]);
    rt.runAs('FULL', () => generateReportFromMenu());
    expect(tabNames(rt).some((n) => n.startsWith('Report'))).toBe(false);
    expect(values(rt, 'Log')).toHaveLength(logRows);
    expect(rt.toasts).toHaveLength(toasts);
  });

  test('a quarter gets its own tab', () => {
    const rt = sampleWorkbook(NOW);
    run(rt, 'Generate report', (ctx) => generateReportAction(ctx, '2026-Q2', NOW));
    const grid = values(rt, 'Report 2026-Q2');
    expect(grid[2][1]).toBe(
      'Q2 2026 (April to June 2026): 2026-04-01 to 2026-06-30 (Europe/Paris)',
    );
  });

  test('an unreadable period is refused with a clear message and a Log line; nothing is built', () => {
    const rt = sampleWorkbook(NOW);
    rt.ui.scriptResponses([{ button: 'OK', text: 'sometime' }]);
    rt.runAs('FULL', () => generateReportFromMenu());
    expect(rt.ui.alerts[rt.ui.alerts.length - 1].prompt).toMatch(
      /^"sometime" is not a period\. Type a month such as 2026-10/,
    );
    expect(tabNames(rt).some((n) => n.startsWith('Report'))).toBe(false);
    const log = values(rt, 'Log');
    expect(log[log.length - 1][5]).toMatch(/^FAILED: "sometime" is not a period/);
  });

  test('a bad Default period in Settings is named with its cell', () => {
    const rt = sampleWorkbook(NOW);
    rt.runAs('FULL', () => {
      const s = sheet(rt, 'Settings');
      const row =
        s
          .getRange(1, 1, s.getLastRow(), 1)
          .getValues()
          .findIndex((r) => r[0] === 'Default period') + 1;
      s.getRange(row, 2).setValue('whenever');
    });
    run(rt, 'Generate report', (ctx) => generateReportAction(ctx, '', NOW));
    expect(rt.ui.alerts[rt.ui.alerts.length - 1].prompt).toMatch(
      /^Settings, row \d+, column B \('Default period'\): "whenever" is not a period/,
    );
  });
});

describe('Generate report: benchmark highlights', () => {
  test('best practices and facts due for review come from the benchmark tabs', () => {
    const rt = sampleWorkbook(NOW);
    rt.runAs('FULL', () => importBenchmarkSeed(actionContext(rt, NOW)));
    run(rt, 'Generate report', (ctx) => generateReportAction(ctx, MONTH, NOW));
    const rows = section(values(rt, TAB), SECTIONS.benchmark);
    const expected = rt.runAs('FULL', () => {
      const ss = rt.spreadsheet! as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
      const read = readBenchmark(ss, ss.getSpreadsheetTimeZone());
      // The days of the report are the spreadsheet's days (src/sheets/report-benchmark.ts).
      return benchmarkHighlights(
        read.model,
        NOW,
        read.stalenessMonths,
        ss.getSpreadsheetTimeZone(),
      );
    });
    expect(expected.bestPractices.length + expected.dueForReview.length).toBeGreaterThan(0);
    const best = rows.slice(
      rows.findIndex((r) => r[0] === 'Best practices') + 2,
      rows.findIndex((r) => r[0] === 'Facts due for review'),
    );
    expect(best.map((r) => r.slice(0, 4))).toEqual(
      expected.bestPractices.map((b) => [b.country, b.topic, b.text, b.source]),
    );
    const due = rows.slice(rows.findIndex((r) => r[0] === 'Facts due for review') + 2);
    // The tab lists the first MAX_BENCHMARK_ROWS and says how many more there are.
    const listed = expected.dueForReview.slice(0, MAX_BENCHMARK_ROWS);
    expect(due.slice(0, listed.length).map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual(
      listed.map((d) => [d.country, d.tab, d.row, d.topic, d.reason]),
    );
    const more = expected.dueForReview.length - listed.length;
    if (more > 0)
      expect(due[listed.length][0]).toBe(
        `… and ${more} more: the Benchmark tab counts them per country.`,
      );
  });
});

describe('Generate report on empty or unusual workbooks', () => {
  test('a set-up workbook with no data: every section says what is missing', () => {
    const rt = reportRuntime(NOW);
    rt.runAs('FULL', () => setUpWorkbook());
    emptyBenchmarkTabs(rt);
    run(rt, 'Generate report', (ctx) => generateReportAction(ctx, MONTH, NOW));
    const grid = values(rt, TAB);
    expect(section(grid, SECTIONS.summary)[0][0]).toMatch(/^KPI Data holds no orders/);
    expect(section(grid, SECTIONS.kpis)[0][0]).toBe(
      'KPI Data holds no orders yet: every figure below is empty.',
    );
    expect(section(grid, SECTIONS.categories)[0][0]).toMatch(/^No order in /);
    expect(section(grid, SECTIONS.shortlist)[0][0]).toMatch(/^No partner scored yet/);
    expect(section(grid, SECTIONS.benchmark)[0][0]).toMatch(/^No benchmark data yet/);
    expect(rt.runAs('FULL', () => sheet(rt, TAB).getCharts().length)).toBe(6);
  });

  test('a workbook without the tabs: still a report, saying which tabs are missing', () => {
    const rt = reportRuntime(NOW);
    run(rt, 'Generate report', (ctx) => generateReportAction(ctx, MONTH, NOW));
    const quality = section(values(rt, TAB), SECTIONS.quality).map((r) => r[0]);
    expect(quality).toEqual(
      expect.arrayContaining([
        "The tab 'KPI Data' is missing: run Circularity Workbench › Set up workbook.",
        "The tab 'Partners' is missing: run Circularity Workbench › Set up workbook.",
      ]),
    );
  });

  test('never changes a typed cell; formula-looking names stay text', () => {
    const rt = sampleWorkbook(NOW);
    rt.runAs('FULL', () => {
      const p = sheet(rt, 'Partners');
      const header = p.getRange(1, 1, 1, p.getLastColumn()).getValues()[0];
      const row = header.map((h) =>
        h === 'Partner'
          ? '=IMPORTXML("https://evil.example","//a")'
          : h === 'Country'
            ? 'FR'
            : h === 'Category'
              ? 'laptop'
              : h === 'Partner type'
                ? 'recycling'
                : CRITERIA_SEED.some((c) => c.id === h)
                  ? 5
                  : '',
      );
      p.getRange(p.getLastRow() + 1, 1, 1, row.length).setValues([row]);
    });
    const before = typedCells(rt);
    run(rt, 'Generate report', (ctx) => generateReportAction(ctx, MONTH, NOW));
    const after = typedCells(rt);
    expect(changedCells(before, after).filter((c) => !c.startsWith('Log!'))).toEqual([]);
    const grid = values(rt, TAB);
    expect(grid.some((r) => r[3] === '=IMPORTXML("https://evil.example","//a")')).toBe(true);
    const formulas = rt.runAs('FULL', () =>
      sheet(rt, TAB).getDataRange().getFormulas().flat().filter(Boolean),
    );
    expect(formulas.every((f) => f.startsWith('=SPARKLINE('))).toBe(true);
  });
});

describe('Generate report: service calls do not grow with the data', () => {
  /** A set-up workbook holding `orders` sample orders and `partners` sample partners, scored. */
  function workbook(orders: number, partners: number): Runtime {
    const rt = reportRuntime(NOW);
    rt.runAs('FULL', () => {
      setUpWorkbook();
      const kpi = sheet(rt, 'KPI Data');
      const grid = sampleOrderGrid(orders, NOW);
      kpi.insertRowsAfter(kpi.getMaxRows(), grid.length);
      kpi.getRange(1, 1, grid.length, grid[0].length).setValues(grid);
      const p = sheet(rt, 'Partners');
      const header = p.getRange(1, 1, 1, p.getLastColumn()).getValues()[0];
      const sample = samplePartners(CRITERIA_SEED, partners, 7, NOW).partners;
      const rows = alignRows(
        [...PARTNER_INPUT_COLUMNS.map((c) => c.header), ...CRITERIA_SEED.map((c) => c.id)],
        sample,
        header,
      ).rows;
      p.insertRowsAfter(p.getMaxRows(), rows.length);
      p.getRange(2, 1, rows.length, rows[0].length).setValues(rows);
      scorePartners();
    });
    return rt;
  }

  function calls(rt: Runtime): Record<string, number> {
    rt.ctx.resetCalls();
    run(rt, 'Generate report', (ctx) => generateReportAction(ctx, MONTH, NOW));
    expect(rt.spreadsheet!.getSheetByName(TAB)).not.toBeNull();
    return rt.ctx.callsByMethod();
  }

  test('100,000 orders and 5,000 partners: the same calls as the sample data', () => {
    const small = calls(sampleWorkbook(NOW));
    const big = workbook(100_000, 5_000);
    const bigCalls = calls(big);
    expect(bigCalls).toEqual(small);
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(total(bigCalls)).toBe(total(small));
    expect(
      values(big, TAB).some(
        (r) =>
          r[0] ===
          'KPI Data: 100000 order(s) read. Data quality: 5 finding(s) on 5 order(s) of KPI Data — 1 order(s) left out of every KPI, 4 kept with the unreadable field(s) blanked.',
      ),
    ).toBe(true);
  });
});
