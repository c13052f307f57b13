import fc from 'fast-check';
import { formatA1, parseA1 } from '../../../local/spreadsheet/a1';
import { Layer } from '../../../local/spreadsheet/layer';
import { shiftSpan } from '../../../local/spreadsheet/spreadsheet';
import { setup } from './helpers';

describe('model invariants', () => {
  test('formatA1 ∘ parseA1 is the identity on rectangles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 800 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 30 }),
        (row, col, numRows, numCols) => {
          const a1 = formatA1({ row, col, numRows, numCols });
          const p = parseA1(a1)!;
          expect([
            p.startRow,
            p.startCol,
            p.endRow! - p.startRow! + 1,
            p.endCol! - p.startCol! + 1,
          ]).toEqual([row, col, numRows, numCols]);
        },
      ),
    );
  });

  test('Layer insert/delete of rows and columns matches a dense reference model', () => {
    type Op =
      | { kind: 'set'; r: number; c: number; v: number }
      | { kind: 'insR' | 'delR' | 'insC' | 'delC'; at: number; n: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        r: fc.nat(12),
        c: fc.nat(6),
        v: fc.integer(),
      }),
      fc.record({
        kind: fc.constantFrom('insR' as const, 'delR' as const, 'insC' as const, 'delC' as const),
        at: fc.nat(12),
        n: fc.integer({ min: 1, max: 3 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const layer = new Layer<number>();
        let dense: Array<Array<number | undefined>> = Array.from({ length: 40 }, () =>
          new Array(30).fill(undefined),
        );
        for (const o of ops) {
          if (o.kind === 'set') {
            layer.set(o.r, o.c, o.v);
            dense[o.r][o.c] = o.v;
          } else if (o.kind === 'insR') {
            layer.insertRows(o.at, o.n);
            dense = [
              ...dense.slice(0, o.at),
              ...Array.from({ length: o.n }, () => new Array(30).fill(undefined)),
              ...dense.slice(o.at),
            ].slice(0, 40);
          } else if (o.kind === 'delR') {
            layer.deleteRows(o.at, o.n);
            dense = [
              ...dense.slice(0, o.at),
              ...dense.slice(o.at + o.n),
              ...Array.from({ length: o.n }, () => new Array(30).fill(undefined)),
            ];
          } else if (o.kind === 'insC') {
            layer.insertColumns(o.at, o.n);
            dense = dense.map((row) =>
              [...row.slice(0, o.at), ...new Array(o.n).fill(undefined), ...row.slice(o.at)].slice(
                0,
                30,
              ),
            );
          } else {
            layer.deleteColumns(o.at, o.n);
            dense = dense.map((row) => [
              ...row.slice(0, o.at),
              ...row.slice(o.at + o.n),
              ...new Array(o.n).fill(undefined),
            ]);
          }
        }
        expect(layer.read(0, 0, 20, 15, (v) => v)).toEqual(
          dense.slice(0, 20).map((row) => row.slice(0, 15)),
        );
      }),
    );
  });

  test('shiftSpan: insertion then deletion of the same rows restores a span', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 10 }),
        (start, len, at, n) => {
          const inserted = shiftSpan(start, len, at, n)!;
          expect(shiftSpan(inserted[0], inserted[1], at, -n)).toEqual([start, len]);
        },
      ),
    );
  });

  test('100 000 × 14 cells move through one setValues/getValues', () => {
    const { sheet, ctx } = setup();
    sheet.insertRowsAfter(sheet.getMaxRows(), 99_000);
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      Array.from({ length: 14 }, (_, j) => (j % 2 ? i * j : `item ${i}`)),
    );
    const range = sheet.getRange(1, 1, 100_000, 14);
    range.setValues(rows);
    const back = range.getValues();
    expect(back[99_999]).toEqual(rows[99_999]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([100_000, 14]);
    expect(ctx.calls.get('Range.setValues')).toBe(1);
  });
});
