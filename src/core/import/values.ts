/**
 * Reading one value, from the file or from the tab, into what the import writes and compares.
 * File values go through the same readers as typed cells (read/*.ts): dates in the file's day
 * order, amounts with a decimal comma or point, outcome labels to the registry's ids, yes/no
 * to 'yes' / 'no'. Each value also gets a comparison key, so that `Recyclé` in the tab and
 * `recycled` in the file, or a date cell and `02/10/2026 14:03`, count as the same value and
 * re-importing a file writes nothing.
 */
import { Cell, isBlank, toYesNo } from '../cells';
import { serialToEpoch } from '../kpi/months';
import { OUTCOMES } from '../kpi/registry';
import { readAmountText } from '../read/amounts';
import { readOutcome } from '../read/outcomes';
import { DateTextReader } from './dates';
import { COLUMN_KIND, FileValue, ImportOptions, KpiColumn } from './types';

/** A value read: what to write, and the key it is compared by ('' only for blank). */
export interface Read {
  value: Cell;
  key: string;
}

/** Why a file value cannot be used (a sentence for the import report). */
export interface Unreadable {
  bad: string;
}

/** The Order ID as text: `000123` keeps its zeros, spaces around are dropped; '' when blank. */
export function idText(v: Cell): string {
  if (isBlank(v)) return '';
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString();
  return String(v).trim();
}

/** How ids are matched: case-insensitively, as parseOrders finds a repeated Order ID. */
export const idKey = (id: string): string => id.toUpperCase();

/** A strict, typed text of a cell: what the import wrote and what Sheets hands back agree. */
export function exactKey(v: Cell): string {
  if (isBlank(v)) return '';
  if (v instanceof Date) return `D${Math.round(v.getTime() / 1000)}`;
  if (typeof v === 'number') return `N${Number(v.toPrecision(12))}`;
  if (typeof v === 'boolean') return v ? 'B1' : 'B0';
  return `S${String(v).trim()}`;
}

const dateKey = (at: number) => `d${Math.round(at / 1000)}`;
const numberKey = (n: number) => `n${Number(n.toPrecision(12))}`;
const textOf = (v: Cell) => String(v).trim().replace(/\s+/g, ' ');

/** Readers for one import: caches (dates) live as long as the plan. */
export class ValueReader {
  private readonly dates: DateTextReader;
  /** readDateText reads day first in any locale but en_US, month first there. */
  private readonly fileDateLocale: string;
  private readonly fileNumberLocale: string;
  private readonly cache = new Map<KpiColumn, Map<string, Read | Unreadable>>();

  constructor(private readonly options: ImportOptions) {
    this.dates = new DateTextReader(options.timeZone);
    this.fileDateLocale = options.dateOrder === 'mdy' ? 'en_US' : 'fr_FR';
    this.fileNumberLocale =
      options.decimal === ',' ? 'fr_FR' : options.decimal === '.' ? 'en_US' : options.locale;
  }

  /** A file value: null when blank, Unreadable when it cannot be used. */
  file(column: KpiColumn, raw: FileValue | undefined): Read | Unreadable | null {
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === ''))
      return null;
    const kind = COLUMN_KIND[column];
    // Categories, outcomes, amounts repeat down a file: each distinct text is read once.
    if (kind === 'id' || kind === 'date' || typeof raw !== 'string') return this.read(column, raw);
    let cache = this.cache.get(column);
    if (!cache) this.cache.set(column, (cache = new Map()));
    let read = cache.get(raw);
    if (read === undefined) cache.set(raw, (read = this.read(column, raw)));
    return read;
  }

  private read(column: KpiColumn, raw: string | number): Read | Unreadable {
    switch (COLUMN_KIND[column]) {
      case 'id':
      case 'text': {
        const t = textOf(raw);
        return { value: t, key: `t${t}` };
      }
      case 'date': {
        const at =
          typeof raw === 'number'
            ? serialToEpoch(raw, this.options.timeZone)
            : this.dates.read(raw, this.fileDateLocale);
        if (at === null)
          return {
            bad: `not a date (expected a date such as ${this.options.dateOrder === 'mdy' ? '10/02/2026 14:03' : '02/10/2026 14:03'} or 2026-10-02)`,
          };
        return { value: new Date(at), key: dateKey(at) };
      }
      case 'amount':
      case 'csat': {
        const n = typeof raw === 'number' ? raw : readAmountText(raw, this.fileNumberLocale);
        const csat = COLUMN_KIND[column] === 'csat';
        if (n === null || !Number.isFinite(n))
          return { bad: csat ? 'not a number (expected 1 to 5)' : 'not a number' };
        if (csat && (n < 1 || n > 5)) return { bad: 'outside 1 to 5' };
        if (n < 0) return { bad: 'negative' };
        return { value: n, key: numberKey(n) };
      }
      case 'outcome': {
        const o = readOutcome(typeof raw === 'string' ? raw : String(raw), this.options.labels);
        if (!o)
          return {
            bad: `unknown outcome (expected one of ${OUTCOMES.join(', ')}, a French label such as Recyclé, or a label of the Outcome labels table)`,
          };
        return { value: o, key: `o${o}` };
      }
      case 'yesno': {
        const b = toYesNo(raw);
        if (b === undefined || b === null)
          return { bad: 'not a yes/no (expected yes/no, true/false, y/n, 1/0, oui/non)' };
        return { value: b ? 'yes' : 'no', key: b ? 'y1' : 'y0' };
      }
    }
  }

  /**
   * The comparison key of a cell already in the tab, read as the KPIs read it (date cells,
   * serials, texts in the spreadsheet's locale); '' when blank. A cell no reader understands
   * keeps a key of its own, so it differs from every file value.
   */
  sheet(column: KpiColumn, v: Cell): string {
    if (isBlank(v)) return '';
    const other = (): string => `x${exactKey(v)}`;
    switch (COLUMN_KIND[column]) {
      case 'id':
      case 'text':
        return v instanceof Date ? other() : `t${textOf(v)}`;
      case 'date': {
        const at =
          v instanceof Date
            ? v.getTime()
            : typeof v === 'number'
              ? serialToEpoch(v, this.options.timeZone)
              : typeof v === 'string'
                ? this.dates.read(v, this.options.locale)
                : null;
        return at === null || isNaN(at) ? other() : dateKey(at);
      }
      case 'amount':
      case 'csat': {
        const n =
          typeof v === 'number'
            ? v
            : typeof v === 'string'
              ? readAmountText(v, this.options.locale)
              : null;
        return n === null || !Number.isFinite(n) ? other() : numberKey(n);
      }
      case 'outcome': {
        const o = readOutcome(v, this.options.labels);
        return o ? `o${o}` : other();
      }
      case 'yesno': {
        const b = toYesNo(v);
        return b === true ? 'y1' : b === false ? 'y0' : other();
      }
    }
  }
}
