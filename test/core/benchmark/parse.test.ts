import { dimensionOf, parseCountryTab } from '../../../src/core/benchmark/parse';
import { benchmarkModel, benchmarkTabs } from '../../../src/core/benchmark/model';
import { fact, FR_GRID, HEADER } from './fixture';

describe('reading a Benchmark tab', () => {
  test('findings with their row, dimension, scope and status; blank rows skipped', () => {
    const c = parseCountryTab('FR', 'Benchmark FR', FR_GRID);
    expect(c.name).toBe('France');
    expect(c.issues).toEqual([]);
    expect(c.findings.map((f) => f.row)).toEqual([2, 3, 4, 6, 7, 8, 9]);
    expect(c.findings.map((f) => f.verified)).toEqual([true, true, false, true, true, false, true]);
    expect(c.findings.find((f) => f.topic.startsWith('EU:'))!.scope).toBe('EU');
    expect(c.findings[3].lastReviewed).toEqual(new Date('2025-11-25T00:00:00Z'));
    expect(c.findings[4].year).toBeNull();
  });

  test('columns are found by name in any order', () => {
    const order = [...HEADER.keys()].reverse();
    const grid = FR_GRID.map((r) => order.map((i) => r[i]));
    const c = parseCountryTab('FR', 'Benchmark FR', grid);
    expect(c.findings.map((f) => [f.dimension, f.topic, f.year])).toEqual(
      parseCountryTab('FR', 'Benchmark FR', FR_GRID).findings.map((f) => [
        f.dimension,
        f.topic,
        f.year,
      ]),
    );
  });

  test('a renamed or missing column is reported by tab, row 1 and name, with the likely rename', () => {
    const header = HEADER.map((h) => (h === 'Status' ? 'State' : h)).filter((h) => h !== 'Year');
    const grid = [header, ...FR_GRID.slice(1).map((r) => r.filter((_, i) => i !== 5))];
    const c = parseCountryTab('DE', 'Benchmark DE', grid);
    expect(c.issues).toEqual([
      "Benchmark DE, row 1: column 'Year' is missing from the header row.",
      "Benchmark DE, row 1: column 'Status' is missing from the header row (is it 'State' in column H?).",
    ]);
    expect(c.problems).toEqual(["column 'Year' is missing", "column 'Status' is missing"]);
    expect(c.findings).toHaveLength(7); // still read, the missing columns as blank
    expect(c.findings.every((f) => !f.verified && f.year === null)).toBe(true);
  });

  test('without a Dimension column nothing is read, and that is said', () => {
    const c = parseCountryTab('DE', 'Benchmark DE', [
      HEADER.map((h) => (h === 'Dimension' ? 'Dim.' : h)),
      fact('law', 'x'),
    ]);
    expect(c.findings).toEqual([]);
    expect(c.problems).toEqual(["column 'Dimension' is missing"]);
  });

  test('bad cells are reported by tab, row and column and read as blank', () => {
    const grid = [
      HEADER,
      fact('laws', 'ok plural', { year: '2021' }),
      fact('foo', 'bad dimension', { year: 'soon', reviewed: 'last week', status: 'checked' }),
    ];
    const c = parseCountryTab('ES', 'Benchmark ES', grid);
    expect(c.findings[0].dimension).toBe('law');
    expect(c.findings[0].year).toBe(2021);
    expect(c.issues).toEqual([
      'Benchmark ES, row 3, column A (Dimension): the text "foo" — expected one of law, pro_scheme, take_back, target, donation, repair, data_erasure, competitor, statistic, best_practice; read as blank.',
      'Benchmark ES, row 3, column F (Year): the text "soon" — expected a year such as 2024; read as blank.',
      'Benchmark ES, row 3, column K (Last reviewed): the text "last week" — expected a date such as 2026-10-03; read as blank.',
      "Benchmark ES, row 3, column I (Status): the text \"checked\" — expected 'verified' or 'to verify'; read as blank.",
    ]);
  });

  test('dimension spellings', () => {
    expect(dimensionOf('Take-back')).toBe('take_back');
    expect(dimensionOf('DATA ERASURE')).toBe('data_erasure');
    expect(dimensionOf('competitors')).toBe('competitor');
    expect(dimensionOf('EPR')).toBe('pro_scheme');
    expect(dimensionOf('')).toBeNull();
  });

  test('overview countries: the five always, then every other Benchmark XX tab by code', () => {
    const tabs = benchmarkTabs([
      'Settings',
      'Benchmark',
      'Benchmark NL',
      'Benchmark FR',
      'Benchmark it',
      'Benchmark DE',
      'Benchmark Notes',
    ]);
    expect(tabs.map((t) => t.code)).toEqual(['FR', 'DE', 'US', 'UK', 'ES', 'IT', 'NL']);
    expect(tabs.find((t) => t.code === 'IT')!.tab).toBe('Benchmark it');
    expect(tabs.find((t) => t.code === 'US')!.exists).toBe(false);
    const model = benchmarkModel(
      tabs.map((t) => ({ ...t, grid: t.code === 'FR' ? FR_GRID : t.exists ? [HEADER] : null })),
    );
    expect(model.countries.find((c) => c.code === 'US')!.problems[0]).toMatch(
      /tab 'Benchmark US' is missing/,
    );
    expect(model.global).toHaveLength(13);
  });
});
