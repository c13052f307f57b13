/**
 * Finding columns by header name. Users reorder, restyle and sometimes rename columns; every
 * reader goes through here so that "Weight kg", "weight KG" and "Weight (kg)" are one column
 * and a renamed one is reported with the closest header actually present.
 */
import { Cell, columnLetter, isBlank } from './cells';

/** Case-, space- and punctuation-insensitive key of a header. */
export function headerKey(h: Cell): string {
  return String(h ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Key → 1-based column of the first header carrying it. */
export function headerIndex(header: readonly Cell[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (k && !index.has(k)) index.set(k, i + 1);
  });
  return index;
}

function words(h: Cell): string[] {
  return String(h ?? '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length >= 2);
}

/** Levenshtein distance: insertions, deletions and substitutions of one character each. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The header present in the row that looks most like `wanted` (a likely rename), if any. */
export function closestHeader(
  wanted: string,
  header: readonly Cell[],
): { header: string; column: number } | null {
  const w = headerKey(wanted);
  let best: { header: string; column: number; d: number } | null = null;
  header.forEach((h, i) => {
    if (isBlank(h)) return;
    const k = headerKey(h);
    // A shared word ("kg" in "Weight kg" / "Poids kg") is a likelier rename than spelling alone.
    const shared = words(wanted).some((t) => words(h).includes(t));
    const d =
      k.includes(w) || w.includes(k) ? 1 : Math.min(editDistance(w, k), shared ? 3 : Infinity);
    if (d <= Math.max(3, Math.floor(w.length / 3)) && (!best || d < best.d)) {
      best = { header: String(h), column: i + 1, d };
    }
  });
  return best
    ? { header: (best as { header: string }).header, column: (best as { column: number }).column }
    : null;
}

/** "column 'Weight kg' is missing (is it 'Poids kg' in column C?)" */
export function describeMissing(tab: string, wanted: string, header: readonly Cell[]): string {
  const near = closestHeader(wanted, header);
  const hint = near ? ` (is it '${near.header}' in column ${columnLetter(near.column)}?)` : '';
  return `${tab}: column '${wanted}' is missing from the header row${hint}.`;
}
