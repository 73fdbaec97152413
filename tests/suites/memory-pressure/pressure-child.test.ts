import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runPressureChild } from '../../../src/suites/memory-pressure/pressure-child-runner.js';
import { isRuneBenchError } from '../../../src/core/errors.js';

const MIB = 1024 * 1024;

void describe('runPressureChild', () => {
  void test('a loaded child reports ops, latency, GC, RSS, heap and hit ratio', async () => {
    const r = await runPressureChild({ load: 0.5, heapLimit: 32 * MIB, offHeapBytes: 8 * MIB, cacheSize: 2_000, duration: 0.1 });
    assert.equal(r.outcome, 'ok');
    const m = r.measurement!;
    assert.ok(m.ops > 1000);
    assert.ok(m.opsPerSecond > 0);
    assert.ok(m.latencyP50 > 0 && m.latencyP50 <= m.latencyP99 && m.latencyP99 <= m.latencyMax);
    assert.ok(m.hitRatio > 0.3 && m.hitRatio < 1, `hit ratio ${m.hitRatio}`);
    assert.equal(m.hits + m.misses, m.ops);
    assert.equal(m.cacheSize, 2_000);
    // the ballast really is on the heap, the Buffers really are resident
    assert.ok(r.heapUsedAfterFill! >= 0.5 * 32 * MIB);
    assert.ok(m.heapUsed >= 0.5 * 32 * MIB);
    assert.equal(m.offHeapBytes, 8 * MIB);
    assert.ok(m.peakRss > m.heapUsed + 8 * MIB * 0.9, `rss ${m.peakRss}`);
    assert.ok(m.gcCount >= 0 && m.gcPauseP99 >= 0);
  });

  void test('keys that all fit in the cache always hit; a larger key space misses', async () => {
    const all = await runPressureChild({ load: 0.25, heapLimit: 32 * MIB, offHeapBytes: 0, cacheSize: 1_000, keySpaceFactor: 1, duration: 0.05 });
    assert.equal(all.measurement?.hitRatio, 1);
    const wide = await runPressureChild({ load: 0.25, heapLimit: 32 * MIB, offHeapBytes: 0, cacheSize: 1_000, keySpaceFactor: 50, duration: 0.05 });
    assert.ok(wide.measurement!.hitRatio < 0.8);
  });

  void test('a child that runs out of memory is a result, not a crash', async () => {
    const r = await runPressureChild({ load: 0.95, heapLimit: 32 * MIB, offHeapBytes: 0, cacheSize: 100_000, duration: 0.2 });
    assert.equal(r.outcome, 'out-of-memory');
    assert.equal(r.measurement, undefined);
    assert.match(r.message ?? '', /heap|memory/i);
    assert.ok(r.heapUsedAfterFill! > 0.9 * 32 * MIB);
  });

  void test('an abort kills the child and rejects with ERR_ABORTED', async () => {
    const controller = new AbortController();
    setTimeout(() => { controller.abort(); }, 300);
    const t0 = performance.now();
    await assert.rejects(
      runPressureChild({ load: 0.25, heapLimit: 32 * MIB, cacheSize: 1_000, duration: 30, signal: controller.signal }),
      (e: unknown) => isRuneBenchError(e, 'ERR_ABORTED'),
    );
    assert.ok(performance.now() - t0 < 5_000);
  });

  void test('validates options', async () => {
    await assert.rejects(runPressureChild({ load: 2 }), /load option/);
    await assert.rejects(runPressureChild({ load: 0.5, heapLimit: 1 }), /heapLimit option/);
  });
});
