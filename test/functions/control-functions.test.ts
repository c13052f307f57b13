/** CIRC_CONTROL_LIMITS: the contract's answer shape, blanks and errors (product.md). */
import { circControlLimits } from '../../src/functions/control-functions';
import { userErrorMessage } from '../helpers/user-error';

const message = userErrorMessage;

const col = (xs: unknown[]) => xs.map((x) => [x]) as (string | number)[][];

describe('CIRC_CONTROL_LIMITS', () => {
  test('xmr by default: n rows × 4 columns (centre, lower, upper, signals); blank rows blank', () => {
    const out = circControlLimits(col([1, 3, '', 2, 6]));
    expect(out).toHaveLength(5);
    expect(out[2]).toEqual(['', '', '', '']);
    const sigma = (2 + 1 + 4) / 3 / 1.128;
    expect(out[0][0]).toBe(3);
    expect(out[0][1]).toBeCloseTo(3 - 3 * sigma, 12);
    expect(out[0][2]).toBeCloseTo(3 + 3 * sigma, 12);
    expect(out.map((r) => r[3])).toEqual(['', '', '', '', '']);
    // An omitted or empty chart argument is xmr; the name in any case.
    expect(circControlLimits(col([1, 3, '', 2, 6]), '')).toEqual(out);
    expect(circControlLimits(col([1, 3, '', 2, 6]), ' XMR ')).toEqual(out);
  });

  test('p chart: per-row limits from each size, signals as "1" or "1,4"', () => {
    const values = [0.52, 0.52, 0.52, 0.52, 0.52, 0.52, 0.52, 0.7, 0.415, 0.415, 0.415, 0.415];
    const out = circControlLimits(col(values), 'p', col(values.map(() => 100)));
    expect(out.map((r) => r[3])).toEqual(['', '', '', '', '', '', '', '1,4', '', '', '', '3']);
    const mixed = circControlLimits(col([0.2, 0.4]), 'p', col([10, 40]));
    expect(mixed[0][2]).not.toBeCloseTo(mixed[1][2] as number, 6);
  });

  test('a blank value ignores its size, even a bad one', () => {
    expect(circControlLimits(col([0.2, '', 0.4]), 'p', col([10, 'abc', 10]))[1]).toEqual([
      '',
      '',
      '',
      '',
    ]);
  });

  test('errors name the argument and the cell', () => {
    expect(message(() => circControlLimits(col([1, 'abc', 3])))).toBe(
      'CIRC_CONTROL_LIMITS: values, row 2, column 1 (A2 of the range): expected a number, got the text "abc".',
    );
    expect(message(() => circControlLimits(col([0.2, 1.2]), 'p', col([5, 5])))).toMatch(
      /values, row 2, column 1 \(A2 of the range\): expected a proportion from 0 to 1, got number 1\.2/,
    );
    expect(message(() => circControlLimits(col([0.2, 0.3]), 'p', col([5, 0])))).toMatch(
      /sizes, row 2, column 1 \(A2 of the range\): expected a size above 0, got number 0/,
    );
    expect(message(() => circControlLimits(col([0.2, 0.3]), 'p', col([5, -1])))).toMatch(
      /sizes, row 2.*expected a size above 0/,
    );
    expect(message(() => circControlLimits(col([0.2, 0.3]), 'p', col([5, ''])))).toMatch(
      /sizes, row 2, column 1 \(A2 of the range\): expected a size above 0 for the value of this row, got a blank/,
    );
    expect(message(() => circControlLimits(col([0.2, 0.3]), 'p'))).toMatch(
      /sizes: expected one size per value \(2\) for a p chart, got nothing/,
    );
    expect(message(() => circControlLimits(col([0.2, 0.3]), 'p', col([5, 5, 5])))).toMatch(
      /sizes: expected one size per value \(2\), got 3/,
    );
    expect(message(() => circControlLimits(col([1, 2]), 'u'))).toMatch(
      /chart: expected xmr or p, got the text "u"/,
    );
    expect(message(() => circControlLimits(col([1, '', '']), 'xmr'))).toMatch(
      /values: expected at least 2 values for an xmr chart, got 1/,
    );
  });
});
