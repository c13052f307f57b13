/**
 * Partner identity, one rule for the whole product (README, "Partner identity"): a partner is its
 * normalised name — case, accents, surrounding and repeated spaces ignored — within its country.
 * `EcoTech` in FR and `EcoTech` in DE are two partners; ` écotech ` in FR is `EcoTech` in FR. Its
 * rows in `Partners` (one per category and partner type) are all that partner.
 */
import { Cell } from '../cells';
import { readCountry } from '../read/country';
import { textKey } from '../read/text-key';

/** The name part of the identity. */
export const nameKey = (name: Cell): string => textKey(name);

/**
 * The country part: the workbook code when the text reads as a country, else the text's own key
 * (an unreadable country is listed by Score partners, but two rows typed alike still match).
 */
export const countryKey = (country: Cell): string => readCountry(country) ?? textKey(country);

/** Where a partner's rows are: name key → country key → 0-based data rows. */
export type PartnerIndex = Map<string, Map<string, number[]>>;

/** Indexes data rows (header excluded) by identity; rows without a name are left out. */
export function indexPartners(rows: { name: Cell; country: Cell }[]): PartnerIndex {
  const index: PartnerIndex = new Map();
  rows.forEach((r, i) => {
    const name = nameKey(r.name);
    if (!name) return;
    const byCountry = index.get(name) ?? new Map<string, number[]>();
    const country = countryKey(r.country);
    byCountry.set(country, [...(byCountry.get(country) ?? []), i]);
    index.set(name, byCountry);
  });
  return index;
}

export type Match =
  | { kind: 'rows'; country: string; rows: number[] }
  | { kind: 'unknown' }
  | { kind: 'not-in-country'; countries: string[] }
  | { kind: 'ambiguous'; countries: string[] };

/**
 * The rows a name (and, when given, a country) designates. Without a country, a name found in
 * one country is that partner; found in several, it is ambiguous and designates none — never
 * all of them, or one partner's ratings would be pooled into another's.
 */
export function findPartner(index: PartnerIndex, name: Cell, country: Cell): Match {
  const byCountry = index.get(nameKey(name));
  if (!byCountry) return { kind: 'unknown' };
  const countries = [...byCountry.keys()];
  if (textKey(country)) {
    const key = countryKey(country);
    const rows = byCountry.get(key);
    return rows ? { kind: 'rows', country: key, rows } : { kind: 'not-in-country', countries };
  }
  if (countries.length === 1)
    return { kind: 'rows', country: countries[0], rows: byCountry.get(countries[0])! };
  return { kind: 'ambiguous', countries };
}
