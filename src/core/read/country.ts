/**
 * A country as people type it in `Partners` and `Ratings`: the workbook's code (`FR`, `UK`) from a
 * code in any case and spacing (`fr `, `gb`), an English short name (`France`, `Germany`), or a
 * few names the team writes in its own languages (`Allemagne`, `Deutschland`, `España`,
 * `États-Unis`, `USA`, `Great Britain`). Null when it is none of these: the reader lists it.
 */
import { Cell } from '../cells';
import { isoCountries, resolveCountry, workbookCode } from '../benchmark/countries';
import { textKey } from './text-key';

/** Names beyond ISO's English short names, by their text key (see textKey). */
const ALIASES: Record<string, string> = {
  usa: 'US',
  'u.s.': 'US',
  'u.s.a.': 'US',
  'united states of america': 'US',
  america: 'US',
  'etats-unis': 'US',
  'etats unis': 'US',
  'u.k.': 'UK',
  'great britain': 'UK',
  britain: 'UK',
  england: 'UK',
  'royaume-uni': 'UK',
  'royaume uni': 'UK',
  allemagne: 'DE',
  deutschland: 'DE',
  alemania: 'DE',
  frankreich: 'FR',
  francia: 'FR',
  espagne: 'ES',
  espana: 'ES',
  spanien: 'ES',
  italie: 'IT',
  italia: 'IT',
  italien: 'IT',
};

/** The workbook code of a typed country, or null when it cannot be read as one. */
export function readCountry(v: Cell): string | null {
  const key = textKey(v);
  if (!key) return null;
  const known = ALIASES[key] ?? resolveCountry(key)?.code;
  if (known) return known;
  // ISO's names with their accents ("Åland Islands", "Côte d'Ivoire"), typed without them.
  for (const [code, name] of isoCountries()) if (textKey(name) === key) return workbookCode(code);
  return null;
}
