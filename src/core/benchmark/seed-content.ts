/**
 * What of a seeded row is the seed's and what is the team's. The seed owns the *content* —
 * dimension, topic, finding, value, unit, year, source — and an upgrade compares and replaces
 * only that; the team owns implication, best practice, status, last reviewed and owner, which an
 * upgrade never overwrites and whose filling never makes a row "edited".
 *
 * A row's `Seed ref` holds the fingerprint of the content as seeded. Workbooks seeded before this
 * rule fingerprinted all twelve cells as seeded (team columns blank, status from the fact): such
 * a "legacy" fingerprint is recognised too, by rebuilding those twelve cells from the content.
 */
import { Cell } from '../cells';
import { fingerprint } from './fingerprint';
import { FACT_HEADERS } from './tab-columns';

export const VERIFIED = 'verified';
export const TO_VERIFY = 'to verify';

/** The seed's columns of a country tab, in spec order. */
export const CONTENT_HEADERS: readonly string[] = [
  'Dimension',
  'Topic',
  'Finding',
  'Value',
  'Unit',
  'Year',
  'Source',
];
const AT = CONTENT_HEADERS.map((h) => FACT_HEADERS.indexOf(h));

/** The content cells of a row's twelve product cells (spec order, as factCells gives them). */
export function contentOf(cells: readonly Cell[]): Cell[] {
  return AT.map((i) => cells[i] ?? '');
}

/** Fingerprint of content cells. */
export function contentHash(content: readonly Cell[]): string {
  return fingerprint(content);
}

/** The fingerprints an older version of the add-on gave this content (one per seeded status). */
export function legacyHashes(content: readonly Cell[]): string[] {
  const [dimension, topic, finding, value, unit, year, source] = content;
  return [VERIFIED, TO_VERIFY].map((status) =>
    fingerprint([dimension, topic, finding, value, unit, year, '', '', status, source, '', '']),
  );
}

/** True when a ref's fingerprint is this content's, in the current form or a legacy one. */
export function hashMatches(hash: string, content: readonly Cell[]): boolean {
  return hash === contentHash(content) || legacyHashes(content).includes(hash);
}
