/**
 * Parsing the `KPI Data` tab into typed orders, with every data-quality finding reported by row,
 * column, value and reason. Data quality is field-level: an unreadable cell blanks that field
 * only, and the order still counts in every KPI that does not need it (a bad payout leaves its
 * requests, receipts and reuse intact). Only a missing or unreadable Order ID or Created, or a
 * repeated Order ID, takes an order out (`skipped`).
 *
 * Cells are read as people write them (src/core/read): date cells, serials, and date texts in the
 * spreadsheet's locale and zone (ISO 8601 with `Z` or an offset as that instant); numbers with a
 * decimal comma, grouping, a currency or a unit; outcome labels in English and French, or the
 * team's own (a label table). A field is blanked, with its finding, when it is not readable, when
 * it is out of sequence (Kit sent or Received before Created, Inspected before Received), or when
 * an amount is negative or a date (Sheets turns "3.5" into 3 May in some locales); CSAT outside
 * 1–5 and a yes/no that is neither are blanked too. Inspected without Outcome still counts as
 * inspected; an outcome other than lost without an Inspected date counts in no month's
 * inspections; a blank Category is 'unspecified'.
 */
import { Cell, Grid, UserError, isBlank, isErrorValue, toYesNo } from '../cells';
import { readAmountText } from '../read/amounts';
import { readDateText } from '../read/dates';
import { OutcomeLabels, readOutcome } from '../read/outcomes';
import { serialToEpoch, checkTimeZone, wallClock } from './months';
import { Outcome, OUTCOMES } from './registry';
import { ColumnSpec, Issue, Located, isBlankRow, locateColumns } from './table';

/** The `KPI Data` headers, in contract order. */
export const KPI_DATA_HEADERS = [
  'Order ID',
  'Created',
  'Category',
  'Channel',
  'Kit sent',
  'Received',
  'Inspected',
  'Outcome',
  'Weight kg',
  'Erasure certificate',
  'Payout EUR',
  'Cost EUR',
  'CSAT',
  'Complaint',
] as const;

/** One valid order. Dates are instants in epoch ms (fast to bucket; Date objects are not needed). */
export interface Order {
  /** 1-based sheet row. */
  row: number;
  id: string;
  created: number;
  /** Lower case, trimmed; 'unspecified' when blank. */
  category: string;
  channel: string;
  kitSent: number | null;
  received: number | null;
  inspected: number | null;
  outcome: Outcome | null;
  weightKg: number | null;
  erasure: boolean | null;
  payoutEur: number | null;
  costEur: number | null;
  csat: number | null;
  complaint: boolean | null;
  /**
   * The optional `Reason` column (why the order was not reused, or what its complaint was
   * about), trimmed; '' when blank or when the tab has no such column.
   */
  reason: string;
  /**
   * The optional `Processing partner`, `Logistics partner` and `Country` columns, trimmed; absent
   * (or '') when blank or when the tab has no such column. Matched to `Partners` by
   * partners/performance.ts, never here: the orders read the same with or without them.
   */
  processingPartner?: string;
  logisticsPartner?: string;
  country?: string;
}

/** Where the optional partner columns are (`Processing partner (P)`), null when absent. */
export interface PartnerColumns {
  processing: string | null;
  logistics: string | null;
  country: string | null;
}

export interface ParsedOrders {
  orders: Order[];
  /** In sheet order; `skipped` tells whether the row was left out. */
  issues: Issue[];
  /** Non-blank data rows read. */
  rowsRead: number;
  /** Rows left out (each has at least one issue with skipped = true). */
  rowsSkipped: number;
  /** Rows with at least one finding, kept or not: "orders affected", beside issues.length. */
  rowsAffected: number;
  /** The optional Reason column is there. */
  hasReason: boolean;
  /** The optional partner and country columns, by label. */
  partnerColumns: PartnerColumns;
}

export interface ParseOrdersOptions {
  /**
   * IANA zone in which date texts and date serials are read as wall-clock times (the
   * spreadsheet's zone); Date cells are instants already. Default 'UTC'.
   */
  timeZone?: string;
  /** Sheet row of the header row, for issue row numbers. Default 1. */
  firstRow?: number;
  /** Sheet column of the grid's first column, for issue column letters. Default 1. */
  firstColumn?: number;
  /** Table name in messages. Default 'KPI Data'. */
  table?: string;
  /**
   * The spreadsheet's locale (`fr_FR`, `en_US`…): how date and number texts are read. Default
   * en_US. A function is asked once, on the first text that needs it (a custom function then
   * makes no service call for a range without such text).
   */
  locale?: string | (() => string);
  /** Outcome labels beyond the registry's ids (built-in English / French, the team's own). */
  labels?: OutcomeLabels;
  /**
   * The caller hands the grid over: each data row is released (set to undefined in `grid`) once
   * parsed, so the rows Sheets returned and the orders made from them are never all held at once
   * (100,000 orders: about 51 MB of rows, 23 MB of orders; Apps Script's memory is per execution).
   * Only for a grid read for this parse and not used after it. Default false.
   */
  consume?: boolean;
}

type Key =
  | 'id'
  | 'created'
  | 'category'
  | 'channel'
  | 'kitSent'
  | 'received'
  | 'inspected'
  | 'outcome'
  | 'weight'
  | 'erasure'
  | 'payout'
  | 'cost'
  | 'csat'
  | 'complaint'
  | 'reason'
  | 'processing'
  | 'logistics'
  | 'country';

const SPECS: readonly ColumnSpec<Key>[] = [
  { key: 'id', header: 'Order ID', required: true, aliases: ['Order'] },
  { key: 'created', header: 'Created', required: true, aliases: ['Created at', 'Created on'] },
  { key: 'category', header: 'Category', required: true },
  { key: 'channel', header: 'Channel', required: true },
  { key: 'kitSent', header: 'Kit sent', required: true },
  { key: 'received', header: 'Received', required: true },
  { key: 'inspected', header: 'Inspected', required: true },
  { key: 'outcome', header: 'Outcome', required: true },
  { key: 'weight', header: 'Weight kg', required: true, aliases: ['Weight'] },
  { key: 'erasure', header: 'Erasure certificate', required: true },
  { key: 'payout', header: 'Payout EUR', required: true, aliases: ['Payout'] },
  { key: 'cost', header: 'Cost EUR', required: true, aliases: ['Cost'] },
  { key: 'csat', header: 'CSAT', required: true },
  { key: 'complaint', header: 'Complaint', required: true },
  // Optional (contract additions 2026-11): found by its header, and every KPI works without it.
  { key: 'reason', header: 'Reason', required: false },
  { key: 'processing', header: 'Processing partner', required: false },
  { key: 'logistics', header: 'Logistics partner', required: false },
  { key: 'country', header: 'Country', required: false },
];

const DAY_MS = 86_400_000;

/**
 * Typed orders and issues from a `KPI Data` grid whose first row holds the headers (found by name,
 * any order, case- and space-insensitive; extra columns ignored). Throws a UserError naming the
 * missing headers (with near matches) when a column is absent. Blank rows are ignored silently.
 * A repeated Order ID (case-insensitive) is a duplicate of the first kept row with that id.
 */
export function parseOrders(grid: Grid, options: ParseOrdersOptions = {}): ParsedOrders {
  const tz = options.timeZone ?? 'UTC';
  checkTimeZone(tz);
  let knownLocale: string | null = typeof options.locale === 'string' ? options.locale : null;
  const locale = (): string =>
    (knownLocale ??= typeof options.locale === 'function' ? options.locale() : 'en_US');
  const firstRow = options.firstRow ?? 1;
  const table = options.table ?? 'KPI Data';
  if (!grid.length)
    throw new UserError(
      `${table}: the range is empty; it must start with the header row (${KPI_DATA_HEADERS.join(', ')}).`,
    );
  const col = locateColumns(grid[0], SPECS, table, options.firstColumn ?? 1) as Record<
    Key,
    Located
  >;

  const ix = {} as Record<Key, number>;
  // An absent optional column reads as a column of blanks.
  for (const spec of SPECS) ix[spec.key] = col[spec.key]?.index ?? -1;
  const orders: Order[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  let rowsSkipped = 0;
  let rowsAffected = 0;
  // Reused for every row: 100,000 rows must not mean 100,000 throw-away arrays and closures.
  const found: Issue[] = [];
  let cells: Cell[] = [];
  let row = 0;
  let hard = 0;
  const flag = (k: Key, code: string, reason: string, skipped: boolean) => {
    found.push({ row, column: col[k].label, value: cells[ix[k]], reason, code, skipped });
    if (skipped) hard++;
  };
  const dateOnly = new Set<DateKey>();
  const date = (k: DateKey): number | null => {
    const v = cells[ix[k]];
    // A date cell (what getValues hands over for most dates) is its instant: read without the
    // reader's result object, which 100,000 orders would make 400,000 times.
    if (v instanceof Date && !isNaN(v.getTime())) return v.getTime();
    const d = readDate(v, tz, locale);
    if (d === 'bad') {
      const key = k === 'created';
      flag(
        k,
        'bad-date',
        `not a date (expected a date such as 2026-10-03, 03/10/2026 or 03/10/2026 14:05)${key ? '' : '; left blank'}`,
        key,
      );
      return null;
    }
    if (d && d.dateOnly) dateOnly.add(k);
    return d ? d.at : null;
  };
  const amount = (k: Key, expected: string, negCode: string, negReason: string): number | null => {
    const v = cells[ix[k]];
    if (isBlank(v)) return null;
    if (v instanceof Date) {
      flag(
        k,
        'misplaced-date',
        `a date where ${expected} was expected (Sheets may have read a decimal such as 3.5 as a date); left blank`,
        false,
      );
      return null;
    }
    const n =
      typeof v === 'number' ? (Number.isFinite(v) ? v : null) : readAmountText(String(v), locale());
    if (n === null) flag(k, 'bad-number', `not a number (expected ${expected}); left blank`, false);
    else if (n < 0) flag(k, negCode, `${negReason}; left blank`, false);
    return n === null || n < 0 ? null : n;
  };
  const yesNo = (k: 'erasure' | 'complaint', what: string): boolean | null => {
    const b = toYesNo(cells[ix[k]]);
    if (b !== undefined) return b;
    flag(
      k,
      'bad-yes-no',
      `not a yes/no (expected yes/no, true/false, y/n, 1/0, oui/non); counted as ${what}`,
      false,
    );
    return null;
  };
  const optionalText = (k: 'processing' | 'logistics' | 'country'): string | undefined => {
    const v = ix[k] < 0 ? '' : cells[ix[k]];
    return isBlank(v) || isErrorValue(v) ? undefined : String(v).trim() || undefined;
  };
  /** later < earlier; a date-only later value counts as its whole day, so same-day entries pass. */
  const before = (kLater: DateKey, later: number, earlier: number): boolean =>
    later < earlier &&
    !((dateOnly.has(kLater) || isDateOnly(cells[ix[kLater]], tz)) && later + DAY_MS > earlier);

  const rows = grid as (Cell[] | undefined)[];
  const consume = options.consume === true;
  for (let r = 1; r < rows.length; r++) {
    cells = rows[r] as Cell[];
    if (consume) rows[r] = undefined;
    if (!cells || isBlankRow(cells)) continue;
    rowsRead++;
    row = firstRow + r;
    found.length = 0;
    hard = 0;
    dateOnly.clear();

    const idCell = cells[ix.id];
    const errorId = isErrorValue(idCell);
    const id =
      isBlank(idCell) || errorId
        ? ''
        : String(idCell instanceof Date ? idCell.toISOString() : idCell).trim();
    if (errorId) flag('id', 'bad-id', 'the Order ID is an error value, not an id', true);
    else if (!id) flag('id', 'missing-id', 'no Order ID', true);
    if (isBlank(cells[ix.created]))
      flag('created', 'missing-created', 'no Created date: every order needs one', true);
    const created = date('created');
    let kitSent = date('kitSent');
    let received = date('received');
    let inspected = date('inspected');
    // A date out of sequence is blanked: the order keeps its other fields.
    if (created !== null && kitSent !== null && before('kitSent', kitSent, created)) {
      flag('kitSent', 'date-order', 'Kit sent is before Created; left blank', false);
      kitSent = null;
    }
    if (created !== null && received !== null && before('received', received, created)) {
      flag('received', 'date-order', 'Received is before Created; left blank', false);
      received = null;
    }
    if (received !== null && inspected !== null) {
      if (before('inspected', inspected, received)) {
        flag('inspected', 'date-order', 'Inspected is before Received; left blank', false);
        inspected = null;
      }
    } else if (created !== null && inspected !== null && before('inspected', inspected, created)) {
      flag('inspected', 'date-order', 'Inspected is before Created; left blank', false);
      inspected = null;
    }
    const outcomeCell = cells[ix.outcome];
    const outcome = readOutcome(outcomeCell, options.labels);
    if (!outcome && !isBlank(outcomeCell))
      flag(
        'outcome',
        'unknown-outcome',
        `unknown outcome (expected one of ${OUTCOMES.join(', ')}, a French label such as Recyclé, or a label of the Outcome labels table); left blank`,
        false,
      );
    const weightKg = amount('weight', 'a weight in kg', 'negative-weight', 'negative weight');
    const payoutEur = amount('payout', 'an amount in EUR', 'negative-amount', 'negative payout');
    const costEur = amount('cost', 'an amount in EUR', 'negative-amount', 'negative cost');
    if (!hard) {
      const key = id.toUpperCase();
      const first = seen.get(key);
      if (first !== undefined)
        flag('id', 'duplicate-id', `duplicate Order ID, first seen in row ${first}`, true);
      else seen.set(key, row);
    }
    if (hard) {
      // Only the findings that took the order out: the rest would be noise.
      for (const f of found) if (f.skipped) issues.push(f);
      rowsSkipped++;
      rowsAffected++;
      continue;
    }

    const csatCell = cells[ix.csat];
    let csat: number | null = null;
    if (!isBlank(csatCell)) {
      const n =
        csatCell instanceof Date
          ? null
          : typeof csatCell === 'number'
            ? csatCell
            : readAmountText(String(csatCell), locale());
      if (n === null)
        flag('csat', 'bad-csat', 'CSAT is not a number (expected 1 to 5); left blank', false);
      else if (n < 1 || n > 5) flag('csat', 'bad-csat', 'CSAT outside 1 to 5; left blank', false);
      else csat = n;
    }
    const erasure = yesNo('erasure', 'no certificate');
    const complaint = yesNo('complaint', 'no complaint');
    if (inspected !== null && !outcome && isBlank(outcomeCell))
      flag(
        'outcome',
        'no-outcome',
        'Inspected but no Outcome: counted as inspected, in no outcome',
        false,
      );
    if (outcome && outcome !== 'lost' && inspected === null) {
      flag(
        'inspected',
        'no-inspected-date',
        `outcome ${outcome} but no Inspected date: not counted in any month's inspections`,
        false,
      );
    }
    const categoryCell = cells[ix.category];
    const blankCategory = isBlank(categoryCell);
    if (blankCategory)
      flag('category', 'no-category', "no Category: counted as 'unspecified'", false);
    for (const f of found) issues.push(f);
    if (found.length) rowsAffected++;
    const channelCell = cells[ix.channel];
    const reasonCell = ix.reason < 0 ? '' : cells[ix.reason];

    orders.push({
      row,
      id,
      created: created as number,
      category: blankCategory ? 'unspecified' : String(categoryCell).trim().toLowerCase(),
      channel: isBlank(channelCell) ? '' : String(channelCell).trim(),
      kitSent,
      received,
      inspected,
      outcome,
      weightKg,
      erasure,
      payoutEur,
      costEur,
      csat,
      complaint,
      reason: isBlank(reasonCell) || isErrorValue(reasonCell) ? '' : String(reasonCell).trim(),
      processingPartner: optionalText('processing'),
      logisticsPartner: optionalText('logistics'),
      country: optionalText('country'),
    });
  }
  const label = (k: Key) => col[k]?.label ?? null;
  return {
    orders,
    issues,
    rowsRead,
    rowsSkipped,
    rowsAffected,
    hasReason: ix.reason >= 0,
    partnerColumns: {
      processing: label('processing'),
      logistics: label('logistics'),
      country: label('country'),
    },
  };
}

type DateKey = 'created' | 'kitSent' | 'received' | 'inspected';

/**
 * A typed date without a time of day: text without hh:mm, a whole date serial, or — as getValues
 * hands over every date cell — a Date at midnight in the spreadsheet's time zone.
 */
function isDateOnly(v: Cell, tz: string): boolean {
  if (v instanceof Date) {
    const w = wallClock(v.getTime(), tz);
    return w.hour === 0 && w.minute === 0 && w.second === 0;
  }
  return (
    (typeof v === 'string' && !/\d:\d\d/.test(v)) || (typeof v === 'number' && v === Math.floor(v))
  );
}

/** An instant (and whether the cell gave no time of day); null = blank; 'bad' = not a date. */
function readDate(
  v: Cell,
  tz: string,
  locale: () => string,
): { at: number; dateOnly: boolean } | null | 'bad' {
  if (isBlank(v)) return null;
  if (v instanceof Date) return isNaN(v.getTime()) ? 'bad' : { at: v.getTime(), dateOnly: false };
  if (typeof v === 'number') {
    const at = serialToEpoch(v, tz);
    return at === null ? 'bad' : { at, dateOnly: false };
  }
  if (typeof v !== 'string') return 'bad';
  return readDateText(v, locale(), tz) ?? 'bad';
}
