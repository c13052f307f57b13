import { Grid, UserError } from '../../../src/core/cells';
import { KPI_DATA_HEADERS, parseOrders } from '../../../src/core/kpi/orders';
import { fixtureGrid, HEADERS, utc } from './fixture';

describe('parseOrders', () => {
  test('consume: each data row is let go once parsed, with the same orders and findings; by default the grid is left as it was', () => {
    const kept = fixtureGrid();
    const before = kept.map((r) => [...r]);
    const expected = parseOrders(kept);
    expect(kept).toEqual(before);
    const handed = fixtureGrid();
    const parsed = parseOrders(handed, { consume: true });
    expect(parsed).toEqual(expected);
    // The header row stays (the caller may still name columns); every data row is released.
    expect(handed[0]).toEqual(before[0]);
    expect(handed.length).toBe(before.length);
    expect(handed.slice(1).every((r) => r === undefined)).toBe(true);
  });

  test('the fixture parses cleanly into typed orders', () => {
    const { orders, issues, rowsRead, rowsSkipped } = parseOrders(fixtureGrid());
    expect(issues).toEqual([]);
    expect(rowsRead).toBe(10);
    expect(rowsSkipped).toBe(0);
    const a1 = orders[0];
    expect(a1).toEqual({
      row: 2,
      id: 'A1',
      created: utc('09-20 10:00').getTime(),
      category: 'smartphone',
      channel: 'mail-in kit',
      kitSent: utc('09-21 10:00').getTime(),
      received: utc('10-01 10:00').getTime(),
      inspected: utc('10-02 10:00').getTime(),
      outcome: 'refurbished',
      weightKg: 0.2,
      erasure: true,
      payoutEur: 80,
      costEur: 15,
      csat: 5,
      complaint: false,
      reason: '',
    });
    expect(orders.find((o) => o.id === 'A7')).toMatchObject({
      received: null,
      outcome: null,
      weightKg: null,
      erasure: null,
    });
  });

  test('the optional Reason column is read by its header, anywhere; without it every order has none', () => {
    const grid = fixtureGrid().map((r) => [...r]);
    grid[0].splice(3, 0, ' reason ');
    grid.forEach(
      (r, i) => i && r.splice(3, 0, i === 2 ? '  Screen cracked ' : i === 3 ? '#N/A' : ''),
    );
    const { orders, issues } = parseOrders(grid, { timeZone: 'UTC' });
    expect(issues).toEqual([]);
    expect(orders.map((o) => o.reason)).toEqual([
      '',
      'Screen cracked',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(orders[1].channel).toBe('mail-in kit');
    expect(
      parseOrders(fixtureGrid(), { timeZone: 'UTC' }).orders.every((o) => o.reason === ''),
    ).toBe(true);
  });

  test('headers are found by name in any order, any case and spacing; extra columns ignored', () => {
    const grid = fixtureGrid();
    const order = [13, 0, 5, 2, 1, 3, 4, 6, 7, 8, 9, 10, 11, 12];
    const renamed = (h: string) =>
      h === 'Weight kg' ? 'weight (KG)' : h === 'Order ID' ? '  ORDER id ' : h.toUpperCase();
    const shuffled: Grid = grid.map((row, r) => [
      ...order.map((i) => (r === 0 ? renamed(String(row[i])) : row[i])),
      r === 0 ? 'Notes' : 'x',
    ]);
    const a = parseOrders(grid);
    const b = parseOrders(shuffled);
    expect(b.issues).toEqual([]);
    expect(b.orders.map(({ row: _row, ...o }) => o)).toEqual(
      a.orders.map(({ row: _row, ...o }) => o),
    );
  });

  test('missing and renamed columns → one UserError naming them, with near matches', () => {
    const grid = fixtureGrid();
    grid[0][9] = 'Erasure cert'; // renamed
    grid[0][12] = 'Satisfaction'; // CSAT renamed beyond recognition
    let err: unknown;
    try {
      parseOrders(grid);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^KPI Data: missing columns "Erasure certificate", "CSAT"\./);
    expect(msg).toContain('is "Erasure certificate" the column J "Erasure cert"? rename it');
    expect(msg).not.toMatch(/"CSAT" the column/);
  });

  test('empty range and duplicated headers are refused', () => {
    expect(() => parseOrders([])).toThrow(/KPI Data: the range is empty/);
    const grid = fixtureGrid();
    grid[0].push('created');
    expect(() => parseOrders(grid)).toThrow(/"Created" appears in several columns \(B, O\)/);
  });

  test('blank rows are ignored silently; row numbers follow the sheet (and firstRow)', () => {
    const grid = fixtureGrid();
    grid.splice(2, 0, ['', '', null, undefined, '  ', '', '', '', '', '', '', '', '', '']);
    grid[5][7] = 'broken';
    const { orders, issues, rowsRead } = parseOrders(grid);
    expect(rowsRead).toBe(10);
    expect(orders).toHaveLength(10);
    expect(issues).toHaveLength(1);
    expect(issues[0].row).toBe(6);
    expect(parseOrders(grid, { firstRow: 4, firstColumn: 2 }).issues[0]).toMatchObject({
      row: 9,
      column: 'Outcome (I)',
    });
  });

  test('only a missing or unreadable Order ID or Created, or a duplicate id, takes an order out; every other finding blanks its field', () => {
    const grid: Grid = [HEADERS.slice()];
    const ok = (id: string) => [
      id,
      utc('10-01 10:00'),
      'smartphone',
      'mail-in kit',
      utc('10-02 10:00'),
      utc('10-08 10:00'),
      utc('10-09 10:00'),
      'reused',
      0.2,
      'yes',
      50,
      15,
      5,
      'no',
    ];
    const row = (id: string, patch: Record<number, unknown>) => {
      const r = ok(id);
      for (const [k, v] of Object.entries(patch)) r[Number(k)] = v as never;
      return r;
    };
    grid.push(ok('B1')); // 2: fine
    grid.push(row('B2', { 5: 'next week' })); // 3: text that is not a date
    grid.push(row('B3', { 7: 'Broken' })); // 4: unknown outcome
    grid.push(row('B4', { 5: utc('09-28 10:00') })); // 5: received before created
    grid.push(ok('b1')); // 6: duplicate of B1 (case-insensitive)
    grid.push(row('B6', { 8: -0.2 })); // 7: negative weight
    grid.push(row('B7', { 8: utc('05-03 00:00') })); // 8: a date in the weight column
    grid.push(row('B8', { 1: '' })); // 9: no Created
    grid.push(row('', {})); // 10: no Order ID
    grid.push(row('B10', { 6: utc('10-07 10:00') })); // 11: inspected before received
    grid.push(row('B11', { 4: utc('09-30 10:00') })); // 12: kit sent before created
    grid.push(row('B12', { 11: 'twelve' })); // 13: cost not a number
    grid.push(row('B13', { 1: '31/02/2026' })); // 14: impossible date
    const { orders, issues, rowsSkipped, rowsAffected } = parseOrders(grid);
    expect(orders.map((o) => o.id)).toEqual([
      'B1',
      'B2',
      'B3',
      'B4',
      'B6',
      'B7',
      'B10',
      'B11',
      'B12',
    ]);
    expect(rowsSkipped).toBe(4);
    expect(rowsAffected).toBe(12);
    const simple = issues.map((i) => [i.row, i.column, i.code, i.skipped]);
    expect(simple).toEqual([
      [3, 'Received (F)', 'bad-date', false],
      [4, 'Outcome (H)', 'unknown-outcome', false],
      [5, 'Received (F)', 'date-order', false],
      [6, 'Order ID (A)', 'duplicate-id', true],
      [7, 'Weight kg (I)', 'negative-weight', false],
      [8, 'Weight kg (I)', 'misplaced-date', false],
      [9, 'Created (B)', 'missing-created', true],
      [10, 'Order ID (A)', 'missing-id', true],
      [11, 'Inspected (G)', 'date-order', false],
      [11, 'Inspected (G)', 'no-inspected-date', false],
      [12, 'Kit sent (E)', 'date-order', false],
      [13, 'Cost EUR (L)', 'bad-number', false],
      [14, 'Created (B)', 'bad-date', true],
    ]);
    expect(issues[0]).toEqual({
      row: 3,
      column: 'Received (F)',
      value: 'next week',
      code: 'bad-date',
      skipped: false,
      reason:
        'not a date (expected a date such as 2026-10-03, 03/10/2026 or 03/10/2026 14:05); left blank',
    });
    expect(issues[1].reason).toMatch(
      /^unknown outcome \(expected one of reused, refurbished, recycled, returned, lost, rejected, a French label/,
    );
    expect(issues[1].value).toBe('Broken');
    expect(issues[2].reason).toBe('Received is before Created; left blank');
    expect(issues[3].reason).toBe('duplicate Order ID, first seen in row 2');
    expect(issues[4]).toMatchObject({ value: -0.2, reason: 'negative weight; left blank' });
    // Each kept order lost only the field its finding names.
    const byId = Object.fromEntries(orders.map((o) => [o.id, o]));
    expect([byId.B2.received, byId.B2.inspected]).toEqual([null, utc('10-09 10:00').getTime()]);
    expect([byId.B3.outcome, byId.B3.received]).toEqual([null, utc('10-08 10:00').getTime()]);
    expect([byId.B6.weightKg, byId.B6.payoutEur]).toEqual([null, 50]);
    expect([byId.B10.inspected, byId.B10.outcome]).toEqual([null, 'reused']);
    expect([byId.B12.costEur, byId.B12.payoutEur]).toEqual([null, 50]);
  });

  test('an Order ID holding an error value is no id: the order is left out, never a duplicate', () => {
    const grid = fixtureGrid();
    grid[1][0] = '#N/A';
    grid[2][0] = '#N/A';
    const { issues, orders } = parseOrders(grid);
    expect(issues.map((i) => [i.row, i.code, i.skipped])).toEqual([
      [2, 'bad-id', true],
      [3, 'bad-id', true],
    ]);
    expect(orders.some((o) => o.id === '#N/A')).toBe(false);
  });

  test('a duplicate refers to the first KEPT row: a skipped first occurrence does not block a fixed copy', () => {
    const grid = fixtureGrid();
    grid[1][1] = 'broken';
    grid.push(fixtureGrid()[1]); // A1 again, correct this time
    const { orders, issues } = parseOrders(grid);
    expect(issues.map((i) => i.code)).toEqual(['bad-date']);
    expect(orders.filter((o) => o.id === 'A1')).toHaveLength(1);
  });

  test('soft issues keep the row and blank the field: CSAT out of range, unreadable yes/no, inspected without outcome', () => {
    const grid = fixtureGrid();
    grid[1][12] = 7; // A1 CSAT
    grid[2][12] = 'great'; // A2 CSAT
    grid[3][9] = 'maybe'; // A3 erasure
    grid[4][13] = 'perhaps'; // A4 complaint
    grid[6][7] = ''; // A6 inspected, outcome removed
    grid[9][6] = ''; // A9 outcome refurbished, no inspected date
    grid[10][2] = ''; // A10 no category
    const { orders, issues, rowsSkipped } = parseOrders(grid);
    expect(rowsSkipped).toBe(0);
    expect(orders).toHaveLength(10);
    expect(issues.map((i) => [i.row, i.code, i.skipped])).toEqual([
      [2, 'bad-csat', false],
      [3, 'bad-csat', false],
      [4, 'bad-yes-no', false],
      [5, 'bad-yes-no', false],
      [7, 'no-outcome', false],
      [10, 'no-inspected-date', false],
      [11, 'no-category', false],
    ]);
    const byId = Object.fromEntries(orders.map((o) => [o.id, o]));
    expect(byId.A1.csat).toBeNull();
    expect(byId.A2.csat).toBeNull();
    expect(byId.A3.erasure).toBeNull();
    expect(byId.A4.complaint).toBeNull();
    expect(byId.A6.outcome).toBeNull();
    expect(byId.A10.category).toBe('unspecified');
    expect(issues[0].reason).toBe('CSAT outside 1 to 5; left blank');
  });

  test('dates as Date, ISO text, French text, English month names, and Sheets serials', () => {
    const grid = fixtureGrid();
    grid[1][1] = '2026-09-20 10:00';
    grid[1][4] = '21/09/2026';
    grid[1][5] = 'Oct 1, 2026';
    grid[1][6] = '2 octobre 2026';
    grid[2][1] = 46296.25; // serial: 2026-10-01 06:00
    const { orders, issues } = parseOrders(grid);
    expect(issues).toEqual([]);
    expect(orders[0].created).toBe(utc('09-20 10:00').getTime());
    expect(orders[0].kitSent).toBe(utc('09-21 00:00').getTime());
    expect(orders[0].received).toBe(utc('10-01 00:00').getTime());
    expect(orders[0].inspected).toBe(utc('10-02 00:00').getTime());
    expect(orders[1].created).toBe(utc('10-01 06:00').getTime());
  });

  test('a date-only Received on the day of a timed Created is not "before" it', () => {
    const grid = fixtureGrid();
    grid[2][5] = '2026-10-01'; // A2 created 10-01 08:00
    grid[2][4] = '';
    const { issues, orders } = parseOrders(grid);
    expect(issues).toEqual([]);
    expect(orders[1].received).toBe(utc('10-01 00:00').getTime());
  });

  test('yes/no accepts yes/no, true/false, y/n, 1/0, oui/non in any case', () => {
    const values = ['YES', 'No', true, false, 'y', 'N', 1, 0, 'oui', 'NON'];
    const grid = fixtureGrid().slice(0, 11);
    values.forEach((v, i) => (grid[i + 1][13] = v as never));
    const { orders, issues } = parseOrders(grid);
    expect(issues).toEqual([]);
    expect(orders.map((o) => o.complaint)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  test('KPI_DATA_HEADERS is the product contract, in order', () => {
    expect([...KPI_DATA_HEADERS]).toEqual([
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
    ]);
  });
});

test('a date-only Received (a Date at local midnight, as getValues gives it) on the day of a timed Created is kept', () => {
  const header = [
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
  ];
  // Created 2026-10-03 14:20 Paris (12:20 UTC); Received typed as the date 2026-10-03 (midnight Paris = 22:00 UTC the day before).
  const created = new Date(Date.UTC(2026, 9, 3, 12, 20));
  const received = new Date(Date.UTC(2026, 9, 2, 22, 0));
  const row = [
    'A-1',
    created,
    'smartphone',
    'store drop-off',
    '',
    received,
    '',
    '',
    0.2,
    'yes',
    '',
    5,
    '',
    'no',
  ];
  const parsed = parseOrders([header, row], { timeZone: 'Europe/Paris' });
  expect(parsed.issues).toEqual([]);
  expect(parsed.orders).toHaveLength(1);
  // A timed Received earlier the same day is still an error: the Received field is left blank.
  const early = parseOrders(
    [
      header,
      [
        'A-2',
        created,
        'smartphone',
        'store drop-off',
        '',
        new Date(Date.UTC(2026, 9, 3, 8, 0)),
        '',
        '',
        0.2,
        'yes',
        '',
        5,
        '',
        'no',
      ],
    ],
    { timeZone: 'Europe/Paris' },
  );
  expect(early.orders.map((o) => o.received)).toEqual([null]);
  expect(early.issues.map((i) => i.code)).toEqual(['date-order']);
});
