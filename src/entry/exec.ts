/**
 * rune-bench/exec: benchmarks of whole commands (the library beneath `rune-bench exec`), with hyperfine-compatible exports.
 *
 * @packageDocumentation
 */

// Each export is named (no `export *`); types in their own statements.
export type { HostConditions } from '../bench/host-conditions.js';
export type { Clock, ClockTimer } from '../core/clock.js';
export { Severity } from '../core/findings.js';
export type { BottleneckFinding, FindingEvidence } from '../core/findings.js';
export type { MetricUnit } from '../core/metric.js';
export type { ConfidenceInterval, EnvironmentFingerprint, ErrorInfo, KeyFigure, OutlierCounts, PerOperationUnit, RunMonitorHistory, RunMonitorPoint, RunSettings, SuiteResult, SuiteStatus, SuiteSummary, TaskResult, TaskStatistics, TaskStatus } from '../core/results.js';
export type { SuiteProgress } from '../core/suite.js';
export type { PerformanceMonitor } from '../monitor/performance-monitor.js';
export { benchmarkCommands } from '../exec/benchmark-commands.js';
export { parameterScan, splitCommandLine } from '../exec/command-line.js';
export type { CommandParameter } from '../exec/command-line.js';
export { prepareCommandTree } from '../exec/command-tree.js';
export type { CommandTree, CommandTreeOptions } from '../exec/command-tree.js';
export { hyperfineCsv, hyperfineJson, hyperfineMarkdown } from '../exec/hyperfine-export.js';
export type { CommandRunMeasurement } from '../exec/process-runner.js';
export type { CommandBenchmark, CommandMeasurements, ExecOptions } from '../exec/types.js';
export { MetricHistory } from '../monitor/metric-history.js';
export type { MetricSeries } from '../monitor/series-stats.js';
export { MetricSnapshot } from '../core/snapshot.js';
export type { MetricSource } from '../core/source.js';
export type { MetricSummary } from '../monitor/series-stats.js';
export type { MetricTrend } from '../monitor/series-stats.js';
export type { PerformanceMonitorEvents } from '../monitor/monitor-types.js';
export type { PerformanceMonitorOptions } from '../monitor/monitor-types.js';
export { RuneBenchError } from '../core/errors.js';
export type { TrendOptions } from '../monitor/series-stats.js';
export { TypedEventEmitter } from '../core/typed-events.js';
export type { WindowSpec } from '../monitor/series-stats.js';
export type { WriteHistoryOptions } from '../monitor/history-file.js';
export type { CollectContext } from '../core/source.js';
export type { ListenerErrorEvent } from '../core/typed-events.js';
export type { ListenerErrorEvents } from '../core/typed-events.js';
export type { MetricDescriptor } from '../core/metric.js';
export type { MetricSnapshotInit } from '../core/snapshot.js';
export type { MetricSnapshotJSON } from '../core/snapshot.js';
export type { MetricValues } from '../core/metric.js';
export type { MonitorErrorEvent } from '../monitor/monitor-types.js';
export type { RuneBenchErrorCode } from '../core/errors.js';
export type { RuneBenchErrorOptions } from '../core/errors.js';
export type { SourceAvailability } from '../core/source.js';
export type { TrendDirection } from '../monitor/series-stats.js';
export type { MetricKind } from '../core/metric.js';
export type { MetricValue } from '../core/metric.js';
export { BUILTIN_METRIC_UNITS } from '../core/metric-names.js';
export type { BuiltinMetricUnits } from '../core/metric-names.js';
export type { MetricName } from '../core/metric-names.js';
export type { MetricRegistry } from '../core/metric-names.js';
