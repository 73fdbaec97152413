// parallel-safe: type tests
// Type tests of metric names and units, as a user imports them from the package entry: checked by tsc
// (`npm run typecheck` covers tests/), and run as a trivial node test. A typo in a metric name must not compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTypeOf } from 'expect-type';
import {
  MetricSnapshot,
  PerformanceMonitor,
  type LiveMetricSpec,
  type MetricName,
  type MetricRegistry,
  type MetricUnit,
  type MetricValue,
} from '../../src/index.js';
import type { ForecastLimit } from '../../src/entry/rules.js';
import { BUILTIN_METRIC_UNITS, type BuiltinMetricUnits } from '../../src/entry/sources.js';

// A custom source's names, added by declaration merging. Users write `declare module 'rune-bench'` (checked
// against the built package by tests/packaging/metric-registry.test.ts); tests augment the declaring module
// itself, as every test does: TypeScript can drop an augmentation made through a re-export when another file
// augments the declaring module directly (microsoft/TypeScript#46617).
declare module '../../src/core/metric-names.js' {
  interface MetricRegistry {
    'vcs.index.entries': '{count}';
    [name: `vcs.pack.${string}.bytes`]: 'By';
  }
}

const snapshot = new MetricSnapshot({
  timestamp: 0,
  monotonic: 0,
  values: { 'process.cpu.utilization': 0.5, 'vcs.index.entries': 1200, 'vcs.pack.main.bytes': 4096, 'cache.objects.hit_ratio': 0.9 },
  descriptors: {},
});

function typeChecks(s: MetricSnapshot, dynamicName: string): void {
  // A built-in name compiles; its value is typed with its unit.
  expectTypeOf(s.get('process.cpu.utilization')).toEqualTypeOf<MetricValue<'1'> | undefined>();
  expectTypeOf(s.get('process.memory.usage')).toEqualTypeOf<MetricValue<'By'> | undefined>();
  expectTypeOf(s.get('nodejs.eventloop.delay.p99')).toEqualTypeOf<MetricValue<'s'> | undefined>();
  expectTypeOf(s.has('process.cpu.utilization')).toEqualTypeOf<boolean>();
  // @ts-expect-error a typo in a metric name does not compile
  s.get('proces.cpu.utilization');
  // @ts-expect-error nor in has
  s.has('proces.cpu.utilization');
  // @ts-expect-error nor a name no one registered
  s.get('vcs.index.entry');

  // Names with a variable part: a watched child's label, a cache's name.
  expectTypeOf(s.get('process.child.git.cpu.utilization')).toEqualTypeOf<MetricValue<'1'> | undefined>();
  expectTypeOf(s.get('process.child.git.memory.usage')).toEqualTypeOf<MetricValue<'By'> | undefined>();
  expectTypeOf(s.get('cache.objects.hits')).toEqualTypeOf<MetricValue<'{count}'> | undefined>();
  // @ts-expect-error the family's suffix is checked too
  s.get('process.child.git.cpu.utilisation');

  // Names added by declaration merging.
  expectTypeOf(s.get('vcs.index.entries')).toEqualTypeOf<MetricValue<'{count}'> | undefined>();
  expectTypeOf(s.get('vcs.pack.main.bytes')).toEqualTypeOf<MetricValue<'By'> | undefined>();

  // A value is a number; a number is a value; values of different units do not mix.
  expectTypeOf(s.get('process.memory.usage')).toExtend<number | undefined>();
  expectTypeOf<number>().toExtend<MetricValue<'s'>>();
  const inBytes = (value: MetricValue<'By'> | undefined): MetricValue<'By'> | undefined => value;
  inBytes(s.get('process.memory.usage'));
  // @ts-expect-error a value in seconds is not a value in bytes
  inBytes(s.get('nodejs.eventloop.delay.p99'));

  // A name known only at run time goes through getUnchecked, which is not typed with a unit.
  // @ts-expect-error get does not take any string
  s.get(dynamicName);
  expectTypeOf(s.getUnchecked(dynamicName)).toEqualTypeOf<number | undefined>();

  // Every registered name maps to a MetricUnit; the runtime list and the type agree.
  expectTypeOf<MetricRegistry[MetricName]>().toExtend<MetricUnit>();
  expectTypeOf<keyof typeof BUILTIN_METRIC_UNITS>().toEqualTypeOf<keyof BuiltinMetricUnits>();
  expectTypeOf<keyof BuiltinMetricUnits>().toExtend<MetricName>();
  expectTypeOf<MetricRegistry['v8js.gc.count']>().toEqualTypeOf<'{count}'>();

  // The other places a metric is named by the user.
  const monitor = new PerformanceMonitor({ sources: [] });
  // @ts-expect-error monitor queries take a MetricName
  monitor.summary('process.memory.usag');
  const specs: LiveMetricSpec[] = [{ metric: 'nodejs.eventloop.delay.p99' }];
  // @ts-expect-error a live watch takes a MetricName
  specs.push({ metric: 'nodejs.eventloop.delay.p999' });
  const limits: ForecastLimit[] = [{ id: 'heap', label: 'heap', metric: 'v8js.heap.used', limit: () => 1 }];
  // @ts-expect-error a forecast limit takes a MetricName
  limits.push({ id: 'x', label: 'x', metric: 'v8js.heap.use', limit: () => 1 });
}

void test('get reads registered names, built in, of a family or declared by the user; getUnchecked any name', () => {
  assert.equal(typeof typeChecks, 'function');
  assert.equal(snapshot.get('process.cpu.utilization'), 0.5);
  assert.equal(snapshot.get('vcs.index.entries'), 1200);
  assert.equal(snapshot.get('vcs.pack.main.bytes'), 4096);
  assert.equal(snapshot.get('cache.objects.hit_ratio'), 0.9);
  assert.equal(snapshot.get('process.memory.usage'), undefined);
  assert.equal(snapshot.getUnchecked('vcs.index.entries'), 1200);
  assert.equal(snapshot.getUnchecked('toString'), undefined);
});
