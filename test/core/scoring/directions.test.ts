import { parseDirection } from '../../../src/core/scoring/directions';

describe('parseDirection', () => {
  it.each([
    ['benefit', 1],
    ['BENEFIT', 1],
    [' Benefit ', 1],
    ['max', 1],
    ['MAX', 1],
    ['+', 1],
    ['1', 1],
    ['+1', 1],
    [1, 1],
    ['cost', -1],
    ['Cost', -1],
    ['min', -1],
    ['Min', -1],
    ['-', -1],
    ['-1', -1],
    [-1, -1],
  ])('%p → %p', (v, d) => expect(parseDirection(v)).toBe(d));

  it.each([
    ['up'],
    [''],
    ['  '],
    [null],
    [undefined],
    [0],
    [2],
    [true],
    ['benefits'],
    [new Date(0)],
  ])('%p is not a direction', (v) => expect(parseDirection(v as never)).toBeNull());
});
