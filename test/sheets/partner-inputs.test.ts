/**
 * Issue 14: the partner assessment as a team really types it — percentages among weight points,
 * one name in two countries, countries and categories typed freely, criteria deleted or renamed,
 * ratings off the scale, typing in computed columns, AHP judgements off Saaty's scale, partners
 * with no score. Each case runs the actions on the local runtime, on a workbook set up by the
 * add-on and then typed into as a person would.
 */
import { Cell, Grid } from '../../src/core/cells';
import { lastCompleteMonth } from '../../src/core/kpi/months';
import { SECTIONS } from '../../src/core/report/layout';
import { CRITERIA_SEED } from '../../src/core/seed/criteria';
import { deriveWeights } from '../../src/sheets/ahp';
import { ActionResult } from '../../src/sheets/action';
import { scorePartners } from '../../src/sheets/partners';
import { consolidateRatings } from '../../src/sheets/ratings';
import { generateReportAction } from '../../src/sheets/report';
import { setUpWorkbook } from '../../src/sheets/setup';
import { actionContext } from '../helpers/action';
import { changedCells, installRuntime, sheet, typedCells } from '../helpers/runtime';
import { Runtime } from '../../local/runtime';

const IDS = CRITERIA_SEED.map((c) => c.id);

/** A set-up workbook (the add-on's own formats) with these Partners rows typed in. */
function workbook(rows: Record<string, Cell>[]): Runtime {
  const rt = installRuntime();
  rt.runAs('FULL', () => setUpWorkbook(actionContext(rt)));
  typePartners(rt, rows);
  return rt;
}

/** Types Partners rows: the named input columns and criterion scores (by ID), from row 2. */
function typePartners(rt: Runtime, rows: Record<string, Cell>[]): void {
  if (!rows.length) return;
  rt.runAs('FULL', () => {
    const s = sheet(rt, 'Partners');
    const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
    const width = header.indexOf(IDS[IDS.length - 1]) + 1;
    s.getRange(2, 1, rows.length, width).setValues(
      rows.map((r) => header.slice(0, width).map((h) => (r[h] ?? '') as Cell)),
    );
  });
}

/** A partner scoring `s` on every criterion unless told otherwise. */
function partner(
  name: string,
  country: string,
  extra: Record<string, Cell> = {},
  s: Cell = 3,
): Record<string, Cell> {
  const scores = Object.fromEntries(IDS.map((id) => [id, s]));
  return {
    Partner: name,
    Country: country,
    Category: 'smartphone',
    'Partner type': 'recycling',
    Status: 'in assessment',
    ...scores,
    ...extra,
  };
}

function run(rt: Runtime, body: (ctx: ReturnType<typeof actionContext>) => ActionResult) {
  return rt.runAs('FULL', () => body(actionContext(rt)));
}

function table(rt: Runtime, tab: string): Grid {
  return rt.runAs('FULL', () => sheet(rt, tab).getDataRange().getValues());
}

/** Partners column `name`, rows 2… */
function column(rt: Runtime, name: string): Cell[] {
  const t = table(rt, 'Partners');
  const c = t[0].indexOf(name);
  expect(c).toBeGreaterThanOrEqual(0);
  return t.slice(1).map((r) => r[c]);
}

function cellOf(rt: Runtime, tab: string, row: number, header: string) {
  return rt.runAs('FULL', () => {
    const s = sheet(rt, tab);
    const h = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    return s.getRange(row, h.indexOf(header) + 1);
  });
}

function typeCell(rt: Runtime, tab: string, row: number, header: string, value: Cell) {
  rt.runAs('FULL', () => cellOf(rt, tab, row, header).setValue(value));
}

/** Ratings rows typed under the tab's header (columns found by name; Country typed if absent). */
function typeRatings(rt: Runtime, rows: Record<string, Cell>[]): void {
  rt.runAs('FULL', () => {
    const s = sheet(rt, 'Ratings');
    let header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
    if (!header.includes('Country')) {
      s.getRange(1, header.length + 1).setValue('Country');
      header = [...header, 'Country'];
    }
    s.getRange(2, 1, rows.length, header.length).setValues(
      rows.map((r) => header.map((h) => (r[h] ?? '') as Cell)),
    );
  });
}

const rating = (
  partnerName: string,
  assessor: string,
  criterion: string,
  score: Cell,
  country: Cell = '',
) => ({
  Partner: partnerName,
  Assessor: assessor,
  Criterion: criterion,
  Score: score,
  Country: country,
});

describe('1. weights and scores are read and shown as typed', () => {
  test('20 % typed among weight points is read as 20 points, said, and shown as typed', () => {
    const rows = [
      partner('Strong on certification', 'FR', { CERT: 5, CAPACITY: 1, GEO: 1 }),
      partner('Strong on capacity', 'FR', { CERT: 2, CAPACITY: 5, GEO: 5 }),
    ];
    const points = workbook(rows);
    const percent = workbook(rows);
    typeCell(points, 'Criteria', 2, 'Weight recycling', 20);
    typeCell(percent, 'Criteria', 2, 'Weight recycling', '20%');
    run(points, scorePartners);
    const result = run(percent, scorePartners);
    expect(column(percent, 'Score')).toEqual(column(points, 'Score'));
    expect(column(percent, 'Rank')).toEqual(column(points, 'Rank'));
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Criteria, row 2, column J \(Weight recycling\): 20 ?% read as 20 points/,
        ),
      ]),
    );
    expect(cellOf(percent, 'Criteria', 2, 'Weight recycling').getDisplayValue()).toBe('20%');
  });

  test('a weight column typed all in percentages is read as it is, without a message', () => {
    const rt = workbook([partner('A', 'FR'), partner('B', 'FR', { CERT: 5 })]);
    rt.runAs('FULL', () =>
      sheet(rt, 'Criteria')
        .getRange(2, 10, IDS.length, 1)
        .setValues(IDS.map((_, i) => [`${(i % 3) + 5}%`])),
    );
    const result = run(rt, scorePartners);
    expect(result.warnings.filter((w) => /Weight recycling/.test(w))).toEqual([]);
  });

  test('a score of 4.5 and a weight of 0.5 show as typed', () => {
    const rt = workbook([partner('A', 'FR', { CERT: 4.5 })]);
    typeCell(rt, 'Criteria', 3, 'Weight recycling', 0.5);
    // With the decimal separator of the spreadsheet's locale.
    const locale = rt.runAs('FULL', () =>
      SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale(),
    );
    const shown = (n: number) => n.toLocaleString(locale.replace('_', '-'));
    expect(cellOf(rt, 'Partners', 2, 'CERT').getDisplayValue()).toBe(shown(4.5));
    expect(cellOf(rt, 'Criteria', 3, 'Weight recycling').getDisplayValue()).toBe(shown(0.5));
  });
});

describe('2. a partner is its normalised name within its country', () => {
  const partners = [
    partner('EcoTech', 'FR', { CERT: '' }),
    partner('EcoTech', 'DE', { CERT: '' }),
    partner('Other', 'FR'),
  ];

  test('a rating with a country goes to that country only; one without, for a shared name, is listed and not used', () => {
    const rt = workbook(partners);
    typeRatings(rt, [
      rating(' écotech ', 'Ann', 'CERT', 5, 'FR'),
      rating('ECOTECH', 'Bob', 'CERT', 5, 'fr'),
      rating('EcoTech', 'Cy', 'CERT', 1),
    ]);
    const result = run(rt, consolidateRatings);
    const cert = column(rt, 'CERT');
    expect(cert.slice(0, 2)).toEqual([5, '']);
    expect(column(rt, 'Disagreement').slice(0, 2)).toEqual(['', '']);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Ratings, row 4, column A \(Partner\): 'EcoTech' is a partner in FR and DE; .*no country.*not used/,
        ),
      ]),
    );
  });

  test('a rating without a country applies when the name is in one country, to every row of it there', () => {
    const rt = workbook([
      ...partners,
      partner('Other', 'FR', { Category: 'laptop', CERT: '' }),
      partner('Other', 'FR', { 'Partner type': 'donation', CERT: '' }),
    ]);
    rt.runAs('FULL', () => cellOf(rt, 'Partners', 4, 'CERT').setValue(''));
    typeRatings(rt, [rating('other', 'Ann', 'CERT', 4)]);
    run(rt, consolidateRatings);
    expect(column(rt, 'CERT').slice(2, 5)).toEqual([4, 4, 4]);
  });

  test('Set up adds the Country column to Ratings', () => {
    const rt = workbook([]);
    expect(table(rt, 'Ratings')[0]).toContain('Country');
  });
});

describe('3. countries, categories and partner types as people type them', () => {
  test('France, fr and FR are one country, Smartphones is smartphone; an unknown country is listed, never a segment', () => {
    const rt = workbook([
      partner('Alpha', 'France', { CERT: 5 }),
      partner('Beta', 'fr ', { CERT: 4, Category: 'Smartphones' }),
      partner('Gamma', 'FR', { 'Partner type': 'Recycling ' }),
      partner('Delta', 'Atlantis', { CERT: 5, LEGAL: 5 }),
    ]);
    const result = run(rt, scorePartners);
    expect(column(rt, 'Rank')).toEqual([1, 2, 3, '']);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Partners, row 5, column B \(Country\): .*"Atlantis".*not ranked/),
      ]),
    );
    const ranking = table(rt, 'Partner Ranking');
    const shown = ranking.slice(1).filter((r) => r[4] !== '');
    expect(shown.map((r) => r.slice(0, 5))).toEqual([
      ['FR', 'smartphone', 'recycling', 1, 'Alpha'],
      ['FR', 'smartphone', 'recycling', 2, 'Beta'],
      ['FR', 'smartphone', 'recycling', 3, 'Gamma'],
    ]);
    // The report reads the same partners the same way: one FR group, the same order.
    const month = lastCompleteMonth(new Date(), 'Europe/Paris');
    rt.runAs('FULL', () => generateReportAction(actionContext(rt), month, new Date()));
    const report = table(rt, `Report ${month}`);
    const start = report.findIndex((r) => r[0] === SECTIONS.shortlist);
    const rows = report
      .slice(start + 1)
      .filter((r) => ['Alpha', 'Beta', 'Gamma', 'Delta'].includes(String(r[3])));
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['FR', 'recycling', 'Alpha'],
      ['FR', 'recycling', 'Beta'],
      ['FR', 'recycling', 'Gamma'],
    ]);
  });

  test('an unknown category is listed with its row and not ranked', () => {
    const rt = workbook([partner('Alpha', 'FR'), partner('Beta', 'FR', { Category: 'phonez' })]);
    const result = run(rt, scorePartners);
    expect(column(rt, 'Rank')).toEqual([1, '']);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Partners, row 3, column C \(Category\): .*"phonez".*not ranked/),
      ]),
    );
  });
});

/** Retypes a criterion's ID in Criteria, as a person renaming it does. */
function typeCriterionId(rt: Runtime, from: string, to: string): void {
  rt.runAs('FULL', () => {
    const c = sheet(rt, 'Criteria');
    const ids = c.getRange(1, 1, c.getLastRow(), 1).getValues().flat();
    c.getRange(ids.indexOf(from) + 1, 1).setValue(to);
  });
}

describe('4. criteria deleted or renamed are named', () => {
  test('a score column with no criterion is named, with the knock-outs it carried', () => {
    const rt = workbook([partner('Alpha', 'FR', { DATA_SEC: 1 }), partner('Beta', 'FR')]);
    run(rt, scorePartners);
    expect(column(rt, 'Knock-out')[0]).toMatch(/Data security/);
    // Someone deletes the DATA_SEC row from Criteria.
    rt.runAs('FULL', () => {
      const c = sheet(rt, 'Criteria');
      const ids = c.getRange(1, 1, c.getLastRow(), 1).getValues().flat();
      c.deleteRow(ids.indexOf('DATA_SEC') + 1);
    });
    const result = run(rt, scorePartners);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Partners, column [A-Z]+ \(DATA_SEC\): no criterion 'DATA_SEC' in Criteria.*not counted.*knock-out.*row 2/,
        ),
      ]),
    );
  });

  test('a criterion renamed to an unrelated ID: its old column is named with the new ID as a hint', () => {
    const rt = workbook([partner('Alpha', 'FR'), partner('Beta', 'FR')]);
    typeCriterionId(rt, 'DATA_SEC', 'SECURITY');
    const result = run(rt, scorePartners);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\(DATA_SEC\): no criterion 'DATA_SEC' in Criteria.*'SECURITY'/),
      ]),
    );
  });

  test('a criterion renamed to a similar ID gets Set up\'s hint, not "run Set up"', () => {
    const rt = workbook([partner('Alpha', 'FR'), partner('Beta', 'FR')]);
    typeCriterionId(rt, 'CAPACITY', 'CAPACITY_2');
    const result = run(rt, scorePartners);
    expect(result.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/'CAPACITY'.*rename it to 'CAPACITY_2'/)]),
    );
    expect(result.warnings.filter((w) => /run Set up workbook to add it/.test(w))).toEqual([]);
  });
});

describe('5. ratings outside the scale', () => {
  test('a rating of 0 or 6 is flagged and left out of the median', () => {
    const rt = workbook([partner('Alpha', 'FR', { CERT: '' })]);
    typeRatings(rt, [
      rating('Alpha', 'Ann', 'CERT', 4),
      rating('Alpha', 'Bob', 'CERT', 0),
      rating('Alpha', 'Cy', 'CERT', 6),
    ]);
    const result = run(rt, consolidateRatings);
    expect(column(rt, 'CERT')[0]).toBe(4);
    expect(column(rt, 'Disagreement')[0]).toBe('');
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Ratings, row 3, column D \(Score\): .*1 to 5.*0/),
        expect.stringMatching(/^Ratings, row 4, column D \(Score\): .*1 to 5.*6/),
      ]),
    );
  });
});

describe('6. typing in computed columns', () => {
  test('Score partners says which typed cells of its computed columns it replaced', () => {
    const rt = workbook([partner('Alpha', 'FR'), partner('Beta', 'FR', { CERT: 5 })]);
    run(rt, scorePartners);
    typeCell(rt, 'Partners', 2, 'Score', 'high');
    typeCell(rt, 'Partners', 3, 'Knock-out', 'waived by legal');
    const result = run(rt, scorePartners);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Partners, row 2, column U \(Score\): replaced the typed "high"/),
        expect.stringMatching(
          /^Partners, row 3, column W \(Knock-out\): replaced the typed "waived by legal"/,
        ),
      ]),
    );
    // Its own values of the last run are not reported.
    const again = run(rt, scorePartners);
    expect(again.warnings.filter((w) => /replaced the typed/.test(w))).toEqual([]);
  });

  test('Consolidate ratings says which typed Disagreement cells it replaced', () => {
    const rt = workbook([partner('Alpha', 'FR', { CERT: '' })]);
    typeCell(rt, 'Partners', 2, 'Disagreement', 'ask Camille');
    typeRatings(rt, [rating('Alpha', 'Ann', 'CERT', 4)]);
    const result = run(rt, consolidateRatings);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Partners, row 2, column AB \(Disagreement\): replaced the typed "ask Camille"/,
        ),
      ]),
    );
  });
});

describe('7. AHP judgements on Saaty’s scale', () => {
  test.each([
    [10, 'number 10'],
    ['1/12', 'the text "1/12"'],
  ])('a judgement of %s is refused with the scale in the message', (typed, said) => {
    const rt = workbook([]);
    run(rt, deriveWeights);
    const n = IDS.length;
    rt.runAs('FULL', () => {
      const block: Cell[][] = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (__, j) => (i === j ? 1 : j > i ? 2 : '')),
      );
      block[0][2] = typed;
      sheet(rt, 'AHP').getRange(5, 2, n, n).setValues(block);
    });
    const before = typedCells(rt, ['Criteria']);
    expect(() => run(rt, deriveWeights)).toThrow(
      new RegExp(`^AHP, row 5, column D: .*1/9 … 1 … 9 .*got ${said}\\.$`),
    );
    expect(changedCells(before, typedCells(rt, ['Criteria']))).toEqual([]);
  });
});

describe('8. partners Score partners could not score', () => {
  test('a partner with no score at all is named; prospects are counted apart', () => {
    const rt = workbook([
      partner('Alpha', 'FR'),
      partner('Blank', 'FR', {}, ''),
      partner('Newcomer', 'FR', { Status: 'prospect' }, ''),
    ]);
    const result = run(rt, scorePartners);
    expect(result.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Partners, row 3: 'Blank' .*no score/)]),
    );
    expect(result.warnings.filter((w) => /Newcomer/.test(w))).toEqual([]);
    expect(result.summary).toMatch(/1 prospect\(s\) not scored yet/);
    expect(result.summary).toMatch(/1 partner\(s\) with no score/);
  });
});
