// parallel-safe: hit and miss counts of on-demand samples
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LRUCache } from 'lru-cache';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { CacheSource } from '../../src/monitor/sources/cache.js';

void test('an LRUCache is instrumented: hits, misses, hit ratio per interval, size and evictions', async () => {
  const cache = new LRUCache<string, number>({ max: 3 });
  const source = new CacheSource({ name: 'objects', cache });
  const m = new PerformanceMonitor({ sources: [source] });
  for (const k of ['a', 'b', 'c', 'd', 'e']) cache.set(k, k.charCodeAt(0)); // evicts a and b
  assert.equal(cache.get('e'), 101); // hit
  assert.equal(cache.get('d'), 100); // hit
  assert.equal(cache.get('a'), undefined); // miss
  const status: LRUCache.Status<string, number> = {};
  cache.get('c', { status }); // hit, and the caller's own status object still works
  assert.equal(status.get, 'hit');
  cache.set('e', 1); // update: no eviction
  cache.set('d', undefined); // delete: not an eviction
  const first = await m.sample();
  assert.equal(first.get('cache.objects.hits'), 3);
  assert.equal(first.get('cache.objects.misses'), 1);
  assert.equal(first.get('cache.objects.hit_ratio'), 0.75);
  assert.equal(first.get('cache.objects.evictions'), 2);
  assert.equal(first.get('cache.objects.size'), 2);
  cache.get('zz');
  const second = await m.sample();
  assert.equal(second.get('cache.objects.hit_ratio'), 0); // only the interval's one miss
  const third = await m.sample();
  assert.equal(third.has('cache.objects.hit_ratio'), false); // no lookups in the interval
  source.detach();
  cache.get('c');
  assert.equal((await m.sample()).get('cache.objects.hits'), 3);
  assert.equal(Object.hasOwn(cache, 'get'), false);
  await m.stop();
});

void test('any object counting hits and misses, or a function returning counts, is accepted', async () => {
  const counts = { hits: 0, misses: 0, size: 0 };
  const m = new PerformanceMonitor({
    sources: [new CacheSource({ name: 'plain', cache: counts }), new CacheSource({ name: 'fn', cache: () => ({ hits: 9, misses: 1 }) })],
  });
  counts.hits = 4;
  counts.misses = 4;
  counts.size = 8;
  const s = await m.sample();
  assert.equal(s.get('cache.plain.hit_ratio'), 0.5);
  assert.equal(s.get('cache.plain.size'), 8);
  assert.equal(s.has('cache.plain.evictions'), false);
  assert.equal(s.get('cache.fn.hit_ratio'), 0.9);
  assert.throws(() => new CacheSource({ name: 'bad name', cache: counts }), TypeError);
  assert.throws(() => new CacheSource({ name: 'x', cache: {} as never }), TypeError);
  await m.stop();
});
