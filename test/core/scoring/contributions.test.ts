import fc from 'fast-check';
import {
  contributionDescriber,
  formatScore,
  strengthsOf,
  weaknessesOf,
} from '../../../src/core/scoring/contributions';
import { weightedScore } from '../../../src/core/scoring/weighted-sum';
import { RUNS, problem } from './arbitraries';

const NAMES = ['Data security', 'Capacity', 'Price'];

describe('strengths and weaknesses', () => {
  it('names the criteria pulling the score up most and down most, with their scores', () => {
    expect(strengthsOf([5, 4, 1], [1, 1, 1], NAMES)).toBe('Data security (5/5), Capacity (4/5)');
    expect(weaknessesOf([5, 4, 1], [1, 1, 1], NAMES)).toBe('Price (1/5)');
    expect(strengthsOf([5, 4, 1], [1, 1, 1], NAMES, { count: 1 })).toBe('Data security (5/5)');
  });

  it('weighs: a heavily weighted 4/5 can beat a lightly weighted 5/5', () => {
    // score s = 0.1·1 + 0.5·0.75 + 0.4·0.5 = 0.675; pulls 0.1·0.325, 0.5·0.075, 0.4·(−0.175)
    expect(strengthsOf([5, 4, 3], [0.1, 0.5, 0.4], NAMES)).toBe(
      'Capacity (4/5), Data security (5/5)',
    );
    expect(weaknessesOf([5, 4, 3], [0.1, 0.5, 0.4], NAMES)).toBe('Price (3/5)');
  });

  it('says nothing when every criterion scores alike, or for a blank row', () => {
    expect(strengthsOf([3, 3, 3], [1, 2, 3], NAMES)).toBe('');
    expect(weaknessesOf([3, 3, 3], [1, 2, 3], NAMES)).toBe('');
    expect(strengthsOf([null, null, null], [1, 2, 3], NAMES)).toBe('');
  });

  it('ignores blank scores and zero weights', () => {
    expect(strengthsOf([5, null, 1], [1, 1, 1], NAMES)).toBe('Data security (5/5)');
    expect(weaknessesOf([5, 1, 4], [1, 0, 1], NAMES)).toBe('Price (4/5)');
  });

  it('inverts cost criteria and shows the score as entered', () => {
    expect(strengthsOf([3, 3, 1], [1, 1, 1], NAMES, { directions: [1, 1, -1] })).toBe(
      'Price (1/5)',
    );
  });

  it('falls back to "criterion N" for a blank name and formats decimals', () => {
    expect(strengthsOf([4.5, 1], [1, 1], ['', 'B'])).toBe('criterion 1 (4.5/5)');
    expect(formatScore(10 / 3)).toBe('3.33');
    expect(formatScore(5)).toBe('5');
  });

  it('refuses a bad count or the wrong number of names', () => {
    expect(() => strengthsOf([1], [1], ['A'], { count: 0 })).toThrow(
      'count: expected a whole number of 1 or more, got 0.',
    );
    expect(() => strengthsOf([1, 2], [1, 1], ['A'])).toThrow(
      'criteria: expected 2 names (one per weight), got 1.',
    );
  });
});

describe('contribution properties', () => {
  it('pulls add up to zero, strengths pull up and weaknesses down', () => {
    fc.assert(
      fc.property(
        problem({ maxRows: 1 }),
        fc.integer({ min: 1, max: 4 }),
        ({ rows, weights, directions }, count) => {
          const names = weights.map((_, j) => `C${j}`);
          const r = contributionDescriber(weights, names, { directions, count })(rows[0]);
          const total = r.pulls.reduce((s, p) => s + p.pull, 0);
          const listed = (text: string) =>
            text ? text.split(', ').map((t) => Number(t.slice(1, t.indexOf(' ')))) : [];
          const up = listed(r.strengths);
          const down = listed(r.weaknesses);
          const pull = (j: number) => r.pulls.find((p) => p.index === j)!.pull;
          const s = weightedScore(rows[0], weights, directions).score;
          return (
            Math.abs(total) < 1e-12 &&
            up.length <= count &&
            down.length <= count &&
            up.every((j) => pull(j) > 0) &&
            down.every((j) => pull(j) < 0) &&
            (s !== null || (r.strengths === '' && r.weaknesses === ''))
          );
        },
      ),
      RUNS,
    );
  });
});
