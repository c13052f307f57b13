import { readFramework } from '../../../src/core/partners/criteria';
import { assessPartners, computedRow } from '../../../src/core/partners/assess';
import { chartData, rankingTable } from '../../../src/core/partners/ranking';
import { CRITERIA, PARTNER_INPUT_COLUMNS } from '../../../src/core/schema/tabs';
import { criteriaSeedRows, CRITERIA_SEED } from '../../../src/core/seed/criteria';
import { samplePartners } from '../../../src/core/sample/partners';
import { Grid } from '../../../src/core/cells';

const criteriaGrid: Grid = [
  ['ID', 'Criterion', 'Direction', 'Knock-out min', 'Weight recycling', 'Weight donation'],
  ['SEC', 'Data security', 'benefit', 3, 2, 1],
  ['COST', 'Cost', 'cost', '', 1, 1],
  ['CAP', 'Capacity', 'benefit', '', 1, 0],
];
const header = ['Partner', 'Country', 'Category', 'Partner type', 'SEC', 'COST', 'CAP'];

describe('partner assessment', () => {
  test('score, coverage, knock-out, rank within segment, words', () => {
    const fw = readFramework(criteriaGrid, 'UTC');
    expect(fw.issues).toEqual([]);
    const grid: Grid = [
      header,
      ['A', 'FR', 'laptop', 'recycling', 5, 1, 5], // all best → 1
      ['B', 'FR', 'laptop', 'recycling', 2, 1, 5], // fails SEC ≥ 3
      ['C', 'FR', 'laptop', 'recycling', 4, '', 3], // COST blank → coverage 3/4
      ['', '', '', '', '', '', ''],
      ['D', 'DE', 'laptop', 'recycling', 3, 3, 3],
    ];
    const a = assessPartners(fw, grid, { trials: 50, timeZone: 'UTC' });
    const [A, B, C, D] = a.results;
    expect(A.score).toBeCloseTo(1);
    // C: SEC 4 → 0.75 (w2), CAP 3 → 0.5 (w1): (1.5 + 0.5) / 3
    expect(C.score).toBeCloseTo(2 / 3);
    expect(C.coverage).toBeCloseTo(3 / 4);
    expect(B.passes).toBe(false);
    expect(B.knockOut).toBe('Data security 2 < 3');
    // B scores (0.25·2 + 1 + 1)/4 = 0.625 < C's 0.667, but knock-outs rank last anyway
    expect([A.rank, C.rank, B.rank]).toEqual([1, 2, 3]);
    expect(D.rank).toBe(1); // its own segment
    expect(D.row).toBe(6);
    expect(A.strengths).toBe('');
    expect(C.strengths).toMatch(/Data security \(4\/5\)/);
    expect(C.weaknesses).toMatch(/Capacity \(3\/5\)/);
    expect(A.stability).toBe(1);
    expect(computedRow(undefined)).toHaveLength(7);
  });

  test('bad cells are reported by tab, row and column and counted as blank', () => {
    const fw = readFramework(criteriaGrid, 'UTC');
    const a = assessPartners(
      fw,
      [
        header,
        ['A', 'FR', 'laptop', 'recycling', 'abc', 9, '#N/A'],
        ['B', 'FR', 'laptop', 'trade-in', 3, 3, 3],
      ],
      { timeZone: 'UTC' },
    );
    expect(a.issues.join('\n')).toMatch(
      /Partners, row 2, column E \(SEC\): expected a score from 1 to 5, got the text "abc"/,
    );
    expect(a.issues.join('\n')).toMatch(
      /Partners, row 2, column F \(COST\): expected a score from 1 to 5, got number 9/,
    );
    expect(a.issues.join('\n')).toMatch(/Partners, row 2, column G \(CAP\).*#N\/A/);
    expect(a.issues.join('\n')).toMatch(
      /Partners, row 3, column D \(Partner type\): the text "trade-in" has no weight column/,
    );
    expect(a.results[0].score).toBeNull();
    expect(a.results[0].knockOut).toBe('Data security missing');
  });

  test('criteria problems: missing column, bad direction, duplicate id, negative weight', () => {
    expect(() => readFramework([['Criterion', 'Direction', 'Weight x']], 'UTC')).toThrow(
      /Criteria: column 'ID' is missing/,
    );
    const fw = readFramework(
      [
        ['ID', 'Direction', 'Weight recycling'],
        ['A', 'sideways', 1],
        ['B', 'benefit', -2],
        ['B', 'benefit', 1],
      ],
      'UTC',
    );
    expect(fw.criteria.map((c) => c.id)).toEqual(['B']);
    expect(fw.issues.join('\n')).toMatch(
      /Criteria, row 2, column B \(Direction\): the text "sideways" is not a direction/,
    );
    expect(fw.issues.join('\n')).toMatch(
      /Criteria, row 3, column C \(Weight recycling\): number -2 is not a weight/,
    );
    expect(fw.issues.join('\n')).toMatch(/Criteria, row 4: the ID 'B' is used twice/);
  });

  test('the seed framework scores the sample partners; ranking lists top 3 per segment', () => {
    const fw = readFramework([CRITERIA.columns.map((c) => c.header), ...criteriaSeedRows()], 'UTC');
    expect(fw.criteria).toHaveLength(12);
    expect(fw.types).toEqual([
      'recycling',
      'donation',
      'refurbishment',
      'collection & logistics',
      'data erasure',
    ]);
    const sample = samplePartners(CRITERIA_SEED, 50);
    const grid = [
      [...PARTNER_INPUT_COLUMNS.map((c) => c.header), ...CRITERIA_SEED.map((c) => c.id)],
      ...sample.partners,
    ];
    const a = assessPartners(fw, grid, { trials: 50, timeZone: 'UTC' });
    // Panel-assessed partners (every 4th) wait for Consolidate ratings: no typed score, no result;
    // each is named unless it is a prospect (counted apart).
    a.results.forEach((r, i) => expect(r.score === null).toBe(i % 4 === 0));
    const panel = sample.partners.filter((_, i) => i % 4 === 0);
    const prospects = panel.filter((p) => p[4] === 'prospect');
    expect(a.unscored).toEqual({
      prospects: prospects.length,
      others: panel.length - prospects.length,
    });
    expect(a.issues).toEqual(
      panel
        .filter((p) => p[4] !== 'prospect')
        .map((p) =>
          expect.stringMatching(
            new RegExp(
              `'${String(p[0]).replace(/[()]/g, '\\$&')}' .*has no score on any criterion`,
            ),
          ),
        ),
    );
    expect(a.results.every((r) => r.score === null || (r.score >= 0 && r.score <= 1))).toBe(true);
    expect(a.results.some((r) => !r.passes)).toBe(true);
    const table = rankingTable(a.results);
    expect(table[0]).toContain('Partner');
    expect(table.slice(1).every((r) => (r[3] as number) <= 3)).toBe(true);
    const chart = chartData(table);
    expect(chart.length).toBeGreaterThan(1);
    const scores = chart.slice(1).map((r) => r[1] as number);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });
});

test('stability is measured among partners on the same side of the knock-outs', () => {
  const fw = readFramework(criteriaGrid, 'UTC');
  // A is the only partner that passes: rank 1 whatever the weights, so fully stable.
  const grid: Grid = [
    header,
    ['A', 'FR', 'laptop', 'recycling', 3, 5, 1],
    ['B', 'FR', 'laptop', 'recycling', 2, 1, 5],
    ['C', 'FR', 'laptop', 'recycling', 1, 2, 4],
  ];
  const [A, B, C] = assessPartners(fw, grid, { trials: 200, timeZone: 'UTC' }).results;
  expect([A.rank, A.passes, A.stability]).toEqual([1, true, 1]);
  expect(B.passes || C.passes).toBe(false);
  expect([B.rank, C.rank].sort()).toEqual([2, 3]);
});
