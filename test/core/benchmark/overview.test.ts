import fc from 'fast-check';
import { Cell, Grid } from '../../../src/core/cells';
import { benchmarkModel } from '../../../src/core/benchmark/model';
import { LIST_LIMIT, overviewLayout } from '../../../src/core/benchmark/overview';
import { BENCHMARK_DIMENSIONS } from '../../../src/core/schema/lists';
import { fact, FR_GRID, HEADER, NOW } from './fixture';

const model = benchmarkModel([
  { code: 'FR', tab: 'Benchmark FR', grid: FR_GRID },
  {
    code: 'DE',
    tab: 'Benchmark DE',
    grid: [HEADER, fact('law', 'ElektroG', { year: 2015, status: 'to verify' })],
  },
  { code: 'UK', tab: 'Benchmark UK', grid: null },
]);

/** The row of the side-by-side block whose first cell is `label`, after the section titled `section`. */
function rowOf(values: Grid, section: string, label: string): Cell[] {
  const start = values.findIndex((r) => String(r[0]).startsWith(section));
  return values.slice(start).find((r) => String(r[0]).startsWith(label))!;
}

describe('Benchmark overview layout', () => {
  test('countries side by side on every dimension: counts, coverage, review status', () => {
    const layout = overviewLayout(model, NOW, 12);
    const side = layout.blocks[1].values;
    expect(side[0]).toEqual(['Findings per dimension', 'FR', 'DE', 'UK']);
    expect(side[1]).toEqual(['Country', 'France', 'Germany', 'United Kingdom']);
    for (const d of BENCHMARK_DIMENSIONS)
      expect(rowOf(side, 'Findings per dimension', d)).toHaveLength(4);
    expect(rowOf(side, 'Findings per dimension', 'law')).toEqual(['law: e-waste law', 2, 1, 0]);
    expect(rowOf(side, 'Findings per dimension', 'All findings')).toEqual([
      'All findings',
      7,
      1,
      0,
    ]);
    expect(rowOf(side, 'Coverage', 'law').slice(1)).toEqual(['✓', '?', '✗']);
    expect(rowOf(side, 'Coverage', 'Dimensions with').slice(1)).toEqual([
      '4 / 10',
      '0 / 10',
      '0 / 10',
    ]);
    expect(rowOf(side, 'Review status', 'To verify').slice(1)).toEqual([2, 1, 0]);
    expect(rowOf(side, 'Review status', 'Due for review').slice(1)).toEqual([3, 1, 0]);
    expect(rowOf(side, 'Review status', 'Due for review')[0]).toBe(
      'Due for review (never, over 12 months ago, or a future date)',
    );
    expect(rowOf(side, 'Review status', 'Tab problems')[3]).toMatch(
      /tab 'Benchmark UK' is missing/,
    );
    expect(rowOf(side, 'Key figures', 'Repair bonus')[1]).toBe('Repair bonus amount: 25 EUR');
    expect(
      rowOf(
        overviewLayout(model, NOW, 48).blocks[1].values,
        'Review status',
        'Due for review',
      ).slice(1),
    ).toEqual([2, 1, 0]); // never reviewed stays due, however long the staleness
  });

  test('colour rules point at the gap, to-verify and stale cells', () => {
    const layout = overviewLayout(model, NOW, 12);
    const side = layout.blocks[1].values;
    const stale = layout.rules.find((r) => r.background === '#f9cb9c')!;
    const box = stale.ranges[0];
    expect(side[box.row - 4][0]).toMatch(/^Due for review/);
    expect([box.column, box.columns]).toEqual([2, 3]);
    const cross = layout.rules.find((r) => r.value === '✗')!.ranges[0];
    expect(side[cross.row - 4][0]).toMatch(/^law/);
    expect(cross.rows).toBe(10);
  });

  test('lists: due facts by tab and row, global context, notes (with the UK rule)', () => {
    const layout = overviewLayout(model, NOW, 12);
    const due = layout.blocks[3].values;
    expect(due[0][0]).toBe('Facts due for review: 4');
    expect(due.slice(2).map((r) => [r[1], r[2]])).toEqual([
      ['Benchmark FR', 4],
      ['Benchmark FR', 6],
      ['Benchmark FR', 7],
      ['Benchmark DE', 2],
    ]);
    expect(due[3][5]).toBe('2025-11-25');
    expect(layout.blocks[6].values).toHaveLength(2 + 13);
    expect(layout.blocks[7].values.map((r) => r[0]).join('\n')).toMatch(/UK left the EU/);
  });

  test('the shape of the layout (blocks, headers, rules) does not depend on the amount of data', () => {
    const shape = (m: typeof model) => {
      const l = overviewLayout(m, NOW, 12);
      return [
        l.blocks.length,
        l.headers.length,
        l.titles.length,
        l.wrap.length,
        l.rules.map((r) => r.ranges.length),
      ];
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 20 }),
        (rows, countries) => {
          const grid: Grid = [
            HEADER,
            ...Array.from({ length: rows }, (_, i) =>
              fact(BENCHMARK_DIMENSIONS[i % 10], `t${i}`, {
                year: 2000 + (i % 27),
                best: i % 7 ? '' : 'bp',
              }),
            ),
          ];
          const big = benchmarkModel(
            Array.from({ length: countries }, (_, i) => ({
              code: `C${i}`,
              tab: `Benchmark C${i}`,
              grid,
            })),
          );
          expect(shape(big)).toEqual(shape(model));
          const due = overviewLayout(big, NOW, 12).blocks[3].values;
          expect(due.length).toBeLessThanOrEqual(LIST_LIMIT + 3);
        },
      ),
      { numRuns: 15 },
    );
  });
});
