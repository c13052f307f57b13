/**
 * The ledger entry of an imported row: which of its cells the import owns, and a fingerprint of
 * what they held when it last wrote them. If the cells no longer match, a person edited the row
 * since, and the next import must not overwrite their work. One short text per order
 * (`<fnv1a>.<columns>`) keeps the ledger small enough to live in the workbook for 100,000
 * orders; the columns travel with it because mappings change between imports.
 */
import { fnv1a } from '../benchmark/fingerprint';
import { IMPORT_COLUMNS, KpiColumn, Ledger } from './types';

const BIT = new Map<KpiColumn, number>(IMPORT_COLUMNS.map((c, i) => [c, 2 ** i]));
/** Parsed column lists by their base-36 mask: a ledger holds few distinct ones. */
const parsed = new Map<string, readonly KpiColumn[] | null>();

/** The columns an entry covers, in IMPORT_COLUMNS order; null for an entry this code did not write. */
export function ledgerColumns(entry: string): readonly KpiColumn[] | null {
  const dot = entry.indexOf('.');
  const code = dot > 0 ? entry.slice(dot + 1) : '';
  let columns = parsed.get(code);
  if (columns === undefined) {
    const mask = /^[0-9a-z]+$/.test(code) ? parseInt(code, 36) : NaN;
    columns =
      Number.isSafeInteger(mask) && mask > 0 && mask < 2 ** IMPORT_COLUMNS.length
        ? IMPORT_COLUMNS.filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1)
        : null;
    parsed.set(code, columns);
  }
  return columns;
}

/**
 * The entry for a row that owns `columns` (in IMPORT_COLUMNS order) whose comparison keys
 * (values.ts) are given by `keyOf`; null when it owns none.
 */
export function ledgerEntry(
  columns: readonly KpiColumn[],
  keyOf: (c: KpiColumn) => string,
): string | null {
  if (!columns.length) return null;
  let mask = 0;
  let text = '';
  for (const c of columns) {
    text += mask ? `\u001f${keyOf(c)}` : keyOf(c);
    mask += BIT.get(c)!;
  }
  return `${fnv1a(text)}.${mask.toString(36)}`;
}

/** Whether the row still holds what the import left there (its entry recomputed from the cells). */
export function ledgerMatches(entry: string, keyOf: (c: KpiColumn) => string): boolean {
  const columns = ledgerColumns(entry);
  return columns !== null && ledgerEntry(columns, keyOf) === entry;
}

/** The ledger once updates (from a plan or an undo) are applied: null removes an entry. */
export function applyLedger(ledger: Ledger, updates: Record<string, string | null>): Ledger {
  const out = { ...ledger };
  for (const [id, entry] of Object.entries(updates))
    if (entry === null) delete out[id];
    else out[id] = entry;
  return out;
}
