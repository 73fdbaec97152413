// Acceptance: a Map that only grows -> memory-leak is the top finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectTopFinding, runScenario } from './scenario-kit.js';

void test('a growing Map (an unbounded object cache): memory-leak on top', async (t) => {
  const note = (message: string): void => {
    t.diagnostic(message);
  };
  const caches: Map<number, unknown>[] = [];
  try {
    const outcome = await expectTopFinding('memory-leak', () => {
      const cache = new Map<number, unknown>();
      caches.push(cache);
      let k = 0;
      // A history walk that memoises every commit it parses: 2 ms of parsing, then 8 ms waiting on I/O.
      return runScenario({
        work: async (until) => {
          while (until()) {
            const stop = performance.now() + 2;
            while (performance.now() < stop) {
              cache.set(k, { oid: k, parents: [k - 1, k - 2], message: `commit ${k}` });
              k++;
            }
            await sleep(8);
          }
        },
      });
    }, note);
    const top = outcome.report.top;
    assert.ok(top !== undefined);
    const slope = top.evidence.find((e) => e.metric.includes('slope'));
    assert.ok(slope !== undefined && slope.value > 1024 * 1024, `post-GC heap slope ${slope?.value} B/s`);
    assert.match(top.recommendation, /lru-cache/);
  } finally {
    for (const c of caches) c.clear();
  }
});
