// A library user who attaches a monitor to a suite run gets its charts in the HTML report from the result alone,
// without passing the history by hand; a run without a monitor has none; a history passed in still wins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { MetricSnapshot } from '../../src/core/snapshot.js';
import type { MetricSource } from '../../src/core/source.js';
import { getFormatter } from '../../src/format/registry.js';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';

/** A source through the public interface: CPU and memory (charted) and a queue depth (not charted). */
function fakeSource(): MetricSource {
  let n = 0;
  return {
    id: 'fake',
    describe: () => [
      { name: 'process.cpu.utilization', unit: '1', kind: 'gauge', description: 'cpu' },
      { name: 'process.memory.usage', unit: 'By', kind: 'gauge', description: 'rss' },
      { name: 'test.queue.depth', unit: '{count}', kind: 'gauge', description: 'queue' },
    ],
    collect: () => {
      n++;
      return { 'process.cpu.utilization': 0.1 * (n % 5), 'process.memory.usage': 50e6 + n * 1e5, 'test.queue.depth': n };
    },
  };
}

function suite(monitor?: PerformanceMonitor): BenchmarkSuite {
  const s = new BenchmarkSuite('charted', { timeMs: 30, warmupMs: 0, ...(monitor === undefined ? {} : { monitor }) });
  s.add('sum', () => {
    let x = 0;
    for (let i = 0; i < 200; i++) x += i;
    return x;
  });
  return s;
}

/** The SVG of the chart titled `title`, or undefined. */
function chart(html: string, title: string): string | undefined {
  return html.match(new RegExp(`<svg class="chart [^"]*"[^>]*aria-label="${title} \\(dashed: trend\\)"[\\s\\S]*?</svg>`))?.[0];
}

void test('a monitored run carries its history and the HTML report charts it from the result', async () => {
  // the interval is far longer than the run: the run's own first and last samples are the points
  const monitor = new PerformanceMonitor({ intervalMs: 60_000, sources: [fakeSource()] });
  const result = await suite(monitor).run();
  const history = result.monitorHistory;
  assert.ok(history !== undefined, 'the result carries the monitor history');
  assert.equal(history.snapshotCount, 2, 'sampled at the start and at the end');
  assert.equal(history.points.length, 2);
  assert.deepEqual(Object.keys(history.descriptors).sort(), ['process.cpu.utilization', 'process.memory.usage'], 'only charted metrics are kept');
  assert.ok(Array.isArray(result.findings), 'the detector ran too');

  const html = getFormatter('html').format({ kind: 'suite', result });
  assert.match(html, /<h2>Monitor time series<\/h2>/);
  assert.match(html, /2 snapshots over/);
  const cpu = chart(html, 'CPU');
  assert.ok(cpu !== undefined, 'the CPU chart is drawn');
  const line = cpu.match(/<polyline class="series c0" points="([^"]*)"><title>process\.cpu\.utilization<\/title><\/polyline>/);
  assert.ok(line?.[1] !== undefined, 'the CPU chart has a line for process.cpu.utilization');
  assert.equal(line[1].split(' ').length, 2, 'one vertex per point');
  assert.ok(chart(html, 'Memory') !== undefined);
  assert.doesNotMatch(html, /test\.queue\.depth/);
});

void test('a run without a monitor has no history and no charts', async () => {
  const result = await suite().run();
  assert.equal(result.monitorHistory, undefined);
  const html = getFormatter('html').format({ kind: 'suite', result });
  assert.doesNotMatch(html, /Monitor time series/);
  assert.equal(chart(html, 'CPU'), undefined);
});

void test('a history passed to the formatter wins over the result\'s own', async () => {
  const monitor = new PerformanceMonitor({ intervalMs: 60_000, sources: [fakeSource()] });
  const result = await suite(monitor).run();
  const descriptors = { 'v8js.heap.used': { name: 'v8js.heap.used', unit: 'By', kind: 'gauge', description: 'heap' } } as const;
  const passed = [0, 1, 2].map((i) => new MetricSnapshot({ timestamp: 1_700_000_000_000 + i * 1000, monotonic: i, values: { 'v8js.heap.used': 1e6 * (i + 1) }, descriptors }));
  const html = getFormatter('html').format({ kind: 'suite', result, history: passed });
  assert.match(html, /3 snapshots over/);
  assert.ok(chart(html, 'Memory')?.includes('<title>v8js.heap.used</title>') === true);
  assert.equal(chart(html, 'CPU'), undefined, 'the result\'s CPU points are not drawn');
});
