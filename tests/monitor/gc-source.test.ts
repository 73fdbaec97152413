import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { GcSource } from '../../src/monitor/sources/gc.js';
import { sleep } from './helpers.js';

void test('GC counts and pause time rise after churning garbage', async () => {
  const m = new PerformanceMonitor({ sources: [new GcSource()] });
  await m.start();
  await m.sample(); // resets the interval
  let keep = 0;
  for (let round = 0; round < 200; round++) {
    const garbage: object[] = [];
    for (let i = 0; i < 10_000; i++) garbage.push({ i, s: `item-${i}-${round}` });
    keep += garbage.length;
  }
  await sleep(20);
  const churned = await m.sample();
  await m.stop();
  assert.ok(keep > 0);
  const count = churned.get('v8js.gc.count')!;
  assert.ok(count >= 1, `gc count ${count}`);
  assert.ok(churned.get('v8js.gc.duration')! > 0);
  assert.ok(churned.get('v8js.gc.duration.minor')! + churned.get('v8js.gc.duration.major')! > 0);
  const sumKinds = (['major', 'minor', 'incremental', 'weakcb'] as const).reduce((a, k) => a + churned.get(`v8js.gc.duration.${k}`)!, 0);
  assert.ok(sumKinds <= churned.get('v8js.gc.duration')! + 1e-9);
  // Counts are per interval: a quiet interval right after reports far fewer.
  const quiet = await new PerformanceMonitor({ sources: [new GcSource()] }).sample();
  assert.ok(quiet.get('v8js.gc.count')! < count);
});
