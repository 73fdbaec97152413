// parallel-safe: the registry against the sources' declared names and units
// The metric registry (the names `MetricSnapshot.get` accepts, and their units) agrees with what the built-in
// sources declare: every descriptor they give is a registered name with the same unit, and every registered
// fixed name is declared by a source (or is one of the few a host reports).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_METRIC_UNITS, type MetricRegistry } from '../../src/core/metric-names.js';
import type { MetricDescriptor, MetricUnit } from '../../src/core/metric.js';
import type { MetricSource } from '../../src/core/source.js';
import { CommandsCpuSource } from '../../src/exec/commands-cpu-source.js';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { MONITOR_OVERHEAD_METRIC } from '../../src/monitor/source-set.js';
import { CacheSource } from '../../src/monitor/sources/cache.js';
import { ChildProcessSource } from '../../src/monitor/sources/child-process.js';
import { defaultSources } from '../../src/monitor/sources/defaults.js';
import { DiskIoSource } from '../../src/monitor/sources/disk-io.js';
import { DiskstatsSource } from '../../src/monitor/sources/diskstats-source.js';
import { NetworkIoSource } from '../../src/monitor/sources/network-io.js';
import { OpenFdsSource } from '../../src/monitor/sources/open-fds.js';
import { ReapedChildrenSource } from '../../src/monitor/sources/reaped-children.js';
import { SystemSource } from '../../src/monitor/sources/system.js';

// Names of the template families (`process.child.<label>.…`, `cache.<name>.…`) with the label `probe`: the
// compiler checks each name and unit against MetricRegistry's template keys (a wrong unit or an unregistered
// name does not compile), the test checks them against what the sources declare.
const FAMILY_PROBES = {
  'process.child.probe.cpu.utilization': '1',
  'process.child.probe.memory.usage': 'By',
  'process.child.commands.cpu.utilization': '1',
  'cache.probe.hits': '{count}',
  'cache.probe.misses': '{count}',
  'cache.probe.hit_ratio': '1',
  'cache.probe.size': '{count}',
  'cache.probe.evictions': '{count}',
} as const satisfies Partial<MetricRegistry>;

// Registered because built-in rules and forecast limits read them, but no built-in source reports them.
const HOST_REPORTED = ['process.memory.limit', 'process.open_fds.limit', 'system.filesystem.free', 'process.children.spawn.rate'];

function builtinSources(): MetricSource[] {
  return [
    ...defaultSources(),
    new ReapedChildrenSource(),
    new OpenFdsSource(),
    new DiskIoSource(),
    new NetworkIoSource(),
    new DiskstatsSource(),
    new SystemSource(),
    new ChildProcessSource().register(process.pid, 'probe'),
    new CacheSource({ name: 'probe', cache: { hits: 0, misses: 0 } }),
    new CommandsCpuSource(process.pid),
  ];
}

async function builtinDescriptors(): Promise<MetricDescriptor[]> {
  const monitor = new PerformanceMonitor({ sources: [] });
  try {
    const overhead = (await monitor.sample()).descriptors[MONITOR_OVERHEAD_METRIC];
    assert.ok(overhead !== undefined, 'the monitor describes its own overhead');
    return [...builtinSources().flatMap((s) => s.describe()), overhead];
  } finally {
    await monitor.stop();
  }
}

function registeredUnit(name: string): MetricUnit | undefined {
  if (Object.hasOwn(BUILTIN_METRIC_UNITS, name)) return BUILTIN_METRIC_UNITS[name as keyof typeof BUILTIN_METRIC_UNITS];
  if (Object.hasOwn(FAMILY_PROBES, name)) return FAMILY_PROBES[name as keyof typeof FAMILY_PROBES];
  return undefined;
}

void test('every metric a built-in source declares is in the registry, with the same unit', async () => {
  const descriptors = await builtinDescriptors();
  assert.ok(descriptors.length >= 40, `${descriptors.length} descriptors`);
  for (const d of descriptors) {
    assert.equal(registeredUnit(d.name), d.unit, `${d.name} (${d.unit}) is registered with its unit`);
  }
});

void test('every fixed name in the registry is declared by a built-in source or reported by the host', async () => {
  const declared = new Set((await builtinDescriptors()).map((d) => d.name));
  for (const name of Object.keys(BUILTIN_METRIC_UNITS)) {
    assert.ok(declared.has(name) !== HOST_REPORTED.includes(name), `${name}: declared by a source, or host-reported, not both`);
  }
  for (const name of Object.keys(FAMILY_PROBES)) assert.ok(declared.has(name), `${name} is declared by a source`);
});

void test('the registry is frozen', () => {
  assert.ok(Object.isFrozen(BUILTIN_METRIC_UNITS));
});
