/**
 * The contract functions called from the built bundle as Sheets calls them: 2-D arrays, empty
 * optional arguments as "" or undefined, in AuthMode.CUSTOM_FUNCTION. Reference values come from
 * published worked examples (sources cited; the core tests document how each was checked).
 */
import * as path from 'node:path';
import { createRuntime } from '../../local/runtime';
import { loadBundle } from '../../local/load-bundle';
import { FACTORS_SEED } from '../../src/core/kpi/factors';
import { fixtureGrid } from '../core/kpi/fixture';

const DIST = path.resolve(__dirname, '../../dist');
const rt = createRuntime({ now: new Date(Date.UTC(2026, 10, 26)) });
const bundle = loadBundle(rt, DIST);
const run = (name: string, ...args: unknown[]) => bundle.runCustomFunction(name, ...args);
const errorOf = (r: unknown) => (r as { error?: string }).error ?? '';

describe('custom functions from the bundle', () => {
  test('CIRC_TOPSIS: Hwang & Yoon (1981, pp. 133–134) aircraft example, closeness 0.643 / 0.268 / 0.613 / 0.312', () => {
    const matrix = [
      [2.0, 1500, 20000, 5.5, 5, 9],
      [2.5, 2700, 18000, 6.5, 3, 5],
      [1.8, 2000, 21000, 4.5, 7, 7],
      [2.2, 1800, 20000, 5.0, 5, 5],
    ];
    const out = run(
      'CIRC_TOPSIS',
      matrix,
      [[0.2, 0.1, 0.1, 0.1, 0.2, 0.3]],
      [['max', 'max', 'max', 'cost', 'benefit', '+']],
    ) as number[][];
    [0.643, 0.268, 0.613, 0.312].forEach((c, i) =>
      expect(Math.abs(out[i][0] - c)).toBeLessThanOrEqual(0.001),
    );
  });

  test('CIRC_AHP_WEIGHTS / CIRC_AHP_CR: Saaty (2008) drinks example, upper triangle only, fractions as text', () => {
    const full = [
      ['1', '9', '5', '2', '1', '1', '1/2'],
      ['', '1', '1/3', '1/9', '1/9', '1/9', '1/9'],
      ['', '', '1', '1/3', '1/4', '1/3', '1/9'],
      ['', '', '', '1', '1/2', '1', '1/3'],
      ['', '', '', '', '1', '2', '1/2'],
      ['', '', '', '', '', '1', '1/3'],
      ['', '', '', '', '', '', '1'],
    ];
    const w = (run('CIRC_AHP_WEIGHTS', full) as number[][]).map((r) => r[0]);
    [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327].forEach((x, i) =>
      expect(w[i]).toBeCloseTo(x, 3),
    );
    expect(run('CIRC_AHP_CR', full) as number).toBeCloseTo(0.022, 3);
  });

  test('CIRC_RANK ranks like RANK, within groups; CIRC_SCORE treats "" and undefined optional args alike', () => {
    expect(run('CIRC_RANK', [[10], [20], [20], [5]])).toEqual([[3], [1], [1], [4]]);
    expect(run('CIRC_RANK', [[10], [20], [7], [5]], [['FR'], ['FR'], ['DE'], ['DE']])).toEqual([
      [2],
      [1],
      [1],
      [2],
    ]);
    const scores = [
      [5, 3],
      [1, ''],
    ];
    expect(run('CIRC_SCORE', scores, [[1], [1]], '', 1, 5)).toEqual(
      run('CIRC_SCORE', scores, [[1, 1]]),
    );
    expect(
      run(
        'CIRC_NORMALIZE',
        [
          [1, 10],
          [3, 20],
        ],
        undefined,
        'max',
      ),
    ).toEqual([
      [1 / 3, 0.5],
      [1, 1],
    ]);
  });

  test('CIRC_STRENGTHS / CIRC_WEAKNESSES / CIRC_RANK_STABILITY answer a whole column', () => {
    const scores = [
      [5, 2, 4],
      [3, 3, 3],
      ['', '', ''],
    ];
    const names = [['Data security', 'Cost', 'Capacity']];
    expect(run('CIRC_STRENGTHS', scores, [[2, 1, 1]], names, 1)).toEqual([
      ['Data security (5/5)'],
      [''],
      [''],
    ]);
    expect(run('CIRC_WEAKNESSES', scores, [[2, 1, 1]], names)).toEqual([
      ['Cost (2/5)'],
      [''],
      [''],
    ]);
    const stability = run('CIRC_RANK_STABILITY', scores, [[2, 1, 1]]) as (number | string)[][];
    expect(stability).toHaveLength(3);
    expect(stability[0][0]).toBe(1);
    expect(stability[2][0]).toBe('');
  });

  test.each([
    [
      'text in a number column',
      'CIRC_SCORE',
      [[[5, 'abc']], [[1, 1]]],
      /CIRC_SCORE: scores, row 1, column 2 \(B1 of the range\): expected a number between 1 and 5, got the text "abc"/,
    ],
    ['an error value', 'CIRC_SCORE', [[[5, '#N/A']], [[1, 1]]], /scores, row 1, column 2.*#N\/A/],
    [
      'weights of the wrong length',
      'CIRC_SCORE',
      [[[5, 4]], [[1, 1, 1]]],
      /CIRC_SCORE: weights: expected 2 weights/,
    ],
    [
      'negative weight',
      'CIRC_SCORE',
      [[[5, 4]], [[1, -1]]],
      /CIRC_SCORE: weights.*column 2.*expected a weight of 0 or more/,
    ],
    [
      'all-zero weights',
      'CIRC_TOPSIS',
      [
        [
          [5, 4],
          [3, 2],
        ],
        [[0, 0]],
      ],
      /CIRC_TOPSIS: weights.*all 0/,
    ],
    [
      'unknown direction',
      'CIRC_SCORE',
      [[[5, 4]], [[1, 1]], [['benefit', 'sideways']]],
      /CIRC_SCORE: directions.*column 2.*expected benefit or cost/,
    ],
    [
      'non-square pairwise',
      'CIRC_AHP_WEIGHTS',
      [
        [
          [1, 2, 3],
          [0.5, 1, 2],
        ],
      ],
      /CIRC_AHP_WEIGHTS: pairwise: expected a square matrix/,
    ],
    [
      'non-positive pairwise',
      'CIRC_AHP_CR',
      [
        [
          [1, -2],
          ['', 1],
        ],
      ],
      /CIRC_AHP_CR: pairwise, row 1, column 2.*expected a positive number/,
    ],
    [
      'more than 15 criteria',
      'CIRC_AHP_WEIGHTS',
      [
        Array.from({ length: 16 }, (_, i) =>
          Array.from({ length: 16 }, (__, j) => (i === j ? 1 : '')),
        ),
      ],
      /expected at most 15 criteria/,
    ],
  ])('%s answers a clear error, never a number', (_what, fn, args, message) => {
    const r = run(fn as string, ...(args as unknown[]));
    expect(errorOf(r)).toMatch(message as RegExp);
  });

  test('a date is named by the day the spreadsheet shows (its time zone), asked for only when needed', () => {
    // A date cell of 3 Oct 2026 in a Europe/Paris spreadsheet is 22:00 UTC on 2 Oct.
    expect(rt.spreadsheet!.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    const date = new Date(Date.UTC(2026, 9, 2, 22));
    rt.ctx.resetCalls();
    expect(run('CIRC_SCORE', [[5, 4]], [[1, 1]])).toEqual([[0.875]]);
    expect(rt.ctx.totalCalls()).toBe(0); // a clean answer costs no service call
    expect(errorOf(run('CIRC_SCORE', [[5, date]], [[1, 1]]))).toMatch(
      /CIRC_SCORE: scores, row 1, column 2 \(B1 of the range\): expected a number between 1 and 5, got the date 2026-10-03\./,
    );
    expect(errorOf(run('CIRC_RANK', [[date]]))).toMatch(/got the date 2026-10-03/);
    expect(run('CIRC_STRENGTHS', [[5, 1]], [[1, 1]], [[date, 'Cost']], 1)).toEqual([
      ['2026-10-03 (5/5)'],
    ]);
    // What Sheets would show for the same cell in a UTC spreadsheet: the day before.
    rt.runAs('FULL', () => rt.spreadsheet!.setSpreadsheetTimeZone('UTC'));
    try {
      expect(errorOf(run('CIRC_SCORE', [[5, date]], [[1, 1]]))).toMatch(
        /got the date 2026-10-02\./,
      );
    } finally {
      rt.runAs('FULL', () => rt.spreadsheet!.setSpreadsheetTimeZone('Europe/Paris'));
    }
  });

  test('CIRC_KPI_TABLE: a KPI × month grid in one execution, each cell as CIRC_KPI answers it', () => {
    const data = fixtureGrid();
    const ids = ['requests', 'reuse_rate', '', 'co2e_kg'];
    const months = ['2026-09', '', '2026-10'];
    rt.ctx.resetCalls();
    const one = run('CIRC_KPI', 'requests', '2026-10', data, FACTORS_SEED);
    const perExecution = rt.ctx.totalCalls();
    rt.ctx.resetCalls();
    const out = run(
      'CIRC_KPI_TABLE',
      ids.map((id) => [id]),
      [months],
      data,
      FACTORS_SEED,
    ) as (number | string)[][];
    // The whole grid costs the service calls of one CIRC_KPI cell (the time zone), not one each.
    expect(rt.ctx.totalCalls()).toBe(perExecution);
    expect(out).toEqual(
      ids.map((id) =>
        months.map((m) => (id && m ? run('CIRC_KPI', id, m, data, FACTORS_SEED) : '')),
      ),
    );
    expect(out[0][2]).toBe(one);
    expect(
      errorOf(run('CIRC_KPI_TABLE', [['requests'], [''], ['reuse']], '2026-10', data)),
    ).toMatch(/^CIRC_KPI_TABLE: kpis, row 3, column 1 \(A3 of the range\): expected a KPI id/);
  });

  test('CIRC_SCORE answers 10,000 rows in one call', () => {
    const scores = Array.from({ length: 10000 }, (_, i) =>
      Array.from({ length: 20 }, (__, j) => 1 + ((i + j) % 5)),
    );
    const out = run('CIRC_SCORE', scores, [Array.from({ length: 20 }, () => 1)]) as number[][];
    expect(out).toHaveLength(10000);
    expect(out[0][0]).toBeCloseTo(0.5);
  });
});

test('CIRC_STRENGTHS / CIRC_WEAKNESSES take optional directions: a cheap partner (cost 1) is strong on cost', () => {
  const scores = [[5, 1, 3]];
  const names = [['Data security', 'Cost', 'Capacity']];
  // Read as benefits, a 1 on cost is the weakest point...
  expect(run('CIRC_WEAKNESSES', scores, [[1, 1, 1]], names, 1)).toEqual([['Cost (1/5)']]);
  // ...with directions it is, with data security, the strongest, and capacity is the weak one.
  expect(
    run('CIRC_STRENGTHS', scores, [[1, 1, 1]], names, '', [['benefit', 'cost', 'benefit']]),
  ).toEqual([['Data security (5/5), Cost (1/5)']]);
  expect(
    run('CIRC_WEAKNESSES', scores, [[1, 1, 1]], names, undefined, [['benefit', 'cost', 'benefit']]),
  ).toEqual([['Capacity (3/5)']]);
});
