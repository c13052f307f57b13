import { CONSOLIDATED_NOTE, planConsolidation } from '../../../src/core/partners/consolidation';
import { readFramework } from '../../../src/core/partners/criteria';
import { AHP_TAB, ahpTemplate, asPoints, readAhpTab } from '../../../src/core/partners/ahp-tab';
import { Grid } from '../../../src/core/cells';

const fw = readFramework(
  [
    ['ID', 'Criterion', 'Direction', 'Weight recycling'],
    ['SEC', 'Data security', 'benefit', 1],
    ['CAP', 'Capacity', 'benefit', 1],
  ],
  'UTC',
);
const partners: Grid = [
  ['Partner', 'SEC', 'CAP', 'Disagreement'],
  ['Alpha', '', 4, ''],
  ['Beta', 2, '', ''],
];
const blankNotes = partners.map((r) => r.map(() => ''));
const ratings: Grid = [
  ['Assessor', 'Partner', 'Criterion', 'Score', 'Comment', 'Date'], // reordered columns
  ['Ann', 'Alpha', 'SEC', 5, 'logs seen', '2026-10-01'],
  ['Bob', 'alpha', 'sec', 3, '', '2026-10-02'],
  ['Cy', 'Alpha', 'SEC', 4, '', '2026-10-03'],
  ['Ann', 'Alpha', 'CAP', 2, '', ''],
  ['Ann', 'Beta', 'SEC', 4, '', ''],
  ['Ann', 'Gamma', 'SEC', 4, '', ''],
  ['Ann', 'Beta', 'CAP', 'lots', '', ''],
];

describe('consolidate ratings', () => {
  test('medians fill blank cells only; typed scores are kept and reported; disagreement flagged', () => {
    const plan = planConsolidation(
      fw.criteria,
      partners,
      blankNotes,
      blankNotes as string[][],
      ratings,
      'UTC',
    );
    expect(plan.columns).toEqual([2, 3]);
    expect(plan.values).toEqual([
      [4, 4], // SEC median of 5,3,4 filled; CAP typed 4 kept (assessor said 2)
      [2, ''], // SEC typed 2 kept (assessor said 4); CAP rating was text → skipped
    ]);
    expect(plan.notes[0][0]).toMatch(
      new RegExp(`^${CONSOLIDATED_NOTE}: 4 = median of 3 assessor\\(s\\), spread 2`),
    );
    expect(plan.notes[0][1]).toBe('');
    expect(plan.disagreements).toEqual([['SEC (spread 2)'], ['']]);
    expect(plan.filled).toBe(1);
    const w = plan.warnings.join('\n');
    expect(w).toMatch(
      /Partners, row 2, column C \(CAP\): kept the typed 4; the assessors' median is 2/,
    );
    expect(w).toMatch(/Partners, row 3, column B \(SEC\): kept the typed 2/);
    expect(w).toMatch(/partner 'Gamma' is not in Partners/);
    expect(w).toMatch(/Ratings, row 8, column D \(Score\): expected a number, got the text "lots"/);
  });

  test('a cell this action filled before is refreshed; a formula cell is never replaced', () => {
    const notes = blankNotes.map((r) => r.slice());
    notes[1][1] = `${CONSOLIDATED_NOTE}: 1 = median of 1 assessor(s)`;
    const filled: Grid = partners.map((r) => r.slice());
    filled[1][1] = 1;
    const formulas = blankNotes.map((r) => r.slice()) as string[][];
    formulas[2][2] = '=3+1';
    const plan = planConsolidation(
      fw.criteria,
      filled,
      notes,
      formulas,
      [ratings[0], ['Ann', 'Alpha', 'SEC', 5, '', ''], ['Ann', 'Beta', 'CAP', 1, '', '']],
      'UTC',
    );
    expect(plan.values[0][0]).toBe(5);
    expect(plan.values[1][1]).toBe(''); // formula cell: value untouched (the adapter writes the formula back)
  });
});

test('a consolidated cell a person typed over (the note stays) is kept as typed', () => {
  const notes = blankNotes.map((r) => r.slice());
  notes[1][1] = `${CONSOLIDATED_NOTE}: 2 = median of 3 assessor(s)`;
  const typedOver: Grid = partners.map((r) => r.slice());
  typedOver[1][1] = 5; // the note says 2 was written; 5 was typed since
  const plan = planConsolidation(
    fw.criteria,
    typedOver,
    notes,
    blankNotes as string[][],
    [ratings[0], ['Ann', 'Alpha', 'SEC', 2, '', '']],
    'UTC',
  );
  expect(plan.values[0][0]).toBe(5);
  expect(plan.warnings.join('\n')).toMatch(
    /Partners, row 2, column B \(SEC\): kept the typed 5; the assessors' median is 2/,
  );
});

describe('AHP tab', () => {
  test('template round trip, weights as points, CR', () => {
    const grid = ahpTemplate(['A', 'B', 'C'], 'recycling');
    expect(() => readAhpTab(grid, 'UTC')).toThrow(
      new RegExp(`${AHP_TAB}, row 5, column C: expected a comparison`),
    );
    grid[4][2] = 3; // A vs B
    grid[4][3] = 5; // A vs C
    grid[5][3] = '5/3'; // B vs C: consistent
    const tab = readAhpTab(grid, 'UTC');
    expect(tab.type).toBe('recycling');
    expect(tab.result.cr).toBeCloseTo(0, 10);
    expect(asPoints(tab.result.weights)).toEqual([65.2, 21.7, 13]);
  });

  test('bad judgement names the sheet cell', () => {
    const grid = ahpTemplate(['A', 'B'], 'donation');
    grid[4][2] = 'lots';
    expect(() => readAhpTab(grid, 'UTC')).toThrow(
      /AHP, row 5, column C: expected a judgement such as 3 or 1\/3, got the text "lots"/,
    );
    grid[4][2] = -2;
    expect(() => readAhpTab(grid, 'UTC')).toThrow(
      /AHP, row 5, column C: expected a judgement on Saaty's scale, 1\/9 … 1 … 9 .*got number -2/,
    );
  });
});
