/**
 * Parsing the `KPI Data` tab into typed orders, with every data-quality issue reported by row,
 * column, value and reason. A row with a hard issue is skipped (left out of every KPI); a row with
 * only soft issues is kept with the doubtful field blanked, so one typo in CSAT does not remove a
 * received device from the volumes.
 *
 * Hard (row skipped): no Order ID; no Created; a date cell that is not a date; a date out of
 * sequence (Kit sent or Received before Created, Inspected before Received); an outcome that is
 * not one of the six; a negative weight; Weight kg / Payout EUR / Cost EUR not a number, negative
 * (amounts), or holding a date (Sheets turns "3.5" into 3 May in some locales); a repeated Order ID.
 * Soft (row kept): CSAT not a number or outside 1–5 → CSAT blank; Erasure certificate / Complaint
 * not a yes/no → blank (counts as "no certificate" / "no complaint"); Inspected without Outcome →
 * still counted as inspected; an outcome other than lost without an Inspected date → counted in
 * no month's inspections; blank Category → 'unspecified'.
 */
import { Cell, Grid, UserError, isBlank, toDate, toNumber, toYesNo } from '../cells';
import { serialToEpoch, zonedTimeToEpoch, checkTimeZone, wallClock } from './months';
import { Outcome, toOutcome, OUTCOMES } from './registry';
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
}

export interface ParsedOrders {
  orders: Order[];
  /** In sheet order; `skipped` tells whether the row was left out. */
  issues: Issue[];
  /** Non-blank data rows read. */
  rowsRead: number;
  /** Rows left out (each has at least one issue with skipped = true). */
  rowsSkipped: number;
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
  | 'complaint';

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
  for (const spec of SPECS) ix[spec.key] = col[spec.key].index;
  const orders: Order[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  let rowsSkipped = 0;
  // Reused for every row: 100,000 rows must not mean 100,000 throw-away arrays and closures.
  const found: Issue[] = [];
  let cells: Cell[] = [];
  let row = 0;
  let hard = 0;
  const flag = (k: Key, code: string, reason: string, skipped: boolean) => {
    found.push({ row, column: col[k].label, value: cells[ix[k]], reason, code, skipped });
    if (skipped) hard++;
  };
  const date = (k: DateKey): number | null => {
    const t = readDate(cells[ix[k]], tz);
    if (Number.isNaN(t))
      flag(k, 'bad-date', 'not a date (expected a date such as 2026-10-03 or 03/10/2026)', true);
    return t === null || Number.isNaN(t) ? null : t;
  };
  const amount = (k: Key, expected: string, negCode: string, negReason: string): number | null => {
    const v = cells[ix[k]];
    if (isBlank(v)) return null;
    if (v instanceof Date) {
      flag(
        k,
        'misplaced-date',
        `a date where ${expected} was expected (Sheets may have read a decimal such as 3.5 as a date)`,
        true,
      );
      return null;
    }
    const n = toNumber(v);
    if (n === null) flag(k, 'bad-number', `not a number (expected ${expected})`, true);
    else if (n < 0) flag(k, negCode, negReason, true);
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
  /** later < earlier; a date-only later value counts as its whole day, so same-day entries pass. */
  const before = (kLater: DateKey, later: number, earlier: number): boolean =>
    later < earlier && !(isDateOnly(cells[ix[kLater]], tz) && later + DAY_MS > earlier);

  for (let r = 1; r < grid.length; r++) {
    cells = grid[r];
    if (!cells || isBlankRow(cells)) continue;
    rowsRead++;
    row = firstRow + r;
    found.length = 0;
    hard = 0;

    const idCell = cells[ix.id];
    const id = isBlank(idCell)
      ? ''
      : String(idCell instanceof Date ? idCell.toISOString() : idCell).trim();
    if (!id) flag('id', 'missing-id', 'no Order ID', true);
    if (isBlank(cells[ix.created]))
      flag('created', 'missing-created', 'no Created date: every order needs one', true);
    const created = date('created');
    const kitSent = date('kitSent');
    const received = date('received');
    const inspected = date('inspected');
    if (created !== null && kitSent !== null && before('kitSent', kitSent, created))
      flag('kitSent', 'date-order', 'Kit sent is before Created', true);
    if (created !== null && received !== null && before('received', received, created))
      flag('received', 'date-order', 'Received is before Created', true);
    if (received !== null && inspected !== null) {
      if (before('inspected', inspected, received))
        flag('inspected', 'date-order', 'Inspected is before Received', true);
    } else if (created !== null && inspected !== null && before('inspected', inspected, created)) {
      flag('inspected', 'date-order', 'Inspected is before Created', true);
    }
    const outcomeCell = cells[ix.outcome];
    const outcome = toOutcome(outcomeCell);
    if (!outcome && !isBlank(outcomeCell))
      flag(
        'outcome',
        'unknown-outcome',
        `unknown outcome (expected one of ${OUTCOMES.join(', ')})`,
        true,
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
      // Soft findings on a skipped row would only be noise.
      for (const f of found) if (f.skipped) issues.push(f);
      rowsSkipped++;
      continue;
    }

    const csatCell = cells[ix.csat];
    let csat: number | null = null;
    if (!isBlank(csatCell)) {
      const n = csatCell instanceof Date ? null : toNumber(csatCell);
      if (n === null)
        flag('csat', 'bad-csat', 'CSAT is not a number (expected 1 to 5); left blank', false);
      else if (n < 1 || n > 5) flag('csat', 'bad-csat', 'CSAT outside 1 to 5; left blank', false);
      else csat = n;
    }
    const erasure = yesNo('erasure', 'no certificate');
    const complaint = yesNo('complaint', 'no complaint');
    if (inspected !== null && !outcome)
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
    const channelCell = cells[ix.channel];

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
    });
  }
  return { orders, issues, rowsRead, rowsSkipped };
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

/** Epoch ms; null = blank; NaN = not a date. */
function readDate(v: Cell, tz: string): number | null {
  if (isBlank(v)) return null;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number') return serialToEpoch(v, tz) ?? NaN;
  if (typeof v !== 'string') return NaN;
  const d = toDate(v);
  if (!d) return NaN;
  // toDate returns the typed wall-clock fields as UTC; the person meant the spreadsheet's zone.
  return tz === 'UTC'
    ? d.getTime()
    : zonedTimeToEpoch(
        d.getUTCFullYear(),
        d.getUTCMonth(),
        d.getUTCDate(),
        d.getUTCHours(),
        d.getUTCMinutes(),
        d.getUTCSeconds(),
        tz,
      );
}
