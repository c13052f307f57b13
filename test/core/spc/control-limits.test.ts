/**
 * Control limits and Western Electric signals against published worked examples and against the
 * contract of CIRC_CONTROL_LIMITS (product.md), rule by rule.
 *
 * Published figures: R package qcc, version 2.7 (Scrucca, CRAN), whose `help(orangejuice)` and
 * `help(qcc)` examples chart Montgomery's data — the orange-juice cans p chart (Montgomery,
 * Introduction to Statistical Quality Control, 2nd ed., pp. 152–155; data file
 * luca-scr/qcc/data/orangejuice.txt) and the viscosity individuals chart (Montgomery p. 242) —
 * and print the centre and limits quoted below (`summary(qcc(D[trial], sizes=size[trial],
 * type="p"))`: Center 0.2313333, LCL 0.05242755, UCL 0.4102391). The same figures, and those of the
 * reduced orange-juice chart and the antifreeze chart (Wetherill & Brown 1991, p. 120;
 * luca-scr/qcc/data/antifreeze.txt), are the "comparison with R" cases of the mistat package
 * (Kenett, Zacks & Gedeck 2022). qcc 2.x divides the mean moving range by d2 = 1.128, as the
 * contract does. qcc flags beyond-limit points strictly (statistics > ucl), as we do.
 */
import { controlLimits, ControlRow } from '../../../src/core/spc/control-limits';

const signals = (rows: (ControlRow | null)[]) => rows.map((r) => (r ? r.rules.join(',') : null));

/** Orange-juice cans: nonconforming cans in 30 samples of 50 (the trial samples). */
const ORANGE_D = [
  12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7,
  13, 9, 6,
];

describe('published worked examples (qcc 2.7)', () => {
  test('orange juice p chart: centre 0.2313333, limits 0.05242755 / 0.4102391, samples 15 and 23 beyond', () => {
    const p = ORANGE_D.map((d) => d / 50);
    const rows = controlLimits(
      p,
      'p',
      p.map(() => 50),
    ) as ControlRow[];
    for (const r of rows) {
      expect(r.centre).toBeCloseTo(0.2313333, 7);
      expect(r.lower).toBeCloseTo(0.05242755, 8);
      expect(r.upper).toBeCloseTo(0.4102391, 7);
    }
    const beyond = rows.map((r, i) => (r.rules.includes(1) ? i + 1 : 0)).filter(Boolean);
    expect(beyond).toEqual([15, 23]);
  });

  test('orange juice without samples 15 and 23: centre 0.215, limits 0.04070284 / 0.3892972, sample 21 beyond', () => {
    const kept = ORANGE_D.map((d, i) => ({ d, sample: i + 1 })).filter(
      (x) => x.sample !== 15 && x.sample !== 23,
    );
    const rows = controlLimits(
      kept.map((x) => x.d / 50),
      'p',
      kept.map(() => 50),
    ) as ControlRow[];
    expect(rows[0].centre).toBeCloseTo(0.215, 9);
    expect(rows[0].lower).toBeCloseTo(0.04070284, 8);
    expect(rows[0].upper).toBeCloseTo(0.3892972, 7);
    const beyond = rows.map((r, i) => (r.rules.includes(1) ? kept[i].sample : 0)).filter(Boolean);
    expect(beyond).toEqual([21]);
  });

  test('viscosity individuals chart: centre 33.52333, limits 32.24484 / 34.80183, none beyond', () => {
    const x = [
      33.75, 33.05, 34, 33.81, 33.46, 34.02, 33.68, 33.27, 33.49, 33.2, 33.62, 33.0, 33.54, 33.12,
      33.84,
    ];
    const rows = controlLimits(x, 'xmr') as ControlRow[];
    expect(rows[0].centre).toBeCloseTo(33.52333, 5);
    expect(rows[0].sigma).toBeCloseTo(0.4261651, 7);
    expect(rows[0].lower).toBeCloseTo(32.24484, 5);
    expect(rows[0].upper).toBeCloseTo(34.80183, 5);
    expect(rows.some((r) => r.rules.includes(1))).toBe(false);
  });

  test('antifreeze water content: centre 2.569706, limits 2.031344 / 3.108068, none beyond', () => {
    const x = [
      2.23, 2.53, 2.62, 2.63, 2.58, 2.44, 2.49, 2.34, 2.95, 2.54, 2.6, 2.45, 2.17, 2.58, 2.57, 2.44,
      2.38, 2.23, 2.23, 2.54, 2.66, 2.84, 2.81, 2.39, 2.56, 2.7, 3.0, 2.81, 2.77, 2.89, 2.54, 2.98,
      2.35, 2.53,
    ];
    const rows = controlLimits(x, 'xmr') as ControlRow[];
    expect(rows[0].centre).toBeCloseTo(2.569706, 6);
    expect(rows[0].sigma).toBeCloseTo(0.1794541, 7);
    expect(rows[0].lower).toBeCloseTo(2.031344, 6);
    expect(rows[0].upper).toBeCloseTo(3.108068, 6);
    expect(rows.some((r) => r.rules.includes(1))).toBe(false);
  });
});

/**
 * Contract cases on a p chart of size 100 whose centre is 0.5: σ = 0.05 at every point, so the
 * zones are 0.45–0.55 (1σ), 0.40–0.60 (2σ) and the limits 0.35 / 0.65.
 */
const p100 = (values: (number | null)[]) =>
  controlLimits(
    values,
    'p',
    values.map(() => 100),
  );

describe('Western Electric rules, one by one (contract)', () => {
  test('the centre and σ of the cases are 0.5 and 0.05', () => {
    const r = p100([0.6, 0.4])[0] as ControlRow;
    expect(r.centre).toBeCloseTo(0.5, 12);
    expect(r.sigma).toBeCloseTo(0.05, 12);
    expect([r.lower, r.upper].map((x) => +x.toFixed(12))).toEqual([0.35, 0.65]);
  });

  test('rule 1: beyond a limit, strictly (a point on a limit is no signal)', () => {
    expect(signals(p100([0.66, 0.34, 0.5, 0.5]))).toEqual(['1', '1', '', '']);
    expect(signals(p100([0.65, 0.35, 0.5, 0.5]))).toEqual(['', '', '', '']);
  });

  test('rule 2: the point beyond 2σ and two of the last three beyond 2σ on its side', () => {
    expect(signals(p100([0.5, 0.61, 0.55, 0.61, 0.39, 0.45, 0.39, 0.5, 0.5, 0.5]))).toEqual([
      '',
      '',
      '',
      '2',
      '',
      '',
      '2',
      '',
      '',
      '',
    ]);
  });

  test('rule 2 waits for a full window (the third non-blank point), as qcc does', () => {
    expect(signals(p100([0.61, 0.61, 0.5, 0.39, 0.39, 0.5]))).toEqual(['', '', '', '', '2', '']);
  });

  test('rule 2 needs the two points on the same side', () => {
    expect(signals(p100([0.5, 0.61, 0.39, 0.5]))).toEqual(['', '', '', '']);
  });

  test('rule 3: the point beyond 1σ and four of the last five beyond 1σ on its side; the point itself must be', () => {
    // Points 1–4 above, then 5–8 below: point 5's window holds four points above but it is
    // below; point 8 completes four of five below. A point exactly 1σ away (0.55) is not beyond.
    expect(signals(p100([0.56, 0.56, 0.56, 0.56, 0.44, 0.44, 0.44, 0.44, 0.5, 0.5]))).toEqual([
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '3',
      '',
      '',
    ]);
    expect(signals(p100([0.55, 0.55, 0.55, 0.55, 0.55, 0.45, 0.45, 0.45, 0.45, 0.45]))).toEqual(
      new Array(10).fill(''),
    );
  });

  test('rule 4: eight non-blank points in a row on one side; a point on the centre breaks the run', () => {
    expect(signals(p100([0.51, 0.51, 0.51, 0.51, 0.51, 0.51, 0.51, 0.51, 0.46, 0.46]))).toEqual([
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '4',
      '',
      '',
    ]);
    expect(
      signals(p100([0.51, 0.51, 0.51, 0.51, 0.5, 0.51, 0.51, 0.51, 0.51, 0.46, 0.46])),
    ).toEqual(new Array(11).fill(''));
  });

  test('several rules: ascending, comma-separated', () => {
    const rows = p100([0.52, 0.52, 0.52, 0.52, 0.52, 0.52, 0.52, 0.7, 0.415, 0.415, 0.415, 0.415]);
    expect(signals(rows)).toEqual(['', '', '', '', '', '', '', '1,4', '', '', '', '3']);
  });

  test('blank values answer blank and are skipped by the centre, σ and the windows', () => {
    const plain = signals(p100([0.5, 0.61, 0.55, 0.61, 0.39, 0.45, 0.39, 0.5, 0.5, 0.5]));
    const withBlanks = p100([
      0.5,
      null,
      0.61,
      0.55,
      null,
      null,
      0.61,
      0.39,
      0.45,
      0.39,
      0.5,
      0.5,
      0.5,
    ]);
    expect(signals(withBlanks)).toEqual([
      plain[0],
      null,
      plain[1],
      plain[2],
      null,
      null,
      ...plain.slice(3),
    ]);
    // A blank value's size is ignored: it does not weigh in the centre.
    const rows = controlLimits([0.2, null, 0.4], 'p', [10, 1e9, 10]);
    expect(rows[0]!.centre).toBeCloseTo(0.3, 12);
  });
});

describe('limits (contract)', () => {
  test('p chart: centre weighted by sizes, each point its own σ, limits clipped to [0, 1]', () => {
    const rows = controlLimits([0, 0.1, 0], 'p', [10, 10, 40]) as ControlRow[];
    const pbar = 1 / 60;
    expect(rows[0].centre).toBeCloseTo(pbar, 12);
    expect(rows[0].sigma).toBeCloseTo(Math.sqrt((pbar * (1 - pbar)) / 10), 12);
    expect(rows[2].sigma).toBeCloseTo(Math.sqrt((pbar * (1 - pbar)) / 40), 12);
    expect(rows.map((r) => r.lower)).toEqual([0, 0, 0]);
    expect(rows[0].upper).toBeCloseTo(pbar + 3 * rows[0].sigma, 12);
    const high = controlLimits([1, 0.9], 'p', [5, 5]) as ControlRow[];
    expect(high[0].upper).toBe(1);
  });

  test('xmr: centre the mean, σ the mean moving range over 1.128, limits not clipped', () => {
    const rows = controlLimits([1, 3, 2, null, 6], 'xmr');
    const r = rows[0] as ControlRow;
    expect(r.centre).toBe(3);
    expect(r.sigma).toBeCloseTo((2 + 1 + 4) / 3 / 1.128, 12);
    expect(r.lower).toBeCloseTo(3 - (3 * 7) / 3 / 1.128, 12);
    expect(r.lower).toBeLessThan(0);
    expect(rows[3]).toBeNull();
  });

  test('σ = 0 is valid and no point is beyond anything, rounding noise included', () => {
    for (const rows of [
      controlLimits([5, 5, 5, 5, 5, 5, 5, 5, 5], 'xmr'),
      // 0.1 + 0.2 is 0.30000000000000004: σ and the distance are rounding noise, not a shift.
      controlLimits([0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.1 + 0.2], 'xmr'),
      controlLimits([0, 0, 0], 'p', [4, 5, 6]),
      controlLimits([1, 1, 1], 'p', [4, 5, 6]),
    ]) {
      for (const r of rows as ControlRow[]) {
        expect(r.sigma).toBeLessThan(1e-15);
        expect(r.rules).toEqual([]);
      }
    }
  });

  test('every value blank: every row blank', () => {
    expect(controlLimits([null, null], 'p', [null, null])).toEqual([null, null]);
  });
});
