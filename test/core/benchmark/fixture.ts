/**
 * Hand-made `Benchmark XX` grids for the core tests, in product.md's column order, with the
 * expected counts written next to them.
 */
import { Cell, Grid } from '../../../src/core/cells';
import { FACT_HEADERS } from '../../../src/core/benchmark/tab-columns';

export const HEADER: Cell[] = [...FACT_HEADERS];

/** One row: dimension, topic, value, unit, year, status, last reviewed (others filled plainly). */
export function fact(
  dimension: string,
  topic: string,
  opts: {
    value?: Cell;
    unit?: string;
    year?: Cell;
    status?: string;
    reviewed?: Cell;
    best?: string;
    source?: string;
  } = {},
): Cell[] {
  return [
    dimension,
    topic,
    `Finding about ${topic}`,
    opts.value ?? '',
    opts.unit ?? '',
    opts.year ?? '',
    '',
    opts.best ?? '',
    opts.status ?? 'verified',
    opts.source ?? `source of ${topic}`,
    opts.reviewed ?? '',
    '',
  ];
}

export const NOW = new Date(Date.UTC(2026, 10, 26, 9));
const d = (s: string) => new Date(`${s}T00:00:00Z`);

/**
 * With 12 staleness months (cut-off 2025-11-26):
 * row | topic       | year | reviewed   | status    | due?
 *  2  | Law A       | 2020 | 2026-01-10 | verified  | no  (reviewed recently)
 *  3  | Law B       | 2025 | 2026-06-01 | verified  | no
 *  4  | Scheme      | 2024 |            | to verify | yes (never reviewed)
 *  5  | (blank row)
 *  6  | Rate        | 2023 | 2025-11-25 | verified  | yes (reviewed a day too early)
 *  7  | Bonus       |      |            | verified  | yes (never reviewed)
 *  8  | EU: Repair  | 2026 | 2026-10-01 |           | no  (blank status = to verify)
 *  9  | Good idea   | 2026 | 2026-09-15 | verified  | no  (best practice)
 */
export const FR_GRID: Grid = [
  HEADER,
  fact('law', 'Law A', { year: 2020, reviewed: d('2026-01-10') }),
  fact('law', 'Law B', { year: 2025, reviewed: d('2026-06-01') }),
  fact('pro_scheme', 'Scheme', { year: 2024, status: 'to verify' }),
  new Array(12).fill(''),
  fact('statistic', 'Collection rate 2023', {
    value: 47.4,
    unit: '%',
    year: 2023,
    reviewed: '2025-11-25',
  }),
  fact('repair', 'Repair bonus amount', { value: 25, unit: 'EUR' }),
  fact('repair', 'EU: Repair directive', { year: 2026, status: '', reviewed: d('2026-10-01') }),
  fact('best_practice', 'Good idea', {
    year: 2026,
    best: 'Do the good thing',
    reviewed: d('2026-09-15'),
  }),
];
