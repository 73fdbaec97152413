// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryPressureSuite } from '../../../src/suites/memory-pressure/index.js';

void test('memory_pressure reports every child, out-of-memory ones included, without failing', async () => {
  // a 32 MiB heap: the 90% load and the 100k cache at 50% cannot fit, the others can
  const result = await memoryPressureSuite.run({ params: { heapMb: 32, duration: 0.05, offHeap: 0.1 } });
  assert.equal(result.status, 'ok');
  assert.equal(result.tasks.length, 6);
  const fig = (name: string) => result.figures?.find((f) => f.name === name)?.value;
  assert.equal(fig('load25.cache10k.out_of_memory'), 0);
  assert.ok(fig('load25.cache10k.ops_per_second')! > 0);
  assert.ok(fig('load25.cache10k.cache.hit_ratio')! > 0);
  assert.equal(fig('load50.cache100k.out_of_memory'), 1);
  assert.ok(fig('out_of_memory.count')! >= 1);
  assert.ok(result.notices?.some((n) => /ran out of memory/.test(n)));
  // heap used grows with the load
  assert.ok(fig('load75.cache10k.heap.used')! > fig('load25.cache10k.heap.used')!);
});
