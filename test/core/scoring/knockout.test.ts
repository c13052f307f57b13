import { checkKnockouts, describeKnockouts } from '../../../src/core/scoring/knockout';

describe('checkKnockouts', () => {
  it('fails a score below the minimum, passes one equal to it', () => {
    expect(checkKnockouts([2, 3, 5], [3, 3, null])).toEqual({
      passes: false,
      failures: [{ index: 0, score: 2, minimum: 3, missing: false }],
    });
    expect(checkKnockouts([3, 3, 1], [3, 3, null]).passes).toBe(true);
  });

  it('fails a blank score on a knock-out criterion as missing, ignores blanks elsewhere', () => {
    expect(checkKnockouts([null, null], [2, null])).toEqual({
      passes: false,
      failures: [{ index: 0, score: null, minimum: 2, missing: true }],
    });
    expect(checkKnockouts([4, null], [2, null]).passes).toBe(true);
  });

  it('passes everything when no criterion is a knock-out', () => {
    expect(checkKnockouts([1, 1], [null, null])).toEqual({ passes: true, failures: [] });
  });

  it('refuses minima of the wrong length', () => {
    expect(() => checkKnockouts([1, 2], [1])).toThrow(
      'knock-out minima: expected 2 (one per criterion), got 1.',
    );
  });
});

describe('describeKnockouts', () => {
  it('says which criteria fail and why', () => {
    const r = checkKnockouts([2, null, 5], [3, 2, 1]);
    expect(describeKnockouts(r, ['Data security', 'Capacity', 'Price'])).toBe(
      'Data security 2 < 3; Capacity missing',
    );
    expect(describeKnockouts(r, ['', ' '])).toBe('criterion 1 2 < 3; criterion 2 missing');
    expect(describeKnockouts(checkKnockouts([5], [1]), ['X'])).toBe('');
  });
});
