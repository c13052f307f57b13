import fc from 'fast-check';
import { Cell, Grid } from '../../src/core/cells';
import { FACTORS_SEED } from '../../src/core/kpi/factors';
import { KPI_IDS } from '../../src/core/kpi/registry';
import { sampleOrderGrid } from '../../src/core/sample/orders';
import { circKpi } from '../../src/functions/kpi-functions';
import { circKpiTable } from '../../src/functions/kpi-table';
import { fixtureGrid, fixtureGridFrenchWeights, utc } from '../core/kpi/fixture';
import { userErrorMessage } from '../helpers/user-error';

const message = userErrorMessage;

/** What a grid of CIRC_KPI formulas would show: one call per non-blank cell. */
function gridOfCircKpi(
  kpis: Cell[],
  months: Cell[],
  data: Grid,
  factors: Grid | undefined,
  tz: string,
): (number | string)[][] {
  const blank = (c: Cell) => c === '' || c === null;
  return kpis.map((k) =>
    months.map((m) => (blank(k) || blank(m) ? '' : circKpi(k, m, data, factors, tz))),
  );
}

describe('CIRC_KPI_TABLE', () => {
  const data = fixtureGrid();

  test('every KPI of the registry × five months equals CIRC_KPI cell by cell', () => {
    const months = ['2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
    const out = circKpiTable(
      KPI_IDS.map((id) => [id]),
      [months],
      data,
      FACTORS_SEED,
    );
    expect(out).toEqual(gridOfCircKpi([...KPI_IDS], months, data, FACTORS_SEED, 'UTC'));
    // Spot checks against the hand-computed fixture (kpi-functions.test.ts): October.
    expect(out[KPI_IDS.indexOf('requests')][2]).toBe(7);
    expect(out[KPI_IDS.indexOf('reuse_rate')][2]).toBe(0.5);
    // A ratio with nothing to divide is blank, a count 0 (August has no inspected order).
    expect(out[KPI_IDS.indexOf('reuse_rate')][0]).toBe('');
    expect(out[KPI_IDS.indexOf('requests')][4]).toBe(0);
  });

  test('blank ids answer blank rows and blank months blank columns; no headers echoed', () => {
    const out = circKpiTable(
      [['requests'], [''], ['Reuse rate']],
      [['2026-10', '', utc('11-15 12:00')]],
      data,
    );
    expect(out).toEqual([
      [7, '', circKpi('requests', '2026-11', data)],
      ['', '', ''],
      [0.5, '', circKpi('reuse_rate', '2026-11', data)],
    ]);
    // One id and one month: a 1 × 1 grid.
    expect(circKpiTable('requests', '2026-10', data)).toEqual([[7]]);
    // Everything blank: a blank grid of the same shape, factors not needed.
    expect(circKpiTable([[''], ['']], [['', '']], data)).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  test('reads the data range once for the whole grid (the locale is asked for once)', () => {
    const grid = fixtureGridFrenchWeights();
    let asked = 0;
    const fr = () => (asked++, 'fr_FR');
    const out = circKpiTable(
      [['weight_kg'], ['requests'], ['reuse_rate']],
      [['2026-09', '2026-10', '2026-11']],
      grid,
      undefined,
      'UTC',
      undefined,
      fr,
    );
    expect(asked).toBe(1);
    expect(out[0][1]).toBeCloseTo(3.08, 10);
  });

  test("the team's labels and the time zone are passed through as CIRC_KPI takes them", () => {
    const grid = fixtureGrid();
    const outcome = grid[0].indexOf('Outcome');
    grid.forEach((r, i) => i && r[outcome] === 'reused' && (r[outcome] = 'Grade A'));
    const labels = [
      ['Label', 'Outcome'],
      ['grade a', 'reused'],
    ];
    expect(circKpiTable('reuse_rate', '2026-10', grid, undefined, 'UTC', labels)).toEqual([
      [circKpi('reuse_rate', '2026-10', grid, undefined, 'UTC', labels)],
    ]);
    grid[8][1] = utc('10-31 23:30'); // created 31 Oct 23:30 UTC: November in Paris
    expect(circKpiTable('requests', [['2026-10', '2026-11']], grid, '', 'Europe/Paris')).toEqual([
      [
        circKpi('requests', '2026-10', grid, '', 'Europe/Paris'),
        circKpi('requests', '2026-11', grid, '', 'Europe/Paris'),
      ],
    ]);
  });

  test('a bad id or month makes the whole call an error naming its cell', () => {
    const ids = KPI_IDS.join(', ');
    expect(message(() => circKpiTable([['requests'], [''], ['reuse']], [['2026-10']], data))).toBe(
      `CIRC_KPI_TABLE: kpis, row 3, column 1 (A3 of the range): expected a KPI id (${ids}), got the text "reuse".`,
    );
    expect(message(() => circKpiTable('requests', [['2026-10', 'Octember']], data))).toBe(
      'CIRC_KPI_TABLE: months, row 1, column 2 (B1 of the range): expected a month such as 2026-10, or a date inside it, got the text "Octember".',
    );
    expect(message(() => circKpiTable('#N/A', '2026-10', data))).toMatch(
      /^CIRC_KPI_TABLE: kpis: expected a KPI id .*, got the error #N\/A\.$/,
    );
  });

  test('kpis go down a column and months across a row; anything else is refused', () => {
    expect(message(() => circKpiTable([['requests', 'received']], '2026-10', data))).toBe(
      `CIRC_KPI_TABLE: kpis: expected a KPI id (${KPI_IDS.join(', ')}), or a column of them, got a row of 2 cells.`,
    );
    expect(message(() => circKpiTable('requests', [['2026-10'], ['2026-11']], data))).toBe(
      'CIRC_KPI_TABLE: months: expected a month such as 2026-10, or a date inside it, or a row of them, got a column of 2 cells.',
    );
    expect(
      message(() =>
        circKpiTable(
          [
            ['requests', 'received'],
            ['inspected', 'conversion'],
          ],
          '2026-10',
          data,
        ),
      ),
    ).toBe(
      'CIRC_KPI_TABLE: kpis: expected KPI ids in a single row or column, got a range of 2 rows × 2 columns.',
    );
    expect(message(() => circKpiTable(undefined as unknown as Cell, '2026-10', data))).toMatch(
      /^CIRC_KPI_TABLE: kpis: expected a KPI id .*, got nothing\.$/,
    );
  });

  test('co2e_kg needs the factors; a data range CIRC_KPI refuses is refused alike', () => {
    expect(message(() => circKpiTable([['requests'], ['co2e_kg']], '2026-10', data))).toBe(
      'CIRC_KPI_TABLE: factors: expected the Factors table including its header row (co2e_kg needs it), got nothing.',
    );
    // The same reader as CIRC_KPI: the same message, under its own name.
    const renamed = fixtureGrid();
    renamed[0][12] = 'Score';
    for (const bad of ['A1:N9', renamed]) {
      const asCircKpi = message(() => circKpi('requests', '2026-10', bad));
      expect(asCircKpi).toMatch(/^CIRC_KPI: data_range: /);
      expect(message(() => circKpiTable('requests', '2026-10', bad))).toBe(
        asCircKpi.replace('CIRC_KPI:', 'CIRC_KPI_TABLE:'),
      );
    }
  });

  test('property: any ids, months (text, dates, blanks) and zone — each cell equals CIRC_KPI', () => {
    const asOf = new Date(Date.UTC(2026, 9, 20, 12));
    const month = fc.oneof(
      fc.integer({ min: 0, max: 29 }).map((k) => {
        const y = 2024 + Math.floor((k + 8) / 12);
        return `${y}-${String(((k + 8) % 12) + 1).padStart(2, '0')}`;
      }),
      fc
        .integer({ min: Date.UTC(2024, 8, 1), max: Date.UTC(2026, 11, 31) })
        .map((t): Cell => new Date(t)),
      fc.constant(''),
    );
    const kpi = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom<Cell>(...KPI_IDS) },
      { weight: 1, arbitrary: fc.constantFrom<Cell>('', 'Reuse rate') },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(kpi, { minLength: 1, maxLength: 4 }),
        fc.array(month, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York'),
        (seed, kpis, months, tz) => {
          const grid = sampleOrderGrid(60, asOf, seed);
          const out = circKpiTable(
            kpis.map((k) => [k]),
            [months],
            grid,
            FACTORS_SEED,
            tz,
          );
          expect(out).toEqual(gridOfCircKpi(kpis, months, grid, FACTORS_SEED, tz));
        },
      ),
      { numRuns: 40 },
    );
  });
});
