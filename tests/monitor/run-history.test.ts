// parallel-safe: pure computation on fixed inputs
// The history a result keeps of its run's monitor: the charted metrics only, at most 300 points, each reduced
// point holding the worst value of its share of the snapshots (a spike, or a hit-ratio dip, survives).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MetricDescriptor } from '../../src/core/metric.js';
import { MetricSnapshot } from '../../src/core/snapshot.js';
import { MAX_RUN_HISTORY_POINTS, runHistorySnapshots, runMonitorHistory } from '../../src/monitor/run-history.js';

const descriptors: Readonly<Record<string, MetricDescriptor>> = Object.freeze({
  'process.cpu.utilization': { name: 'process.cpu.utilization', unit: '1', kind: 'gauge', description: 'cpu' },
  'process.memory.usage': { name: 'process.memory.usage', unit: 'By', kind: 'gauge', description: 'rss' },
  'cache.objects.hit_ratio': { name: 'cache.objects.hit_ratio', unit: '1', kind: 'gauge', description: 'hits' },
  'test.queue.depth': { name: 'test.queue.depth', unit: '{count}', kind: 'gauge', description: 'not charted' },
});

/** `count` snapshots half a second apart, with a CPU spike at `spikeAt` and a hit-ratio dip at `dipAt`. */
function snapshots(count: number, spikeAt: number, dipAt: number): MetricSnapshot[] {
  return Array.from({ length: count }, (_, i) => {
    const values = {
      'process.cpu.utilization': i === spikeAt ? 3.5 : 0.2 + (i % 7) / 100,
      'process.memory.usage': 100e6 + i * 1000,
      'cache.objects.hit_ratio': i === dipAt ? 0.1 : 0.9,
      'test.queue.depth': i,
    };
    return new MetricSnapshot({ timestamp: 1_700_000_000_000 + i * 500, monotonic: 10 + i * 0.5, values, descriptors });
  });
}

void test('a long history is bounded: 10,000 snapshots become 300 points, and the peaks and dips survive', () => {
  const taken = snapshots(10_000, 4321, 777);
  const kept = runMonitorHistory(taken);
  assert.equal(MAX_RUN_HISTORY_POINTS, 300);
  assert.equal(kept.points.length, 300);
  assert.equal(kept.snapshotCount, 10_000);
  assert.deepEqual(Object.keys(kept.descriptors).sort(), ['cache.objects.hit_ratio', 'process.cpu.utilization', 'process.memory.usage']);
  for (const p of kept.points) assert.equal(p.values['test.queue.depth'], undefined, 'an uncharted metric is not kept');
  const cpu = kept.points.map((p) => p.values['process.cpu.utilization'] ?? Number.NaN);
  assert.equal(Math.max(...cpu), 3.5, 'the one-snapshot CPU spike is in the chart');
  assert.equal(cpu.filter((v) => v === 3.5).length, 1);
  assert.equal(Math.min(...kept.points.map((p) => p.values['cache.objects.hit_ratio'] ?? Number.NaN)), 0.1, 'the hit-ratio dip is in the chart');
  // each point is at the time of the last snapshot it stands for: the last point is the run's end
  assert.equal(kept.points.at(-1)?.timestamp, taken.at(-1)?.timestamp);
  assert.equal(kept.points.at(-1)?.monotonic, taken.at(-1)?.monotonic);
  for (let i = 1; i < kept.points.length; i++) assert.ok((kept.points[i]?.monotonic ?? 0) > (kept.points[i - 1]?.monotonic ?? 0));
  // memory grows steadily: each point holds the highest value of its share, so the last is the last snapshot's
  assert.equal(kept.points.at(-1)?.values['process.memory.usage'], taken.at(-1)?.get('process.memory.usage'));
});

void test('just over the bound: 301 snapshots still make 300 points', () => {
  assert.equal(runMonitorHistory(snapshots(301, 0, 0)).points.length, 300);
});

void test('a short history keeps every snapshot (charted metrics only), and reads back as snapshots', () => {
  const taken = snapshots(40, 5, 6);
  const kept = runMonitorHistory(taken);
  assert.equal(kept.snapshotCount, 40);
  assert.equal(kept.points.length, 40);
  kept.points.forEach((p, i) => {
    const s = taken[i];
    assert.ok(s !== undefined);
    assert.equal(p.timestamp, s.timestamp);
    assert.equal(p.monotonic, s.monotonic);
    assert.deepEqual(p.values, {
      'process.cpu.utilization': s.get('process.cpu.utilization'),
      'process.memory.usage': s.get('process.memory.usage'),
      'cache.objects.hit_ratio': s.get('cache.objects.hit_ratio'),
    });
  });
  const back = runHistorySnapshots(kept);
  assert.equal(back.length, 40);
  assert.equal(back[5]?.get('process.cpu.utilization'), 3.5);
  assert.equal(back[0]?.descriptors['process.memory.usage']?.unit, 'By');
});

void test('a smaller bound, and a metric some snapshots lack', () => {
  const taken = snapshots(10, -1, -1).map(
    (s, i) => new MetricSnapshot({ timestamp: s.timestamp, monotonic: s.monotonic, values: i < 6 ? { 'process.memory.usage': i } : { 'process.cpu.utilization': i / 10 }, descriptors }),
  );
  const kept = runMonitorHistory(taken, 4);
  assert.equal(kept.points.length, 4);
  // shares of 2, 3, 2 and 3 snapshots: 0-1, 2-4, 5-6, 7-9
  assert.deepEqual(
    kept.points.map((p) => p.values),
    [{ 'process.memory.usage': 1 }, { 'process.memory.usage': 4 }, { 'process.cpu.utilization': 0.6, 'process.memory.usage': 5 }, { 'process.cpu.utilization': 0.9 }],
  );
  assert.deepEqual(runMonitorHistory([]), { snapshotCount: 0, descriptors: {}, points: [] });
});
