/**
 * Which objects are FakeRanges. Modules that range.ts itself imports (protections, data
 * validation) ask here instead of `instanceof FakeRange`, so that they need not import range.ts
 * back and close a runtime import cycle.
 */
import type { FakeRange } from './range';

/** Filled by FakeRange's constructor; weak, so ranges are still collected. */
const ranges = new WeakSet<object>();

export function registerFakeRange(range: FakeRange): void {
  ranges.add(range);
}

/** The same answer as `v instanceof FakeRange`: FakeRange has no subclasses and no other way in. */
export function isFakeRange(v: unknown): v is FakeRange {
  return typeof v === 'object' && v !== null && ranges.has(v);
}
