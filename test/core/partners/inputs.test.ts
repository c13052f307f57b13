/**
 * How typed partner inputs are read (issue 14): the identity rule, countries, categories and
 * types as people type them, weights typed as percentages among points.
 */
import { findPartner, indexPartners } from '../../../src/core/partners/identity';
import { isPercentFormat, weightsOnOneScale } from '../../../src/core/partners/weights';
import { readCountry } from '../../../src/core/read/country';
import { readKnown } from '../../../src/core/read/segment';
import { CATEGORIES, PARTNER_TYPES } from '../../../src/core/schema/lists';

describe('partner identity: normalised name within its country', () => {
  const index = indexPartners([
    { name: 'EcoTech', country: 'FR' },
    { name: 'Ecotech', country: 'France' },
    { name: 'EcoTech', country: 'DE' },
    { name: '  Atelier   Reboot ', country: 'fr' },
    { name: '', country: 'FR' },
  ]);

  test('case, accents and spaces are ignored; a country makes the name one partner', () => {
    expect(findPartner(index, ' écotech ', 'fr')).toEqual({
      kind: 'rows',
      country: 'FR',
      rows: [0, 1],
    });
    expect(findPartner(index, 'ECOTECH', 'Germany')).toEqual({
      kind: 'rows',
      country: 'DE',
      rows: [2],
    });
    expect(findPartner(index, 'atelier reboot', '')).toEqual({
      kind: 'rows',
      country: 'FR',
      rows: [3],
    });
  });

  test('a shared name without a country is ambiguous, never pooled; an unknown one is unknown', () => {
    expect(findPartner(index, 'EcoTech', '')).toEqual({
      kind: 'ambiguous',
      countries: ['FR', 'DE'],
    });
    expect(findPartner(index, 'EcoTech', 'ES')).toEqual({
      kind: 'not-in-country',
      countries: ['FR', 'DE'],
    });
    expect(findPartner(index, 'Nobody', 'FR')).toEqual({ kind: 'unknown' });
  });
});

describe('countries, categories and partner types as typed', () => {
  test.each([
    ['FR', 'FR'],
    ['fr ', 'FR'],
    ['France', 'FR'],
    ['  france ', 'FR'],
    ['Allemagne', 'DE'],
    ['United Kingdom', 'UK'],
    ['GB', 'UK'],
    ['USA', 'US'],
    ['États-Unis', 'US'],
    ['España', 'ES'],
    ['it', 'IT'],
    ['Atlantis', null],
    ['', null],
  ])('country %j → %j', (typed, code) => expect(readCountry(typed)).toBe(code));

  test.each([
    ['Smartphones', 'smartphone'],
    ['SMARTPHONE ', 'smartphone'],
    ['Smart phone', 'smartphone'],
    ['Laptops', 'laptop'],
    ['smart-watches', 'smartwatch'],
    ['phonez', null],
  ])('category %j → %j', (typed, known) => expect(readKnown(typed, CATEGORIES)).toBe(known));

  test.each([
    ['Recycling ', 'recycling'],
    ['Collection and Logistics', 'collection & logistics'],
    ['data-erasure', 'data erasure'],
    ['trade-in', null],
  ])('partner type %j → %j', (typed, known) => expect(readKnown(typed, PARTNER_TYPES)).toBe(known));
});

describe('weights on one scale', () => {
  const where = (row: number) => `Criteria, row ${row}`;
  const cell = (row: number, value: number, percent = false, format?: string) => ({
    row,
    value,
    percent,
    format,
  });

  test('a percentage among points is read as that many points, and said', () => {
    const read = weightsOnOneScale([cell(2, 0.2, true), cell(3, 15), cell(4, 10)], where);
    expect(read.values).toEqual([20, 15, 10]);
    expect(read.issues).toEqual([
      expect.stringMatching(/^Criteria, row 2: 20 % read as 20 points/),
    ]);
  });

  test('all percentages, or percentages among fractions, stay as they are, silently', () => {
    expect(weightsOnOneScale([cell(2, 0.2, true), cell(3, 0.8, true)], where)).toEqual({
      values: [0.2, 0.8],
      issues: [],
    });
    expect(weightsOnOneScale([cell(2, 0.2, true), cell(3, 0.5)], where)).toEqual({
      values: [0.2, 0.5],
      issues: [],
    });
  });

  test('a weight its whole-number format shows rounded is said', () => {
    const read = weightsOnOneScale([cell(2, 0.2, false, '0'), cell(3, 15, false, '0')], where);
    expect(read.values).toEqual([0.2, 15]);
    expect(read.issues).toEqual([
      expect.stringMatching(/^Criteria, row 2: read as 0.2, .*shows as 0/),
    ]);
  });

  test('percent formats are told from quoted percent signs', () => {
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('0" %"')).toBe(false);
    expect(isPercentFormat('0\\%')).toBe(false);
    expect(isPercentFormat('0.###############')).toBe(false);
  });
});
