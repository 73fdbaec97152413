// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ObjectCacheWorkload } from '../../../src/workloads/repository/object-cache.js';
import { ZipfGenerator } from '../../../src/workloads/zipf.js';

void describe('object cache and Zipf keys', () => {
  void test('Zipf keys are seeded and skewed as 1/rank', () => {
    const a = new ZipfGenerator({ n: 1000, seed: 3 }).take(50_000);
    assert.deepEqual(a, new ZipfGenerator({ n: 1000, seed: 3 }).take(50_000));
    assert.notDeepEqual(a, new ZipfGenerator({ n: 1000, seed: 4 }).take(50_000));
    const counts = new Array<number>(1000).fill(0);
    for (const k of a) counts[k]!++;
    const z = new ZipfGenerator({ n: 1000 });
    const h = 1 / z.probability(0);
    assert.ok(Math.abs(counts[0]! / 50_000 - 1 / h) < 0.01, 'rank 0 frequency');
    assert.ok(Math.abs(counts[0]! / counts[1]! - 2) < 0.25, 'rank 0 about twice rank 1');
    assert.ok(a.every((k) => k < 1000));
    assert.throws(() => new ZipfGenerator({ n: 0 }), { name: 'RangeError', message: /n option/ });
  });

  void test('counts hits and misses, loads every miss, and a bigger cache hits more', () => {
    const objects = Array.from({ length: 2000 }, (_, i) => new Uint8Array(1000 + (i % 7)));
    const run = (maxBytes: number): ObjectCacheWorkload => {
      let loads = 0;
      const cache = new ObjectCacheWorkload({ objects: objects.length, maxBytes, seed: 8, load: (i) => (loads++, objects[i]!) });
      const bytes = cache.read(20_000);
      assert.equal(cache.hits + cache.misses, 20_000);
      assert.equal(loads, cache.misses);
      assert.ok(bytes >= 20_000 * 1000);
      assert.ok(cache.size <= maxBytes);
      return cache;
    };
    const small = run(50 * 1000);
    const large = run(500 * 1000);
    const all = run(10_000 * 1000);
    assert.ok(small.hitRatio < large.hitRatio && large.hitRatio < all.hitRatio);
    const distinct = new Set(new ZipfGenerator({ n: 2000, seed: 8 }).take(20_000)).size;
    assert.equal(all.misses, distinct, 'a cache that holds everything misses once per distinct key');
  });
});
