/**
 * The bench's heap figure (bench/result.ts, docs/decisions.md "Testing and measuring"): with
 * every collection a full one, it is the heap the run holds at its peak — garbage the run made
 * and let go is not counted, memory it keeps is.
 */
import { heapGrowth } from '../../bench/result';

const MB = 2 ** 20;

/** About `mb` MB held in arrays of numbers (8 bytes each in a double array). */
const hold = (mb: number): number[][] =>
  Array.from({ length: mb }, () => new Array<number>(MB / 8).fill(0.5));

describe('heapGrowth, held', () => {
  test('counts what the run keeps', () => {
    let kept: number[][] = [];
    const held = heapGrowth(() => {
      kept = hold(40);
    }, 'held');
    expect(kept.length).toBe(40);
    // A few MB of the process's own (compiled code, caches) may be freed during the run.
    expect(held).toBeGreaterThanOrEqual(34);
    expect(held).toBeLessThan(40 + 20);
  });

  test('does not count garbage let go as the run goes, however much', () => {
    let last: number[][] = [];
    const held = heapGrowth(() => {
      // 200 MB made and dropped, 2 MB at a time; only the last 2 MB are kept.
      for (let i = 0; i < 100; i++) last = hold(2);
    }, 'held');
    expect(last.length).toBe(2);
    // The 2 MB kept and at most one young-generation fill (16 MB); V8's own schedule counts 45.
    expect(held).toBeLessThan(30);
  });
});
