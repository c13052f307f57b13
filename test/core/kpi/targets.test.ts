import { Grid } from '../../../src/core/cells';
import { computeKpis } from '../../../src/core/kpi/engine';
import { FACTORS_SEED, parseFactors } from '../../../src/core/kpi/factors';
import { parseOrders } from '../../../src/core/kpi/orders';
import { KPI_IDS } from '../../../src/core/kpi/registry';
import { KPI_TARGETS_SEED } from '../../../src/core/kpi/targets-seed';
import {
  KPI_TARGETS_HEADERS,
  KpiTarget,
  parseDirection,
  parseTargets,
  ragStatus,
  scorecard,
  scorecardMonths,
  toleranceWidth,
} from '../../../src/core/kpi/targets';
import { fixtureGrid } from './fixture';

const t = (target: number, direction: 'higher' | 'lower', tol: number): KpiTarget => ({
  kpi: 'reuse_rate',
  target,
  direction,
  tolerance: { kind: 'absolute', value: tol },
  owner: '',
  row: 2,
});

describe('RAG', () => {
  test('higher is better: green at or above, amber within the tolerance, red beyond', () => {
    const x = t(0.7, 'higher', 0.05);
    expect(ragStatus(0.72, x)).toBe('green');
    expect(ragStatus(0.7, x)).toBe('green');
    expect(ragStatus(0.66, x)).toBe('amber');
    expect(ragStatus(0.65, x)).toBe('amber'); // on the edge (0.7 − 0.05 is 0.6499… in floating point)
    expect(ragStatus(0.64, x)).toBe('red');
  });

  test('lower is better', () => {
    const x = t(10, 'lower', 2);
    expect(ragStatus(9, x)).toBe('green');
    expect(ragStatus(10, x)).toBe('green');
    expect(ragStatus(11.5, x)).toBe('amber');
    expect(ragStatus(12, x)).toBe('amber');
    expect(ragStatus(12.01, x)).toBe('red');
  });

  test('no tolerance: green or red; no value or no target: no RAG', () => {
    expect(ragStatus(0.69, t(0.7, 'higher', 0))).toBe('red');
    expect(ragStatus(null, t(0.7, 'higher', 0.05))).toBeNull();
    expect(ragStatus(0.5, undefined)).toBeNull();
    expect(ragStatus(0.5, { ...t(0.7, 'higher', 0), target: null })).toBeNull();
  });

  test('a tolerance written "10% of target" is relative to the target', () => {
    const x: KpiTarget = {
      ...t(18, 'lower', 0),
      kpi: 'cost_per_device',
      tolerance: { kind: 'relative', fraction: 0.1 },
    };
    expect(toleranceWidth(x)).toBeCloseTo(1.8, 12);
    expect(ragStatus(19.8, x)).toBe('amber');
    expect(ragStatus(19.9, x)).toBe('red');
  });
});

describe('parseTargets', () => {
  test('the seed: every target with direction, tolerance and owner', () => {
    const { targets, issues } = parseTargets(KPI_TARGETS_SEED);
    expect(issues).toEqual([]);
    expect(KPI_TARGETS_SEED[0]).toEqual([...KPI_TARGETS_HEADERS]);
    expect(targets.reuse_rate).toEqual({
      kpi: 'reuse_rate',
      target: 0.7,
      direction: 'higher',
      tolerance: { kind: 'absolute', value: 0.05 },
      owner: 'Ops',
      row: 2 + 4,
    });
    expect(targets.lead_time_median).toMatchObject({ target: 10, direction: 'lower' });
    expect(targets.erasure_coverage?.target).toBe(0.99);
    expect(targets.csat?.target).toBe(4.3);
    expect(targets.complaints_per_1000?.target).toBe(15);
    expect(targets.cost_per_device?.target).toBe(18);
    expect(targets.lost_rate?.target).toBe(0.01);
    expect(targets.conversion?.target).toBe(0.6);
    expect(targets.requests).toBeUndefined();
  });

  test('labels, percent written as a number, relative tolerance, defaults, and bad rows', () => {
    const grid: Grid = [
      ['Owner', 'kpi', 'TARGET', 'Amber tolerance', 'Direction'],
      ['Ana', 'Reuse rate', 70, 5, ''], // 2: 70 → 70 %, 5 → 5 points, direction from the registry
      ['Ops', 'cost_per_device', 18, '10% of target', 'min'], // 3
      ['Ops', 'reuse_rate', 0.8, '', ''], // 4: duplicate
      ['Ops', 'happiness', 5, '', ''], // 5: unknown KPI
      ['Ops', 'csat', 'high', '', ''], // 6: target not a number
      ['Ops', 'lost_rate', 0.01, 'a bit', 'sideways'], // 7: bad tolerance, bad direction (kept)
      ['Ops', 'requests', '', '', ''], // 8: owner only
    ];
    const { targets, issues } = parseTargets(grid);
    expect(targets.reuse_rate).toMatchObject({
      target: 0.7,
      direction: 'higher',
      tolerance: { kind: 'absolute', value: 0.05 },
      owner: 'Ana',
    });
    expect(targets.cost_per_device).toMatchObject({
      direction: 'lower',
      tolerance: { kind: 'relative', fraction: 0.1 },
    });
    expect(targets.lost_rate).toMatchObject({
      target: 0.01,
      direction: 'lower',
      tolerance: { kind: 'absolute', value: 0 },
    });
    expect(targets.requests).toMatchObject({ target: null, owner: 'Ops' });
    expect(targets.csat).toBeUndefined();
    expect(issues.map((i) => [i.row, i.column, i.code, i.skipped])).toEqual([
      [2, 'TARGET (C)', 'percent-as-number', false],
      [2, 'Amber tolerance (D)', 'percent-as-number', false],
      [4, 'kpi (B)', 'duplicate-kpi', true],
      [5, 'kpi (B)', 'unknown-kpi', true],
      [6, 'TARGET (C)', 'bad-number', true],
      [7, 'Direction (E)', 'bad-direction', false],
      [7, 'Amber tolerance (D)', 'bad-tolerance', false],
    ]);
  });

  test('parseDirection vocabulary', () => {
    for (const s of ['higher', 'Higher is better', 'max', 'benefit', '+', '>=', 1])
      expect(parseDirection(s)).toBe('higher');
    for (const s of ['lower', 'MIN', 'cost', '-', '≤', -1]) expect(parseDirection(s)).toBe('lower');
    expect(parseDirection('sideways')).toBeNull();
  });
});

describe('scorecard on the fixture (October 2026)', () => {
  const { orders } = parseOrders(fixtureGrid());
  const months = scorecardMonths('2026-10');
  const result = computeKpis(orders, {
    timeZone: 'UTC',
    months,
    factors: parseFactors(FACTORS_SEED),
  });
  const rows = Object.fromEntries(
    scorecard(result, '2026-10', parseTargets(KPI_TARGETS_SEED)).map((r) => [r.id, r]),
  );

  test('scorecardMonths covers previous period, year to date and 6-month trend', () => {
    expect(months).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(scorecardMonths('2026-02')).toEqual([
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(scorecardMonths(['2026-07', '2026-08', '2026-09'])[0]).toBe('2026-01');
  });

  test('one row per KPI, in registry order', () => {
    expect(Object.keys(rows)).toEqual([...KPI_IDS]);
  });

  test('actual, target, variance, RAG', () => {
    // reuse 0.5 vs ≥ 0.7 (tol 0.05): variance −0.2, red.
    expect(rows.reuse_rate).toMatchObject({
      actual: 0.5,
      target: 0.7,
      rag: 'red',
      tolerance: 0.05,
    });
    expect(rows.reuse_rate.variance).toBeCloseTo(-0.2, 12);
    expect(rows.reuse_rate.variancePct).toBeCloseTo(-0.2 / 0.7, 12);
    // lead median 9.5 vs ≤ 10: green.
    expect(rows.lead_time_median).toMatchObject({ actual: 9.5, rag: 'green', variance: -0.5 });
    // csat 4.25 vs ≥ 4.3 (tol 0.2): misses by 0.05 → amber.
    expect(rows.csat.rag).toBe('amber');
    // cost 15 vs ≤ 18: green; lost 0.2 vs ≤ 0.01 (tol 0.005): red; erasure 0.8 vs ≥ 0.99: red.
    expect(rows.cost_per_device.rag).toBe('green');
    expect(rows.lost_rate.rag).toBe('red');
    expect(rows.erasure_coverage.rag).toBe('red');
    // requests: no target → no RAG.
    expect(rows.requests).toMatchObject({
      actual: 7,
      target: null,
      rag: null,
      variance: null,
      owner: '',
    });
    expect(rows.reuse_rate.owner).toBe('Ops');
  });

  test('previous month, delta and improvement in the better direction', () => {
    // Sep reuse 1 → Oct 0.5: delta −0.5, worse.
    expect(rows.reuse_rate).toMatchObject({
      previous: 1,
      delta: -0.5,
      improvement: -0.5,
      deltaPct: -0.5,
    });
    // Lead median Sep 5 → Oct 9.5: +4.5 days, lower is better → improvement −4.5.
    expect(rows.lead_time_median).toMatchObject({ previous: 5, delta: 4.5, improvement: -4.5 });
  });

  test('year to date: counts summed, ratios recomputed', () => {
    // Jan–Oct: requests 1 + 2 + 7 = 10; reuse (1 + 2) / (1 + 4) = 0.6.
    expect(rows.requests.ytd).toBe(10);
    expect(rows.reuse_rate.ytd).toBeCloseTo(0.6, 12);
  });

  test('6-month trend for sparklines', () => {
    expect(rows.requests.trendMonths).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(rows.requests.trend).toEqual([0, 0, 0, 1, 2, 7]);
    expect(rows.reuse_rate.trend).toEqual([null, null, null, null, 1, 0.5]);
  });

  test('a quarter compares with the previous quarter', () => {
    const q = Object.fromEntries(
      scorecard(result, ['2026-08', '2026-09', '2026-10'], {}).map((r) => [r.id, r]),
    );
    expect(q.requests.actual).toBe(10);
    expect(q.requests.previous).toBe(0);
    expect(q.requests.deltaPct).toBeNull();
  });

  test('months not computed → error', () => {
    const small = computeKpis(orders, { timeZone: 'UTC', months: ['2026-10'] });
    expect(() => scorecard(small, '2026-10', {})).toThrow(/not computed/);
  });
});
