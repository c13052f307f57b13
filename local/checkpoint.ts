/**
 * Saving the whole state of the local runtime in memory and putting it back, so that a test
 * running hundreds of cases from one prepared workbook restores it in milliseconds instead of
 * rebuilding it through the add-on each time (the convergence sweep of issue 15 does ~4,000).
 *
 * The copy is generic on purpose: every object reachable from the roots (the spreadsheet model,
 * the property and cache stores, the trigger and lock tables, the Ui, Logger and mail records, the
 * clock, the call counts…) is copied with its prototype, so a field the model gains later is saved
 * and restored without anyone remembering to list it here. Functions are shared, not copied.
 *
 * Restoring keeps the identity of every root and of each root's own containers (arrays, Maps,
 * Sets, plain records): the services, the runtime and tests hold those (runtime.toasts is the
 * spreadsheet's toast list, runtime.triggers the trigger table's list, the Properties objects
 * their stores), so they are emptied and refilled in place. Below that level objects are fresh
 * copies: references into a restored workbook taken before the restore (a FakeSheet, a range)
 * point to the old objects and must be taken again.
 */

type Memo = Map<object, unknown>;

/** One root object and a private copy of its own data properties. */
interface SavedRoot {
  root: object;
  props: Map<PropertyKey, unknown>;
}

export interface Checkpoint {
  readonly saved: readonly SavedRoot[];
}

const isContainer = (v: unknown): v is object =>
  !Object.isFrozen(v) &&
  (Array.isArray(v) ||
    v instanceof Map ||
    v instanceof Set ||
    (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype));

/** A deep copy of v; objects in `shared` (the roots) and functions are kept as they are. */
function copy(v: unknown, memo: Memo, shared: ReadonlySet<object>): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (shared.has(v)) return v;
  if (memo.has(v)) return memo.get(v);
  if (v instanceof Date) {
    const d = new Date(v.getTime());
    memo.set(v, d);
    return d;
  }
  if (Buffer.isBuffer(v)) {
    const b = Buffer.from(v);
    memo.set(v, b);
    return b;
  }
  if (v instanceof RegExp) return v;
  if (Array.isArray(v)) {
    // slice() keeps holes as holes (the sheet layers are sparse and tell a hole from undefined)
    // and copies the cells holding numbers and strings natively; objects are copied after.
    const out = v.slice();
    memo.set(v, out);
    for (let i = 0; i < out.length; i++) {
      const x: unknown = out[i];
      if (x !== null && typeof x === 'object') out[i] = copy(x, memo, shared);
    }
    return Object.isFrozen(v) ? Object.freeze(out) : out;
  }
  if (v instanceof Map) {
    const out = new Map();
    memo.set(v, out);
    for (const [k, x] of v) out.set(copy(k, memo, shared), copy(x, memo, shared));
    return out;
  }
  if (v instanceof Set) {
    const out = new Set();
    memo.set(v, out);
    for (const x of v) out.add(copy(x, memo, shared));
    return out;
  }
  const out = Object.create(Object.getPrototypeOf(v)) as object;
  memo.set(v, out);
  for (const key of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, key)!;
    if ('value' in d) d.value = copy(d.value, memo, shared);
    Object.defineProperty(out, key, d);
  }
  // A frozen object (a range, an enum table) may still point to objects that change (a sheet):
  // it is copied like the rest, and frozen again.
  return Object.isFrozen(v) ? Object.freeze(out) : out;
}

function dataKeys(o: object): PropertyKey[] {
  return Reflect.ownKeys(o).filter((k) => 'value' in Object.getOwnPropertyDescriptor(o, k)!);
}

/** Saves the own data properties of every root, deep-copied. */
export function saveCheckpoint(roots: readonly object[]): Checkpoint {
  const shared = new Set(roots);
  const memo: Memo = new Map();
  return {
    saved: [...shared].map((root) => ({
      root,
      props: new Map(
        dataKeys(root).map((k) => [
          k,
          copy((root as Record<PropertyKey, unknown>)[k], memo, shared),
        ]),
      ),
    })),
  };
}

/** Empties a live container and refills it with (copies of) the saved one's entries. */
function refill(live: object, saved: object, memo: Memo, shared: ReadonlySet<object>): void {
  if (Array.isArray(live)) {
    live.length = 0;
    const from = saved as unknown[];
    live.length = from.length;
    for (let i = 0; i < from.length; i++) if (i in from) live[i] = copy(from[i], memo, shared);
  } else if (live instanceof Map) {
    live.clear();
    for (const [k, x] of saved as Map<unknown, unknown>)
      live.set(copy(k, memo, shared), copy(x, memo, shared));
  } else if (live instanceof Set) {
    live.clear();
    for (const x of saved as Set<unknown>) live.add(copy(x, memo, shared));
  } else {
    const target = live as Record<PropertyKey, unknown>;
    for (const k of Reflect.ownKeys(target)) delete target[k];
    for (const k of Reflect.ownKeys(saved))
      target[k] = copy((saved as Record<PropertyKey, unknown>)[k], memo, shared);
  }
}

/**
 * Puts every root back as it was at the checkpoint. The checkpoint itself is copied, never
 * handed out, so it can be restored any number of times.
 */
export function restoreCheckpoint(cp: Checkpoint): void {
  const shared = new Set(cp.saved.map((s) => s.root));
  const memo: Memo = new Map();
  // Containers a root still holds keep their identity: map the saved ones to the live ones
  // first, so that any reference to them from deeper in the graph lands on the live object.
  const inPlace: Array<[object, object]> = [];
  const refilledKeys = new Map<object, Set<PropertyKey>>();
  for (const { root, props } of cp.saved) {
    const keys = new Set<PropertyKey>();
    for (const [k, saved] of props) {
      const live = (root as Record<PropertyKey, unknown>)[k];
      if (
        isContainer(saved) &&
        isContainer(live) &&
        Object.getPrototypeOf(live) === Object.getPrototypeOf(saved)
      ) {
        memo.set(saved, live);
        inPlace.push([live, saved]);
        keys.add(k);
      }
    }
    refilledKeys.set(root, keys);
  }
  for (const [live, saved] of inPlace) refill(live, saved, memo, shared);
  for (const { root, props } of cp.saved) {
    const target = root as Record<PropertyKey, unknown>;
    const keys = refilledKeys.get(root)!;
    // A data property the root gained after the checkpoint did not exist then.
    for (const k of dataKeys(root)) if (!props.has(k)) delete target[k];
    for (const [k, saved] of props) if (!keys.has(k)) target[k] = copy(saved, memo, shared);
  }
}
