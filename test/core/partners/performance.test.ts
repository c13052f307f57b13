import { Cell, Grid } from '../../../src/core/cells';
import { aggregate, computeKpis } from '../../../src/core/kpi/engine';
import { KPI_DATA_HEADERS, Order, parseOrders } from '../../../src/core/kpi/orders';
import { assessPartners } from '../../../src/core/partners/assess';
import { readFramework } from '../../../src/core/partners/criteria';
import { measuredScore, measuredValues, readMeasured } from '../../../src/core/partners/measured';
import {
  PARTNER_KPIS,
  partnerKey,
  partnerPerformance,
  pooledKpis,
} from '../../../src/core/partners/performance';
import { performanceBlocks } from '../../../src/core/partners/performance-tab';
import { parseTargets } from '../../../src/core/kpi/targets';
import { generateSampleOrders } from '../../../src/core/sample/orders';

const TZ = 'UTC';
const NOW = new Date(Date.UTC(2026, 10, 20));
const HEADER: Cell[] = [...KPI_DATA_HEADERS, 'Processing partner', 'Logistics partner', 'Country'];

/** One order: created day, received day (or ''), outcome, processing, logistics, country. */
function order(
  i: number,
  created: string,
  received: string,
  outcome: string,
  processing: string,
  logistics: string,
  country = '',
  cost: Cell = 10,
): Cell[] {
  const d = (s: string) => (s ? new Date(`${s}T10:00:00Z`) : '');
  const kit = d(created);
  const inspected = received && outcome !== 'lost' ? d(received) : '';
  return [
    `O${i}`,
    d(created),
    'smartphone',
    'mail-in kit',
    kit,
    d(received),
    inspected,
    outcome,
    0.2,
    received ? (i % 3 ? 'yes' : 'no') : '',
    0,
    cost,
    '',
    i % 4 === 0 ? 'yes' : 'no',
    processing,
    logistics,
    country,
  ];
}

const PARTNERS = [
  { name: 'ReNouveau Tech', country: 'FR' },
  { name: 'ReNouveau Tech', country: 'FR' }, // a second row of one partner (another category)
  { name: 'Kreislauf Nord', country: 'DE' },
  { name: 'Logis Express', country: 'France' },
];

function grid(): Grid {
  return [
    HEADER,
    order(1, '2026-09-02', '2026-09-10', 'refurbished', 'ReNouveau Tech', 'Logis Express'),
    order(2, '2026-09-03', '2026-09-12', 'recycled', '  renouveau   TECH ', 'logis express'),
    order(3, '2026-10-01', '2026-10-05', 'reused', 'Rénouveau Tech', 'Logis Express', '', 20),
    order(4, '2026-10-02', '', 'lost', '', 'Logis Express'),
    order(5, '2026-10-03', '2026-10-09', 'recycled', 'Kreislauf Nord', 'Logis Express'),
    order(6, '2026-10-04', '2026-10-08', 'reused', 'Kreislauf Nord', '', 'Germany'),
    order(7, '2026-10-05', '2026-10-09', 'reused', 'Nobody GmbH', 'Logis Express'),
  ];
}

function model(measuredMonths = 2) {
  const parsed = parseOrders(grid(), { timeZone: TZ });
  return {
    parsed,
    model: partnerPerformance({
      orders: parsed.orders,
      columns: parsed.partnerColumns,
      partners: PARTNERS,
      serviceCountry: 'FR',
      measuredMonths,
      timeZone: TZ,
      now: NOW,
    }),
  };
}

describe('who handled an order: the partner identity rule', () => {
  test('names match by normalised name within the order country (Service country unless Country says)', () => {
    const { parsed, model: m } = model();
    expect(parsed.partnerColumns).toEqual({
      processing: 'Processing partner (O)',
      logistics: 'Logistics partner (P)',
      country: 'Country (Q)',
    });
    const ids = (key: string) => m.ordersOf.get(key)?.map((o) => o.id);
    // Case, accents and spaces ignored: rows 2–4 are ReNouveau Tech in FR.
    expect(ids(partnerKey('FR', 'ReNouveau Tech'))).toEqual(['O1', 'O2', 'O3']);
    // "France" in Partners is FR; the lost order has only a carrier.
    expect(ids(partnerKey('FR', 'Logis Express'))).toEqual(['O1', 'O2', 'O3', 'O4', 'O5', 'O7']);
    // The Country column says Germany: Kreislauf Nord is found there.
    expect(ids(partnerKey('DE', 'Kreislauf Nord'))).toEqual(['O6']);
    expect(m.partners.get(partnerKey('FR', 'ReNouveau Tech'))!.name).toBe('ReNouveau Tech');
  });

  test('a name that is no partner in the order country is listed with its column and rows, never dropped silently', () => {
    const { model: m } = model();
    expect(m.unmatched).toEqual([
      {
        column: 'Processing partner (O)',
        name: 'Kreislauf Nord',
        country: 'FR',
        why: 'a partner of that name only in DE',
        rows: [6],
      },
      {
        column: 'Processing partner (O)',
        name: 'Nobody GmbH',
        country: 'FR',
        why: 'no partner of that name in Partners',
        rows: [8],
      },
    ]);
    // Those orders still count for the service's KPIs: parseOrders kept them all.
    expect(model().parsed.orders).toHaveLength(7);
  });
});

describe('per-partner KPIs are the registry\u2019s, computed by the engine on the partner\u2019s orders', () => {
  test('monthly and pooled values equal the engine on the hand-picked subset', () => {
    const { parsed, model: m } = model();
    expect(m.months).toEqual(['2026-09', '2026-10']);
    const subset = (pick: (o: Order) => boolean) => parsed.orders.filter(pick);
    const expectations: [string, string, Order[]][] = [
      ['ReNouveau Tech', 'processing', subset((o) => ['O1', 'O2', 'O3'].includes(o.id))],
      ['Logis Express', 'logistics', subset((o) => o.id !== 'O6')],
    ];
    for (const [name, role, orders] of expectations) {
      const line = m.roles.find((r) => r.partner.name === name && r.role === role)!;
      const result = computeKpis(orders, { timeZone: TZ, months: m.months });
      for (const mon of line.monthly)
        for (const id of PARTNER_KPIS)
          expect(mon.values[id]).toEqual(result.byMonth[mon.month].values[id]);
      const pooled = aggregate(result, m.months).values;
      for (const id of PARTNER_KPIS) expect(line.pooled[id]).toEqual(pooled[id]);
    }
    const rn = m.roles.find((r) => r.partner.name === 'ReNouveau Tech')!;
    // By hand: 3 inspected, 2 reused or refurbished; September: 1 of 2.
    expect(rn.pooled.reuse_rate).toBeCloseTo(2 / 3);
    expect(rn.monthly[0].values.reuse_rate).toBeCloseTo(0.5);
    const logis = m.roles.find((r) => r.partner.name === 'Logis Express')!;
    // One kit lost of the four sent in October.
    expect(logis.monthly[1].values.lost_rate).toBeCloseTo(1 / 4);
  });

  test('the tab colours each KPI against KPI Targets and lists the unmatched names', () => {
    const { model: m } = model();
    const targets = parseTargets([
      ['KPI', 'Target', 'Direction', 'Amber tolerance'],
      ['reuse_rate', 0.7, 'higher', 0.05],
      ['lost_rate', 0.01, 'lower', 0.005],
    ]);
    const blocks = performanceBlocks(m, targets, { generated: 'now', missingColumns: null });
    const pooled = blocks[2];
    const header = pooled.values[0];
    const rn = pooled.values.findIndex((r) => r[0] === 'ReNouveau Tech');
    const reuse = header.indexOf('Reuse rate');
    expect(pooled.values[rn][reuse]).toBeCloseTo(2 / 3);
    expect(pooled.backgrounds[rn][reuse]).toBe('#fce8b2'); // amber: within 0.05 of 0.7
    expect(pooled.values[rn][header.indexOf('RAG')]).toBe('amber: Reuse rate');
    const unmatched = blocks[blocks.length - 1].values;
    expect(unmatched[0]).toEqual(['Tab', 'Column', 'Name', 'Country', 'Why', 'Orders', 'Rows']);
    expect(unmatched.slice(1).map((r) => [r[2], r[6]])).toEqual([
      ['Kreislauf Nord', '6'],
      ['Nobody GmbH', '8'],
    ]);
  });

  test('the sample orders name partners of the sample Partners, and one the tab must list', () => {
    const { grid: g } = generateSampleOrders({ count: 600 });
    const parsed = parseOrders(g, { timeZone: 'Europe/Paris' });
    expect(parsed.partnerColumns.processing).not.toBeNull();
    const names = new Set(parsed.orders.map((o) => o.processingPartner).filter(Boolean));
    expect(names.size).toBeGreaterThan(2);
  });
});

describe('measured criteria', () => {
  const criteria: Grid = [
    ['ID', 'Direction', 'Weight recycling', 'Measured by', 'Score 1 at', 'Score 5 at'],
    ['QUALITY', 'benefit', 1, 'reuse_rate', 0.4, 0.9],
    ['LOSS', 'benefit', 1, 'lost_rate', 0.1, 0],
    ['PRICE', 'cost', 1, 'Cost per device received', 5, 25],
    ['WRONG', 'benefit', 1, 'lost_rate', 0, 0.1],
    ['BAD', 'benefit', 1, 'happiness', 1, 2],
    ['TYPED', 'benefit', 1, '', '', ''],
  ];
  const fw = readFramework(criteria, TZ);

  test('linear between the anchors, clipped to 1–5, either way', () => {
    expect(measuredScore(0.65, 0.4, 0.9)).toBeCloseTo(3);
    expect(measuredScore(0.95, 0.4, 0.9)).toBe(5);
    expect(measuredScore(0.1, 0.4, 0.9)).toBe(1);
    expect(measuredScore(0.025, 0.1, 0)).toBeCloseTo(4);
    expect(measuredScore(0.5, 0.1, 0)).toBe(1);
  });

  test("the KPI's direction decides which way: anchors running against it are named, not turned round", () => {
    const { measured, issues } = readMeasured(criteria, fw, TZ);
    expect(measured.map((m) => [m.id, m.kpi])).toEqual([
      ['QUALITY', 'reuse_rate'],
      ['LOSS', 'lost_rate'],
      ['PRICE', 'cost_per_device'],
    ]);
    expect(issues).toEqual([
      "Criteria, row 5: 'WRONG' is measured by lost_rate (lower is better) on a benefit criterion, so 'Score 5 at' must be below 'Score 1 at' (got 0.1 and 0); 'WRONG' stays assessed.",
      expect.stringMatching(
        /^Criteria, row 6, column D \(Measured by\): .*happiness.* is not a KPI id/,
      ),
    ]);
    // KPI Targets may turn a KPI's direction: the same anchors are then refused.
    const turned = readMeasured(criteria, fw, TZ, { reuse_rate: 'lower' });
    expect(turned.measured.map((m) => m.id)).not.toContain('QUALITY');
  });

  test('Score partners: a blank cell takes the measured score, a typed score wins, and the Measured text says both', () => {
    const { measured } = readMeasured(criteria, fw, TZ);
    const { model: m } = model();
    const key = partnerKey('FR', 'ReNouveau Tech');
    const kpis = pooledKpis(m, key, TZ)!;
    const values = measuredValues(measured, kpis, '2026-09 – 2026-10');
    const partners: Grid = [
      [
        'Partner',
        'Country',
        'Category',
        'Partner type',
        'QUALITY',
        'LOSS',
        'PRICE',
        'WRONG',
        'BAD',
        'TYPED',
      ],
      ['ReNouveau Tech', 'FR', 'laptop', 'recycling', '', 2, '', 3, 3, 4],
      [' renouveau tech', 'fr', 'phone', 'recycling', 'n/a', '', '', 3, 3, 4],
      ['Unmeasured', 'FR', 'laptop', 'recycling', '', '', '', 3, 3, 4],
    ];
    const a = assessPartners(fw, partners, {
      timeZone: TZ,
      trials: 10,
      measured: new Map([[key, values]]),
    });
    const quality = measuredScore(kpis.reuse_rate!, 0.4, 0.9);
    const price = measuredScore(kpis.cost_per_device!, 5, 25);
    expect(kpis.reuse_rate).toBeCloseTo(2 / 3);
    const [first, second, third] = a.results;
    expect(first.measured).toBe(
      `QUALITY: reuse_rate 66.7% over 2026-09 – 2026-10 → ${Math.round(quality * 10) / 10}; LOSS: lost_rate 0% over 2026-09 – 2026-10 → 5 (typed 2 kept); PRICE: cost_per_device ${Math.round(kpis.cost_per_device! * 100) / 100} over 2026-09 – 2026-10 → ${Math.round(price * 10) / 10}`,
    );
    // The score uses the measured QUALITY and PRICE, and the typed LOSS 2 (not the measured 5).
    const withTyped = assessPartners(
      fw,
      [partners[0], [...partners[1].slice(0, 4), quality, 2, price, 3, 3, 4]],
      { timeZone: TZ, trials: 10 },
    );
    expect(first.score).toBeCloseTo(withTyped.results[0].score!);
    // A cell holding something that is not a score is the person's too: not filled.
    expect(second.measured).toContain('QUALITY: reuse_rate 66.7% over 2026-09 – 2026-10 → ');
    expect(second.measured).toContain('(typed n/a kept)');
    expect(third.measured).toBe('');
  });
});
