// Metric names and their units in the types: the built-in names (one frozen list, checked against the built-in
// sources' descriptors by a test), the families with a variable part, and the interface a user augments with
// the names of their own sources, so `snapshot.get('proces.cpu.utilization')` does not compile.
import type { MetricUnit } from './metric.js';

/**
 * The unit of every built-in metric with a fixed name, keyed by name: those of the built-in sources, the
 * monitor's own overhead, and the few a host reports that built-in rules and forecast limits read. Names with a
 * variable part (a watched child's label, a cache's name) are the template families of {@link MetricRegistry}.
 * The same list as the type {@link BuiltinMetricUnits}, for code that needs it at run time.
 *
 * @public
 */
export const BUILTIN_METRIC_UNITS = Object.freeze({
  // ProcessCpuSource (a default source)
  /** CPU time (user + system) per second of wall time, as a share of ONE core (may exceed 1). Unit `1`. */
  'process.cpu.utilization': '1',
  /** CPU time per second of wall time, as a share of all cores (0-1). Unit `1`. */
  'process.cpu.utilization.all_cores': '1',
  /** User CPU time of the process since it started, seconds (counter). Unit `s`. */
  'process.cpu.time.user': 's',
  /** System CPU time of the process since it started, seconds (counter). Unit `s`. */
  'process.cpu.time.system': 's',

  // ProcessMemorySource (a default source)
  /** Resident set size of the process, bytes. Unit `By`. */
  'process.memory.usage': 'By',
  /** Memory of C++ objects bound to JavaScript objects, bytes. Unit `By`. */
  'process.memory.external': 'By',
  /** Memory of ArrayBuffers and SharedArrayBuffers (included in external), bytes. Unit `By`. */
  'process.memory.array_buffers': 'By',
  /** V8 heap in use, bytes. Unit `By`. */
  'v8js.heap.used': 'By',
  /** V8 heap allocated, bytes. Unit `By`. */
  'v8js.heap.total': 'By',
  /** V8 heap size limit, bytes. Unit `By`. */
  'v8js.heap.limit': 'By',

  // EventLoopSource (a default source)
  /** Median event loop delay over the interval, seconds. Unit `s`. */
  'nodejs.eventloop.delay.p50': 's',
  /** 99th percentile event loop delay over the interval, seconds. Unit `s`. */
  'nodejs.eventloop.delay.p99': 's',
  /** Largest event loop delay over the interval, seconds. Unit `s`. */
  'nodejs.eventloop.delay.max': 's',
  /** Share of the interval the event loop was busy (0-1). Unit `1`. */
  'nodejs.eventloop.utilization': '1',

  // GcSource (a default source)
  /** Garbage collections in the interval. Unit `{count}`. */
  'v8js.gc.count': '{count}',
  /** Total GC pause time in the interval, seconds. Unit `s`. */
  'v8js.gc.duration': 's',
  /** Major (mark-sweep-compact) GC pause time in the interval, seconds. Unit `s`. */
  'v8js.gc.duration.major': 's',
  /** Minor (scavenge) GC pause time in the interval, seconds. Unit `s`. */
  'v8js.gc.duration.minor': 's',
  /** Incremental marking pause time in the interval, seconds. Unit `s`. */
  'v8js.gc.duration.incremental': 's',
  /** Weak callback processing time in the interval, seconds. Unit `s`. */
  'v8js.gc.duration.weakcb': 's',

  // ReapedChildrenSource
  /** CPU of child processes reaped in the interval, per second of wall time, as a share of one core. Unit `1`. */
  'process.children.cpu.utilization': '1',
  /** CPU time (user + system) of all reaped child processes since this process started, seconds (counter). Unit `s`. */
  'process.children.cpu.time': 's',

  // The commands `rune-bench exec` runs (their utilization is the `process.child.<label>.cpu.utilization` family)
  /** CPU time (user + system) of the commands `exec` benchmarks so far, seconds (counter). Unit `s`. */
  'process.child.commands.cpu.time': 's',

  // OpenFdsSource
  /** File descriptors open in the process. Unit `{count}`. */
  'process.open_fds': '{count}',

  // DiskIoSource
  /** Bytes the process read since it started (counter). Unit `By`. */
  'process.disk.io.read': 'By',
  /** Bytes the process wrote since it started (counter). Unit `By`. */
  'process.disk.io.write': 'By',
  /** Bytes the process read per second over the interval. Unit `By/s`. */
  'process.disk.io.read.rate': 'By/s',
  /** Bytes the process wrote per second over the interval. Unit `By/s`. */
  'process.disk.io.write.rate': 'By/s',

  // NetworkIoSource
  /** Bytes received per second over the interval, on the selected interfaces. Unit `By/s`. */
  'process.network.io.receive.rate': 'By/s',
  /** Bytes transmitted per second over the interval, on the selected interfaces. Unit `By/s`. */
  'process.network.io.transmit.rate': 'By/s',

  // DiskstatsSource
  /** Share of the interval the busiest selected block device had I/O in flight (0-1). Unit `1`. */
  'system.disk.utilization': '1',
  /** Bytes read per second from the selected block devices. Unit `By/s`. */
  'system.disk.io.read.rate': 'By/s',
  /** Bytes written per second to the selected block devices. Unit `By/s`. */
  'system.disk.io.write.rate': 'By/s',

  // SystemSource
  /** One-minute load average divided by the number of CPUs. Unit `1`. */
  'system.cpu.load_average.1m.per_cpu': '1',
  /** Share of all CPUs busy over the interval, system-wide (0-1). Unit `1`. */
  'system.cpu.utilization': '1',
  /** Share of CPU time stolen by the hypervisor over the interval (0-1; Linux only). Unit `1`. */
  'system.cpu.steal': '1',
  /** Memory available to new processes (MemAvailable on Linux), bytes. Unit `By`. */
  'system.memory.free': 'By',

  // PerformanceMonitor itself
  /** CPU seconds the monitor spent sampling per second of wall time (`MONITOR_OVERHEAD_METRIC`). Unit `s/s`. */
  'monitor.overhead.cpu': 's/s',

  // No built-in source: the host reports these (for example as CustomMetricsSource gauges) for built-in rules and limits
  /** Memory the process may use (cgroup `memory.max`, or the machine's memory), bytes; host-reported, read by the rss forecast limit. Unit `By`. */
  'process.memory.limit': 'By',
  /** Most file descriptors the process may open (`RLIMIT_NOFILE` soft limit); host-reported, read by the fd-leak rule and the open-fds limit. Unit `{count}`. */
  'process.open_fds.limit': '{count}',
  /** Free bytes on the file system the host watches; host-reported, read by the disk-free forecast limit. Unit `By`. */
  'system.filesystem.free': 'By',
  /** Child processes spawned per second; host-reported, read by the child-process rule. Unit `{count}/s`. */
  'process.children.spawn.rate': '{count}/s',
} as const satisfies Readonly<Record<string, MetricUnit>>);

/**
 * The built-in metrics with a fixed name and their units, as a type (the keys and units of
 * {@link BUILTIN_METRIC_UNITS}); {@link MetricRegistry} extends it.
 *
 * @public
 */
export type BuiltinMetricUnits = { -readonly [Name in keyof typeof BUILTIN_METRIC_UNITS]: (typeof BUILTIN_METRIC_UNITS)[Name] };

/**
 * Every metric name a snapshot may be asked for, mapped to its unit (a {@link MetricUnit} literal): the
 * built-in names ({@link BuiltinMetricUnits}), the families with a variable part, and whatever a user adds.
 * `MetricSnapshot.get` takes only these names ({@link MetricName}) and types its value with the unit.
 *
 * A custom `MetricSource` declares its names by declaration merging (the unit must be a `MetricUnit`):
 *
 * @example
 * ```ts
 * declare module 'rune-bench' {
 *   interface MetricRegistry {
 *     'vcs.index.entries': '{count}';
 *     [name: `vcs.pack.${string}.bytes`]: 'By';
 *   }
 * }
 * ```
 *
 * @public
 */
export interface MetricRegistry extends BuiltinMetricUnits {
  /** CPU of a process watched by label (`ChildProcessSource`; `commands` for `rune-bench exec`), per second of wall time, as a share of one core. Unit `1`. */
  [name: `process.child.${string}.cpu.utilization`]: '1';
  /** Resident set size of a process watched by label (`ChildProcessSource`), bytes. Unit `By`. */
  [name: `process.child.${string}.memory.usage`]: 'By';
  /** Lookups in a cache (`CacheSource`) that found a value (counter). Unit `{count}`. */
  [name: `cache.${string}.hits`]: '{count}';
  /** Lookups in a cache (`CacheSource`) that found nothing (counter). Unit `{count}`. */
  [name: `cache.${string}.misses`]: '{count}';
  /** Share of a cache's lookups that hit, within the interval (0-1). Unit `1`. */
  [name: `cache.${string}.hit_ratio`]: '1';
  /** Entries held in a cache. Unit `{count}`. */
  [name: `cache.${string}.size`]: '{count}';
  /** Entries evicted from a cache to make room (counter). Unit `{count}`. */
  [name: `cache.${string}.evictions`]: '{count}';
}

/**
 * A metric name known to the types: a key of {@link MetricRegistry}. A typo is a compile error.
 *
 * @public
 */
export type MetricName = Extract<keyof MetricRegistry, string>;
