/**
 * rune-bench: benchmark and monitor version-control tooling.
 *
 * @packageDocumentation
 */

// Each area keeps its exports inside its own block, named one by one (no `export *`).

// --- core ---
export { RuneBenchError, isRuneBenchError } from './core/errors.js';
export { isMetricKind, isMetricUnit } from './core/metric.js';
export { MetricSnapshot, SNAPSHOT_SCHEMA_VERSION } from './core/snapshot.js';
export { RESULT_SCHEMA_VERSION } from './core/results.js';
export { benchmarkKey, walkBenchmarks, walkSuites } from './core/walk.js';
export type { BenchmarkEntry, SuiteEntry } from './core/walk.js';
export { Severity, compareSeverity } from './core/findings.js';
export { systemClock } from './core/clock.js';
export { TypedEventEmitter } from './core/typed-events.js';
export type { Clock, ClockTimer } from './core/clock.js';
export type { ListenerErrorEvents } from './core/typed-events.js';
export type { RuneBenchErrorCode, RuneBenchErrorOptions } from './core/errors.js';
export type { MetricDescriptor, MetricKind, MetricUnit, MetricValues } from './core/metric.js';
export type { MetricSnapshotInit, MetricSnapshotJSON } from './core/snapshot.js';
export type { CollectContext, MetricSource, SourceAvailability } from './core/source.js';
export type {
  ConfidenceInterval,
  EnvironmentFingerprint,
  ErrorInfo,
  KeyFigure,
  OutlierCounts,
  SuiteResult,
  SuiteStatus,
  SuiteSummary,
  TaskResult,
  TaskStatistics,
  TaskStatus,
} from './core/results.js';
export type { BottleneckFinding, FindingEvidence } from './core/findings.js';
export type { SuiteDefinition, SuiteParameter, SuiteProgress, SuiteRunOptions, SuiteScale } from './core/suite.js';
// --- end core ---

// --- monitor ---
export { PerformanceMonitor, MONITOR_OVERHEAD_METRIC } from './monitor/performance-monitor.js';
export { MetricHistory } from './monitor/metric-history.js';
export { summarizeValues, trendOfSeries } from './monitor/series-stats.js';
export { defaultSources } from './monitor/sources/defaults.js';
export { ProcessCpuSource, createProcessCpuSource } from './monitor/sources/cpu.js';
export { ProcessMemorySource, createProcessMemorySource } from './monitor/sources/memory.js';
export { EventLoopSource, createEventLoopSource } from './monitor/sources/event-loop.js';
export { GcSource, createGcSource } from './monitor/sources/gc.js';
export { DiskIoSource, createDiskIoSource } from './monitor/sources/disk-io.js';
export { NetworkIoSource, createNetworkIoSource } from './monitor/sources/network-io.js';
export { SystemSource, createSystemSource } from './monitor/sources/system.js';
export { ChildProcessSource, createChildProcessSource } from './monitor/sources/child-process.js';
export { ReapedChildrenSource, createReapedChildrenSource } from './monitor/sources/reaped-children.js';
export { CacheSource, createCacheSource } from './monitor/sources/cache.js';
export { CustomMetricsSource, createCustomMetricsSource } from './monitor/sources/custom.js';
export { OpenFdsSource, createOpenFdsSource } from './monitor/sources/open-fds.js';
export {
  HISTORY_SCHEMA_VERSION,
  decodeHistory,
  historyFromJSON,
  historyToJSON,
  readHistoryFile,
  writeHistoryFile,
} from './monitor/history-file.js';
export type {
  ListenerErrorEvent,
  MonitorErrorEvent,
  PerformanceMonitorEvents,
  PerformanceMonitorOptions,
} from './monitor/performance-monitor.js';
export type {
  MetricSeries,
  MetricSummary,
  MetricTrend,
  TrendDirection,
  TrendOptions,
  WindowSpec,
} from './monitor/series-stats.js';
export type { DefaultSourcesOptions } from './monitor/sources/defaults.js';
export type { EventLoopSourceOptions } from './monitor/sources/event-loop.js';
export type { DiskIoSourceOptions } from './monitor/sources/disk-io.js';
export type { InterfaceFilter, NetworkIoSourceOptions } from './monitor/sources/network-io.js';
export type {
  ChildExitEvent,
  ChildProcessSourceEvents,
  ChildProcessSourceOptions,
} from './monitor/sources/child-process.js';
export type { ReapedChildrenSourceOptions } from './monitor/sources/reaped-children.js';
export type { CacheCounters, CacheSourceOptions, LruCacheLike } from './monitor/sources/cache.js';
export type {
  CounterUnit,
  CustomCounter,
  CustomGauge,
  CustomMetricOptions,
  CustomMetricsSourceOptions,
} from './monitor/sources/custom.js';
export type {
  HistorySnapshotJSON,
  MetricHistoryJSON,
  WriteHistoryOptions,
} from './monitor/history-file.js';
// --- end monitor ---

// --- bench ---
export { BenchmarkSuite } from './bench/benchmark-suite.js';
export { SuiteResultBuilder } from './bench/result-builder.js';
export type { SuiteResultBuilderOptions } from './bench/result-builder.js';
export { compare } from './bench/compare.js';
export { isIsolatedChild } from './bench/isolation.js';
export { environmentFingerprint } from './bench/environment.js';
export { readSuiteResult, suiteResultFromJSON, suiteResultToJSON, writeSuiteResult } from './bench/suite-result-json.js';
export { createRng } from './stats/rng.js';
export { mannWhitneyU } from './stats/mann-whitney.js';
export { bootstrapMedianCI, bootstrapRatioCI } from './stats/bootstrap.js';
export { describeSamples } from './stats/describe.js';
export type { SuiteRunSelection } from './bench/benchmark-suite.js';
export type { CompareOptions } from './bench/compare.js';
export type { EnvironmentOptions } from './bench/environment.js';
export type { SuiteResultExpectation, SuiteResultJSON } from './bench/suite-result-json.js';
export type { MannWhitneyResult } from './stats/mann-whitney.js';
export type { BootstrapOptions } from './stats/bootstrap.js';
export type { DescribeOptions } from './stats/describe.js';
export type {
  BenchmarkFn,
  BenchmarkHook,
  BenchmarkSuiteEventName,
  BenchmarkSuiteEvents,
  BenchmarkSuiteOptions,
  IsolationOptions,
  TaskCycleEvent,
  TaskErrorEvent,
  TaskOptions,
  TaskTimingOptions,
} from './bench/types.js';
// --- end bench ---

// --- compare (same-window comparison of two revisions; host conditions) ---
export { compareRevisions } from './compare/compare-revisions.js';
export { decideRoundVerdict } from './compare/round-verdict.js';
export { pairedRatioInterval } from './stats/paired-ratio.js';
export { combineHostConditions, explainByConditions, hostConditionsBetween, readHostReading } from './bench/host-conditions.js';
export type { RoundVerdictInput, VerdictWithReason } from './compare/round-verdict.js';
export type { PairedRatioEstimate } from './stats/paired-ratio.js';
export type {
  ComparedRevision,
  CompareProgress,
  CompareRevisionsOptions,
  CompareRound,
  RevisionComparison,
  RevisionSide,
  SideRun,
  SideTaskMeasurement,
  TaskRevisionComparison,
} from './compare/types.js';
export type {
  ConditionDifference,
  ConditionsExplanation,
  ConditionThresholds,
  HostConditions,
  HostCpuTimes,
  HostReading,
} from './bench/host-conditions.js';
// --- end compare ---
// --- exec ---
export { benchmarkCommands } from './exec/benchmark-commands.js';
export { parameterScan, splitCommandLine } from './exec/command-line.js';
export { prepareCommandTree } from './exec/command-tree.js';
export { hyperfineCsv, hyperfineJson, hyperfineMarkdown } from './exec/hyperfine-export.js';
export type { CommandParameter } from './exec/command-line.js';
export type { CommandTree, CommandTreeOptions } from './exec/command-tree.js';
export type { CommandRunMeasurement } from './exec/process-runner.js';
export type { CommandBenchmark, CommandMeasurements, ExecOptions } from './exec/types.js';
// --- end exec ---

// --- detect ---
export { RegressionDetector } from './detect/regression/regression-detector.js';
export { VERDICTS } from './detect/regression/verdict.js';
export type { Verdict } from './detect/regression/verdict.js';
export { ResultsStore } from './store/results-store.js';
export { detectChangePoints } from './stats/change-points.js';
export { hodgesLehmannShift } from './stats/hodges-lehmann.js';
export { benjaminiHochberg } from './stats/benjamini-hochberg.js';
export type { AnalyzeStoreOptions, RegressionCompareOptions, SnapshotEmitter } from './detect/regression/regression-detector.js';
export type {
  BenchmarkComparison,
  ConfirmCallback,
  HistoryAnalysis,
  HistoryChange,
  LiveDeparture,
  LiveMetricSpec,
  RegressionDetectorEvents,
  RegressionDetectorOptions,
  RegressionEvent,
  ComparisonReport,
  NotCompared,
} from './detect/regression/regression-types.js';
export type {
  HistoryPoint,
  HistorySeries,
  ResultsStoreAppendOptions,
  ResultsStoreContents,
  StoredBenchmark,
  StoredRun,
} from './store/results-store.js';
export type { ChangePoint, ChangePointAnalysis, ChangePointOptions } from './stats/change-points.js';
// bottleneck detector
export { BottleneckDetector, compareFindings } from './detect/bottleneck/bottleneck-detector.js';
export { insufficientData, isInsufficientData } from './detect/bottleneck/bottleneck-rule.js';
export { UNSTABLE_RESULTS } from './detect/bottleneck/bottleneck-suite.js';
export { builtinBottleneckRules } from './detect/bottleneck/rules/builtin.js';
export { EVENT_LOOP_BLOCKED, eventLoopBlockedRule } from './detect/bottleneck/rules/event-loop-blocked.js';
export { GC_PRESSURE, gcPressureRule } from './detect/bottleneck/rules/gc-pressure.js';
export { MEMORY_LEAK, memoryLeakRule } from './detect/bottleneck/rules/memory-leak.js';
export { HEAP_NEAR_LIMIT, heapNearLimitRule } from './detect/bottleneck/rules/heap-near-limit.js';
export { CPU_SATURATION, cpuSaturationRule } from './detect/bottleneck/rules/cpu-saturation.js';
export { NOISY_HOST, noisyHostRule } from './detect/bottleneck/rules/noisy-host.js';
export { IO_WAIT, ioWaitRule } from './detect/bottleneck/rules/io-wait.js';
export { DISK_SATURATION, diskSaturationRule } from './detect/bottleneck/rules/disk-saturation.js';
export { CHILD_PROCESS, childProcessRule } from './detect/bottleneck/rules/child-process.js';
export { CACHE_EFFICIENCY, cacheEfficiencyRule } from './detect/bottleneck/rules/cache-efficiency.js';
export { FD_LEAK, fdLeakRule } from './detect/bottleneck/rules/fd-leak.js';
// the /proc/diskstats source the disk-saturation rule reads (a monitor source, written with the detector)
export { DiskstatsSource, createDiskstatsSource } from './monitor/sources/diskstats-source.js';
export type {
  BottleneckDetectorEvents,
  BottleneckDetectorOptions,
  BottleneckMonitor,
  BottleneckReport,
  BottleneckRuleError,
  BottleneckWindowOptions,
} from './detect/bottleneck/bottleneck-detector.js';
export type { BottleneckRule, BottleneckRuleResult, BottleneckScope, InsufficientData } from './detect/bottleneck/bottleneck-rule.js';
export type { BottleneckChange, BottleneckEvent } from './detect/bottleneck/bottleneck-tracker.js';
export type { SeverityBands } from './detect/bottleneck/bottleneck-window.js';
export type { EventLoopBlockedRuleOptions } from './detect/bottleneck/rules/event-loop-blocked.js';
export type { GcPressureRuleOptions } from './detect/bottleneck/rules/gc-pressure.js';
export type { MemoryLeakRuleOptions } from './detect/bottleneck/rules/memory-leak.js';
export type { HeapNearLimitRuleOptions } from './detect/bottleneck/rules/heap-near-limit.js';
export type { CpuSaturationRuleOptions } from './detect/bottleneck/rules/cpu-saturation.js';
export type { NoisyHostRuleOptions } from './detect/bottleneck/rules/noisy-host.js';
export type { IoWaitRuleOptions } from './detect/bottleneck/rules/io-wait.js';
export type { DiskSaturationRuleOptions } from './detect/bottleneck/rules/disk-saturation.js';
export type { ChildProcessRuleOptions } from './detect/bottleneck/rules/child-process.js';
export type { CacheEfficiencyRuleOptions } from './detect/bottleneck/rules/cache-efficiency.js';
export type { FdLeakRuleOptions } from './detect/bottleneck/rules/fd-leak.js';
export type { DiskstatsSourceOptions } from './monitor/sources/diskstats-source.js';
// --- end detect ---

// --- forecast (time to a limit) ---
export { forecastTimeToLimit } from './detect/forecast/forecast.js';
export { forecastLimit } from './detect/forecast/limit-forecast.js';
export {
  FORECAST_LIMIT_METRICS,
  builtinForecastLimits,
  diskFreeForecastLimit,
  heapForecastLimit,
  openFdsForecastLimit,
  rssForecastLimit,
} from './detect/forecast/builtin-limits.js';
export { TIME_TO_LIMIT, TIME_TO_LIMIT_EVIDENCE, timeToLimitRule, timeToLimitRules } from './detect/forecast/time-to-limit-rule.js';
export { ForecastWatcher } from './detect/forecast/forecast-watcher.js';
export type { ForecastOptions, TimeToLimit } from './detect/forecast/forecast.js';
export type { SeriesPoints } from './detect/forecast/post-gc-floor.js';
export type { ForecastLimit } from './detect/forecast/forecast-limit.js';
export type { LimitForecast } from './detect/forecast/limit-forecast.js';
export type { TimeToLimitHorizons, TimeToLimitRuleOptions } from './detect/forecast/time-to-limit-rule.js';
export type { ForecastLimitError, ForecastWatcherEvents, ForecastWatcherOptions } from './detect/forecast/forecast-watcher.js';
// --- end forecast ---

// --- suites ---
export { comprehensiveSuite, getSuite, isBuiltInSuite, listSuites, registerSuite, unregisterSuite } from './suites/registry.js';
export { ProgressReporter } from './suites/common/progress.js';
export { createTempDir, withTempDir } from './suites/common/temp-dir.js';
export { ZipfGenerator } from './workloads/zipf.js';
export { largeRepositorySuite } from './suites/large-repository/large-repository-suite.js';
export { LINUX_6_1_SHAPE, REPOSITORY_SCALE_FILES } from './workloads/repository/distribution.js';
export { planRepository } from './workloads/repository/tree-plan.js';
export { generateRepository } from './workloads/repository/generator.js';
export { describeTreeShape, walkTree } from './workloads/repository/tree-walk.js';
export { gitBlobId } from './workloads/repository/object-hash.js';
export { decodeDelta, encodeDelta } from './workloads/repository/delta.js';
export { writePack } from './workloads/repository/pack-writer.js';
export { ObjectCacheWorkload } from './workloads/repository/object-cache.js';
export { parallelOperationsSuite } from './suites/parallel-operations/parallel-operations-suite.js';
export { WorkerPool } from './workloads/worker-pool.js';
export { serveWorkerTasks } from './suites/parallel-operations/serve-worker-tasks.js';
export { networkSuite, createNetworkSuite } from './suites/network/network-suite.js';
export { NETWORK_PROFILES, averageLossRate, burstyLoss, defineNetworkProfile, parseNetworkProfile } from './suites/network/profiles.js';
export { TokenBucket } from './workloads/network/token-bucket.js';
export { BandwidthThrottle } from './workloads/network/bandwidth-throttle.js';
export { LossModel } from './workloads/network/loss-model.js';
export { TcpLinkModel } from './workloads/network/tcp-link-model.js';
export { NetworkShaper } from './workloads/network/network-shaper.js';
export { TCP_MSS, baseRetransmissionTimeout, effectiveBandwidth, mathisLimit, predictExchange } from './workloads/network/tcp-model.js';
export { memoryPressureSuite } from './suites/memory-pressure/memory-pressure-suite.js';
export { runPressureChild } from './suites/memory-pressure/pressure-child-runner.js';
export { diskIoSuite } from './suites/disk-io/disk-io-suite.js';
export { fioArguments, parseFioOutput, runFioJob } from './workloads/disk/fio-peer.js';
export type { TempDir, TempDirOptions } from './suites/common/temp-dir.js';
export type { ZipfOptions } from './workloads/zipf.js';
export type { PlannedFile, RepositoryPlan, RepositoryPlanOptions } from './workloads/repository/tree-plan.js';
export type { GenerateRepositoryOptions, GeneratedRepository } from './workloads/repository/generator.js';
export type { TreeEntry, TreeShape, WalkTreeOptions, WalkedTree } from './workloads/repository/tree-walk.js';
export type { DeltaOptions } from './workloads/repository/delta.js';
export type { PackInfo, WritePackOptions } from './workloads/repository/pack-writer.js';
export type { ObjectCacheWorkloadOptions } from './workloads/repository/object-cache.js';
export type { WorkerPoolEvents, WorkerPoolOptions } from './workloads/worker-pool.js';
export type { NetworkSuiteOptions } from './suites/network/network-suite.js';
export type { LossSpec, NetworkProfile } from './suites/network/profiles.js';
export type { TokenBucketOptions } from './workloads/network/token-bucket.js';
export type { BandwidthThrottleOptions } from './workloads/network/bandwidth-throttle.js';
export type { LinkStats, TcpLinkModelOptions } from './workloads/network/tcp-link-model.js';
export type { NetworkShaperEvents, NetworkShaperOptions, NetworkShaperStats } from './workloads/network/network-shaper.js';
export type { ExchangePrediction } from './workloads/network/tcp-model.js';
export type { PressureChildOptions, PressureChildResult } from './suites/memory-pressure/pressure-child-runner.js';
export type { PressureMeasurement } from './suites/memory-pressure/pressure-protocol.js';
export type { DiskJobResult, DiskJobSpec, LatencyPercentiles } from './workloads/disk/disk-job.js';
// --- end suites ---

// --- format ---
export {
  formatterSupports,
  getFormatter,
  hasFormatter,
  listFormatters,
  registerFormatter,
  unregisterFormatter,
} from './format/registry.js';
export { tableFormatter } from './format/table-formatter.js';
export { jsonFormatter, REPORT_SCHEMA_VERSION } from './format/json-formatter.js';
export { htmlFormatter } from './format/html-formatter.js';
export { markdownFormatter } from './format/markdown-formatter.js';
export { createPrometheusFormatter, openMetricsFormatter, prometheusFormatter } from './format/prometheus-formatter.js';
export { renderTextTable } from './format/text-table.js';
export { buildReport, reportFindings } from './format/report.js';
export { historyRows } from './format/history-report.js';
export type { HistoryRow } from './format/history-report.js';
export type { BuildReportOptions, FigureMatrix, ReportFinding, ReportSuite, ReportTask, SuiteReport } from './format/report.js';
export {
  formatByteRate,
  formatBytes,
  formatChange,
  formatCount,
  formatDuration,
  formatOps,
  formatPercent,
  formatRme,
  formatValue,
} from './format/units.js';
export { paint, severityStyle, shouldUseColor, stripAnsi, visibleWidth } from './format/color.js';
export type {
  FindingsFormatInput,
  FormatInput,
  FormatInputKind,
  FormatOptions,
  Formatter,
  HistoryFormatInput,
  SuiteFormatInput,
  TrendChangePoint,
  TrendPoint,
  TrendSeries,
  TrendsFormatInput,
} from './format/formatter.js';
export type { RegisterFormatterOptions } from './format/registry.js';
export type { AnsiStyle, ColorContext } from './format/color.js';
export type { PrometheusFormatterOptions } from './format/prometheus-formatter.js';
export type { TextTableColumn, TextTableOptions } from './format/text-table.js';
// --- end format ---

// --- cli ---
export { createCli } from './cli/cli.js';
export type { Cli, CliCommandInfo, CliOptions } from './cli/cli.js';
export type { CliStream } from './cli/context.js';
export type { RuneBenchConfig } from './cli/config.js';
// --- end cli ---
