import {
  countryName,
  EU_MEMBERS,
  isEuMember,
  isoCountries,
  resolveCountry,
} from '../../../src/core/benchmark/countries';

describe('ISO 3166 country codes', () => {
  test('the full alpha-2 list: 249 unique codes with names', () => {
    const all = isoCountries();
    expect(all.size).toBe(249);
    for (const [code, name] of all) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(name.length).toBeGreaterThan(2);
    }
    expect(all.get('FR')).toBe('France');
    expect(all.get('GB')).toBe('United Kingdom');
    expect(all.has('UK')).toBe(false);
  });

  test('typed codes: any case, UK or GB for the United Kingdom, English names; unknown → null', () => {
    expect(resolveCountry(' it ')).toEqual({ code: 'IT', name: 'Italy' });
    expect(resolveCountry('GB')).toEqual({ code: 'UK', name: 'United Kingdom' });
    expect(resolveCountry('uk')).toEqual({ code: 'UK', name: 'United Kingdom' });
    expect(resolveCountry('germany')).toEqual({ code: 'DE', name: 'Germany' });
    expect(resolveCountry('XX')).toBeNull();
    expect(resolveCountry('EU')).toBeNull();
    expect(resolveCountry('')).toBeNull();
    expect(resolveCountry('FRA')).toBeNull();
    expect(countryName('UK')).toBe('United Kingdom');
    expect(countryName('ZZ')).toBe('ZZ');
  });

  test('27 EU members, all ISO codes; the UK is not one', () => {
    expect(EU_MEMBERS).toHaveLength(27);
    for (const c of EU_MEMBERS) expect(isoCountries().has(c)).toBe(true);
    expect(isEuMember('FR') && isEuMember('DE') && isEuMember('ES')).toBe(true);
    expect(isEuMember('UK') || isEuMember('GB') || isEuMember('US')).toBe(false);
  });
});
