import {
  Rating,
  consolidateRatings,
  median,
  ratingsFromRows,
} from '../../../src/core/scoring/consolidate';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const r = (
  partner: string,
  assessor: string,
  criterion: string,
  score: number | null,
  comment = '',
  date: Date | null = null,
): Rating => ({
  partner,
  assessor,
  criterion,
  score,
  comment,
  date,
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([1, 2, 5])).toBe(2);
    expect(median([1, 2, 4, 5])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe('consolidateRatings', () => {
  it('gives per partner × criterion the median, assessors, spread, disagreement, latest date and comments', () => {
    const out = consolidateRatings([
      r('Ecologic', 'Ana', 'Security', 4, 'ISO 27001', d('2026-03-01')),
      r('Ecologic', 'Ben', 'Security', 2, 'no audit seen', d('2026-03-05')),
      r('Ecologic', 'Chloé', 'Security', 5, '', d('2026-02-20')),
      r('Ecologic', 'Ana', 'Capacity', 3, '', d('2026-03-01')),
      r('Recyclo', 'Ben', 'Security', 3),
    ]);
    expect(out).toEqual([
      {
        partner: 'Ecologic',
        criterion: 'Security',
        median: 4,
        assessors: 3,
        spread: 3,
        disagreement: true,
        latest: d('2026-03-05'),
        comments: 'Ana: ISO 27001; Ben: no audit seen',
      },
      {
        partner: 'Ecologic',
        criterion: 'Capacity',
        median: 3,
        assessors: 1,
        spread: 0,
        disagreement: false,
        latest: d('2026-03-01'),
        comments: '',
      },
      {
        partner: 'Recyclo',
        criterion: 'Security',
        median: 3,
        assessors: 1,
        spread: 0,
        disagreement: false,
        latest: null,
        comments: '',
      },
    ]);
  });

  it('flags disagreement from a 2-point difference, not below', () => {
    const two = consolidateRatings([r('P', 'A', 'C', 3), r('P', 'B', 'C', 5)])[0];
    expect(two).toMatchObject({ median: 4, spread: 2, disagreement: true });
    const oneAndHalf = consolidateRatings([r('P', 'A', 'C', 3), r('P', 'B', 'C', 4.5)])[0];
    expect(oneAndHalf.disagreement).toBe(false);
  });

  it('counts only the latest rating of an assessor who rated twice', () => {
    const out = consolidateRatings([
      r('P', 'Ana', 'C', 1, 'first look', d('2026-01-01')),
      r('P', 'Ben', 'C', 4, '', d('2026-01-02')),
      r('P', 'ana ', 'C', 4, 'after the visit', d('2026-02-01')),
    ])[0];
    expect(out).toMatchObject({
      median: 4,
      assessors: 2,
      spread: 0,
      disagreement: false,
      comments: 'ana: after the visit',
    });
  });

  it('prefers a dated rating over an undated one, and the row further down between undated ones', () => {
    expect(
      consolidateRatings([r('P', 'A', 'C', 5, '', d('2026-01-01')), r('P', 'A', 'C', 1)])[0].median,
    ).toBe(5);
    expect(consolidateRatings([r('P', 'A', 'C', 5), r('P', 'A', 'C', 1)])[0].median).toBe(1);
  });

  it('keeps the comment of a note without a score, which neither counts nor replaces a rating', () => {
    const out = consolidateRatings([
      r('P', 'A', 'C', 4, '', d('2026-01-01')),
      r('P', 'A', 'C', null, 'will re-check', d('2026-02-01')),
    ])[0];
    expect(out).toMatchObject({
      median: 4,
      assessors: 1,
      latest: d('2026-02-01'),
      comments: 'A: will re-check',
    });
    expect(consolidateRatings([r('P', 'A', 'C', null, 'n/a')])[0]).toMatchObject({
      median: null,
      assessors: 0,
      spread: null,
      disagreement: false,
    });
  });

  it('matches partner and criterion names trimmed and case-insensitively', () => {
    const out = consolidateRatings([
      r('Ecologic', 'A', 'Security', 2),
      r(' ecologic ', 'B', 'SECURITY', 4),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      partner: 'Ecologic',
      criterion: 'Security',
      median: 3,
      assessors: 2,
    });
  });
});

describe('ratingsFromRows', () => {
  it('reads the Ratings columns, skips unusable rows with a reason and warns on bad dates', () => {
    const { ratings, skipped, warnings } = ratingsFromRows(
      [
        ['Ecologic', 'Ana', 'Security', 4, 'ok', d('2026-03-01'), 'FR'],
        ['', '', '', '', '', ''],
        ['', 'Ana', 'Security', 4, '', ''],
        ['Ecologic', 'Ana', '', 4, '', ''],
        ['Ecologic', 'Ben', 'Security', 'good', '', ''],
        ['Ecologic', 'Ben', 'Capacity', '3,5', '', 'yesterday'],
        ['Ecologic', 'Chloé', 'Capacity', '', 'no data yet', '2026-03-02'],
        ['Ecologic', 'Dan', 'Capacity', 6, 'great', ''],
      ],
      'UTC',
    );
    const at = (row: number, country = '') => ({ row, country });
    expect(ratings).toEqual([
      { ...r('Ecologic', 'Ana', 'Security', 4, 'ok', d('2026-03-01')), ...at(1, 'FR') },
      { ...r('Ecologic', 'Ben', 'Capacity', 3.5, '', null), ...at(6) },
      { ...r('Ecologic', 'Chloé', 'Capacity', null, 'no data yet', d('2026-03-02')), ...at(7) },
      // Off the 1–5 scale: left out of the median, its comment kept as a note.
      { ...r('Ecologic', 'Dan', 'Capacity', null, 'great', null), ...at(8) },
    ]);
    expect(skipped).toEqual([
      { row: 3, field: 'partner', message: 'expected a name, got a blank.' },
      { row: 4, field: 'criterion', message: 'expected a name, got a blank.' },
      { row: 5, field: 'score', message: 'expected a number, got the text "good".' },
    ]);
    expect(warnings).toEqual([
      { row: 6, field: 'date', message: 'expected a date, got the text "yesterday"; ignored.' },
      {
        row: 8,
        field: 'score',
        message: 'expected a score from 1 to 5, got number 6; left out of the median.',
      },
    ]);
  });
});
