/**
 * Issue 18 through the built bundle: CIRC_CONTROL_LIMITS on a published example, the two new KPIs
 * through CIRC_KPI, and the dashboard's Signal column, Signals section and Pareto charts after
 * the menu's Load sample data.
 */
import * as path from 'node:path';
import { createRuntime } from '../../local/runtime';
import { loadBundle } from '../../local/load-bundle';
import { fixtureGrid } from '../core/kpi/fixture';

const DIST = path.resolve(__dirname, '../../dist');

describe('issue 18 from the bundle', () => {
  test('CIRC_CONTROL_LIMITS: qcc 2.7 orange-juice p chart (Montgomery), samples 15 and 23 beyond the UCL', () => {
    const rt = createRuntime({ now: new Date(Date.UTC(2026, 10, 26)) });
    const bundle = loadBundle(rt, DIST);
    const d = [
      12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12,
      7, 13, 9, 6,
    ];
    const out = bundle.runCustomFunction(
      'CIRC_CONTROL_LIMITS',
      d.map((x) => [x / 50]),
      'p',
      d.map(() => [50]),
    ) as (number | string)[][];
    expect(out[0][0]).toBeCloseTo(0.2313333, 7);
    expect(out[0][1]).toBeCloseTo(0.05242755, 8);
    expect(out[0][2]).toBeCloseTo(0.4102391, 7);
    expect(
      out.map((r, i) => (String(r[3]).split(',').includes('1') ? i + 1 : 0)).filter(Boolean),
    ).toEqual([15, 23]);
    const err = bundle.runCustomFunction('CIRC_CONTROL_LIMITS', [[0.2], [0.3]], 'p') as {
      error: string;
    };
    expect(err.error).toMatch(/^CIRC_CONTROL_LIMITS: sizes: expected one size per value/);
  });

  test('CIRC_KPI answers payout_per_device and inspection_lead_time_median', () => {
    const rt = createRuntime({ now: new Date(Date.UTC(2026, 10, 26)) });
    const bundle = loadBundle(rt, DIST);
    expect(
      bundle.runCustomFunction('CIRC_KPI', 'payout_per_device', '2026-10', fixtureGrid()),
    ).toBe(38);
    expect(
      bundle.runCustomFunction('CIRC_KPI', 'inspection_lead_time_median', '2026-10', fixtureGrid()),
    ).toBe(1);
  });

  test('the dashboard after Load sample data: a signal for the reuse rate, seeded targets for the new KPIs, the Paretos', () => {
    const rt = createRuntime({ now: new Date(Date.UTC(2026, 10, 26, 9)) });
    const bundle = loadBundle(rt, DIST);
    bundle.open('FULL');
    for (const caption of ['Set up workbook', 'Load sample data', 'Refresh KPI dashboard'])
      bundle.clickMenu(caption);
    const s = rt.spreadsheet!.getSheetByName('KPI Dashboard')!;
    const rows = s.getDataRange().getValues();
    const header = rows[3];
    const signal = header.findIndex((h) => String(h).startsWith('Signal ('));
    const row = (label: string) => rows.find((r) => r[0] === label)!;
    expect(row('Reuse rate')[signal]).toMatch(/^improvement \(rules? \d/);
    // The dashboard ends with the last complete month, October, which is judged.
    expect(header[signal]).toBe('Signal (2026-10)');
    expect(row('Payout per device')[2]).toBe(50);
    expect(row('Inspection lead time, median')[2]).toBe(3);
    const text = rows.map((r) => r.join(' | ')).join('\n');
    expect(text).toMatch(/Reuse rate 2026-10 .*: a real improvement, not noise/);
    expect(s.getCharts().map((c) => c.getOptions().get('title'))).toEqual(
      expect.arrayContaining([
        'Reuse rate: control chart (p chart)',
        'Pareto: why orders were not reused',
      ]),
    );
  });
});
