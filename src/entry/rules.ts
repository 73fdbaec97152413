/**
 * rune-bench/rules: the built-in bottleneck rules and forecast limits, to configure or compose, and what a rule
 * author needs beside the `BottleneckRule` interface (`insufficientData`, `builtinBottleneckRules`, the finding,
 * scope, window and event detail types).
 *
 * @packageDocumentation
 */

// Each export is named (no `export *`); types in their own statements.
export { RuneBenchError } from '../core/errors.js';
export type { RuneBenchErrorCode, RuneBenchErrorOptions } from '../core/errors.js';
export { Severity } from '../core/findings.js';
export type { BottleneckFinding, FindingEvidence } from '../core/findings.js';
export type { MetricDescriptor, MetricKind, MetricUnit, MetricValue, MetricValues } from '../core/metric.js';
export { BUILTIN_METRIC_UNITS } from '../core/metric-names.js';
export type { BuiltinMetricUnits, MetricName, MetricRegistry } from '../core/metric-names.js';
export { MetricSnapshot } from '../core/snapshot.js';
export type { MetricSnapshotInit, MetricSnapshotJSON } from '../core/snapshot.js';
export { TypedEventEmitter } from '../core/typed-events.js';
export type { ListenerErrorEvents } from '../core/typed-events.js';
export { compareFindings } from '../detect/bottleneck/bottleneck-detector.js';
export type { BottleneckMonitor, BottleneckRuleError, BottleneckWindowOptions } from '../detect/bottleneck/bottleneck-detector.js';
export { insufficientData, isInsufficientData } from '../detect/bottleneck/bottleneck-rule.js';
export type { BottleneckRule, BottleneckRuleResult, BottleneckScope, InsufficientData } from '../detect/bottleneck/bottleneck-rule.js';
export { UNSTABLE_RESULTS } from '../detect/bottleneck/bottleneck-suite.js';
export type { BottleneckChange, BottleneckEvent } from '../detect/bottleneck/bottleneck-tracker.js';
export type { SeverityBands } from '../detect/bottleneck/bottleneck-window.js';
export { builtinBottleneckRules } from '../detect/bottleneck/rules/builtin.js';
export { CACHE_EFFICIENCY, cacheEfficiencyRule } from '../detect/bottleneck/rules/cache-efficiency.js';
export type { CacheEfficiencyRuleOptions } from '../detect/bottleneck/rules/cache-efficiency.js';
export { CHILD_PROCESS, childProcessRule } from '../detect/bottleneck/rules/child-process.js';
export type { ChildProcessRuleOptions } from '../detect/bottleneck/rules/child-process.js';
export { CPU_SATURATION, cpuSaturationRule } from '../detect/bottleneck/rules/cpu-saturation.js';
export type { CpuSaturationRuleOptions } from '../detect/bottleneck/rules/cpu-saturation.js';
export { DISK_SATURATION, diskSaturationRule } from '../detect/bottleneck/rules/disk-saturation.js';
export type { DiskSaturationRuleOptions } from '../detect/bottleneck/rules/disk-saturation.js';
export { EVENT_LOOP_BLOCKED, eventLoopBlockedRule } from '../detect/bottleneck/rules/event-loop-blocked.js';
export type { EventLoopBlockedRuleOptions } from '../detect/bottleneck/rules/event-loop-blocked.js';
export { FD_LEAK, fdLeakRule } from '../detect/bottleneck/rules/fd-leak.js';
export type { FdLeakRuleOptions } from '../detect/bottleneck/rules/fd-leak.js';
export { GC_PRESSURE, gcPressureRule } from '../detect/bottleneck/rules/gc-pressure.js';
export type { GcPressureRuleOptions } from '../detect/bottleneck/rules/gc-pressure.js';
export { HEAP_NEAR_LIMIT, heapNearLimitRule } from '../detect/bottleneck/rules/heap-near-limit.js';
export type { HeapNearLimitRuleOptions } from '../detect/bottleneck/rules/heap-near-limit.js';
export { IO_WAIT, ioWaitRule } from '../detect/bottleneck/rules/io-wait.js';
export type { IoWaitRuleOptions } from '../detect/bottleneck/rules/io-wait.js';
export { MEMORY_LEAK, memoryLeakRule } from '../detect/bottleneck/rules/memory-leak.js';
export type { MemoryLeakRuleOptions } from '../detect/bottleneck/rules/memory-leak.js';
export { NOISY_HOST, noisyHostRule } from '../detect/bottleneck/rules/noisy-host.js';
export type { NoisyHostRuleOptions } from '../detect/bottleneck/rules/noisy-host.js';
export { FORECAST_LIMIT_METRICS, builtinForecastLimits, diskFreeForecastLimit, heapForecastLimit, openFdsForecastLimit, rssForecastLimit } from '../detect/forecast/builtin-limits.js';
export type { ForecastLimit } from '../detect/forecast/forecast-limit.js';
export { BUDGET_FIGURE } from '../core/results.js';
export { budgetLine, forecastBudget } from '../detect/forecast/budget-forecast.js';
export type { BenchmarkBudget, BudgetForecast, BudgetPoint, TrendBudget } from '../detect/forecast/budget-forecast.js';
export { ForecastWatcher } from '../detect/forecast/forecast-watcher.js';
export type { ForecastLimitError, ForecastWatcherEvents, ForecastWatcherOptions } from '../detect/forecast/forecast-watcher.js';
export { forecastTimeToLimit } from '../detect/forecast/forecast.js';
export type { ForecastOptions, TimeToLimit } from '../detect/forecast/forecast.js';
export { forecastLimit } from '../detect/forecast/limit-forecast.js';
export type { LimitForecast } from '../detect/forecast/limit-forecast.js';
export type { SeriesPoints } from '../detect/forecast/post-gc-floor.js';
export { TIME_TO_LIMIT, TIME_TO_LIMIT_EVIDENCE, timeToLimitRule, timeToLimitRules } from '../detect/forecast/time-to-limit-rule.js';
export type { TimeToLimitHorizons, TimeToLimitRuleOptions } from '../detect/forecast/time-to-limit-rule.js';
export type { ListenerErrorEvent } from '../monitor/performance-monitor.js';
export type { WindowSpec } from '../monitor/series-stats.js';
