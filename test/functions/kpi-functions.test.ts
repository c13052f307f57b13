import { FACTORS_SEED } from '../../src/core/kpi/factors';
import { KPI_IDS } from '../../src/core/kpi/registry';
import { circCo2e, circKpi } from '../../src/functions/kpi-functions';
import { fixtureGrid, fixtureGridFrenchWeights, utc } from '../core/kpi/fixture';
import { userErrorMessage } from '../helpers/user-error';

const message = userErrorMessage;

describe('circKpi', () => {
  const data = fixtureGrid();
  const factors = FACTORS_SEED;

  test('each KPI for October 2026 matches the hand-computed fixture', () => {
    const expected: Record<string, number> = {
      requests: 7,
      kits_sent: 5,
      received: 5,
      inspected: 4,
      conversion: 5 / 7,
      lead_time_median: 9.5,
      lead_time_p90: 10.6,
      // Inspected − Received of A1, A2, A6 (1 day each) and A3 (1.375 days).
      inspection_lead_time_median: 1,
      reuse_rate: 0.5,
      recycle_rate: 0.25,
      weight_kg: 3.08,
      co2e_kg: 98.4,
      erasure_coverage: 0.8,
      csat: 4.25,
      complaints_per_1000: 2000 / 7,
      cost_per_device: 15,
      // Payouts of the five orders received in October: (80 + 60 + 0 + 50 + 0) / 5.
      payout_per_device: 38,
      lost_rate: 0.2,
    };
    for (const id of KPI_IDS)
      expect(circKpi(id, '2026-10', data, factors, 'UTC')).toBeCloseTo(expected[id], 10);
  });

  test('month as a Date inside it, or a label; factors optional except for co2e_kg', () => {
    expect(circKpi('requests', utc('10-17 12:00'), data, undefined, 'UTC')).toBe(7);
    expect(circKpi('Reuse rate', '2026-10', data, '', 'UTC')).toBe(0.5);
    expect(circKpi([['requests']], [['Oct 2026']], data)).toBe(7);
  });

  test("labels: French labels are known without it; the team's own come as a two-column range", () => {
    const grid = fixtureGrid();
    const outcome = grid[0].indexOf('Outcome');
    const relabel = (from: string, to: string) =>
      grid.forEach((r, i) => i && r[outcome] === from && (r[outcome] = to));
    relabel('reused', 'Réutilisé');
    expect(circKpi('reuse_rate', '2026-10', grid, undefined, 'UTC')).toBe(0.5);
    relabel('Réutilisé', 'Grade A');
    expect(circKpi('reuse_rate', '2026-10', grid, undefined, 'UTC')).not.toBe(0.5);
    const labels = [
      ['Label', 'Outcome'],
      ['grade a', 'reused'],
    ];
    expect(circKpi('reuse_rate', '2026-10', grid, undefined, 'UTC', labels)).toBe(0.5);
    expect(
      message(() =>
        circKpi('reuse_rate', '2026-10', grid, undefined, 'UTC', [['Grade A', 'vanished']]),
      ),
    ).toMatch(/^CIRC_KPI: labels, row 1: 'vanished' is not an outcome/);
  });

  test('numbers written as text are read in the spreadsheet locale, asked for only when needed', () => {
    const grid = fixtureGridFrenchWeights();
    let asked = 0;
    const fr = () => (asked++, 'fr_FR');
    expect(circKpi('weight_kg', '2026-10', grid, undefined, 'UTC', undefined, fr)).toBeCloseTo(
      3.08,
      10,
    );
    expect(asked).toBe(1);
    asked = 0;
    circKpi('requests', '2026-10', fixtureGrid(), undefined, 'UTC', undefined, fr);
    expect(asked).toBe(0);
  });

  test('a ratio with nothing to divide is blank, a count is 0', () => {
    expect(circKpi('reuse_rate', '2026-08', data, undefined, 'UTC')).toBe('');
    expect(circKpi('requests', '2026-12', data, undefined, 'UTC')).toBe(0);
    expect(circKpi('csat', '2026-12', data, undefined, 'UTC')).toBe('');
  });

  test('the time zone decides the month of an order near midnight', () => {
    const grid = fixtureGrid();
    grid[8][1] = utc('10-31 23:30'); // A8 created 31 Oct 23:30 UTC (received 3 Nov)
    expect(circKpi('requests', '2026-11', grid, undefined, 'Europe/Paris')).toBe(1);
    expect(circKpi('requests', '2026-11', grid, undefined, 'UTC')).toBe(0);
  });

  test('unknown KPI id → lists the valid ids', () => {
    const msg = message(() => circKpi('reuse', '2026-10', data));
    expect(msg).toBe(
      `CIRC_KPI: kpi: expected a KPI id (${KPI_IDS.join(', ')}), got the text "reuse".`,
    );
  });

  test('bad month, bad data range, missing factors, bad time zone', () => {
    expect(message(() => circKpi('requests', 'Octember', data))).toBe(
      'CIRC_KPI: month: expected a month such as 2026-10, or a date inside it, got the text "Octember".',
    );
    expect(message(() => circKpi('requests', '', data))).toMatch(
      /^CIRC_KPI: month: expected a month .*, got nothing\.$/,
    );
    expect(message(() => circKpi('requests', '2026-10', 'A1:N9'))).toMatch(
      /^CIRC_KPI: data_range: expected the KPI Data table including its header row/,
    );
    const renamed = fixtureGrid();
    renamed[0][12] = 'Score';
    expect(message(() => circKpi('requests', '2026-10', renamed))).toMatch(
      /^CIRC_KPI: data_range: KPI Data: missing column "CSAT"\./,
    );
    expect(message(() => circKpi('co2e_kg', '2026-10', data))).toBe(
      'CIRC_KPI: factors: expected the Factors table including its header row (co2e_kg needs it), got nothing.',
    );
    expect(message(() => circKpi('requests', '2026-10', data, undefined, 'Mars/Olympus'))).toMatch(
      /^CIRC_KPI: timeZone: Unknown time zone/,
    );
  });
});

describe('circCo2e', () => {
  const f = FACTORS_SEED;

  test('factor × units per row; blank rows blank; no factor blank', () => {
    const out = circCo2e(
      [['smartphone'], ['laptop'], [''], ['tablet'], ['smartwatch'], ['Laptop']],
      [['refurbished'], ['reused'], [''], ['refurbished'], ['refurbished'], ['Recycled']],
      [[1], [2], [''], [''], [1], [3]],
      f,
    );
    // 24.6 × 2 years × 1; 27 × 2 × 2 = 108; blank; 33.1 × 1 (blank units = 1); no factor; 0 × 3.
    expect(out).toEqual([[49.2], [108], [''], [33.1], [''], [0]]);
  });

  test('a single units cell applies to every row; rows may be a row range', () => {
    expect(circCo2e([['smartphone', 'laptop']], [['reused', 'refurbished']], 10, f)).toEqual([
      [492],
      [540],
    ]);
  });

  test('bad input names the function, the argument and the cell', () => {
    expect(
      message(() => circCo2e([['smartphone'], ['laptop']], [['reused'], ['refurb']], 1, f)),
    ).toBe(
      'CIRC_CO2E: outcomes, row 2, column 1 (A2 of the range): expected an outcome (reused, refurbished, recycled, returned, lost, rejected), got the text "refurb".',
    );
    expect(message(() => circCo2e([['smartphone'], ['laptop']], [['reused']], 1, f))).toBe(
      'CIRC_CO2E: outcomes: expected as many cells as categories (2), got 1.',
    );
    expect(
      message(() =>
        circCo2e([['smartphone'], ['laptop']], [['reused'], ['reused']], [[1], [-2]], f),
      ),
    ).toBe(
      'CIRC_CO2E: units, row 2, column 1 (A2 of the range): expected a number of devices, 0 or more, got number -2.',
    );
    expect(message(() => circCo2e('smartphone', 'reused', 1, ''))).toBe(
      'CIRC_CO2E: factors: expected the Factors table including its header row, got nothing.',
    );
    expect(message(() => circCo2e('smartphone', 'reused', 1, [['Category', 'Outcome']]))).toMatch(
      /^CIRC_CO2E: factors: Factors: missing column "kg CO2e avoided per unit"/,
    );
  });
});
