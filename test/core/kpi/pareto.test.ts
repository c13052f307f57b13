/** Pareto of reasons: what is counted, grouping as people type, order, shares, the tail, the notes. */
import { Order } from '../../../src/core/kpi/orders';
import { MAX_PARETO_ROWS, reasonPareto } from '../../../src/core/kpi/pareto';

const at = (d: string) => Date.parse(`${d}T10:00:00Z`);
let n = 0;
function order(p: Partial<Order>): Order {
  n++;
  return {
    row: n + 1,
    id: `O${n}`,
    created: at('2026-10-01'),
    category: 'smartphone',
    channel: 'mail-in kit',
    kitSent: at('2026-10-02'),
    received: at('2026-10-05'),
    inspected: at('2026-10-06'),
    outcome: 'recycled',
    weightKg: null,
    erasure: null,
    payoutEur: null,
    costEur: null,
    csat: null,
    complaint: false,
    reason: '',
    ...p,
  };
}

describe('reasonPareto', () => {
  const orders = [
    ...Array.from({ length: 5 }, () => order({ reason: 'Screen cracked' })),
    order({ reason: ' screen  CRACKED ' }),
    order({ reason: 'Écran cassé' }),
    order({ reason: 'ecran casse', outcome: 'rejected' }),
    order({ reason: 'Battery swollen', outcome: 'returned' }),
    order({ reason: 'Lost in transit', outcome: 'lost', inspected: null, received: null }),
    order({ reason: '' }),
    // Not counted: reused, or inspected outside the period, or lost with its kit sent before.
    order({ reason: 'Screen cracked', outcome: 'refurbished' }),
    order({ reason: 'Screen cracked', inspected: at('2026-09-30') }),
    order({
      reason: 'Lost in transit',
      outcome: 'lost',
      kitSent: at('2026-09-28'),
      received: null,
      inspected: null,
    }),
    order({ reason: 'Payout late', outcome: 'reused', complaint: true }),
    order({ reason: 'Payout late', outcome: 'reused', complaint: true, created: at('2026-11-02') }),
  ];

  test('not reused: recycled, returned, rejected inspected in the period and kits sent in it then lost', () => {
    const p = reasonPareto(orders, ['2026-10'], 'UTC', 'not_reused');
    expect(p.rows.map((r) => [r.reason, r.count])).toEqual([
      ['Screen cracked', 6],
      ['Écran cassé', 2],
      ['Battery swollen', 1],
      ['Lost in transit', 1],
    ]);
    expect(p.total).toBe(10);
    expect(p.unexplained).toBe(1);
    expect(p.rows.map((r) => r.share)).toEqual([0.6, 0.2, 0.1, 0.1]);
    expect(p.rows.map((r) => +r.cumulative.toFixed(12))).toEqual([0.6, 0.8, 0.9, 1]);
    expect(p.note).toBe(
      '10 order(s) not reused in 2026-10 with a reason; 1 more without one, not counted here.',
    );
  });

  test('complaints: orders created in the period with a complaint, whatever their outcome', () => {
    const p = reasonPareto(orders, ['2026-10'], 'UTC', 'complaints');
    expect(p.rows.map((r) => [r.reason, r.count])).toEqual([['Payout late', 1]]);
  });

  test(`more than ${MAX_PARETO_ROWS} reasons: the tail pooled in one last row`, () => {
    const many = Array.from({ length: 14 }, (_, i) =>
      Array.from({ length: 20 - i }, () =>
        order({ reason: `Reason ${String(i).padStart(2, '0')}` }),
      ),
    ).flat();
    const p = reasonPareto(many, ['2026-10'], 'UTC', 'not_reused');
    expect(p.rows).toHaveLength(MAX_PARETO_ROWS + 1);
    expect(p.rows[MAX_PARETO_ROWS]).toMatchObject({
      reason: 'Other (4 reasons)',
      count: 10 + 9 + 8 + 7,
    });
    expect(p.rows[MAX_PARETO_ROWS].cumulative).toBeCloseTo(1, 12);
  });

  test('nothing to count, or no Reason column: said, not an empty table', () => {
    expect(reasonPareto([], ['2026-10', '2026-11'], 'UTC', 'complaints').note).toBe(
      'No complaint(s) in 2026-10 to 2026-11.',
    );
    expect(reasonPareto(orders, ['2026-10'], 'UTC', 'not_reused', false).note).toMatch(
      /^No Reason column in KPI Data: add one to the right of Complaint/,
    );
  });
});
