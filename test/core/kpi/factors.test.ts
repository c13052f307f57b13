import { Grid } from '../../../src/core/cells';
import {
  FACTORS_HEADERS,
  FACTORS_SEED,
  factorFor,
  factorRowFor,
  parseFactors,
} from '../../../src/core/kpi/factors';

describe('Factors', () => {
  const seed = parseFactors(FACTORS_SEED);

  test('the seed parses cleanly; per-year ADEME factors are multiplied by the years of extra use', () => {
    expect(seed.issues).toEqual([]);
    expect(seed.yearsOfUse).toBe(2);
    // ADEME 2022: 24.6 kg CO2e per year of use × 2 years = 49.2 per refurbished smartphone.
    expect(factorFor(seed, 'smartphone', 'refurbished')).toBeCloseTo(49.2, 12);
    expect(factorFor(seed, 'smartphone', 'reused')).toBeCloseTo(49.2, 12);
    // 27 kg per year × 2 = 54 per laptop.
    expect(factorFor(seed, 'laptop', 'refurbished')).toBe(54);
    // Tablet: per-unit estimate, not multiplied.
    expect(factorFor(seed, 'tablet', 'refurbished')).toBe(33.1);
    expect(factorRowFor(seed, 'tablet', 'refurbished')!.basis).toMatch(/^estimate/);
  });

  test('sources and years are kept; estimates are labelled; nothing for unsourced categories', () => {
    const smart = factorRowFor(seed, 'smartphone', 'refurbished')!;
    expect(smart.source).toMatch(/ADEME/);
    expect(smart.year).toBe(2022);
    expect(smart.value).toBe(24.6);
    expect(smart.perYear).toBe(true);
    expect(factorFor(seed, 'smartwatch', 'refurbished')).toBeNull();
    expect(factorFor(seed, 'console', 'reused')).toBeNull();
    expect(FACTORS_SEED[0]).toEqual([...FACTORS_HEADERS]);
  });

  test("wildcards: (category, outcome) → ('*', outcome) → (category, '*') → ('*', '*'), any case", () => {
    expect(factorFor(seed, 'Laptop', 'RECYCLED')).toBe(0);
    expect(factorFor(seed, 'anything', 'lost')).toBe(0);
    const grid: Grid = [
      [...FACTORS_HEADERS],
      ['laptop', '*', 50, 'per unit', 'test', 2026],
      ['*', 'recycled', 1, 'per unit', 'test', 2026],
      ['*', '*', 0.5, 'per unit', 'test', 2026],
      ['laptop', 'refurbished', 80, 'per unit', 'test', 2026],
    ];
    const t = parseFactors(grid);
    expect(factorFor(t, 'laptop', 'refurbished')).toBe(80);
    expect(factorFor(t, 'laptop', 'recycled')).toBe(1); // the outcome wildcard wins over the category one
    expect(factorFor(t, 'laptop', 'returned')).toBe(50);
    expect(factorFor(t, 'tablet', 'returned')).toBe(0.5);
  });

  test('editing the years-of-use row changes every per-year factor', () => {
    const grid = FACTORS_SEED.map((r) => r.slice());
    grid[1][2] = 3;
    const t = parseFactors(grid);
    expect(factorFor(t, 'smartphone', 'refurbished')).toBeCloseTo(73.8, 12);
    expect(factorFor(t, 'tablet', 'refurbished')).toBe(33.1);
  });

  test('per-year rows without the years-of-use row are reported, not guessed', () => {
    const t = parseFactors(FACTORS_SEED.filter((_, i) => i !== 1));
    expect(t.yearsOfUse).toBeNull();
    expect(factorFor(t, 'smartphone', 'refurbished')).toBeNull();
    expect(t.issues.filter((i) => i.code === 'missing-years-of-use')).toHaveLength(4);
  });

  test('bad rows are reported with row, column, value and skipped', () => {
    const grid: Grid = [
      ['Outcome', 'Category', 'kg CO2e avoided per unit'],
      ['refurbished', 'smartphone', 'lots'],
      ['refurb', 'smartphone', 3],
      ['reused', '', 3],
      ['reused', 'laptop', 5],
      ['Reused', 'LAPTOP', 6],
      ['years of extra use', 'assumption', 0],
    ];
    const t = parseFactors(grid);
    expect(t.issues.map((i) => [i.row, i.column, i.code, i.value])).toEqual([
      [2, 'kg CO2e avoided per unit (C)', 'bad-number', 'lots'],
      [3, 'Outcome (A)', 'unknown-outcome', 'refurb'],
      [4, 'Category (B)', 'missing-category', ''],
      [6, 'Outcome (A)', 'duplicate-factor', 'reused'],
      [7, 'kg CO2e avoided per unit (C)', 'bad-number', 0],
    ]);
    expect(factorFor(t, 'laptop', 'reused')).toBe(5);
  });

  test('missing factor column → UserError', () => {
    expect(() => parseFactors([['Category', 'Outcome', 'Basis']])).toThrow(
      /Factors: missing column "kg CO2e avoided per unit"/,
    );
  });
});

describe('reference rows', () => {
  test("manufacturers' footprints in the seed are context: no issue, never a factor", () => {
    const t = parseFactors(FACTORS_SEED);
    expect(t.issues).toEqual([]);
    expect(FACTORS_SEED.filter((r) => r[0] === 'reference').length).toBeGreaterThanOrEqual(4);
    expect(t.rows.some((r) => r.category === 'reference')).toBe(false);
  });
});
