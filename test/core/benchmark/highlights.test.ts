import { coverageMatrix } from '../../../src/core/benchmark/coverage';
import { benchmarkHighlights } from '../../../src/core/benchmark/highlights';
import { benchmarkModel } from '../../../src/core/benchmark/model';
import { fact, FR_GRID, HEADER, NOW } from './fixture';

const model = benchmarkModel([
  { code: 'FR', tab: 'Benchmark FR', grid: FR_GRID },
  {
    code: 'DE',
    tab: 'Benchmark DE',
    grid: [HEADER, fact('law', 'ElektroG', { year: 2015, status: 'to verify' })],
  },
  { code: 'US', tab: 'Benchmark US', grid: null },
]);

describe('benchmark highlights', () => {
  test('due for review: dated fixtures, by country, tab and row', () => {
    const h = benchmarkHighlights(model, NOW, 12);
    expect(h.dueForReview.map((d) => [d.country, d.tab, d.row, d.topic])).toEqual([
      ['FR', 'Benchmark FR', 4, 'Scheme'],
      ['FR', 'Benchmark FR', 6, 'Collection rate 2023'],
      ['FR', 'Benchmark FR', 7, 'Repair bonus amount'],
      ['DE', 'Benchmark DE', 2, 'ElektroG'],
    ]);
    expect(h.dueForReview[1].lastReviewed).toEqual(new Date('2025-11-25T00:00:00Z'));
    expect(h.dueForReview[0].year).toBe(2024);
    expect(h.dueForReview.map((d) => d.reason)).toEqual([
      'never reviewed (Last reviewed is blank)',
      'last reviewed 2025-11-25',
      'never reviewed (Last reviewed is blank)',
      'never reviewed (Last reviewed is blank)',
    ]);
    // A longer staleness lets the fact reviewed in November 2025 off; never reviewed stays due.
    expect(benchmarkHighlights(model, NOW, 24).dueForReview.map((d) => d.row)).toEqual([4, 7, 2]);
  });

  test('best practices: rows with a Best practice and best_practice rows', () => {
    expect(benchmarkHighlights(model, NOW, 12).bestPractices).toEqual([
      {
        country: 'FR',
        topic: 'Good idea',
        text: 'Do the good thing',
        source: 'source of Good idea',
      },
    ]);
  });

  test('coverage matrix: ✓ verified, ? to verify only, ✗ nothing', () => {
    const m = coverageMatrix(model);
    const row = (d: string) =>
      m
        .find((r) => r.dimension === d)!
        .cells.map((c) => `${c.country}${c.mark}`)
        .join(' ');
    expect(m).toHaveLength(10);
    expect(row('law')).toBe('FR✓ DE? US✗');
    expect(row('pro_scheme')).toBe('FR? DE✗ US✗');
    expect(row('repair')).toBe('FR✓ DE✗ US✗');
    expect(row('target')).toBe('FR✗ DE✗ US✗');
    expect(benchmarkHighlights(model, NOW, 12).matrix).toEqual(m);
  });
});
