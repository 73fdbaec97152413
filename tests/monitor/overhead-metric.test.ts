import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { MONITOR_OVERHEAD_METRIC } from '../../src/monitor/source-set.js';
import type { MetricSource } from '../../src/core/source.js';
import { sleep, spin } from './helpers.js';

void test('the monitor reports its own CPU share, which grows with the cost of its sources', async () => {
  let cost = 0;
  const costly: MetricSource = {
    id: 'costly',
    describe: () => [],
    collect() {
      spin(cost);
      return {};
    },
  };
  const m = new PerformanceMonitor({ sources: [costly] });
  const first = await m.sample();
  assert.equal(first.has(MONITOR_OVERHEAD_METRIC), false); // no previous sample yet
  await sleep(100);
  const cheap = (await m.sample()).get(MONITOR_OVERHEAD_METRIC)!;
  cost = 40;
  await sleep(100);
  const dear = (await m.sample()).get(MONITOR_OVERHEAD_METRIC)!;
  await m.stop();
  assert.ok(cheap >= 0);
  // 40 ms of spinning in ~140 ms of wall time; CPU time under a loaded machine may be lower, so stay generous.
  assert.ok(dear > 0.05, `overhead ${dear}`);
  assert.ok(dear > cheap * 5, `cheap ${cheap} dear ${dear}`);
  assert.equal(m.latest?.descriptors[MONITOR_OVERHEAD_METRIC]?.unit, 's/s');
});
