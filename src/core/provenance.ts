/**
 * One provenance rule for every value the add-on writes into a cell people can also type in
 * (consolidated scores in Partners; imported orders in KPI Data, whose ledger applies the same
 * rule to a whole row's imported cells): the add-on knows its own values by a ledger kept in the
 * workbook, never by a note, a colour or a position, which people can change. An entry is keyed
 * by what the cell is about (a partner's identity and a criterion; an Order ID), so inserted or
 * sorted rows do not confuse it, and holds the values the add-on wrote there: a cell holding one
 * of them is the add-on's (it may replace it); any other value is a person's (it is kept, and the
 * difference is said).
 *
 * The ledger is written before the cells. An entry keeps the value the cell held before (when it
 * was the add-on's) and the value about to be written, so a run cut short anywhere — before the
 * cells, between them and their notes — leaves every cell recognisable, and the next run
 * converges on what a clean run gives. A person who types exactly the value the add-on wrote
 * there before is taken for the add-on: the one case this rule cannot tell apart.
 */
import { Cell } from './cells';

/** Key → the values the add-on wrote there (as valueKey), most recent last, at most two. */
export type ProvenanceLedger = Record<string, string[]>;

/** A value as the ledger records it: type and value, dates by instant. */
export function valueKey(v: Cell): string {
  if (v instanceof Date) return `d:${v.getTime()}`;
  if (typeof v === 'number') return `n:${v}`;
  if (typeof v === 'boolean') return `b:${v}`;
  return `s:${String(v ?? '')}`;
}

/** True when `current` is a value the add-on wrote at `key`. */
export function isAddOnValue(ledger: ProvenanceLedger, key: string, current: Cell): boolean {
  return (ledger[key] ?? []).includes(valueKey(current));
}

/**
 * Records that the add-on is about to write `next` at `key`, over `previous` (kept as the
 * add-on's too when it was): the entry becomes [previous?, next].
 */
export function recordWrite(
  ledger: ProvenanceLedger,
  key: string,
  previous: Cell,
  next: Cell,
): void {
  const before = isAddOnValue(ledger, key, previous) ? [valueKey(previous)] : [];
  ledger[key] = [...new Set([...before, valueKey(next)])];
}
