/**
 * rune-bench/sources: the built-in metric sources, one class each, for building a monitor by hand; the monitor's
 * history files (`readHistoryFile`, `writeHistoryFile`, the JSON form); the series, summary, trend and window
 * types the monitor's and `MetricHistory`'s methods take and return; the metric-unit table
 * (`BUILTIN_METRIC_UNITS`); and `TypedEventEmitter`, the typed event emitter the library's classes extend.
 *
 * @packageDocumentation
 */

// Each export is named (no `export *`); types in their own statements.
export { RuneBenchError } from '../core/errors.js';
export type { RuneBenchErrorCode, RuneBenchErrorOptions } from '../core/errors.js';
export type { MetricDescriptor, MetricKind, MetricUnit, MetricValue, MetricValues } from '../core/metric.js';
export { BUILTIN_METRIC_UNITS } from '../core/metric-names.js';
export type { BuiltinMetricUnits, MetricName, MetricRegistry } from '../core/metric-names.js';
export { MetricSnapshot } from '../core/snapshot.js';
export type { MetricSnapshotInit, MetricSnapshotJSON } from '../core/snapshot.js';
export type { CollectContext, MetricSource, SourceAvailability } from '../core/source.js';
export { TypedEventEmitter } from '../core/typed-events.js';
export type { ListenerErrorEvents } from '../core/typed-events.js';
export { HISTORY_SCHEMA_VERSION, decodeHistory, historyFromJSON, historyToJSON, readHistoryFile, writeHistoryFile } from '../monitor/history-file.js';
export type { HistorySnapshotJSON, MetricHistoryJSON, WriteHistoryOptions } from '../monitor/history-file.js';
export { MetricHistory } from '../monitor/metric-history.js';
export { MONITOR_OVERHEAD_METRIC } from '../monitor/source-set.js';
export type { ListenerErrorEvent } from '../monitor/performance-monitor.js';
export type { MetricSeries, MetricSummary, MetricTrend, TrendDirection, TrendOptions, WindowSpec } from '../monitor/series-stats.js';
export { CacheSource } from '../monitor/sources/cache.js';
export type { CacheCounters, CacheSourceOptions, LruCacheLike } from '../monitor/sources/cache.js';
export { ChildProcessSource } from '../monitor/sources/child-process.js';
export type { ChildExitEvent, ChildProcessSourceEvents, ChildProcessSourceOptions } from '../monitor/sources/child-process.js';
export { ProcessCpuSource } from '../monitor/sources/cpu.js';
export { CustomMetricsSource } from '../monitor/sources/custom.js';
export type { CounterUnit, CustomCounter, CustomGauge, CustomMetricOptions, CustomMetricsSourceOptions } from '../monitor/sources/custom.js';
export { DiskIoSource } from '../monitor/sources/disk-io.js';
export type { DiskIoSourceOptions } from '../monitor/sources/disk-io.js';
export { DiskstatsSource } from '../monitor/sources/diskstats-source.js';
export type { DiskstatsSourceOptions } from '../monitor/sources/diskstats-source.js';
export { EventLoopSource } from '../monitor/sources/event-loop.js';
export type { EventLoopSourceOptions } from '../monitor/sources/event-loop.js';
export { GcSource } from '../monitor/sources/gc.js';
export { ProcessMemorySource } from '../monitor/sources/memory.js';
export { NetworkIoSource } from '../monitor/sources/network-io.js';
export type { InterfaceFilter, NetworkIoSourceOptions } from '../monitor/sources/network-io.js';
export { OpenFdsSource } from '../monitor/sources/open-fds.js';
export { ReapedChildrenSource } from '../monitor/sources/reaped-children.js';
export type { ReapedChildrenSourceOptions } from '../monitor/sources/reaped-children.js';
export { SystemSource } from '../monitor/sources/system.js';
