/**
 * Reading the KPI input tabs (`KPI Data`, `KPI Targets`, `Factors`): headers found by name,
 * and the data-quality issues every parser reports in the same shape.
 */
import { Cell, UserError, columnLetter, isBlank } from '../cells';
import { closestHeader, headerKey } from '../headers';

/** One data-quality finding about one cell of an input tab. */
export interface Issue {
  /** 1-based sheet row (header row = `firstRow`, default 1). */
  row: number;
  /** Header name as found in the sheet and its column letter, e.g. `Received (F)`; '' for a whole row. */
  column: string;
  /** The cell as read (or '' for a whole-row issue). */
  value: Cell;
  /** Sentence for the person fixing the sheet. */
  reason: string;
  /** Stable kind, for grouping in the report's data-quality section. */
  code: string;
  /** true: the row was left out of every computation; false: kept, the field was blanked or defaulted. */
  skipped: boolean;
}

/** One column a parser looks for. */
export interface ColumnSpec<K extends string> {
  key: K;
  /** The contract header, e.g. `Weight kg`. */
  header: string;
  required: boolean;
  /** Other accepted spellings (compared after normalisation). */
  aliases?: readonly string[];
}

/** Where a column was found: 0-based index in the grid, and its label for issues. */
export interface Located {
  index: number;
  label: string;
}

/**
 * Finds each wanted column in a header row (names compared with headers.ts' headerKey). A required column that is absent raises a UserError
 * naming every missing header, and for each the unclaimed header that looks like a renamed copy.
 * Two columns with the same normalised name are refused: which one counts would be a guess.
 */
export function locateColumns<K extends string>(
  headerRow: readonly Cell[],
  specs: readonly ColumnSpec<K>[],
  table: string,
  firstColumn = 1,
): Record<K, Located | null> {
  const byName = new Map<string, number[]>();
  headerRow.forEach((h, i) => {
    const n = headerKey(h);
    if (n) byName.set(n, [...(byName.get(n) ?? []), i]);
  });
  const letter = (i: number) => columnLetter(firstColumn + i);
  const found = {} as Record<K, Located | null>;
  const claimed = new Set<number>();
  const missing: ColumnSpec<K>[] = [];
  for (const spec of specs) {
    const names = [spec.header, ...(spec.aliases ?? [])].map((h) => headerKey(h));
    const hits = names.map((n) => byName.get(n)).find((x) => x !== undefined);
    if (hits && hits.length > 1) {
      throw new UserError(
        `${table}: the header "${spec.header}" appears in several columns (${hits.map(letter).join(', ')}); keep one.`,
      );
    }
    if (hits) {
      claimed.add(hits[0]);
      found[spec.key] = {
        index: hits[0],
        label: `${String(headerRow[hits[0]]).trim()} (${letter(hits[0])})`,
      };
    } else {
      found[spec.key] = null;
      if (spec.required) missing.push(spec);
    }
  }
  if (missing.length) {
    const hints: string[] = [];
    for (const spec of missing) {
      // Headers already matched to another column are not candidates for a rename.
      const near = closestHeader(
        spec.header,
        headerRow.map((h, i) => (claimed.has(i) ? '' : h)),
      );
      if (near)
        hints.push(
          `is "${spec.header}" the column ${letter(near.column - 1)} "${near.header.trim()}"? rename it`,
        );
    }
    const shown = headerRow.filter((h) => !isBlank(h)).map((h) => `"${String(h).trim()}"`);
    throw new UserError(
      `${table}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((s) => `"${s.header}"`).join(', ')}. ` +
        (hints.length ? hints.join('; ') + '. ' : '') +
        `The first row must hold the headers; found ${shown.length ? shown.join(', ') : 'no headers'}.`,
    );
  }
  return found;
}

/** True when every cell of the row is blank (such rows are ignored without an issue). */
export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every((c) => isBlank(c));
}
