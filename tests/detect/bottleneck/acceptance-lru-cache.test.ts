// Acceptance: random keys over a small lru-cache -> cache-efficiency (thrashing) is the top finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LRUCache } from 'lru-cache';
import { CacheSource } from '../../../src/monitor/sources/cache.js';
import { expectTopFinding, runScenario, sliced } from './scenario-kit.js';
import { jitter } from './synthetic.js';

void test('random keys over a 100-entry lru-cache: cache-efficiency on top', async (t) => {
  const note = (message: string): void => {
    t.diagnostic(message);
  };
  const outcome = await expectTopFinding('cache-efficiency', () => {
    const cache = new LRUCache<number, string>({ max: 100 });
    const source = new CacheSource({ name: 'objects', cache });
    const random = jitter(42);
    return runScenario({
      extraSources: [source],
      work: (until) =>
        sliced(until, 5, () => {
          const key = Math.floor(random() * 10_000);
          if (cache.get(key) === undefined) cache.set(key, `object ${key}`);
        }),
    }).finally(() => {
      source.detach();
    });
  }, note);
  const top = outcome.report.top;
  assert.ok(top !== undefined);
  assert.match(top.title, /"objects".*thrashing/);
  assert.ok(top.impact > 90, `miss ratio ${top.impact}%`);
});
