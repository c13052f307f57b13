import { snapshotWorkbook } from '../../local/export/snapshot';
import {
  loadSampleData,
  refreshBenchmark,
  refreshKpiDashboard,
  scorePartners,
  setUpWorkbook,
} from '../../src/index';
import { KPI_DATA, workbookTabs } from '../../src/core/schema/tabs';
import { changedCells, installRuntime, sheet, typeInto, typedCells } from '../helpers/runtime';

describe('Set up workbook on the local runtime', () => {
  test('creates every tab of product.md with headers, frozen row, formats, dropdowns and header protection', () => {
    const rt = installRuntime();
    rt.runAs('FULL', () => setUpWorkbook());
    const names = rt.spreadsheet!.getSheets().map((s) => s.getName());
    for (const t of workbookTabs()) expect(names).toContain(t.name);
    const data = sheet(rt, 'KPI Data');
    expect(data.getRange(1, 1, 1, 14).getValues()[0]).toEqual([
      'Order ID',
      'Created',
      'Category',
      'Channel',
      'Kit sent',
      'Received',
      'Inspected',
      'Outcome',
      'Weight kg',
      'Erasure certificate',
      'Payout EUR',
      'Cost EUR',
      'CSAT',
      'Complaint',
    ]);
    expect(data.getFrozenRows()).toBe(1);
    expect(data.getRange('B2').getNumberFormat()).toBe('yyyy-mm-dd hh:mm');
    expect(data.getRange('H2').getDataValidation()!.getCriteriaValues()[0]).toEqual([
      'reused',
      'refurbished',
      'recycled',
      'returned',
      'lost',
      'rejected',
    ]);
    const partners = sheet(rt, 'Partners');
    expect(partners.getRange('B2').getDataValidation()!.getCriteriaValues()[0]).toEqual([
      'FR',
      'DE',
      'US',
      'UK',
      'ES',
    ]);
    expect(partners.getRange('D2').getDataValidation()!.getCriteriaValues()[0]).toContain(
      'data erasure',
    );
    const protections = partners.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    expect(protections).toHaveLength(1);
    expect(protections[0].isWarningOnly()).toBe(true);
    expect(protections[0].getRange().getA1Notation()).toMatch(/^A1:/);
    // Reference tabs seeded: 12 criteria, targets, factors; settings keys.
    expect(sheet(rt, 'Criteria').getLastRow()).toBe(13);
    expect(sheet(rt, 'KPI Targets').getLastRow()).toBeGreaterThan(5);
    expect(sheet(rt, 'Factors').getRange('C3').getValue()).toBe(24.6);
    // One line in Log: who, what.
    const log = sheet(rt, 'Log').getRange(2, 1, 1, 6).getValues()[0];
    expect(log[1]).toBe('ops@example.com');
    expect(log[2]).toBe('Set up workbook');
  });

  test('running it twice gives the same workbook (but for the Log line it appends)', () => {
    const rt = installRuntime();
    rt.runAs('FULL', () => setUpWorkbook());
    const first = snapshotWorkbook(rt.spreadsheet!);
    rt.runAs('FULL', () => setUpWorkbook());
    const second = snapshotWorkbook(rt.spreadsheet!);
    const strip = (s: typeof first) => JSON.stringify(s.sheets.filter((x) => x.name !== 'Log'));
    expect(strip(second)).toEqual(strip(first));
    expect(sheet(rt, 'Log').getLastRow()).toBe(3);
  });

  test('on a workbook with user data in every tab, no typed cell changes; missing columns are added and reported', () => {
    const rt = installRuntime();
    const risky = ['=1+1', '+33 6 12', '-5', '@team', "'quoted", '007', 'TRUE'];
    for (const t of workbookTabs()) {
      const headers = t.columns.map((c) => c.header);
      // Reordered, one renamed, one dropped: what people do to their tabs.
      const mine = [...headers.slice(1).reverse(), `${headers[0]} (mine)`];
      typeInto(rt, t.name, [
        mine,
        mine.map((_, j) => risky[j % risky.length]),
        mine.map((_, j) => (j % 2 ? 42 : new Date(Date.UTC(2026, 0, j + 1)))),
      ]);
    }
    typeInto(rt, 'Notes', [['my own tab'], ['=SUM(1,2)']]);
    const before = typedCells(rt);
    rt.ui.scriptResponses([{ button: 'OK' }]);
    rt.runAs('FULL', () => setUpWorkbook());
    rt.runAs('FULL', () => setUpWorkbook());
    rt.runAs('FULL', () => loadSampleData());
    const after = typedCells(rt);
    expect(changedCells(before, after)).toEqual([]);
    // The renamed first column is reported (not duplicated by a new empty one).
    const kpi = sheet(rt, 'KPI Data');
    expect(kpi.getLastColumn()).toBe(KPI_DATA.columns.length);
    const alert = rt.ui.alerts.find((a) =>
      a.prompt.includes("KPI Data: column 'Order ID' is missing"),
    );
    expect(alert?.prompt).toMatch(
      /'Order ID \(mine\)' in column Q looks like it: rename it to 'Order ID'/,
    );
    // Sample data never lands on a tab that holds data.
    expect(kpi.getLastRow()).toBe(3);
  });

  test('leaves the generated tabs exactly as their actions drew them', () => {
    const rt = installRuntime();
    rt.runAs('FULL', () => loadSampleData());
    for (const action of [scorePartners, refreshKpiDashboard, refreshBenchmark])
      rt.runAs('FULL', action);
    const generated = ['Benchmark', 'KPI Dashboard', 'Partner Ranking'];
    const before = typedCells(rt, generated);
    rt.runAs('FULL', () => setUpWorkbook());
    expect(changedCells(before, typedCells(rt, generated))).toEqual([]);
    expect(typedCells(rt, generated).size).toBe(before.size);
    expect(rt.ui.alerts.slice(-1)[0]?.prompt ?? '').not.toMatch(/Benchmark: column/);
  });

  test('formula-looking text written by the add-on stays text', () => {
    const rt = installRuntime();
    typeInto(rt, 'Settings', [
      ['Key', 'Value', 'Notes'],
      ['=HYPERLINK("x")', '-1', '+1'],
    ]);
    rt.runAs('FULL', () => setUpWorkbook());
    const settings = sheet(rt, 'Settings');
    const formulas = settings
      .getRange(1, 1, settings.getLastRow(), 3)
      .getFormulas()
      .flat()
      .filter(Boolean);
    expect(formulas).toEqual(['=HYPERLINK("x")']); // the person's own formula, and no other
  });
});
