// parallel-safe: option validation and source bookkeeping
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { isRuneBenchError } from '../../src/core/errors.js';
import { defaultSources } from '../../src/monitor/sources/defaults.js';
import { EventLoopSource } from '../../src/monitor/sources/event-loop.js';
import { ReapedChildrenSource } from '../../src/monitor/sources/reaped-children.js';
import { DiskIoSource } from '../../src/monitor/sources/disk-io.js';
import { NetworkIoSource } from '../../src/monitor/sources/network-io.js';
import { DiskstatsSource } from '../../src/monitor/sources/diskstats-source.js';
import { CustomMetricsSource } from '../../src/monitor/sources/custom.js';
import { ChildProcessSource } from '../../src/monitor/sources/child-process.js';
import { CacheSource } from '../../src/monitor/sources/cache.js';
import type { MetricSource } from '../../src/core/source.js';

// The metric of this file's added source, declared as a user declares their own (MetricRegistry).
declare module '../../src/core/metric-names.js' {
  interface MetricRegistry {
    b: '1';
  }
}

const source = (id: string): MetricSource => ({ id, describe: () => [], collect: () => ({}) });

void test('invalid options throw TypeError or RangeError naming the option', () => {
  const cases: [unknown, ErrorConstructor, RegExp][] = [
    [{ intervalMs: 0 }, RangeError, /intervalMs/],
    [{ intervalMs: Number.NaN }, TypeError, /intervalMs/],
    [{ intervalMs: '100' }, TypeError, /intervalMs/],
    [{ historySize: 0 }, RangeError, /historySize/],
    [{ historySize: 2.5 }, TypeError, /historySize/],
    [{ historySize: '10' }, TypeError, /historySize/],
    [{ historySize: 1e12 }, RangeError, /historySize/],
    [{ sourceTimeoutMs: 0 }, RangeError, /sourceTimeoutMs/],
    [{ sourceTimeoutMs: 'x' }, TypeError, /sourceTimeoutMs/],
    [{ sources: 'cpu' }, TypeError, /sources/],
    [{ sources: [{ id: 'x' }] }, TypeError, /sources/],
    [{ clock: {} }, TypeError, /clock/],
    [{ clock: 'system' }, TypeError, /clock/],
  ];
  for (const [options, type, message] of cases) {
    assert.throws(() => new PerformanceMonitor(options as never), (e: unknown) => e instanceof type && message.test(e.message), JSON.stringify(options));
  }
  // a duplicate id is the same typed error everywhere (addSource, registerSuite, addRule, BenchmarkSuite.add)
  assert.throws(() => new PerformanceMonitor({ sources: [source('a'), source('a')] }), (e: unknown) => isRuneBenchError(e, 'ERR_DUPLICATE') && /duplicate/.test(e.message));
});

void test('an unknown or misspelt option is a TypeError with a "did you mean" (the old names too)', () => {
  const cases: [() => unknown, RegExp][] = [
    [() => new PerformanceMonitor({ intervall: 10 } as never), /intervall is not a known PerformanceMonitor option \(did you mean intervalMs\?\)/],
    [() => new PerformanceMonitor({ interval: 10 } as never), /interval is not a known PerformanceMonitor option \(did you mean intervalMs\?\)/],
    [() => new PerformanceMonitor({ sourceTimeout: 10 } as never), /did you mean sourceTimeoutMs\?/],
    [() => new EventLoopSource({ resolution: 10 } as never), /resolution is not a known EventLoopSource option \(did you mean resolutionMs\?\)/],
    [() => defaultSources({ interval: 100 } as never), /did you mean intervalMs\?/],
    [() => new ReapedChildrenSource({ clockTick: 100 } as never), /did you mean clockTicks\?/],
    [() => new DiskIoSource({ levle: 'storage' } as never), /did you mean level\?/],
    [() => new NetworkIoSource({ interface: ['lo'] } as never), /did you mean interfaces\?/],
    [() => new DiskstatsSource({ device: ['sda'] } as never), /did you mean devices\?/],
    [() => new CustomMetricsSource({ ids: 'x' } as never), /did you mean id\?/],
    [() => new ChildProcessSource({ ids: 'x' } as never), /did you mean id\?/],
    [() => new CacheSource({ name: 'c', cache: { hits: 0, misses: 0 }, cach: 1 } as never), /did you mean cache\?/],
  ];
  for (const [make, message] of cases) assert.throws(make, (e: unknown) => e instanceof TypeError && message.test(e.message), message.source);
});

void test('defaults: 1 s interval, 1000 snapshots, the four default sources', () => {
  const m = new PerformanceMonitor();
  assert.equal(m.intervalMs, 1000);
  assert.equal(m.history.capacity, 1000);
  assert.deepEqual(m.sources.map((s) => s.id), ['process.cpu', 'process.memory', 'nodejs.eventloop', 'v8js.gc']);
  assert.equal(m.running, false);
  assert.equal(m.latest, undefined);
});

void test('addSource rejects duplicates with ERR_DUPLICATE; removeSource reports whether it removed', async () => {
  const m = new PerformanceMonitor({ sources: [source('a')] });
  assert.throws(() => m.addSource(source('a')), (e: unknown) => isRuneBenchError(e, 'ERR_DUPLICATE'));
  assert.throws(() => m.addSource({ id: '' } as never), TypeError);
  m.addSource({ id: 'b', describe: () => [], collect: () => ({ b: 1 }) });
  assert.equal((await m.sample()).get('b'), 1);
  assert.equal(m.removeSource('b'), true);
  assert.equal(m.removeSource('b'), false);
  assert.equal((await m.sample()).has('b'), false);
  await m.stop();
});
