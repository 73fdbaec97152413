// Live level: a real PerformanceMonitor sampling a real workload; the workload gets heavier and the
// detector raises a typed `regression` event, then `recovered` once it is light again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { PerformanceMonitor } from '../../../src/monitor/performance-monitor.js';
import type { MetricSource } from '../../../src/core/source.js';
import { RegressionDetector } from '../../../src/detect/regression/regression-detector.js';
import type { LiveDeparture } from '../../../src/detect/regression/regression-types.js';

// The metrics of this file's test sources, declared as a user declares their own (MetricRegistry).
declare module '../../../src/core/metric-names.js' {
  interface MetricRegistry {
    'app.op.duration': 's';
    'app.retained.bytes': 'By';
  }
}

const data = Buffer.alloc(32 * 1024, 1);

void describe('live regression', () => {
  void test('a monitored operation getting 10x slower raises a live regression event, then recovers', async () => {
    let rounds = 4;
    let samples = 0;
    // a source that times a real operation (hashing `rounds` x 32 KiB) each time it is sampled
    const source: MetricSource = {
      id: 'op-timer',
      describe: () => [{ name: 'app.op.duration', unit: 's', kind: 'gauge', description: 'Time of one operation.' }],
      collect: () => {
        samples++;
        const t0 = performance.now();
        for (let r = 0; r < rounds; r++) createHash('sha256').update(data).digest();
        return { 'app.op.duration': (performance.now() - t0) / 1000 };
      },
    };
    const monitor = new PerformanceMonitor({ intervalMs: 15, sources: [source] });
    const detector = new RegressionDetector();
    const departures: LiveDeparture[] = [];
    let recovered = 0;
    detector.on('regression', (e) => {
      if (e.kind === 'live') departures.push(e.departure);
    });
    detector.on('recovered', (e) => {
      assert.equal(e.metric, 'app.op.duration');
      recovered++;
    });
    const stop = detector.watch(monitor, [{ metric: 'app.op.duration', baselineSamples: 15, recentSamples: 5, sensitivity: 6, minChange: 1.5 }]);
    const waitFor = async (cond: () => boolean, what: string): Promise<void> => {
      const deadline = Date.now() + 15_000;
      while (!cond()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await monitor.start();
    try {
      await waitFor(() => samples >= 25, 'the baseline');
      assert.equal(departures.length, 0, 'no event while the workload is unchanged');
      rounds = 40;
      await waitFor(() => departures.length > 0, 'a regression event');
      const d = departures[0]!;
      assert.equal(d.metric, 'app.op.duration');
      assert.equal(d.statistic, 'level');
      assert.ok(d.current > 2.5 * d.baseline, `current ${d.current} vs baseline ${d.baseline}`);
      assert.ok(d.current - d.baseline > d.threshold);
      assert.ok(d.snapshot.has('app.op.duration'));
      const seen = samples;
      await waitFor(() => samples >= seen + 10, 'more samples');
      assert.equal(departures.length, 1, `hysteresis: one event per departure (recovered ${recovered})`);
      rounds = 4;
      await waitFor(() => recovered > 0, 'recovery');
    } finally {
      stop();
      await monitor.stop();
    }
  });

  void test('a slope watch fires when retained memory starts growing (a leak), not while it is flat', async () => {
    const held: Buffer[] = [];
    let growing = false;
    let samples = 0;
    const source: MetricSource = {
      id: 'retained',
      describe: () => [{ name: 'app.retained.bytes', unit: 'By', kind: 'gauge', description: 'Bytes retained by the app.' }],
      collect: () => {
        samples++;
        if (growing) held.push(Buffer.alloc(64 * 1024, 1)); // real allocations, kept alive
        return { 'app.retained.bytes': held.reduce((n, b) => n + b.length, 0) };
      },
    };
    const monitor = new PerformanceMonitor({ intervalMs: 10, sources: [source] });
    const detector = new RegressionDetector();
    const departures: LiveDeparture[] = [];
    detector.on('regression', (e) => {
      if (e.kind === 'live') departures.push(e.departure);
    });
    const stop = detector.watch(monitor, [{ metric: 'app.retained.bytes', statistic: 'slope', baselineSamples: 10, recentSamples: 4, minDelta: 1024 }]);
    await monitor.start();
    try {
      const deadline = Date.now() + 15_000;
      while (samples < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.equal(departures.length, 0);
      growing = true;
      const none = (): boolean => departures.length === 0;
      while (none() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      const d = departures[0];
      assert.ok(d !== undefined, 'a slope departure');
      assert.equal(d.statistic, 'slope');
      assert.equal(d.baseline, 0);
      assert.ok(d.current > 1024, `slope ${d.current} B/s`);
    } finally {
      stop();
      await monitor.stop();
    }
  });

  void test('specs are validated naming the option', () => {
    const detector = new RegressionDetector();
    const monitor = new PerformanceMonitor({ sources: [] });
    // @ts-expect-error an empty name is not a MetricName, and is refused at run time too
    assert.throws(() => detector.watch(monitor, [{ metric: '' }]), /metric option/);
    assert.throws(() => detector.watch(monitor, [{ metric: 'process.memory.usage', baselineSamples: 1 }]), /baselineSamples option/);
    assert.throws(() => detector.watch(monitor, [{ metric: 'process.memory.usage', statistic: 'slope', recentSamples: 2 }]), /recentSamples option/);
    assert.throws(() => detector.watch(monitor, [{ metric: 'process.memory.usage', recentSamples: 0 }]), /recentSamples option/);
    // @ts-expect-error: the old unit-less name is refused with its new name, not silently ignored
    assert.throws(() => detector.watch(monitor, [{ metric: 'process.memory.usage', window: 5 }]), /recentSamples/);
    assert.throws(() => detector.watch(monitor, [{ metric: 'process.memory.usage', sensitivity: 0 }]), /sensitivity option/);
  });
});
