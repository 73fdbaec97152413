import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';

let keep: unknown;

void test('measureHeap reports heap bytes allocated per operation', async () => {
  const suite = new BenchmarkSuite('heap', { timeMs: 50, warmupMs: 10, measureHeap: true });
  suite.add('allocates 1000 doubles', () => {
    const a = new Array<number>(1000);
    for (let i = 0; i < 1000; i++) a[i] = i + 0.5;
    keep = a;
    return a.length;
  });
  suite.add('allocates nothing', () => Math.imul(3, 7), { measureHeap: true });
  const [alloc, none] = (await suite.run()).tasks;
  const bytes = alloc!.stats!.heapBytesPerOp!;
  assert.ok(keep !== undefined);
  assert.ok(bytes >= 8000 && bytes < 40_000, `allocating task: ${bytes} B/op`);
  assert.ok(none!.stats!.heapBytesPerOp! < 64, `non-allocating task: ${none!.stats!.heapBytesPerOp} B/op`);
});
