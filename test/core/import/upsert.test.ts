import { UserError } from '../../../src/core/cells';
import { parseOrders } from '../../../src/core/kpi/orders';
import { outcomeLabels } from '../../../src/core/read/outcomes';
import { planImport } from '../../../src/core/import/upsert';
import {
  HEADER,
  OPTIONS,
  apply,
  cellOf,
  column,
  line,
  row,
  run,
  tab,
  utc,
  writesNothing,
} from './helpers';

const plan = (...args: Parameters<typeof run>) => run(...args).plan;

describe('planImport: matching by Order ID', () => {
  test('the Order ID is text: 000123 keeps its zeros, spaces are trimmed, 123 is another order', () => {
    const grid = tab([{ 'Order ID': '000123', Created: utc('2026-10-01') }]);
    const p = plan(grid, [
      line(2, { 'Order ID': ' 000123 ', Received: '2026-10-05' }),
      line(3, { 'Order ID': '000456', Created: '2026-10-02' }),
      line(4, { 'Order ID': '123', Created: '2026-10-03' }),
    ]);
    expect(p.updated).toEqual([{ id: '000123', row: 2, fileRows: [2], columns: ['Received'] }]);
    expect(p.added.map((a) => a.id)).toEqual(['000456', '123']);
    expect(p.append!.values.map((r) => r[0])).toEqual(['000456', '123']);
  });

  test('a line without an Order ID is rejected with a reason; the other lines are imported', () => {
    const p = plan(tab([]), [
      line(2, { 'Order ID': '  ', Created: '2026-10-01' }),
      line(3, { 'Order ID': 'A1', Created: '2026-10-01' }),
    ]);
    expect(p.rejected).toEqual([
      {
        row: 2,
        id: '',
        column: null,
        value: '  ',
        reason: expect.stringContaining('no Order ID'),
      },
    ]);
    expect(p.counts).toMatchObject({ added: 1, rejectedRows: 1, rejectedFields: 0 });
  });

  test('a new id is appended after the last non-blank row, in the tab’s column order, other columns blank', () => {
    const header = ['Notes', 'Created', 'Order ID', ...HEADER.slice(2)];
    const grid = [
      ...tab([{ 'Order ID': 'A1', Created: utc('2026-10-01'), Notes: 'keep me' }], header),
      header.map(() => ''),
      header.map(() => ''),
    ];
    const p = plan(grid, [
      line(2, { 'Order ID': 'B1', Created: '2026-10-02', Category: 'laptop' }),
    ]);
    expect(p.append).toEqual({
      row: 3,
      column: 1,
      values: [
        row(
          { Notes: '', Created: utc('2026-10-02'), 'Order ID': 'B1', Category: 'laptop' },
          header,
        ),
      ],
    });
    expect(p.added).toEqual([{ id: 'B1', row: 3, fileRows: [2] }]);
    expect(p.updates).toEqual([]);
  });

  test('an id already in KPI Data is updated in place, field by field (case of the id ignored)', () => {
    const grid = tab([
      { 'Order ID': 'A1', Created: utc('2026-10-01'), Category: 'smartphone' },
      { 'Order ID': 'a2', Created: utc('2026-10-02'), Category: 'laptop' },
    ]);
    const { plan: p, grid: after } = run(grid, [
      line(2, { 'Order ID': 'A2', Received: '05/10/2026', Outcome: 'reused' }),
    ]);
    expect(p.counts).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect(p.updated).toEqual([
      { id: 'a2', row: 3, fileRows: [2], columns: ['Received', 'Outcome'] },
    ]);
    expect(after).toHaveLength(3);
    expect(after[2]).toEqual(
      row({
        'Order ID': 'a2',
        Created: utc('2026-10-02'),
        Category: 'laptop',
        Received: utc('2026-10-05'),
        Outcome: 'reused',
      }),
    );
    expect(after[1]).toEqual(grid[1]);
  });
});

describe('planImport: what is never touched', () => {
  test('an order missing from the file is never deleted', () => {
    const grid = tab([
      { 'Order ID': 'A1', Created: utc('2026-10-01') },
      { 'Order ID': 'A2', Created: utc('2026-10-02') },
    ]);
    const { plan: p, grid: after } = run(grid, [line(2, { 'Order ID': 'A2', Outcome: 'lost' })]);
    expect(after[1]).toEqual(grid[1]);
    expect(p.counts).toMatchObject({ updated: 1, added: 0 });
  });

  test('a blank cell in the file never clears a value', () => {
    const grid = tab([
      {
        'Order ID': 'A1',
        Created: utc('2026-10-01'),
        Received: utc('2026-10-04'),
        'Weight kg': 0.2,
      },
    ]);
    const { plan: p, grid: after } = run(grid, [
      line(2, { 'Order ID': 'A1', Created: '01/10/2026', Received: '', 'Weight kg': null }),
    ]);
    expect(writesNothing(p)).toBe(true);
    expect(after).toEqual(grid);
    expect(p.counts).toMatchObject({ unchanged: 1, updated: 0 });
  });

  test('a column the file does not map is left as it is, even where the file fills others', () => {
    const grid = tab([
      { 'Order ID': 'A1', Created: utc('2026-10-01'), CSAT: 2, Channel: 'mail-in kit' },
    ]);
    const { plan: p, grid: after } = run(grid, [
      line(2, { 'Order ID': 'A1', Category: 'tablet', CSAT: null, 'Cost EUR': '' }),
    ]);
    expect(cellOf(after, 'A1', 'CSAT')).toBe(2);
    expect(cellOf(after, 'A1', 'Channel')).toBe('mail-in kit');
    expect(cellOf(after, 'A1', 'Category')).toBe('tablet');
    // Not even rewritten with its own value: the only block is Category's cell (C2).
    expect(p.updates).toEqual([{ row: 2, column: 3, values: [['tablet']] }]);
  });
});

describe('planImport: the file', () => {
  test('the same id twice: the later line wins field by field, a blank keeps the earlier value; reported', () => {
    const p = plan(tab([]), [
      line(2, { 'Order ID': 'A1', Created: '2026-10-01', Category: 'phone', 'Weight kg': '0.2' }),
      line(3, { 'Order ID': 'B1', Created: '2026-10-01' }),
      line(4, { 'Order ID': 'a1', Created: '', Category: 'smartphone', 'Weight kg': 'heavy' }),
    ]);
    expect(p.duplicates).toEqual([{ id: 'A1', fileRows: [2, 4] }]);
    expect(p.counts).toMatchObject({ added: 2, duplicates: 1, rejectedFields: 1 });
    expect(p.added[0]).toEqual({ id: 'A1', row: 2, fileRows: [2, 4] });
    expect(p.append!.values[0]).toEqual(
      row({
        'Order ID': 'A1',
        Created: utc('2026-10-01'),
        Category: 'smartphone',
        'Weight kg': 0.2,
      }),
    );
    expect(p.rejected).toEqual([
      {
        row: 4,
        id: 'a1',
        column: 'Weight kg',
        value: 'heavy',
        reason: 'not a number; not written',
      },
    ]);
  });

  test('values are written typed: dates as Date instants, numbers, outcome ids, yes/no, text', () => {
    const labels = outcomeLabels([['Seconde vie', 'reused']]);
    const p = plan(
      tab([]),
      [
        line(2, {
          'Order ID': 'A1',
          Created: '2026-10-01 09:30',
          Category: '  laptop ',
          Channel: 'mail-in kit',
          'Kit sent': '02/10/2026',
          Received: '2026-10-05T08:00:00Z',
          Inspected: 46300,
          Outcome: 'Seconde vie',
          'Weight kg': '2,5',
          'Erasure certificate': 'Oui',
          'Payout EUR': 'EUR 1,234.50',
          'Cost EUR': 12,
          CSAT: '4',
          Complaint: 'FALSE',
        }),
      ],
      {},
      { ...OPTIONS, labels },
    );
    expect(p.append!.values[0]).toEqual([
      'A1',
      utc('2026-10-01 09:30'),
      'laptop',
      'mail-in kit',
      utc('2026-10-02'),
      utc('2026-10-05 08:00'),
      new Date(Date.UTC(1899, 11, 30) + 46300 * 86_400_000),
      'reused',
      2.5,
      'yes',
      1234.5,
      12,
      4,
      'no',
    ]);
    // What the import writes reads back cleanly as orders.
    expect(parseOrders(apply(tab([]), p)).issues).toEqual([]);
  });

  test('a French export is read right with dateOrder dmy even when the locale is en_US', () => {
    const options = { locale: 'en_US', timeZone: 'Europe/Paris', dateOrder: 'dmy' as const };
    const p = plan(
      tab([]),
      [
        line(2, {
          'Order ID': 'FR-1',
          Created: '02/10/2026 14:03',
          'Weight kg': '1,2 kg',
          'Payout EUR': '300 €',
          'Cost EUR': '1 234,50 €',
          Outcome: 'Recyclé',
          Complaint: 'non',
        }),
      ],
      {},
      options,
    );
    const [values] = p.append!.values;
    expect(values[1]).toEqual(new Date('2026-10-02T12:03:00Z')); // 14:03 in Paris (UTC+2)
    expect(values.slice(7, 12)).toEqual(['recycled', 1.2, '', 300, 1234.5]);
    expect(values[13]).toBe('no');
    // The same text, month first.
    const us = plan(
      tab([]),
      [line(2, { 'Order ID': 'US-1', Created: '10/02/2026 14:03' })],
      {},
      {
        ...options,
        dateOrder: 'mdy',
      },
    );
    expect(us.append!.values[0][1]).toEqual(new Date('2026-10-02T12:03:00Z'));
  });

  test('the file’s decimal comma can be told when it is not the locale’s', () => {
    const file = [line(2, { 'Order ID': 'A1', Created: '2026-10-01', 'Payout EUR': '1,234' })];
    expect(plan(tab([]), file).append!.values[0][10]).toBe(1234);
    const comma = plan(tab([]), file, {}, { ...OPTIONS, decimal: ',' });
    expect(comma.append!.values[0][10]).toBe(1.234);
  });

  test('an unreadable value is refused on its own, with line, column, value and reason', () => {
    const grid = tab([{ 'Order ID': 'A1', Created: utc('2026-10-01') }]);
    const { plan: p, grid: after } = run(grid, [
      line(2, {
        'Order ID': 'A1',
        Created: 'yesterday',
        Received: '31/02/2026',
        Outcome: 'broken',
        'Weight kg': '-1',
        CSAT: '7',
        Complaint: 'maybe',
        Category: 'tablet',
      }),
      line(3, { 'Order ID': 'B1', Created: '2026-10-03', 'Payout EUR': 'n/a', Channel: 'kiosk' }),
    ]);
    expect(p.rejected.map(({ row: r, column: c, value, reason }) => [r, c, value, reason])).toEqual(
      [
        [2, 'Created', 'yesterday', expect.stringMatching(/^not a date/)],
        [2, 'Received', '31/02/2026', expect.stringMatching(/^not a date/)],
        [2, 'Outcome', 'broken', expect.stringMatching(/^unknown outcome/)],
        [2, 'Weight kg', '-1', 'negative; not written'],
        [2, 'CSAT', '7', 'outside 1 to 5; not written'],
        [2, 'Complaint', 'maybe', expect.stringMatching(/^not a yes\/no/)],
        [3, 'Payout EUR', 'n/a', 'not a number; not written'],
      ],
    );
    expect(p.counts).toMatchObject({ updated: 1, added: 1, rejectedRows: 0, rejectedFields: 7 });
    expect(p.updated[0].columns).toEqual(['Category']);
    expect(cellOf(after, 'A1', 'Created')).toEqual(utc('2026-10-01'));
    expect(cellOf(after, 'B1', 'Channel')).toBe('kiosk');
    expect(cellOf(after, 'B1', 'Payout EUR')).toBe('');
  });

  test('a new order without a readable Created is rejected whole (each of its lines)', () => {
    const p = plan(tab([]), [
      line(2, { 'Order ID': 'A1', Created: 'soon', Category: 'laptop' }),
      line(3, { 'Order ID': 'B1', Category: 'laptop' }),
      line(4, { 'Order ID': 'B1', 'Weight kg': 'x' }),
    ]);
    expect(p.append).toBeNull();
    expect(p.rejected).toEqual([
      {
        row: 2,
        id: 'A1',
        column: null,
        value: 'soon',
        reason: expect.stringMatching(
          /^Created "soon" is not a date.*a new order needs a Created date; not added$/,
        ),
      },
      {
        row: 3,
        id: 'B1',
        column: null,
        value: null,
        reason: 'no Created date: a new order needs one; not added',
      },
      {
        row: 4,
        id: 'B1',
        column: null,
        value: null,
        reason: 'no Created date: a new order needs one; not added',
      },
    ]);
    expect(p.counts).toMatchObject({ added: 0, rejectedRows: 3, rejectedFields: 0 });
  });
});

describe('planImport: a person’s work wins', () => {
  const first = [
    line(2, { 'Order ID': 'A1', Created: '2026-10-01', 'Weight kg': '0.2', Outcome: 'reused' }),
    line(3, { 'Order ID': 'A2', Created: '2026-10-02', 'Weight kg': '0.3' }),
  ];

  test('a later export with more dates filled updates only those cells', () => {
    const one = run(tab([]), first);
    const two = run(
      one.grid,
      [
        line(2, {
          'Order ID': 'A1',
          Created: '2026-10-01',
          'Weight kg': '0.2',
          Outcome: 'reused',
          Received: '2026-10-06',
        }),
        line(3, {
          'Order ID': 'A2',
          Created: '2026-10-02',
          'Weight kg': '0.3',
          Received: '2026-10-07',
          Inspected: '2026-10-08',
        }),
      ],
      one.ledger,
    );
    expect(two.plan.updated).toEqual([
      { id: 'A1', row: 2, fileRows: [2], columns: ['Received'] },
      { id: 'A2', row: 3, fileRows: [3], columns: ['Received', 'Inspected'] },
    ]);
    expect(two.plan.undo.cells.map((c) => [c.row, c.column])).toEqual([
      [2, 6],
      [3, 6],
      [3, 7],
    ]);
    expect(two.plan.kept).toEqual([]);
    expect(column(two.grid, 'Received')).toEqual([utc('2026-10-06'), utc('2026-10-07')]);
  });

  test('a later export’s new value replaces what the last import wrote', () => {
    const one = run(tab([]), first);
    const two = run(one.grid, [line(2, { 'Order ID': 'A1', Outcome: 'refurbished' })], one.ledger);
    expect(two.plan.updated[0].columns).toEqual(['Outcome']);
    expect(cellOf(two.grid, 'A1', 'Outcome')).toBe('refurbished');
  });

  test('importing the same file twice changes nothing the second time', () => {
    const file = [
      ...first,
      line(4, {
        'Order ID': 'A3',
        Created: '02/10/2026 14:03',
        'Payout EUR': '300 €',
        Outcome: 'Recyclé',
      }),
    ];
    const existing = tab([{ 'Order ID': 'A2', Created: utc('2026-10-02'), Channel: 'kiosk' }]);
    const one = run(existing, file);
    expect(one.plan.counts).toMatchObject({ added: 2, updated: 1 });
    const two = run(one.grid, file, one.ledger);
    expect(writesNothing(two.plan)).toBe(true);
    expect(two.plan.counts).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 3,
      kept: 0,
      cells: 0,
    });
    expect(two.plan.ledger).toEqual({});
    expect(two.ledger).toEqual(one.ledger);
    expect(two.plan.undo.cells).toEqual([]);
    expect(two.grid).toEqual(one.grid);
  });

  test('a person’s correction since the last import is kept and listed; blanks are still filled', () => {
    const one = run(tab([]), first);
    const corrected = one.grid.map((r) => [...r]);
    corrected[1][8] = 0.25; // A1's Weight kg, corrected by hand
    const two = run(
      corrected,
      [
        line(2, {
          'Order ID': 'A1',
          'Weight kg': '0.2',
          Outcome: 'reused',
          Received: '2026-10-06',
        }),
      ],
      one.ledger,
    );
    expect(cellOf(two.grid, 'A1', 'Weight kg')).toBe(0.25);
    expect(cellOf(two.grid, 'A1', 'Received')).toEqual(utc('2026-10-06'));
    expect(two.plan.kept).toEqual([
      {
        id: 'A1',
        row: 2,
        fileRows: [2],
        why: 'corrected',
        cells: [{ column: 'Weight kg', sheet: 0.25, file: 0.2 }],
      },
    ]);
    expect(two.plan.counts).toMatchObject({ updated: 1, kept: 1 });
    // Next time the correction is still kept, and the cells the file agrees on update again.
    const three = run(
      two.grid,
      [line(2, { 'Order ID': 'A1', 'Weight kg': '0.2', Outcome: 'refurbished' })],
      two.ledger,
    );
    expect(cellOf(three.grid, 'A1', 'Weight kg')).toBe(0.25);
    expect(cellOf(three.grid, 'A1', 'Outcome')).toBe('refurbished');
    expect(three.plan.kept.map((k) => k.cells.map((c) => c.column))).toEqual([['Weight kg']]);
  });

  test('a value a person cleared after an import is not filled again', () => {
    const one = run(tab([]), first);
    const cleared = one.grid.map((r) => [...r]);
    cleared[1][7] = ''; // A1's Outcome, cleared by hand
    const two = run(cleared, first, one.ledger);
    expect(cellOf(two.grid, 'A1', 'Outcome')).toBe('');
    expect(two.plan.kept).toEqual([
      expect.objectContaining({
        id: 'A1',
        why: 'corrected',
        cells: [{ column: 'Outcome', sheet: '', file: 'reused' }],
      }),
    ]);
    expect(writesNothing(two.plan)).toBe(true);
  });

  test('a typed row (no ledger entry): only blank cells are filled, differences listed', () => {
    const grid = tab([
      { 'Order ID': 'A1', Created: utc('2026-10-01'), Outcome: 'Recyclé', 'Weight kg': '0,2' },
    ]);
    const options = { ...OPTIONS, locale: 'fr_FR' };
    const {
      plan: p,
      grid: after,
      ledger,
    } = run(
      grid,
      [
        line(2, {
          'Order ID': 'A1',
          Created: '2026-10-03',
          Outcome: 'recycled',
          'Weight kg': '0.2',
          Received: '2026-10-05',
        }),
      ],
      {},
      options,
    );
    expect(p.updated).toEqual([{ id: 'A1', row: 2, fileRows: [2], columns: ['Received'] }]);
    expect(p.kept).toEqual([
      {
        id: 'A1',
        row: 2,
        fileRows: [2],
        why: 'typed',
        cells: [{ column: 'Created', sheet: utc('2026-10-01'), file: utc('2026-10-03') }],
      },
    ]);
    expect(cellOf(after, 'A1', 'Created')).toEqual(utc('2026-10-01'));
    expect(cellOf(after, 'A1', 'Outcome')).toBe('Recyclé'); // same outcome: not rewritten
    // The cells that agree with the file (or were filled from it) are the import's from now on;
    // the differing Created stays the person's at the next import too.
    const next = run(
      after,
      [line(2, { 'Order ID': 'A1', Created: '2026-10-03', Outcome: 'reused' })],
      ledger,
      options,
    );
    expect(cellOf(next.grid, 'A1', 'Outcome')).toBe('reused');
    expect(cellOf(next.grid, 'A1', 'Created')).toEqual(utc('2026-10-01'));
    expect(next.plan.kept).toEqual([
      expect.objectContaining({
        why: 'corrected',
        cells: [expect.objectContaining({ column: 'Created' })],
      }),
    ]);
  });

  test('a typed row that agrees with the file becomes the import’s: later exports update it', () => {
    const grid = tab([{ 'Order ID': 'A1', Created: utc('2026-10-01'), Outcome: 'reused' }]);
    const one = run(grid, [
      line(2, {
        'Order ID': 'A1',
        Created: '2026-10-01',
        Outcome: 'reused',
        Received: '2026-10-04',
      }),
    ]);
    expect(Object.keys(one.ledger)).toEqual(['A1']);
    const two = run(one.grid, [line(2, { 'Order ID': 'A1', Outcome: 'recycled' })], one.ledger);
    expect(two.plan.kept).toEqual([]);
    expect(cellOf(two.grid, 'A1', 'Outcome')).toBe('recycled');
  });
});

describe('planImport: the writes', () => {
  test('updates come as blocks: runs of written columns, stacked over consecutive rows', () => {
    const grid = tab(
      ['A1', 'A2', 'A3', 'A4'].map((id) => ({
        'Order ID': id,
        Created: utc('2026-10-01'),
        Category: 'phone',
      })),
    );
    const p = plan(grid, [
      line(2, { 'Order ID': 'A1', Received: '2026-10-05', Outcome: 'lost' }),
      line(3, { 'Order ID': 'A2', Inspected: '2026-10-06' }),
      line(4, { 'Order ID': 'A4', Received: '2026-10-05' }),
    ]);
    // Received, Inspected, Outcome are adjacent (F, G, H): one run; A1, A2 consecutive.
    expect(p.updates).toEqual([
      {
        row: 2,
        column: 6,
        values: [
          [utc('2026-10-05'), '', 'lost'],
          ['', utc('2026-10-06'), ''],
        ],
      },
      { row: 5, column: 6, values: [[utc('2026-10-05'), '', '']] },
    ]);
    expect(p.counts.cells).toBe(4);
  });

  test('a mapped optional column missing from the tab is added at the right of the headers', () => {
    const grid = [[...HEADER, 'Notes'], row({ 'Order ID': 'A1', Created: utc('2026-10-01') })];
    const { plan: p, grid: after } = run(grid, [
      line(2, { 'Order ID': 'A1', Reason: 'screen cracked', Country: '' }),
    ]);
    expect(p.headers).toEqual({ row: 1, column: 16, values: [['Reason']] });
    expect(after[0]).toEqual([...HEADER, 'Notes', 'Reason']);
    expect(cellOf(after, 'A1', 'Reason')).toBe('screen cracked');
  });

  test('an empty tab gets the contract headers; a renamed contract column is refused by name', () => {
    const p = plan([], [line(2, { 'Order ID': 'A1', Created: '2026-10-01', Country: 'DE' })]);
    expect(p.headers).toEqual({ row: 1, column: 1, values: [[...HEADER, 'Country']] });
    expect(p.append!.row).toBe(2);
    const renamed = tab([]);
    renamed[0][9] = 'Erasure cert';
    const attempt = () =>
      planImport({
        existing: renamed,
        incoming: [line(2, { 'Order ID': 'A1', 'Erasure certificate': 'yes' })],
        ledger: {},
        options: OPTIONS,
      });
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(/column 'Erasure certificate' is missing.*'Erasure cert' in column J/);
  });
});
