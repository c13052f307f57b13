/**
 * CacheService on the runtime clock: entries expire after their TTL (default 600 s, at most
 * 6 h), keys ≤ 250 characters, values ≤ 100 KB, and at most 1 000 items per cache (when full,
 * the 900 furthest from expiry are kept).
 */
import type { ExecutionContext } from '../context';
import type { Clock } from './clock';
import type { MethodOf } from '../call-cost';

type Cache = GoogleAppsScript.Cache.Cache;

export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_TTL_S = 600;
export const CACHE_MAX_TTL_S = 21_600;
const CACHE_MAX_ITEMS = 1000;
const CACHE_KEEP_ITEMS = 900;

export class CacheStore {
  readonly data = new Map<string, { value: string; expiresAt: number }>();

  constructor(
    readonly kind: 'Document' | 'User' | 'Script',
    private readonly clock: Clock,
  ) {}

  get(key: string): string | null {
    const entry = this.data.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.clock.now()) {
      this.data.delete(key);
      return null;
    }
    return entry.value;
  }

  put(key: string, value: string, ttlSeconds: number): void {
    // The docs call the maximum a cap, not an error (platform.md §4.7): values above it are clamped.
    const ttl = Math.min(ttlSeconds, CACHE_MAX_TTL_S);
    this.data.set(key, { value, expiresAt: this.clock.now() + ttl * 1000 });
    if (this.data.size > CACHE_MAX_ITEMS) this.evict();
  }

  private evict(): void {
    const now = this.clock.now();
    const live = [...this.data.entries()].filter(([, e]) => e.expiresAt > now);
    live.sort(([, a], [, b]) => b.expiresAt - a.expiresAt);
    this.data.clear();
    for (const [k, e] of live.slice(0, CACHE_KEEP_ITEMS)) this.data.set(k, e);
  }
}

function checkKey(key: unknown): string {
  if (key === null || key === undefined) throw new Error('Invalid argument: key');
  const k = String(key);
  if (k.length > CACHE_KEY_MAX_CHARS) throw new Error('Argument too large: key');
  return k;
}

function checkValue(value: unknown): string {
  if (value === null || value === undefined) throw new Error('Invalid argument: value');
  const v = String(value);
  if (Buffer.byteLength(v, 'utf8') > CACHE_VALUE_MAX_BYTES)
    throw new Error('Argument too large: value');
  return v;
}

function checkTtl(ttl: number | undefined): number {
  if (ttl === undefined) return CACHE_DEFAULT_TTL_S;
  if (!Number.isFinite(ttl) || ttl < 1) throw new Error('Invalid argument: expirationInSeconds');
  return Math.floor(ttl);
}

export class FakeCache implements Cache {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly store: CacheStore,
  ) {}

  private enter(method: MethodOf<GoogleAppsScript.Cache.Cache>): void {
    this.ctx.call(`Cache.${method}`, 'cache');
  }

  get(key: string): string | null {
    this.enter('get');
    return this.store.get(checkKey(key));
  }

  getAll(keys: string[]): { [key: string]: string } {
    this.enter('getAll');
    const out: { [key: string]: string } = {};
    for (const key of keys) {
      const v = this.store.get(checkKey(key));
      if (v !== null) out[key] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.enter('put');
    this.store.put(checkKey(key), checkValue(value), checkTtl(expirationInSeconds));
  }

  putAll(values: { [key: string]: unknown }, expirationInSeconds?: number): void {
    this.enter('putAll');
    const ttl = checkTtl(expirationInSeconds);
    const checked = Object.entries(values).map(([k, v]) => [checkKey(k), checkValue(v)] as const);
    for (const [k, v] of checked) this.store.put(k, v, ttl);
  }

  remove(key: string): void {
    this.enter('remove');
    this.store.data.delete(checkKey(key));
  }

  removeAll(keys: string[]): void {
    this.enter('removeAll');
    for (const key of keys) this.store.data.delete(checkKey(key));
  }
}

export interface CacheStores {
  document: CacheStore | null;
  user: CacheStore;
  script: CacheStore;
}

export function createCacheStores(clock: Clock, hasContainer: boolean): CacheStores {
  return {
    document: hasContainer ? new CacheStore('Document', clock) : null,
    user: new CacheStore('User', clock),
    script: new CacheStore('Script', clock),
  };
}

export class FakeCacheService implements GoogleAppsScript.Cache.CacheService {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly stores: CacheStores,
  ) {}

  getDocumentCache(): Cache | null {
    this.ctx.call('CacheService.getDocumentCache', 'cache');
    return this.stores.document && !this.ctx.noDocument
      ? new FakeCache(this.ctx, this.stores.document)
      : null;
  }

  getScriptCache(): Cache {
    this.ctx.call('CacheService.getScriptCache', 'cache');
    return new FakeCache(this.ctx, this.stores.script);
  }

  getUserCache(): Cache {
    this.ctx.call('CacheService.getUserCache', 'cache');
    return new FakeCache(this.ctx, this.stores.user);
  }
}
