import fc from 'fast-check';
import { Cell, UserError } from '../../src/core/cells';
import { DEFAULT_TRIALS, defaultTrials } from '../../src/core/scoring/stability';
import { weightedScore } from '../../src/core/scoring/weighted-sum';
import {
  circAhpCr,
  circAhpWeights,
  circNormalize,
  circRank,
  circRankStability,
  circScore,
  circStrengths,
  circTopsis,
  circWeaknesses,
} from '../../src/functions/scoring-functions';
import { RUNS, problem } from '../core/scoring/arbitraries';

const SCORES: Cell[][] = [
  [5, 4, 3],
  [1, '', 2],
  ['', '', ''],
  [3, 3, 5],
];
const W_ROW: Cell[][] = [[0.5, 0.3, 0.2]];
const W_COL: Cell[][] = [[0.5], [0.3], [0.2]];
const NAMES: Cell[][] = [['Data security', 'Capacity', 'Price']];

/** The message of the UserError `run` throws (fails the test if it returns instead). */
function errorOf(run: () => unknown): string {
  let result: unknown;
  try {
    result = run();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error(`expected an error, got ${JSON.stringify(result)}`);
}

describe('CIRC_SCORE', () => {
  it('answers a column of weighted scores, blank for a blank row', () => {
    const out = circScore(SCORES, W_ROW);
    expect(out).toHaveLength(4);
    expect(out[0][0]).toBeCloseTo(0.825, 12);
    expect(out[1][0]).toBeCloseTo((0.5 * 0 + 0.2 * 0.25) / 0.7, 12);
    expect(out[2]).toEqual(['']);
    expect(out[3][0]).toBeCloseTo(0.5 * 0.5 + 0.3 * 0.5 + 0.2 * 1, 12);
  });

  it('takes weights as a row or a column, and need not sum to 1 (percentages arrive as decimals)', () => {
    expect(circScore(SCORES, W_COL)).toEqual(circScore(SCORES, W_ROW));
    const scaled = circScore(SCORES, [[50, 30, 20]]);
    circScore(SCORES, W_ROW).forEach((r, i) =>
      expect(scaled[i][0]).toEqual(r[0] === '' ? '' : expect.closeTo(r[0] as number, 12)),
    );
  });

  it('accepts numeric text the way people type it', () => {
    expect(circScore([['5', '3,5']], [[1, 1]])).toEqual([[expect.closeTo((1 + 0.625) / 2, 12)]]);
  });

  it('inverts cost criteria, one direction per column or one for all', () => {
    expect(circScore([[5, 1]], [[1, 1]], [['benefit', 'COST']])).toEqual([[1]]);
    expect(circScore([[5, 1]], [[1, 1]], 'min')).toEqual([[0.5]]);
    expect(circScore([[5, 1]], [[1, 1]], [['', '-']])).toEqual([[1]]);
  });

  it('uses the given scale', () => {
    expect(circScore([[0, 10]], [[1, 3]], '', 0, 10)).toEqual([[0.75]]);
  });

  it('is blank for a row whose only scores have weight 0', () => {
    expect(circScore([[5, '']], [[0, 1]])).toEqual([['']]);
  });

  it('handles a single cell', () => {
    expect(circScore(4, 1)).toEqual([[0.75]]);
    expect(circScore('', 1)).toEqual([['']]);
  });

  it('scores 10,000 × 20 in one call', () => {
    const rows: Cell[][] = Array.from({ length: 10000 }, (_, i) =>
      Array.from({ length: 20 }, (_, j) => ((i + j) % 9) / 2 + 1),
    );
    const weights = [Array.from({ length: 20 }, (_, j) => j + 1)];
    const out = circScore(rows, weights, [
      Array.from({ length: 20 }, (_, j) => (j % 3 ? 'benefit' : 'cost')),
    ]);
    expect(out).toHaveLength(10000);
    expect(out.every((r) => typeof r[0] === 'number' && r[0] >= 0 && r[0] <= 1)).toBe(true);
  });

  it('agrees with the core for any scores, blanks and weights (1000 runs)', () => {
    fc.assert(
      fc.property(problem(), ({ rows, weights, directions }) => {
        const out = circScore(
          rows.map((r) => r.map((x) => (x === null ? '' : x))),
          weights.map((w) => [w]),
          [directions.map((d) => (d === 1 ? 'benefit' : 'cost'))],
        );
        return rows.every((r, i) => {
          const s = r.every((x) => x === null) ? null : weightedScore(r, weights, directions).score;
          return out[i][0] === (s === null ? '' : s);
        });
      }),
      RUNS,
    );
  });
});

describe('bad input answers a clear error, never a number', () => {
  it('text in a number column', () => {
    expect(
      errorOf(() =>
        circScore(
          [
            [5, 4],
            [3, 2],
            [1, 'abc'],
          ],
          [[1, 1]],
        ),
      ),
    ).toBe(
      'CIRC_SCORE: scores, row 3, column 2 (B3 of the range): expected a number between 1 and 5, got the text "abc".',
    );
  });

  it('an error value such as #N/A', () => {
    expect(errorOf(() => circScore([[5, '#N/A']], [[1, 1]]))).toBe(
      'CIRC_SCORE: scores, row 1, column 2 (B1 of the range): expected a number between 1 and 5, got the error #N/A.',
    );
    expect(
      errorOf(() =>
        circTopsis(
          [
            [1, 2],
            ['#DIV/0!', 3],
          ],
          [[1, 1]],
        ),
      ),
    ).toContain('CIRC_TOPSIS: matrix, row 2, column 1 (A2 of the range): expected a number');
    expect(errorOf(() => circRank([[1], ['#REF!']]))).toBe(
      'CIRC_RANK: values, row 2, column 1 (A2 of the range): expected a number (or a blank), got the error #REF!.',
    );
  });

  it('a score outside the scale', () => {
    expect(errorOf(() => circScore([[5, 7]], [[1, 1]]))).toBe(
      'CIRC_SCORE: scores, row 1, column 2 (B1 of the range): expected a number between 1 and 5, got number 7.',
    );
    expect(errorOf(() => circScore([[5, 11]], [[1, 1]], '', 0, 10))).toContain(
      'expected a number between 0 and 10, got number 11',
    );
    expect(
      errorOf(() =>
        circStrengths(
          [[0, 3]],
          [[1, 1]],
          NAMES.map((r) => r.slice(0, 2)),
        ),
      ),
    ).toContain(
      'CIRC_STRENGTHS: scores, row 1, column 1 (A1 of the range): expected a number between 1 and 5, got number 0.',
    );
  });

  it('booleans and dates are not scores', () => {
    expect(errorOf(() => circScore([[true]], 1))).toContain('got boolean true');
    expect(errorOf(() => circScore([[new Date(Date.UTC(2026, 0, 2))]], 1))).toContain(
      'got the date 2026-01-02',
    );
  });

  it('a weight vector of the wrong length or shape', () => {
    expect(errorOf(() => circScore(SCORES, [[0.5, 0.5]]))).toBe(
      'CIRC_SCORE: weights: expected 3 weights (one per column of scores), got 2.',
    );
    expect(errorOf(() => circTopsis(SCORES, [[1], [1], [1], [1]]))).toBe(
      'CIRC_TOPSIS: weights: expected 3 weights (one per column of matrix), got 4.',
    );
    expect(
      errorOf(() =>
        circScore(SCORES, [
          [1, 1, 1],
          [1, 1, 1],
        ]),
      ),
    ).toBe(
      'CIRC_SCORE: weights: expected weights in a single row or column, got a range of 2 rows × 3 columns.',
    );
    expect(errorOf(() => circScore(SCORES, undefined as unknown as Cell))).toBe(
      'CIRC_SCORE: weights: expected 3 weights (one per column of scores), got nothing.',
    );
  });

  it('negative, blank, text or all-zero weights', () => {
    expect(errorOf(() => circScore(SCORES, [[0.5], [-0.3], [0.2]]))).toBe(
      'CIRC_SCORE: weights, row 2, column 1 (A2 of the range): expected a weight of 0 or more (enter 0 to leave a criterion out), got number -0.3.',
    );
    expect(errorOf(() => circScore(SCORES, [[0.5, '', 0.2]]))).toContain(
      'weights, row 1, column 2 (B1 of the range): expected a weight of 0 or more',
    );
    expect(errorOf(() => circRankStability(SCORES, [[0.5, 'high', 0.2]]))).toContain(
      'CIRC_RANK_STABILITY: weights, row 1, column 2 (B1 of the range): expected a weight of 0 or more (enter 0 to leave a criterion out), got the text "high".',
    );
    expect(errorOf(() => circScore(SCORES, [[0, 0, 0]]))).toBe(
      'CIRC_SCORE: weights: expected at least one weight above 0, got all 0.',
    );
    expect(errorOf(() => circStrengths(SCORES, [[0, 0, 0]], NAMES))).toBe(
      'CIRC_STRENGTHS: weights: expected at least one weight above 0, got all 0.',
    );
  });

  it('an unknown direction, or directions of the wrong length', () => {
    expect(errorOf(() => circScore(SCORES, W_ROW, [['benefit', 'up', 'cost']]))).toBe(
      'CIRC_SCORE: directions, row 1, column 2 (B1 of the range): expected benefit or cost (also max/min, +/-, 1/-1), got the text "up".',
    );
    expect(errorOf(() => circScore(SCORES, W_ROW, 'higher'))).toBe(
      'CIRC_SCORE: directions: expected benefit or cost (also max/min, +/-, 1/-1), got the text "higher".',
    );
    expect(errorOf(() => circNormalize(SCORES, [['cost', 'benefit']]))).toBe(
      'CIRC_NORMALIZE: directions: expected 3 directions (one per column of matrix) or a single one for all, got 2.',
    );
  });

  it('scale_min ≥ scale_max, or a scale bound that is not a number', () => {
    expect(errorOf(() => circScore(SCORES, W_ROW, '', 5, 1))).toBe(
      'CIRC_SCORE: scale_min and scale_max: expected scale_min below scale_max, got 5 and 1.',
    );
    expect(errorOf(() => circScore(SCORES, W_ROW, '', 3, 3))).toContain(
      'expected scale_min below scale_max, got 3 and 3',
    );
    expect(errorOf(() => circScore(SCORES, W_ROW, '', 'low'))).toBe(
      'CIRC_SCORE: scale_min: expected a number, got the text "low".',
    );
    expect(errorOf(() => circScore(SCORES, W_ROW, '', [[0, 1]]))).toBe(
      'CIRC_SCORE: scale_min: expected a number, got a range of 1 row × 2 columns.',
    );
  });

  it('a non-square pairwise matrix', () => {
    expect(
      errorOf(() =>
        circAhpWeights([
          [1, 3, 5],
          ['', 1, 3],
        ]),
      ),
    ).toBe(
      'CIRC_AHP_WEIGHTS: pairwise: expected a square matrix (as many rows as columns, one per criterion), got 2 rows and 3 columns.',
    );
    expect(errorOf(() => circAhpCr(undefined as unknown as Cell))).toBe(
      'CIRC_AHP_CR: pairwise: expected a square matrix of pairwise comparisons, got nothing.',
    );
  });

  it('a non-positive, non-numeric or inconsistent pairwise matrix', () => {
    expect(
      errorOf(() =>
        circAhpWeights([
          [1, -3],
          ['', 1],
        ]),
      ),
    ).toBe(
      'CIRC_AHP_WEIGHTS: pairwise, row 1, column 2 (B1 of the range): expected a positive number (e.g. 3 or 1/3), got number -3.',
    );
    expect(
      errorOf(() =>
        circAhpCr([
          [1, 0],
          ['', 1],
        ]),
      ),
    ).toContain('expected a positive number (e.g. 3 or 1/3), got number 0.');
    expect(
      errorOf(() =>
        circAhpCr([
          [1, 'much more'],
          ['', 1],
        ]),
      ),
    ).toBe(
      'CIRC_AHP_CR: pairwise, row 1, column 2 (B1 of the range): expected a positive number or a fraction such as 1/3, got the text "much more".',
    );
    expect(
      errorOf(() =>
        circAhpCr([
          [1, 3],
          [3, 1],
        ]),
      ),
    ).toBe(
      'CIRC_AHP_CR: pairwise, row 2, column 1 (A2 of the range): expected the reciprocal of 3 (row 1, column 2), i.e. 1/3, or a blank, got number 3.',
    );
    expect(
      errorOf(() =>
        circAhpCr([
          [2, 3],
          ['', 1],
        ]),
      ),
    ).toContain('row 1, column 1 (A1 of the range): expected 1 on the diagonal');
    expect(
      errorOf(() =>
        circAhpCr([
          [1, ''],
          ['', 1],
        ]),
      ),
    ).toContain('expected a comparison of criterion 1 with criterion 2');
  });

  it('more than 15 criteria for AHP', () => {
    const m16 = Array.from({ length: 16 }, () => Array.from({ length: 16 }, (): Cell => 1));
    expect(errorOf(() => circAhpWeights(m16))).toBe(
      "CIRC_AHP_WEIGHTS: pairwise: expected at most 15 criteria (Saaty's random index stops at 15; split them into groups), got 16.",
    );
  });

  it('a blank inside a TOPSIS row', () => {
    expect(
      errorOf(() =>
        circTopsis(
          [
            [1, 2],
            [3, ''],
          ],
          [[1, 1]],
        ),
      ),
    ).toBe(
      'CIRC_TOPSIS: matrix, row 2, column 2 (B2 of the range): expected a number (TOPSIS needs a value for every criterion of a non-blank row), got a blank.',
    );
  });

  it('an unknown normalisation method, or a negative value for a ratio method', () => {
    expect(errorOf(() => circNormalize([[1, 2]], '', 'zscore'))).toBe(
      'CIRC_NORMALIZE: method: expected minmax, max, vector or sum, got the text "zscore".',
    );
    expect(
      errorOf(() =>
        circNormalize(
          [
            [1, 2],
            ['', -1],
          ],
          '',
          'max',
        ),
      ),
    ).toBe(
      "CIRC_NORMALIZE: matrix, row 2, column 2 (B2 of the range): expected a number of 0 or more (the max method divides by the column's values), got number -1.",
    );
  });

  it('bad rank arguments', () => {
    expect(
      errorOf(() =>
        circRank([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe('CIRC_RANK: values: expected a single column of values, got 2 columns.');
    expect(errorOf(() => circRank([[1], ['n/a']]))).toContain(
      'values, row 2, column 1 (A2 of the range): expected a number (or a blank), got the text "n/a".',
    );
    expect(errorOf(() => circRank([[1], [2]], [['FR']]))).toBe(
      'CIRC_RANK: groups: expected 2 rows (one per value), got 1.',
    );
    expect(errorOf(() => circRank([[1], [2]], '', 'top'))).toBe(
      'CIRC_RANK: order: expected desc or asc (or 0/1 as in RANK), got the text "top".',
    );
  });

  it('bad strengths arguments', () => {
    expect(errorOf(() => circStrengths(SCORES, W_ROW, [['A', 'B']]))).toBe(
      'CIRC_STRENGTHS: criteria: expected 3 criterion names (one per column of scores), got 2.',
    );
    expect(errorOf(() => circWeaknesses(SCORES, W_ROW, NAMES, 0))).toBe(
      'CIRC_WEAKNESSES: count: expected a whole number of 1 or more, got number 0.',
    );
    expect(errorOf(() => circWeaknesses(SCORES, W_ROW, NAMES, 1.5))).toContain(
      'count: expected a whole number of 1 or more',
    );
  });

  it('trials above the cap, or a spread outside [0, 1)', () => {
    expect(errorOf(() => circRankStability(SCORES, W_ROW, '', '', 5000))).toBe(
      'CIRC_RANK_STABILITY: trials: expected a whole number from 1 to 2000 (more trials would not change the answer visibly and risk the 30-second limit), got number 5000.',
    );
    const big: Cell[][] = Array.from({ length: 10000 }, (_, i) =>
      Array.from({ length: 20 }, (_, j) => 1 + ((i + j) % 5)),
    );
    expect(
      errorOf(() =>
        circRankStability(big, [Array.from({ length: 20 }, (): Cell => 1)], '', '', 1500),
      ),
    ).toBe(
      "CIRC_RANK_STABILITY: trials: expected at most 666 for 10,000 scored rows × 20 criteria (more risks Sheets' 30-second limit), got 1500.",
    );
    expect(errorOf(() => circRankStability(SCORES, W_ROW, '', 20))).toBe(
      'CIRC_RANK_STABILITY: spread: expected a share from 0 to below 1 (e.g. 20% or 0.2), got number 20.',
    );
  });
});

describe('optional arguments: undefined and "" give the same answer', () => {
  const cases: [string, () => unknown, () => unknown][] = [
    ['CIRC_SCORE', () => circScore(SCORES, W_ROW), () => circScore(SCORES, W_ROW, '', '', '')],
    [
      'CIRC_SCORE (all-blank directions range)',
      () => circScore(SCORES, W_ROW),
      () => circScore(SCORES, W_ROW, [['', '', '']]),
    ],
    ['CIRC_NORMALIZE', () => circNormalize(SCORES), () => circNormalize(SCORES, '', '')],
    [
      'CIRC_TOPSIS',
      () =>
        circTopsis(
          [
            [1, 2],
            [3, 4],
          ],
          [[1, 1]],
        ),
      () =>
        circTopsis(
          [
            [1, 2],
            [3, 4],
          ],
          [[1, 1]],
          '',
        ),
    ],
    [
      'CIRC_RANK',
      () => circRank([[3], [1], [''], [2]]),
      () => circRank([[3], [1], [''], [2]], '', ''),
    ],
    [
      'CIRC_STRENGTHS',
      () => circStrengths(SCORES, W_ROW, NAMES),
      () => circStrengths(SCORES, W_ROW, NAMES, ''),
    ],
    [
      'CIRC_WEAKNESSES',
      () => circWeaknesses(SCORES, W_ROW, NAMES),
      () => circWeaknesses(SCORES, W_ROW, NAMES, ''),
    ],
    [
      'CIRC_RANK_STABILITY',
      () => circRankStability(SCORES, W_ROW),
      () => circRankStability(SCORES, W_ROW, '', '', ''),
    ],
  ];
  it.each(cases)('%s', (_, omitted, empty) => expect(empty()).toEqual(omitted()));

  it('and the defaults are the documented ones', () => {
    expect(circScore(SCORES, W_ROW)).toEqual(
      circScore(SCORES, W_ROW, [['benefit', 'benefit', 'benefit']], 1, 5),
    );
    expect(circNormalize(SCORES)).toEqual(circNormalize(SCORES, 'benefit', 'minmax'));
    expect(circRank([[3], [1]])).toEqual(circRank([[3], [1]], '', 'desc'));
    expect(circStrengths(SCORES, W_ROW, NAMES)).toEqual(circStrengths(SCORES, W_ROW, NAMES, 2));
    expect(circRankStability(SCORES, W_ROW)).toEqual(
      circRankStability(SCORES, W_ROW, '', 0.2, 500),
    );
  });
});

describe('CIRC_NORMALIZE', () => {
  it('normalises per column, keeping blanks and blank rows blank', () => {
    expect(
      circNormalize(
        [
          [1, 2],
          [3, ''],
          ['', ''],
          [5, 6],
        ],
        [['cost', 'benefit']],
      ),
    ).toEqual([
      [1, 0],
      [0.5, ''],
      ['', ''],
      [0, 1],
    ]);
    expect(
      circNormalize(
        [
          [1, 2],
          [3, 6],
        ],
        '',
        'SUM',
      ),
    ).toEqual([
      [0.25, 0.25],
      [0.75, 0.75],
    ]);
  });
});

describe('CIRC_TOPSIS', () => {
  it('answers the Hwang & Yoon (1981) aircraft closeness, blank rows blank', () => {
    const out = circTopsis(
      [
        [2.0, 1500, 20000, 5.5, 5, 9],
        ['', '', '', '', '', ''],
        [2.5, 2700, 18000, 6.5, 3, 5],
        [1.8, 2000, 21000, 4.5, 7, 7],
        [2.2, 1800, 20000, 5.0, 5, 5],
      ],
      [[0.2, 0.1, 0.1, 0.1, 0.2, 0.3]],
      [['max', 'max', 'max', 'min', 'max', 'max']],
    );
    expect(out[1]).toEqual(['']);
    [0.643, 0.268, 0.613, 0.312].forEach((c, k) =>
      expect(Math.abs((out[[0, 2, 3, 4][k]][0] as number) - c)).toBeLessThanOrEqual(0.001),
    );
  });

  it('is all blank for an all-blank range', () => {
    expect(circTopsis([[''], ['']], 1)).toEqual([[''], ['']]);
  });
});

describe('CIRC_AHP_WEIGHTS and CIRC_AHP_CR', () => {
  // Saaty (2008), drinks consumption in the US, upper triangle only, fractions typed as text.
  const drinks: Cell[][] = [
    [1, 9, 5, 2, 1, 1, '1/2'],
    ['', 1, '1/3', '1/9', '1/9', '1/9', '1/9'],
    ['', '', 1, '1/3', '1/4', '1/3', '1/9'],
    ['', '', '', 1, '1/2', 1, '1/3'],
    ['', '', '', '', 1, 2, '1/2'],
    ['', '', '', '', '', 1, '1/3'],
    ['', '', '', '', '', '', 1],
  ];

  it('answers the published priorities as a column, summing to 1', () => {
    const w = circAhpWeights(drinks);
    expect(w).toHaveLength(7);
    [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327].forEach((x, i) =>
      expect(w[i][0]).toBeCloseTo(x, 3),
    );
    expect(w.reduce((s, r) => s + (r[0] as number), 0)).toBeCloseTo(1, 12);
  });

  it('answers CR as a number', () => {
    expect(circAhpCr(drinks)).toBeCloseTo(0.022, 3);
    expect(
      circAhpCr([
        [1, 2, 4],
        ['', 1, 2],
        ['', '', 1],
      ]),
    ).toBe(0);
    expect(
      circAhpCr([
        [1, 9],
        ['', 1],
      ]),
    ).toBe(0);
    expect(circAhpWeights(1)).toEqual([[1]]);
  });
});

describe('CIRC_RANK', () => {
  it('ranks like RANK, within groups of one or more columns', () => {
    expect(circRank([[10], [20], [20], [5], ['']])).toEqual([[3], [1], [1], [4], ['']]);
    expect(circRank([[10], [20], [20], [5]], '', 'asc')).toEqual([[2], [3], [3], [1]]);
    expect(
      circRank(
        [[1], [2], [3], [4]],
        [
          ['FR', 'phone'],
          ['fr ', 'Phone'],
          ['FR', 'laptop'],
          ['DE', 'phone'],
        ],
      ),
    ).toEqual([[2], [1], [1], [1]]);
  });
});

describe('CIRC_STRENGTHS and CIRC_WEAKNESSES', () => {
  it('answer words per row, blank for a blank row', () => {
    const s = [
      [5, 4, 1],
      ['', '', ''],
      [3, 3, 3],
    ];
    expect(circStrengths(s, [[1, 1, 1]], NAMES)).toEqual([
      ['Data security (5/5), Capacity (4/5)'],
      [''],
      [''],
    ]);
    expect(
      circWeaknesses(s, [[1], [1], [1]], [['Data security'], ['Capacity'], ['Price']], 1),
    ).toEqual([['Price (1/5)'], [''], ['']]);
  });
});

describe('CIRC_RANK_STABILITY', () => {
  it('answers shares in [0, 1], the same every time, blank for a blank row', () => {
    const s = [
      [5, 2],
      ['', ''],
      [4, 4],
      [1, 5],
    ];
    const a = circRankStability(s, [[1, 1]], '', 0.9, 300);
    expect(a).toEqual(circRankStability(s, [[1, 1]], '', 0.9, 300));
    expect(a[1]).toEqual(['']);
    [a[0][0], a[2][0], a[3][0]].forEach((v) => expect(v as number).toBeGreaterThanOrEqual(0));
    expect(circRankStability(s, [[1, 1]], '', 0)).toEqual([[1], [''], [1], [1]]);
  });

  it('answers with its default arguments at any size: 100,000 rows × 12 criteria get fewer trials, not an error', () => {
    // Issue 20: the default 500 trials exceeded the work budget on large ranges, so the formula
    // as typed (no trials argument) answered #ERROR!.
    const n = 100_000;
    const m = 12;
    // Varied whole scores 1–5 (integer arithmetic: building 1.2 million cells stays quick).
    const big: Cell[][] = Array.from({ length: n }, (_, i) =>
      Array.from({ length: m }, (_, j): Cell => 1 + ((i * 31 + j * 17 + ((i * (j + 1)) >> 3)) % 5)),
    );
    const out = circRankStability(big, [Array.from({ length: m }, (_, j): Cell => 1 + (j % 3))]);
    expect(out).toHaveLength(n);
    const trials = defaultTrials(n, m);
    expect(trials).toBeLessThan(DEFAULT_TRIALS);
    // Every row answers a share, a whole number of the trials the documented rule gives.
    const notAShare = out.filter(
      ([v]) => typeof v !== 'number' || Math.abs(v * trials - Math.round(v * trials)) > 1e-6,
    );
    expect(notAShare).toEqual([]);
  });
});
