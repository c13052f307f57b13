import { Cell, Grid } from '../../../src/core/cells';
import { planUndo } from '../../../src/core/import/undo';
import { UndoRecord } from '../../../src/core/import/types';
import { HEADER, applyUndo, cellOf, line, row, run, tab, undoLedger, utc } from './helpers';

/** A row as getValues hands it: as wide as the header row (HEADER + Reason). */
const widen = (r: Cell[]): Cell[] => [...r, ...new Array(HEADER.length + 1 - r.length).fill('')];

/** A tab with two imported orders and one typed, then a second import that changes and adds. */
function twoImports() {
  const start = tab([{ 'Order ID': 'T1', Created: utc('2026-09-01'), Channel: 'kiosk' }]);
  const one = run(start, [
    line(2, { 'Order ID': 'A1', Created: '2026-10-01', 'Weight kg': '0.2' }),
    line(3, { 'Order ID': 'A2', Created: '2026-10-02' }),
  ]);
  const two = run(
    one.grid,
    [
      line(2, { 'Order ID': 'A1', Received: '2026-10-06', 'Weight kg': '0.25', Reason: 'dented' }),
      line(3, { 'Order ID': 'T1', Received: '2026-09-05' }),
      line(4, { 'Order ID': 'B1', Created: '2026-10-07', Category: 'laptop' }),
      line(5, { 'Order ID': 'B2', Created: '2026-10-08' }),
    ],
    one.ledger,
  );
  return { one, two };
}

describe('the undo record', () => {
  test('lists every cell the import changed with its value before and after, and the rows it added', () => {
    const { two } = twoImports();
    const u = two.plan.undo;
    expect(u.tab).toBe('KPI Data');
    expect(u.headers).toEqual([...HEADER, 'Reason']);
    const byPlace = (a: { row: number; column: number }, b: { row: number; column: number }) =>
      a.row - b.row || a.column - b.column;
    expect([...u.cells].sort(byPlace)).toEqual([
      { row: 1, column: 15, id: '', before: '', after: 'Reason' },
      { row: 2, column: 6, id: 'T1', before: '', after: { date: '2026-09-05T00:00:00.000Z' } },
      { row: 3, column: 6, id: 'A1', before: '', after: { date: '2026-10-06T00:00:00.000Z' } },
      { row: 3, column: 9, id: 'A1', before: 0.2, after: 0.25 },
      { row: 3, column: 15, id: 'A1', before: '', after: 'dented' },
    ]);
    expect(u.appended.map(({ row: r, id }) => [r, id])).toEqual([
      [5, 'B1'],
      [6, 'B2'],
    ]);
    // Ledger entries before, for rows already there: A1's (changed), T1 had none. The appended
    // rows' entries are dropped by the undo without being listed.
    expect(u.ledger).toEqual({ A1: expect.any(String), T1: null });
  });
});

describe('planUndo', () => {
  test('restores the previous values, clears the rows added and gives the ledger back', () => {
    const { one, two } = twoImports();
    const undo = planUndo(two.grid, two.plan.undo);
    expect(undo).toMatchObject({ ok: true, cells: 5, rows: 2, clear: [{ row: 5, count: 2 }] });
    const restored = applyUndo(two.grid, undo);
    const blank = HEADER.map(() => '').concat('');
    expect(restored.map(widen)).toEqual([
      [...HEADER, ''],
      ...one.grid.slice(1).map(widen),
      blank,
      blank,
    ]);
    expect(undoLedger(two.ledger, undo)).toEqual(one.ledger);
  });

  test('works from the record as stored in the workbook (JSON)', () => {
    const { one, two } = twoImports();
    const stored = JSON.parse(JSON.stringify(two.plan.undo)) as UndoRecord;
    const restored = applyUndo(two.grid, planUndo(two.grid, stored));
    expect(cellOf(restored, 'A1', 'Weight kg')).toBe(0.2);
    expect(cellOf(restored, 'A1', 'Received')).toBe('');
    expect(cellOf(restored, 'T1', 'Received')).toBe('');
    expect(restored.slice(1, 4).map((r) => r.slice(0, 14))).toEqual(one.grid.slice(1));
  });

  test('an undo cut short half-way is resumed: cells already put back and rows already cleared are as the undo leaves them', () => {
    const { two } = twoImports();
    const whole = applyUndo(two.grid, planUndo(two.grid, two.plan.undo));
    // The first run put back A1's weight and cleared B1's row, then stopped.
    const half: Grid = two.grid.map((r) => [...r]);
    half[2][8] = 0.2;
    half[4] = half[4].map(() => '');
    const resumed = planUndo(half, two.plan.undo);
    expect(resumed).toMatchObject({ ok: true, cells: 5, rows: 2 });
    expect(applyUndo(half, resumed)).toEqual(whole);
    // Still refused when a cell holds neither what the import wrote nor what was there before.
    half[2][8] = 0.3;
    expect(planUndo(half, two.plan.undo).ok).toBe(false);
  });

  test('is refused when a person edited a cell the import wrote, naming tab, row and column', () => {
    const { two } = twoImports();
    const edited: Grid = two.grid.map((r) => [...r]);
    edited[2][8] = 0.3; // A1's Weight kg, row 3, column I
    const undo = planUndo(edited, two.plan.undo);
    expect(undo.ok).toBe(false);
    if (undo.ok) return;
    expect(undo.changed).toEqual([{ row: 3, column: 'Weight kg (I)' }]);
    expect(undo.message).toMatch(
      /^Undo last import refused: 1 cell of KPI Data changed since the import/,
    );
    expect(undo.message).toContain(
      'row 3, Weight kg (I): the import wrote number 0.25, it now holds number 0.3',
    );
  });

  test('is refused when a row the import added was edited or filled in since', () => {
    const { two } = twoImports();
    const edited: Grid = two.grid.map((r) => [...r]);
    edited[4][2] = 'tablet'; // B1's Category
    edited[5][3] = 'kiosk'; // B2's Channel, blank when added
    const undo = planUndo(edited, two.plan.undo);
    expect(undo.ok).toBe(false);
    if (!undo.ok) expect(undo.changed.map((c) => c.row)).toEqual([5, 6]);
  });

  test('is refused when rows moved since (the order in the row is not the one imported)', () => {
    const { two } = twoImports();
    const shifted: Grid = [
      two.grid[0],
      row({ 'Order ID': 'NEW', Created: utc('2026-11-01') }),
      ...two.grid.slice(1),
    ];
    const undo = planUndo(shifted, two.plan.undo);
    expect(undo.ok).toBe(false);
    if (!undo.ok) {
      expect(undo.changed.length).toBeGreaterThan(3);
      expect(undo.message).toMatch(/row 3, Received \(F\): it now holds order T1, not A1/);
      expect(undo.message).toMatch(/and \d+ more/);
    }
  });

  test('finds columns by name: a column moved since is restored where it is now', () => {
    const { two } = twoImports();
    const moved: Grid = two.grid.map((r) => [r[8], ...r.slice(0, 8), ...r.slice(9)]); // Weight kg first
    const restored = applyUndo(moved, planUndo(moved, two.plan.undo));
    expect(restored[0][0]).toBe('Weight kg');
    expect(restored[2][0]).toBe(0.2);
    expect(restored[2][1]).toBe('A1');
  });
});
