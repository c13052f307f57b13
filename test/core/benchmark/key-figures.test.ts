import fc from 'fast-check';
import { Grid } from '../../../src/core/cells';
import { KEY_FIGURES, keyFigures } from '../../../src/core/benchmark/key-figures';
import { parseCountryTab } from '../../../src/core/benchmark/parse';
import { benchmarkSeedRows } from '../../../src/core/benchmark/seed';
import { fact, HEADER, NOW } from './fixture';

const seeded = (code: string) =>
  parseCountryTab(code, `Benchmark ${code}`, [
    HEADER,
    ...benchmarkSeedRows(code).map((r) => r.slice(0, 12)),
  ]).findings;
const figures = (code: string) =>
  Object.fromEntries(keyFigures(seeded(code), KEY_FIGURES, NOW).map((k) => [k.id, k.text]));

describe('key figures', () => {
  test('picked from the seed by the documented rules', () => {
    const fr = figures('FR');
    expect(fr.collection_rate).toBe('47.4 % (2022) — Household WEEE collection rate 2022');
    expect(fr.kg_per_inhabitant).toBe('12.3 kg/inhabitant (2022) — Household WEEE collected 2022');
    expect(fr.take_back).toBe(
      'Retail 1:1 and 0:1 take-back: 6000 in-store collection units (2016)',
    );
    expect(fr.repair_bonus).toBe('Repair bonus amount smartphone: 25 EUR (2024)');
    expect(fr.donation_tax).toBe(
      'Corporate donation tax reduction (mécénat): 60 % tax reduction (2024)',
    );
    expect(fr.competitors).toMatch(/^7: Recommerce, Largo, /);
    const de = figures('DE');
    expect(de.collection_rate).toBe('29.5 % (2023) — Collection rate 2023'); // the latest, not the EU's 40.1 %
    expect(de.take_back).toMatch(/^Electronics retailer take-back/); // first row saying take-back
    const uk = figures('UK');
    expect(uk.collection_rate).toBe(''); // a gap: no rate, and no EU fallback outside the EU
    expect(uk.repair_bonus).toBe('');
    expect(figures('US').donation_tax).toMatch(/^Charitable deduction/);
    expect(figures('ES').donation_tax).toMatch(
      /^Patronage law incentives.*40 % corporate deduction/,
    );
  });

  test('an EU member with only EU-level facts falls back on them, marked EU', () => {
    const it = figures('IT');
    expect(it.collection_rate).toBe('40.1 % (2022) — EU: EU WEEE collection rate 2022');
    expect(it.kg_per_inhabitant).toBe(
      '11.6 kg/inhabitant (2023) — EU: EU WEEE collected vs EEE POM 2023',
    );
    expect(it.competitors).toBe('');
  });

  // Issue 17: a 2031 fact (a projection) became Spain's collection-rate key figure.
  test('a projection (Year after the current year) is never picked over an actual, and says so', () => {
    const grid: Grid = [
      HEADER,
      ...benchmarkSeedRows('ES').map((r) => r.slice(0, 12)),
      fact('statistic', 'Projected collection rate 2031', { value: 70, unit: '%', year: 2031 }),
    ];
    const findings = parseCountryTab('ES', 'Benchmark ES', grid).findings;
    const rate = keyFigures(findings, KEY_FIGURES, NOW)[0];
    expect(rate.from[0].year).not.toBe(2031);
    expect(rate.text).not.toMatch(/projection/);
    // With nothing else to show, the projection is shown, marked.
    const alone = findings.filter((f) => f.year === 2031);
    expect(keyFigures(alone, KEY_FIGURES, NOW)[0].text).toBe(
      '70 % (2031) — Projected collection rate 2031 [projection]',
    );
  });

  test('verified before to verify, and the flag shows', () => {
    const rows = [
      fact('statistic', 'Collection rate 2025', {
        value: 50,
        unit: '%',
        year: 2025,
        status: 'to verify',
      }),
      fact('statistic', 'Collection rate 2020', { value: 40, unit: '%', year: 2020 }),
    ];
    const findings = parseCountryTab('FR', 'Benchmark FR', [HEADER, ...rows]).findings;
    expect(keyFigures(findings)[0].text).toBe('40 % (2020) — Collection rate 2020');
    expect(keyFigures(findings.slice(0, 1))[0].text).toBe(
      '50 % (2025) — Collection rate 2025 [to verify]',
    );
  });

  test('the order the findings arrive in does not change any figure (ties go to the upper row)', () => {
    const base = seeded('FR');
    const texts = (fs: typeof base) => keyFigures(fs).map((k) => k.text);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(base, { minLength: base.length, maxLength: base.length }),
        (shuffled) => {
          expect(texts(shuffled)).toEqual(texts(base));
        },
      ),
      { numRuns: 30 },
    );
  });

  test('every figure has a rule in words', () => {
    for (const k of KEY_FIGURES) expect(k.rule.length).toBeGreaterThan(10);
    const empty: Grid = [HEADER];
    expect(
      keyFigures(parseCountryTab('JP', 'Benchmark JP', empty).findings).every((k) => k.text === ''),
    ).toBe(true);
  });
});
