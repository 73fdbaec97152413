// parallel-safe: runs on a manual clock
// The live findings behind `monitor` include the time-to-limit forecasts: a heap rising toward its limit raises
// a `time-to-limit-heap` finding whose title is the forecast sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MetricDescriptor, MetricValues } from '../../src/core/metric.js';
import type { MetricSource } from '../../src/core/source.js';
import { startFindings } from '../../src/cli/commands/monitor-wiring.js';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { ManualClock } from '../../src/testing/manual-clock.js';

/** A heap that grows 10 MB per collection toward a 1 GB limit (a leak), as a plug-in source. */
class LeakingHeap implements MetricSource {
  readonly id = 'leaking-heap';
  #used = 200e6;
  describe(): readonly MetricDescriptor[] {
    return [
      { name: 'v8js.heap.used', unit: 'By', kind: 'gauge', description: 'heap in use' },
      { name: 'v8js.heap.limit', unit: 'By', kind: 'gauge', description: 'heap limit' },
    ];
  }
  collect(): MetricValues {
    this.#used += 10e6;
    return { 'v8js.heap.used': this.#used, 'v8js.heap.limit': 1e9 };
  }
}

void test('a heap rising toward its limit raises a time-to-limit finding in the live findings', async () => {
  const clock = new ManualClock();
  const monitor = new PerformanceMonitor({ intervalMs: 1000, sources: [new LeakingHeap()], clock });
  const findings = startFindings(monitor, 1000);
  const seen: string[] = [];
  findings.onChange((f, change) => seen.push(`${change} ${f.ruleId}`));
  try {
    for (let i = 0; i < 20; i++) {
      await clock.advance(1000);
      await monitor.sample();
    }
    const forecast = findings.current().find((f) => f.ruleId === 'time-to-limit-heap');
    assert.ok(forecast !== undefined, `findings: ${findings.current().map((f) => f.ruleId).join(', ')}`);
    // 20 samples a second apart at 10 MB/s: 400 MB used of 1e9 bytes (954 MiB, printed "954 MB"), so about 60 s left
    assert.match(forecast.title, /^heap reaches its 954 MB limit in (5\ds|1m 0\ds) \[/);
    assert.ok(seen.includes('new time-to-limit-heap'));
  } finally {
    findings.dispose();
  }
});
