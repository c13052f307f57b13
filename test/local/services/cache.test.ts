import { createRuntime } from '../../../local/runtime';

describe('CacheService', () => {
  test('default TTL is 600 s on the runtime clock', () => {
    const rt = createRuntime();
    const cache = rt.globals.CacheService.getScriptCache();
    cache.put('k', 'v');
    rt.advanceClock(599_999);
    expect(cache.get('k')).toBe('v');
    rt.advanceClock(1);
    expect(cache.get('k')).toBeNull();
  });

  test('explicit TTL, capped at 6 hours', () => {
    const rt = createRuntime();
    const cache = rt.globals.CacheService.getUserCache();
    cache.put('short', 'v', 5);
    cache.put('long', 'v', 100_000);
    rt.advanceClock(5_000);
    expect(cache.get('short')).toBeNull();
    rt.advanceClock(21_600_000 - 5_000 - 1);
    expect(cache.get('long')).toBe('v');
    rt.advanceClock(1);
    expect(cache.get('long')).toBeNull();
    expect(() => cache.put('k', 'v', 0)).toThrow(/expiration/);
  });

  test('sleep advances the same clock', () => {
    const rt = createRuntime();
    const cache = rt.globals.CacheService.getScriptCache();
    cache.put('k', 'v', 2);
    rt.globals.Utilities.sleep(2_000);
    expect(cache.get('k')).toBeNull();
  });

  test('getAll, putAll, remove, removeAll', () => {
    const rt = createRuntime();
    const cache = rt.globals.CacheService.getDocumentCache()!;
    cache.putAll({ a: '1', b: '2', c: '3' }, 60);
    expect(cache.getAll(['a', 'c', 'zz'])).toEqual({ a: '1', c: '3' });
    cache.remove('a');
    cache.removeAll(['b', 'missing']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  test('key ≤ 250 characters, value ≤ 100 KB', () => {
    const rt = createRuntime();
    const cache = rt.globals.CacheService.getScriptCache();
    expect(() => cache.put('k'.repeat(250), 'v')).not.toThrow();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('v', 'x'.repeat(100 * 1024))).not.toThrow();
    expect(() => cache.put('v', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.putAll({ ok: 'x', bad: 'x'.repeat(200_000) })).toThrow('Argument too large');
    expect(cache.get('ok')).toBeNull();
  });

  test('caches are separate; the document cache is null without a container', () => {
    const rt = createRuntime();
    rt.globals.CacheService.getScriptCache().put('k', 'script');
    expect(rt.globals.CacheService.getUserCache().get('k')).toBeNull();
    expect(createRuntime({ noContainer: true }).globals.CacheService.getDocumentCache()).toBeNull();
  });

  test('beyond 1 000 items the 900 furthest from expiry are kept', () => {
    const rt = createRuntime();
    const cache = rt.globals.CacheService.getScriptCache();
    for (let i = 0; i < 1001; i++) cache.put(`k${i}`, 'v', 60 + i);
    expect(rt.caches.script.data.size).toBe(900);
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k1000')).toBe('v');
  });
});
