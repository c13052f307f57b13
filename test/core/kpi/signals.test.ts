/** KPI signals: which chart each KPI is on, the exclusions (partial month, maturing cohorts), the words. */
import { computeKpis } from '../../../src/core/kpi/engine';
import { monthRange } from '../../../src/core/kpi/months';
import { Order } from '../../../src/core/kpi/orders';
import { KPIS } from '../../../src/core/kpi/registry';
import {
  chartOf,
  kpiMonthlySeries,
  kpiSignals,
  signalCell,
  signalText,
} from '../../../src/core/kpi/signals';
import { controlLimits } from '../../../src/core/spc/control-limits';

const t = (month: string, day = 10) =>
  Date.parse(`${month}-${String(day).padStart(2, '0')}T10:00:00Z`);

/** n orders created, received 5 days later and inspected the day after, `reused` of them reused. */
function month(m: string, n: number, reused: number, start = 0): Order[] {
  return Array.from({ length: n }, (_, i) => ({
    row: start + i + 2,
    id: `${m}-${i}`,
    created: t(m, 2),
    category: 'smartphone',
    channel: 'mail-in kit',
    kitSent: t(m, 3),
    received: t(m, 7),
    inspected: t(m, 8),
    outcome: i < reused ? 'refurbished' : 'recycled',
    weightKg: 0.2,
    erasure: true,
    payoutEur: i < reused ? 80 : 0,
    costEur: 15,
    csat: null,
    complaint: false,
    reason: i < reused ? '' : 'Screen cracked',
  }));
}

const MONTHS = monthRange('2025-11', '2026-10');
/** Reuse 60 % for 11 months, then 90 % in October (100 inspected each month). */
const ORDERS = MONTHS.flatMap((m, k) => month(m, 100, m === '2026-10' ? 90 : 60, k * 100));
const result = computeKpis(ORDERS, { timeZone: 'UTC', months: MONTHS });
const model = (newest: number, partialLast = false) =>
  kpiSignals({ result, months: MONTHS, newest, partialLast, timeZone: 'UTC' });

describe('KPI signals', () => {
  test('shares on a p chart (complaints as a share of requests), the rest on an individuals chart', () => {
    const p = KPIS.filter((k) => chartOf(k.id) === 'p').map((k) => k.id);
    expect(p).toEqual([
      'conversion',
      'reuse_rate',
      'recycle_rate',
      'erasure_coverage',
      'complaints_per_1000',
      'lost_rate',
    ]);
  });

  test('each month its own denominator; the same limits CIRC_CONTROL_LIMITS gives', () => {
    const m = model(t('2026-12', 20));
    const reuse = m.kpis.find((k) => k.id === 'reuse_rate')!;
    const rows = controlLimits(
      reuse.points.map((p) => p.value),
      'p',
      MONTHS.map(() => 100),
    );
    reuse.points.forEach((p, i) => {
      expect(p.centre).toBeCloseTo(rows[i]!.centre, 12);
      expect(p.upper).toBeCloseTo(rows[i]!.upper, 12);
      expect(p.rules).toEqual(rows[i]!.rules);
    });
    expect(m.signals.map((s) => s.text)).toContain(
      'Reuse rate 2026-10 above its upper control limit (rule 1): a real improvement, not noise',
    );
    // Recycle rate is lower-is-better: the same month, below its lower limit, is an improvement too.
    expect(m.signals.find((s) => s.id === 'recycle_rate' && s.month === '2026-10')).toMatchObject({
      side: -1,
      improvement: true,
    });
    expect(signalCell(reuse, m.latestComplete)).toBe('improvement (rule 1)');
  });

  test('a partial last month is shown with limits but raises no signal, stays out of the baseline, and says why', () => {
    const m = model(t('2026-10', 20), true);
    const reuse = m.kpis.find((k) => k.id === 'reuse_rate')!;
    const oct = reuse.points[11];
    expect(oct.value).toBeCloseTo(0.9, 12);
    expect(oct.excluded).toBe('partial');
    expect(oct.rules).toEqual([]);
    expect(oct.upper).not.toBeNull();
    expect(reuse.points[0].centre).toBeCloseTo(0.6, 12);
    expect(m.signals.filter((s) => s.month === '2026-10')).toEqual([]);
    expect(m.latestComplete).toBe('2026-09');
    expect(m.notes[0]).toMatch(/^2026-10 is partial .*raises no signal/);
    expect(signalCell(reuse, '2026-10')).toBe('not judged: partial month');
  });

  test('cohort KPIs (conversion, lost rate) of months still maturing raise no signal; the others do', () => {
    // Lead times are 5 days: a cohort is mature 5 days after its month ends.
    const m = model(t('2026-11', 3));
    expect(m.maturityDays).toBe(5);
    const conv = m.kpis.find((k) => k.id === 'conversion')!;
    expect(conv.points[11].excluded).toBe('maturing');
    expect(conv.points[10].excluded).toBeNull();
    expect(m.kpis.find((k) => k.id === 'reuse_rate')!.points[11].excluded).toBeNull();
    expect(m.notes.join(' ')).toMatch(
      /Conversion \(request to receipt\) and Lost rate of 2026-10: cohorts still maturing \(devices keep arriving up to 5 days/,
    );
    expect(signalCell(conv, '2026-10')).toBe('not judged: cohort still maturing');
    expect(
      model(t('2026-11', 10)).kpis.find((k) => k.id === 'conversion')!.points[11].excluded,
    ).toBeNull();
  });

  test('the words: every rule, both sides, the direction deciding improvement or deterioration', () => {
    expect(signalText('Lead time, median', '2026-03', [2, 4], 1, false)).toBe(
      'Lead time, median 2026-03 two of the last three months beyond 2σ above the centre line; eight months in a row above the centre line (rules 2, 4): a real deterioration, not noise',
    );
    expect(signalText('Reuse rate', '2026-05', [3], -1, false)).toBe(
      'Reuse rate 2026-05 four of the last five months beyond 1σ below the centre line (rule 3): a real deterioration, not noise',
    );
  });

  test('a subset of orders gives its own monthly series with sizes (for partner performance)', () => {
    const series = kpiMonthlySeries(ORDERS.slice(0, 150), { timeZone: 'UTC', months: MONTHS });
    const reuse = series.find((s) => s.id === 'reuse_rate')!;
    expect(reuse.chart).toBe('p');
    expect(reuse.sizes.slice(0, 3)).toEqual([100, 50, null]);
    expect(reuse.values[2]).toBeNull();
    const lead = series.find((s) => s.id === 'lead_time_median')!;
    expect(lead.chart).toBe('xmr');
    expect(lead.values[0]).toBeCloseTo(5, 12);
    expect(series.find((s) => s.id === 'complaints_per_1000')!.scale).toBe(1000);
  });
});
