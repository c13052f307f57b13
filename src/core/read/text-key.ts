/**
 * The key two typed spellings share when people mean the same thing: case, accents, surrounding
 * and repeated spaces ignored ("  Écotech  Lyon " and "ecotech lyon" are one key). Used for
 * partner names, countries, categories and partner types, so one rule reads them all.
 */
import { Cell } from '../cells';

export function textKey(v: Cell): string {
  if (v === null || v === undefined) return '';
  return String(v)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}
