/**
 * Category and partner type as people type them in `Partners`: `Smartphones`, `smartphone `,
 * `Smart phone` are the category `smartphone`; `Recycling`, `collection and logistics`,
 * `Data-erasure` are the partner types of the `Weight <type>` columns. Null when a value is none
 * of the known ones: the reader lists it rather than letting it form a segment of its own.
 */
import { Cell } from '../cells';
import { textKey } from './text-key';

/** Letters and digits only, `&` read as "and": `Collection & logistics` = `collection and logistics`. */
export function segmentKey(v: Cell): string {
  return textKey(v)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '');
}

/** The singular of a key: smartphones → smartphone, watches → watch, categories → category. */
function singular(key: string): string {
  if (key.endsWith('ies')) return `${key.slice(0, -3)}y`;
  if (/(ch|sh|x|ss)es$/.test(key)) return key.slice(0, -2);
  return key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : key;
}

/**
 * The one of `known` a typed value means, matched by segmentKey, singular or plural; null when
 * blank or none. A known value itself may be plural ("data erasure services"): both forms match.
 */
export function readKnown(v: Cell, known: readonly string[]): string | null {
  const key = segmentKey(v);
  if (!key) return null;
  for (const k of known) {
    const kk = segmentKey(k);
    if (kk === key || singular(kk) === singular(key)) return k;
  }
  return null;
}
