import fc from 'fast-check';
import { parseOrder, rankValues, rankWithKnockouts } from '../../../src/core/scoring/rank';
import { RUNS } from './arbitraries';

describe('rankValues', () => {
  // Sheets: =RANK(A1, A1:A4) over 10, 20, 20, 5 gives 3, 1, 1, 4 (duplicates share the top rank,
  // the next rank is skipped); with is_ascending = 1 it gives 2, 3, 3, 1.
  it('ranks like RANK: ties share the best rank, the next rank is skipped', () => {
    expect(rankValues([10, 20, 20, 5])).toEqual([3, 1, 1, 4]);
    expect(rankValues([10, 20, 20, 5], null, 'asc')).toEqual([2, 3, 3, 1]);
    expect(rankValues([7, 7, 7])).toEqual([1, 1, 1]);
  });

  it('gives blanks a blank rank and does not count them', () => {
    expect(rankValues([null, 3, null, 5])).toEqual([null, 2, null, 1]);
    expect(rankValues([])).toEqual([]);
  });

  it('ranks within each group', () => {
    expect(rankValues([1, 2, 3, 4, 5], ['FR', 'DE', 'FR', 'DE', 'FR'])).toEqual([3, 2, 2, 1, 1]);
  });

  it('treats values equal up to rounding noise as tied', () => {
    expect(rankValues([0.1 + 0.2, 0.3, 0.2])).toEqual([1, 1, 3]);
    expect(rankValues([1e9, 1e9 + 1])).toEqual([2, 1]);
  });
});

describe('parseOrder', () => {
  it.each([
    ['desc', 'desc'],
    ['DESC', 'desc'],
    ['descending', 'desc'],
    [0, 'desc'],
    [false, 'desc'],
    ['asc', 'asc'],
    [' Asc ', 'asc'],
    ['ascending', 'asc'],
    [1, 'asc'],
    [true, 'asc'],
    ['1', 'asc'],
  ])('%p → %p', (v, o) => expect(parseOrder(v)).toBe(o));
  it.each([['up'], [2], [''], [null]])('%p is not an order', (v) =>
    expect(parseOrder(v as never)).toBeNull(),
  );
});

describe('rankWithKnockouts', () => {
  it('ranks every passing row before every failing one, each set by value', () => {
    expect(rankWithKnockouts([0.5, 0.7, 0.9], [true, true, false])).toEqual([2, 1, 3]);
    expect(rankWithKnockouts([0.9, 0.8, 0.5, 0.4], [false, false, true, true])).toEqual([
      3, 4, 1, 2,
    ]);
    expect(rankWithKnockouts([0.5, null, 0.9], [true, true, false])).toEqual([1, null, 2]);
  });

  it('works per group', () => {
    expect(
      rankWithKnockouts([0.9, 0.5, 0.8, 0.4], [false, true, false, true], ['a', 'a', 'b', 'b']),
    ).toEqual([2, 1, 2, 1]);
  });
});

describe('rank properties', () => {
  const rows = fc.array(
    fc.record({
      value: fc.option(fc.integer({ min: -5, max: 5 }), { freq: 5, nil: null }),
      group: fc.constantFrom('a', 'b', 'c'),
      pass: fc.boolean(),
    }),
    { maxLength: 30 },
  );

  it('rank = 1 + the number of rows in the group with a strictly better value', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom('asc' as const, 'desc' as const), (rs, order) => {
        const ranks = rankValues(
          rs.map((r) => r.value),
          rs.map((r) => r.group),
          order,
        );
        return rs.every((r, i) => {
          if (r.value === null) return ranks[i] === null;
          const better = rs.filter(
            (o) =>
              o.group === r.group &&
              o.value !== null &&
              (order === 'desc' ? o.value > r.value! : o.value < r.value!),
          ).length;
          return ranks[i] === better + 1;
        });
      }),
      RUNS,
    );
  });

  it('a row that fails a knock-out is never ranked above one that passes', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const ranks = rankWithKnockouts(
          rs.map((r) => r.value),
          rs.map((r) => r.pass),
          rs.map((r) => r.group),
        );
        return rs.every(
          (f, i) =>
            f.pass ||
            ranks[i] === null ||
            rs.every(
              (p, k) =>
                !p.pass ||
                p.group !== f.group ||
                ranks[k] === null ||
                (ranks[k] as number) < (ranks[i] as number),
            ),
        );
      }),
      RUNS,
    );
  });
});
