/**
 * Short stable hashes: seed fact ids and the fingerprint of a row's content. Not security: they
 * only need to tell "the same text" from "a different text" across runs and machines.
 */
import { Cell, isBlank } from '../cells';

/** FNV-1a (32-bit) of a text, in base 36 (at most 7 characters). */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * A cell as comparable text: what was written and what Sheets hands back must agree (65 and
 * "65" stay apart only when a person changed the type; float noise and surrounding spaces do not count).
 */
export function canonical(v: Cell): string {
  if (isBlank(v)) return '';
  if (typeof v === 'number') return String(Number(v.toPrecision(12)));
  if (v instanceof Date) return isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).trim();
}

/** Fingerprint of a row's cells, in the order given. */
export function fingerprint(cells: readonly Cell[]): string {
  return fnv1a(cells.map(canonical).join('\u001f'));
}
