import fc from 'fast-check';
import { aggregate, computeKpis, KpiResult, series } from '../../../src/core/kpi/engine';
import { FACTORS_SEED, parseFactors } from '../../../src/core/kpi/factors';
import { Order, parseOrders } from '../../../src/core/kpi/orders';
import { KPI_IDS, KPIS, OUTCOMES, Outcome } from '../../../src/core/kpi/registry';
import { monthKey } from '../../../src/core/kpi/months';
import { fixtureGrid, HEADERS, utc } from './fixture';

const factors = parseFactors(FACTORS_SEED);

function fixtureResult(months?: string[]): KpiResult {
  const { orders } = parseOrders(fixtureGrid());
  return computeKpis(orders, { timeZone: 'UTC', factors, months });
}

describe('computeKpis on the hand-checked fixture (UTC)', () => {
  const res = fixtureResult(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  const oct = res.byMonth['2026-10'].values;
  const sep = res.byMonth['2026-09'].values;
  const nov = res.byMonth['2026-11'].values;
  const aug = res.byMonth['2026-08'].values;

  test('requests: orders created in the month', () => {
    // Oct: A2, A3, A4, A5, A6, A7, A8 = 7; Sep: A1, A9 = 2; Nov: none.
    expect(oct.requests).toBe(7);
    expect(sep.requests).toBe(2);
    expect(nov.requests).toBe(0);
  });

  test('kits_sent: orders whose Kit sent is in the month', () => {
    // Oct: A2 (10-02), A4 (10-03), A5 (10-11), A6 (10-16), A7 (10-21) = 5; Sep: A1 (09-21), A9 (09-06) = 2.
    expect(oct.kits_sent).toBe(5);
    expect(sep.kits_sent).toBe(2);
  });

  test('received and inspected', () => {
    // Received Oct: A1, A2, A3, A4, A6 = 5 (A8 arrives 11-03). Inspected Oct: A1, A2, A3, A6 = 4 (A4 on 11-02).
    expect(oct.received).toBe(5);
    expect(oct.inspected).toBe(4);
    // Nov: received A8 = 1, inspected A4 = 1.
    expect(nov.received).toBe(1);
    expect(nov.inspected).toBe(1);
  });

  test('conversion: cohort of orders created in the month, received so far', () => {
    // Oct cohort 7 orders; received at any date: A2, A3, A4, A6, A8 (received in Nov still counts) = 5 → 5/7.
    expect(oct.conversion).toBeCloseTo(5 / 7, 12);
    // Sep cohort: A1 (received in Oct), A9 → 2/2.
    expect(sep.conversion).toBe(1);
  });

  test('lead times: median and P90 over orders received in the month, fractional days', () => {
    // Oct: A3 1.5, A2 4, A6 9.5, A4 10, A1 11 → sorted [1.5, 4, 9.5, 10, 11]; median = 9.5.
    expect(oct.lead_time_median).toBe(9.5);
    // P90: rank = 0.9 × (5 − 1) = 3.6 → 10 + 0.6 × (11 − 10) = 10.6.
    expect(oct.lead_time_p90).toBeCloseTo(10.6, 12);
    // Sep: only A9 (5 days).
    expect(sep.lead_time_median).toBe(5);
    expect(sep.lead_time_p90).toBe(5);
  });

  test('reuse_rate and recycle_rate over orders inspected in the month', () => {
    // Oct inspected: A1 refurbished, A2 reused, A3 recycled, A6 returned → reuse 2/4, recycle 1/4.
    expect(oct.reuse_rate).toBe(0.5);
    expect(oct.recycle_rate).toBe(0.25);
    // Nov: A4 refurbished → 1/1.
    expect(nov.reuse_rate).toBe(1);
    expect(nov.recycle_rate).toBe(0);
  });

  test('weight_kg: sum over orders received in the month', () => {
    // Oct: 0.2 + 0.18 + 2 + 0.5 + 0.2 = 3.08.
    expect(oct.weight_kg).toBeCloseTo(3.08, 12);
    expect(aug.weight_kg).toBeCloseTo(0.19, 12);
  });

  test('co2e_kg: factor(category, outcome) over orders inspected in the month', () => {
    // Oct: A1 smartphone refurbished 24.6 × 2 years = 49.2; A2 smartphone reused 49.2;
    // A3 laptop recycled 0 ('*' row); A6 smartphone returned 0 → 98.4.
    expect(oct.co2e_kg).toBeCloseTo(98.4, 10);
    // Nov: A4 tablet refurbished, per-unit estimate 33.1 (not multiplied by years).
    expect(nov.co2e_kg).toBeCloseTo(33.1, 10);
    expect(res.missingFactors).toEqual([]);
  });

  test('co2e_kg is null without a factors table', () => {
    const { orders } = parseOrders(fixtureGrid());
    const r = computeKpis(orders, { timeZone: 'UTC', months: ['2026-10'] });
    expect(r.byMonth['2026-10'].values.co2e_kg).toBeNull();
    expect(r.hasFactors).toBe(false);
  });

  test('erasure_coverage: certificates among orders received in the month', () => {
    // Oct received: A1 yes, A2 yes, A3 no, A4 yes, A6 yes → 4/5.
    expect(oct.erasure_coverage).toBe(0.8);
  });

  test('csat: mean over orders received in the month that have one', () => {
    // Oct: A1 5, A2 4, A4 3, A6 5 (A3 blank) → 17/4 = 4.25.
    expect(oct.csat).toBe(4.25);
    // Nov: A8 has no CSAT → blank, not 0.
    expect(nov.csat).toBeNull();
  });

  test('complaints_per_1000: complaints among orders created in the month per 1000 requests', () => {
    // Oct: A4 and A5 complained → 1000 × 2 / 7 = 285.714…
    expect(oct.complaints_per_1000).toBeCloseTo(2000 / 7, 10);
    expect(sep.complaints_per_1000).toBe(0);
  });

  test('cost_per_device: cost of orders received in the month / received', () => {
    // Oct: (15 + 16 + 10 + 20 + 14) / 5 = 75 / 5 = 15. (A5's 9 EUR: never received, not counted.)
    expect(oct.cost_per_device).toBe(15);
    expect(nov.cost_per_device).toBe(12);
  });

  test('lost_rate: lost among kits sent in the month', () => {
    // Oct kits: A2, A4, A5 (lost), A6, A7 → 1/5.
    expect(oct.lost_rate).toBe(0.2);
    expect(sep.lost_rate).toBe(0);
  });

  test('a month with no inspections: reuse, recycle are blank, not 0', () => {
    // Aug: A10 received, nothing inspected.
    expect(aug.received).toBe(1);
    expect(aug.inspected).toBe(0);
    expect(aug.reuse_rate).toBeNull();
    expect(aug.recycle_rate).toBeNull();
    expect(aug.lost_rate).toBeNull(); // no kit sent in August
    expect(aug.conversion).toBe(1);
    expect(res.byMonth['2026-08'].mix.reused).toBeNull();
  });

  test('an empty month: counts and sums 0, everything else blank', () => {
    for (const m of ['2026-07', '2026-12']) {
      const v = res.byMonth[m].values;
      for (const def of KPIS) {
        if (def.kind === 'count' || def.kind === 'sum') expect(v[def.id]).toBe(0);
        else expect(v[def.id]).toBeNull();
      }
    }
  });

  test('disposition mix: share of each outcome among inspected', () => {
    const mix = res.byMonth['2026-10'].mix;
    // 4 inspected: 1 refurbished, 1 reused, 1 recycled, 1 returned.
    expect(mix).toEqual({
      reused: 0.25,
      refurbished: 0.25,
      recycled: 0.25,
      returned: 0.25,
      lost: 0,
      rejected: 0,
    });
    expect(res.byMonth['2026-10'].outcomes.none).toBe(0);
  });

  test('per-category breakdown: requests, received, reuse rate', () => {
    const cats = Object.fromEntries(res.byMonth['2026-10'].byCategory.map((c) => [c.category, c]));
    // Requests Oct: smartphone A2 A5 A6 A8 = 4; laptop A3 A7 = 2; tablet A4 = 1.
    expect(cats.smartphone.requests).toBe(4);
    expect(cats.laptop.requests).toBe(2);
    expect(cats.tablet.requests).toBe(1);
    // Received Oct: smartphone A1 A2 A6 = 3, laptop A3 = 1, tablet A4 = 1.
    expect(cats.smartphone.received).toBe(3);
    // Inspected Oct smartphone: A1 refurbished, A2 reused, A6 returned → 2/3; laptop A3 recycled → 0; tablet none → blank.
    expect(cats.smartphone.reuse_rate).toBeCloseTo(2 / 3, 12);
    expect(cats.laptop.reuse_rate).toBe(0);
    expect(cats.tablet.reuse_rate).toBeNull();
    expect(res.byMonth['2026-10'].byCategory[0].category).toBe('smartphone');
  });

  test('default months: every month spanned by any date', () => {
    expect(fixtureResult().months).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
  });

  test('year to date recomputes ratios over the pooled orders, sums counts', () => {
    const ytd = aggregate(fixtureResult(), ['2026-08', '2026-09', '2026-10']).values;
    // requests 1 + 2 + 7 = 10.
    expect(ytd.requests).toBe(10);
    // reuse: inspected Sep 1 + Oct 4 = 5, reused/refurbished 1 + 2 = 3 → 0.6 (averaging months would give 0.75).
    expect(ytd.reuse_rate).toBeCloseTo(0.6, 12);
    // lead times [10, 5, 1.5, 4, 9.5, 10, 11] → sorted [1.5, 4, 5, 9.5, 10, 10, 11], median 9.5.
    expect(ytd.lead_time_median).toBe(9.5);
    // conversion: 10 created, received A10 A9 A1 A2 A3 A4 A6 A8 = 8 → 0.8.
    expect(ytd.conversion).toBeCloseTo(0.8, 12);
    // csat: 4 (Sep) + 5 + 4 + 3 + 5 → 21 / 5 = 4.2.
    expect(ytd.csat).toBeCloseTo(4.2, 12);
  });

  test('aggregate refuses months that were not computed', () => {
    expect(() => aggregate(fixtureResult(['2026-10']), ['2026-09', '2026-10'])).toThrow(
      /not computed: 2026-09/,
    );
  });

  test('series gives one KPI month by month', () => {
    expect(series(res, 'requests', ['2026-08', '2026-09', '2026-10'])).toEqual([1, 2, 7]);
  });

  test('missing factors are counted, not invented', () => {
    const grid = fixtureGrid();
    grid[1][2] = 'smartwatch';
    const { orders } = parseOrders(grid);
    const r = computeKpis(orders, { timeZone: 'UTC', factors, months: ['2026-10'] });
    // A1 becomes a smartwatch refurbished: no factor → 0, reported once; A2 still 49.2.
    expect(r.byMonth['2026-10'].values.co2e_kg).toBeCloseTo(49.2, 10);
    expect(r.missingFactors).toEqual([
      { category: 'smartwatch', outcome: 'refurbished', count: 1 },
    ]);
  });
});

describe('time zones', () => {
  const oneOrder = (created: Date): Order[] => [
    {
      row: 2,
      id: 'X',
      created: created.getTime(),
      category: 'smartphone',
      channel: '',
      kitSent: null,
      received: null,
      inspected: null,
      outcome: null,
      weightKg: null,
      erasure: null,
      payoutEur: null,
      costEur: null,
      csat: null,
      complaint: null,
      reason: '',
    },
  ];

  test('an order created 2026-10-31 23:30 UTC belongs to November in Europe/Paris', () => {
    const orders = oneOrder(utc('2026-10-31 23:30'));
    const paris = computeKpis(orders, { timeZone: 'Europe/Paris', months: ['2026-10', '2026-11'] });
    expect(paris.byMonth['2026-10'].values.requests).toBe(0);
    expect(paris.byMonth['2026-11'].values.requests).toBe(1);
    const inUtc = computeKpis(orders, { timeZone: 'UTC', months: ['2026-10', '2026-11'] });
    expect(inUtc.byMonth['2026-10'].values.requests).toBe(1);
  });

  test('summer time: 2026-06-30 22:30 UTC is July in Paris (UTC+2), June in London (UTC+1 → 23:30)', () => {
    const orders = oneOrder(utc('2026-06-30 22:30'));
    expect(
      computeKpis(orders, { timeZone: 'Europe/Paris', months: ['2026-07'] }).byMonth['2026-07']
        .values.requests,
    ).toBe(1);
    expect(
      computeKpis(orders, { timeZone: 'Europe/London', months: ['2026-06'] }).byMonth['2026-06']
        .values.requests,
    ).toBe(1);
  });

  test('a text date is a calendar day in the spreadsheet zone (New York)', () => {
    const grid = fixtureGrid();
    grid[1][1] = '01/10/2026'; // A1 created 1 Oct; received 10-01 10:00 UTC is still after it in New York
    grid[1][4] = '';
    const { orders, issues } = parseOrders(grid, {
      timeZone: 'America/New_York',
      locale: 'en_GB', // day first
    });
    expect(issues).toEqual([]);
    const a1 = orders.find((o) => o.id === 'A1')!;
    expect(monthKey(a1.created, 'America/New_York')).toBe('2026-10');
    // Midnight in New York (UTC−4 in October) is 04:00 UTC.
    expect(new Date(a1.created).toISOString()).toBe('2026-10-01T04:00:00.000Z');
  });

  test('unknown time zone → clear error', () => {
    expect(() => computeKpis([], { timeZone: 'Mars/Olympus' })).toThrow(
      /Unknown time zone "Mars\/Olympus"/,
    );
  });
});

describe('performance', () => {
  // Timing is the benchmark's job (architecture.md); this checks the 100k case runs and adds up.
  test('100,000 orders × 24 months in one pass', () => {
    const orders: Order[] = [];
    const start = Date.UTC(2024, 10, 1);
    const span = Date.UTC(2026, 10, 1) - start;
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 100_000; i++) {
      const created = start + Math.floor(rnd() * span);
      const received = rnd() < 0.7 ? created + rnd() * 20 * 86_400_000 : null;
      orders.push({
        row: i + 2,
        id: `O${i}`,
        created,
        category: rnd() < 0.6 ? 'smartphone' : 'laptop',
        channel: '',
        kitSent: created + 86_400_000,
        received,
        inspected: received === null ? null : received + 86_400_000,
        outcome: received === null ? null : OUTCOMES[Math.floor(rnd() * 6)],
        weightKg: 0.2,
        erasure: true,
        payoutEur: 10,
        costEur: 12,
        csat: 4,
        complaint: false,
        reason: '',
      });
    }
    const r = computeKpis(orders, { timeZone: 'Europe/Paris', factors });
    expect(r.months.length).toBeGreaterThanOrEqual(24);
    expect(r.months.reduce((s, m) => s + (r.byMonth[m].values.requests as number), 0)).toBe(
      100_000,
    );
  });
});

describe('properties', () => {
  const T0 = Date.UTC(2025, 10, 1);
  const DAY = 86_400_000;
  const orderArb = fc.record({
    created: fc.integer({ min: 0, max: 120 * DAY }),
    kit: fc.option(fc.integer({ min: 0, max: 5 * DAY }), { nil: null }),
    lead: fc.option(fc.integer({ min: 0, max: 40 * DAY }), { nil: null }),
    insp: fc.option(fc.integer({ min: 0, max: 5 * DAY }), { nil: null }),
    outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: null }),
    category: fc.constantFrom('smartphone', 'laptop', 'tablet', 'console'),
    weight: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
    erasure: fc.option(fc.boolean(), { nil: null }),
    cost: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    complaint: fc.option(fc.boolean(), { nil: null }),
  });
  type Arb = typeof orderArb extends fc.Arbitrary<infer T> ? T : never;
  const toOrder = (a: Arb, i: number): Order => {
    const created = T0 + a.created;
    const received = a.lead === null ? null : created + a.lead;
    return {
      row: i + 2,
      id: `P${i}`,
      created,
      category: a.category,
      channel: '',
      kitSent: a.kit === null ? null : created + a.kit,
      received,
      inspected: received === null || a.insp === null ? null : received + a.insp,
      outcome: a.outcome as Outcome | null,
      weightKg: a.weight === null ? null : a.weight / 1000,
      erasure: a.erasure,
      payoutEur: null,
      costEur: a.cost,
      csat: a.csat,
      complaint: a.complaint,
      reason: '',
    };
  };
  const toRow = (o: Order) => [
    o.id,
    new Date(o.created),
    o.category,
    'mail-in kit',
    o.kitSent === null ? '' : new Date(o.kitSent),
    o.received === null ? '' : new Date(o.received),
    o.inspected === null ? '' : new Date(o.inspected),
    o.outcome ?? '',
    o.weightKg ?? '',
    o.erasure === null ? '' : o.erasure ? 'yes' : 'no',
    '',
    o.costEur ?? '',
    o.csat ?? '',
    o.complaint === null ? '' : o.complaint ? 'oui' : 'non',
  ];
  const months = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];
  const close = (a: number | null, b: number | null) =>
    (a === null && b === null) ||
    (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

  test('shuffling the rows of KPI Data never changes any KPI', () => {
    fc.assert(
      fc.property(
        fc.array(orderArb, { maxLength: 25 }).chain((arbs) => {
          const rows = arbs.map(toOrder).map(toRow);
          return fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
          );
        }),
        ([rows, shuffled]) => {
          const a = computeKpis(
            parseOrders([HEADERS, ...rows], { timeZone: 'Europe/Paris' }).orders,
            { timeZone: 'Europe/Paris', months, factors },
          );
          const b = computeKpis(
            parseOrders([HEADERS, ...shuffled], { timeZone: 'Europe/Paris' }).orders,
            { timeZone: 'Europe/Paris', months, factors },
          );
          for (const m of months)
            for (const id of KPI_IDS)
              if (!close(a.byMonth[m].values[id], b.byMonth[m].values[id])) return false;
          return true;
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('counts are non-negative integers, shares lie in [0, 1], CSAT in [1, 5]', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 30 }), (arbs) => {
        const r = computeKpis(arbs.map(toOrder), { timeZone: 'UTC', months, factors });
        for (const m of months) {
          const v = r.byMonth[m].values;
          for (const def of KPIS) {
            const x = v[def.id];
            if (def.kind === 'count' && !(Number.isInteger(x) && (x as number) >= 0)) return false;
            if (def.kind === 'share' && x !== null && !(x >= 0 && x <= 1)) return false;
            if (def.kind === 'quantile' && x !== null && x < 0) return false;
          }
          if (v.csat !== null && !(v.csat >= 1 && v.csat <= 5)) return false;
          if (
            v.lead_time_median !== null &&
            (v.lead_time_p90 as number) < v.lead_time_median - 1e-12
          )
            return false;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  test('adding an order created in M increases requests(M) by exactly 1 and no other month', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 25 }), orderArb, (arbs, extra) => {
        const base = arbs.map(toOrder);
        const added = toOrder(extra, base.length);
        const m = monthKey(added.created, 'Europe/Paris');
        const a = computeKpis(base, { timeZone: 'Europe/Paris', months });
        const b = computeKpis([...base, added], { timeZone: 'Europe/Paris', months });
        return months.every(
          (k) =>
            (b.byMonth[k].values.requests as number) - (a.byMonth[k].values.requests as number) ===
            (k === m ? 1 : 0),
        );
      }),
      { numRuns: 1000 },
    );
  });

  test('a pooled period sums the monthly counts and sums', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 30 }), (arbs) => {
        const r = computeKpis(arbs.map(toOrder), { timeZone: 'UTC', months, factors });
        const pooled = aggregate(r, months).values;
        return KPIS.filter((d) => d.kind === 'count' || d.kind === 'sum').every((d) =>
          close(
            pooled[d.id],
            months.reduce((s, m) => s + (r.byMonth[m].values[d.id] as number), 0),
          ),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
