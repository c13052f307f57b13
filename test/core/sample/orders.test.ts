import { computeKpis, aggregate } from '../../../src/core/kpi/engine';
import { FACTORS_SEED, parseFactors } from '../../../src/core/kpi/factors';
import { KPI_DATA_HEADERS, parseOrders } from '../../../src/core/kpi/orders';
import { monthRange } from '../../../src/core/kpi/months';
import { median } from '../../../src/core/kpi/stats';
import { generateSampleOrders, sampleOrderGrid } from '../../../src/core/sample/orders';

describe('sample orders', () => {
  const asOf = new Date(Date.UTC(2026, 9, 31, 18));
  const big = generateSampleOrders({ count: 20_000, asOf, seed: 7 });
  const parsed = parseOrders(big.grid, { timeZone: 'Europe/Paris' });

  test('deterministic: same options, same rows; another seed, other rows', () => {
    const a = generateSampleOrders({ count: 500, asOf, seed: 3 });
    const b = generateSampleOrders({ count: 500, asOf, seed: 3 });
    const c = generateSampleOrders({ count: 500, asOf, seed: 4 });
    expect(a).toEqual(b);
    expect(a.grid).not.toEqual(c.grid);
  });

  test('header row + N rows of 17 cells (the contract columns, Reason and the two partners), dates as Date objects, sample ids', () => {
    expect(big.grid[0]).toEqual([
      ...KPI_DATA_HEADERS,
      'Reason',
      'Processing partner',
      'Logistics partner',
    ]);
    expect(big.grid).toHaveLength(20_001);
    for (const row of big.grid.slice(1, 200)) {
      expect(row).toHaveLength(17);
      expect(row[0]).toMatch(/^SAMPLE-\d{6}$/);
      expect(row[1]).toBeInstanceOf(Date);
    }
    expect(big.grid[1][0]).toBe('SAMPLE-000001');
  });

  test('24 months of orders ending with the as-of month, nothing after the as-of moment', () => {
    let first = Infinity;
    let last = -Infinity;
    for (const o of parsed.orders) {
      first = Math.min(first, o.created);
      for (const t of [o.created, o.kitSent, o.received, o.inspected])
        if (t !== null) last = Math.max(last, t);
    }
    expect(new Date(first).toISOString().slice(0, 7)).toBe('2024-11');
    expect(last).toBeLessThanOrEqual(asOf.getTime());
    expect(new Date(last).toISOString().slice(0, 7)).toBe('2026-10');
  });

  test('planted errors: exactly one of each kind, each reported at its row; only the duplicate id takes its order out', () => {
    expect(big.errors.map((e) => e.kind).sort()).toEqual([
      'bad-date',
      'date-order',
      'duplicate-id',
      'negative-weight',
      'unknown-outcome',
    ]);
    expect(parsed.issues.map((i) => [i.row, i.code])).toEqual(
      expect.arrayContaining(big.errors.map((e) => [e.row, e.kind])),
    );
    const skipped = parsed.issues.filter((i) => i.skipped).map((i) => i.code);
    expect(skipped).toEqual(
      big.errors
        .filter((e) => ['duplicate-id'].includes(e.kind) || e.column === 'Created')
        .map((e) => e.kind),
    );
    expect(parsed.rowsSkipped).toBe(skipped.length);
    expect(parsed.rowsAffected).toBeGreaterThanOrEqual(5);
  });

  test('errors: false → a clean table', () => {
    const clean = generateSampleOrders({ count: 3000, asOf, errors: false });
    const p = parseOrders(clean.grid);
    expect(clean.errors).toEqual([]);
    expect(p.issues).toEqual([]);
    expect(p.orders).toHaveLength(3000);
  });

  test('sampleOrderGrid(count, today) is the grid as of today', () => {
    const g = sampleOrderGrid(100, asOf);
    expect(g).toEqual(generateSampleOrders({ count: 100, asOf }).grid);
  });

  describe('rough distributions', () => {
    const months = monthRange('2024-11', '2026-10');
    const r = computeKpis(parsed.orders, {
      timeZone: 'UTC',
      months,
      factors: parseFactors(FACTORS_SEED),
    });
    const all = aggregate(r, months).values;
    const req = (m: string) => r.byMonth[m].values.requests as number;

    test('seasonality: January and September peak above July and August', () => {
      expect(req('2026-01')).toBeGreaterThan(1.4 * req('2025-07'));
      expect(req('2025-09')).toBeGreaterThan(1.4 * req('2025-08'));
    });

    test('funnel: conversion ~60–80 %, younger cohorts less converted', () => {
      expect(all.conversion).toBeGreaterThan(0.6);
      expect(all.conversion).toBeLessThan(0.8);
      expect(r.byMonth['2026-10'].values.conversion as number).toBeLessThan(
        r.byMonth['2026-06'].values.conversion as number,
      );
    });

    test('lead time: median about 8 days with a long tail', () => {
      const leads = parsed.orders
        .filter((o) => o.received !== null)
        .map((o) => ((o.received as number) - o.created) / 86_400_000);
      const m = median(leads) as number;
      expect(m).toBeGreaterThan(6);
      expect(m).toBeLessThan(10);
      expect(all.lead_time_p90 as number).toBeGreaterThan(1.6 * m);
    });

    test('outcomes: reuse ~65 %, recycling ~25 %, lost ~1 % of kits', () => {
      expect(all.reuse_rate).toBeGreaterThan(0.58);
      expect(all.reuse_rate).toBeLessThan(0.72);
      expect(all.recycle_rate).toBeGreaterThan(0.18);
      expect(all.recycle_rate).toBeLessThan(0.32);
      expect(all.lost_rate).toBeGreaterThan(0.004);
      expect(all.lost_rate).toBeLessThan(0.02);
    });

    test('erasure mostly yes, CSAT mostly 4–5, complaints rare, cost per device plausible', () => {
      expect(all.erasure_coverage).toBeGreaterThan(0.97);
      expect(all.csat).toBeGreaterThan(4.0);
      expect(all.csat).toBeLessThan(4.6);
      expect(all.complaints_per_1000).toBeGreaterThan(2);
      expect(all.complaints_per_1000).toBeLessThan(40);
      expect(all.cost_per_device).toBeGreaterThan(8);
      expect(all.cost_per_device).toBeLessThan(25);
    });

    test('categories and channels', () => {
      const cats = aggregate(r, months).byCategory;
      expect(cats[0].category).toBe('smartphone');
      const share = cats[0].requests / (all.requests as number);
      expect(share).toBeGreaterThan(0.5);
      expect(share).toBeLessThan(0.7);
      const channels = new Set(parsed.orders.map((o) => o.channel));
      expect([...channels].sort()).toEqual([
        'B2B fleet',
        'mail-in kit',
        'partner kiosk',
        'store drop-off',
      ]);
      const kg = parsed.orders
        .filter((o) => o.category === 'laptop' && o.weightKg !== null)
        .map((o) => o.weightKg as number);
      expect(median(kg)).toBeGreaterThan(1.2);
      expect(median(kg)).toBeLessThan(2.6);
    });
  });

  test('reasons: on orders not reused and on complaints only, a few reasons making most of them', () => {
    const noReason = parsed.orders.filter(
      (o) =>
        (o.outcome === null || o.outcome === 'reused' || o.outcome === 'refurbished') &&
        o.complaint !== true,
    );
    expect(noReason.every((o) => o.reason === '')).toBe(true);
    const lost = parsed.orders.filter(
      (o) => o.outcome && !['reused', 'refurbished'].includes(o.outcome),
    );
    const explained = lost.filter((o) => o.reason !== '');
    expect(explained.length / lost.length).toBeGreaterThan(0.85);
    expect(explained.length / lost.length).toBeLessThan(0.95);
    const counts = new Map<string, number>();
    for (const o of explained) counts.set(o.reason, (counts.get(o.reason) ?? 0) + 1);
    const top3 = [...counts.values()].sort((a, b) => b - a).slice(0, 3);
    expect(top3.reduce((a, b) => a + b, 0) / explained.length).toBeGreaterThan(0.5);
  });

  test('a real shift: the reuse rate of the last 4 months is well above the 8 before', () => {
    const months = monthRange('2025-11', '2026-10');
    const r = computeKpis(parsed.orders, { timeZone: 'Europe/Paris', months });
    const before = aggregate(r, months.slice(0, 8)).values.reuse_rate as number;
    const after = aggregate(r, months.slice(8)).values.reuse_rate as number;
    expect(after - before).toBeGreaterThan(0.08);
  });
});
