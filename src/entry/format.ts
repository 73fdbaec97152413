/**
 * rune-bench/format: the built-in formatters, the report model and text helpers for writing a formatter.
 *
 * @packageDocumentation
 */

// Each export is named (no `export *`); types in their own statements.
export type { ConditionDifference, ConditionsExplanation, HostConditions } from '../bench/host-conditions.js';
export type { RelativeComparison, RelativeRow } from '../bench/relative.js';
export { Severity } from '../core/findings.js';
export type { BottleneckFinding, FindingEvidence } from '../core/findings.js';
export type { MetricDescriptor, MetricKind, MetricUnit, MetricValue, MetricValues } from '../core/metric.js';
export { BUILTIN_METRIC_UNITS } from '../core/metric-names.js';
export type { BuiltinMetricUnits, MetricName, MetricRegistry } from '../core/metric-names.js';
export type { ConfidenceInterval, EnvironmentFingerprint, ErrorInfo, KeyFigure, OutlierCounts, PerOperationUnit, RunMonitorHistory, RunMonitorPoint, RunSettings, SuiteResult, SuiteStatus, SuiteSummary, TaskResult, TaskStatistics, TaskStatus } from '../core/results.js';
export { MetricSnapshot } from '../core/snapshot.js';
export type { MetricSnapshotInit, MetricSnapshotJSON } from '../core/snapshot.js';
export type { BenchmarkComparison, ComparisonReport, NotCompared } from '../detect/regression/regression-types.js';
export type { Verdict } from '../detect/regression/verdict.js';
export { bencherFormatter } from '../format/bencher-formatter.js';
export { paint, severityStyle, shouldUseColor, stripAnsi, visibleWidth } from '../format/color.js';
export type { AnsiStyle, ColorContext } from '../format/color.js';
export { csvFormatter } from '../format/csv-formatter.js';
export type { FindingsFormatInput, FormatInput, FormatInputKind, FormatOptions, Formatter, HistoryFormatInput, SuiteFormatInput, TrendChangePoint, TrendPoint, TrendSeries, TrendsFormatInput } from '../format/formatter.js';
export type { BudgetForecast, TrendBudget } from '../detect/forecast/budget-forecast.js';
export { githubBenchmarkFormatter } from '../format/github-benchmark-formatter.js';
export { historyRows } from '../format/history-report.js';
export type { HistoryRow } from '../format/history-report.js';
export { htmlFormatter } from '../format/html-formatter.js';
export { REPORT_SCHEMA_VERSION, jsonFormatter } from '../format/json-formatter.js';
export { markdownFormatter } from '../format/markdown-formatter.js';
export { createPrometheusFormatter, openMetricsFormatter, prometheusFormatter } from '../format/prometheus-formatter.js';
export type { PrometheusFormatterOptions } from '../format/prometheus-formatter.js';
export { formatterSupports, hasFormatter, unregisterFormatter } from '../format/registry.js';
export type { RegisterFormatterOptions } from '../format/registry.js';
export { buildReport, reportFindings } from '../format/report.js';
export type { BuildReportOptions, FigureMatrix, ReportFinding, ReportSuite, ReportTask, SuiteReport } from '../format/report.js';
export { tableFormatter } from '../format/table-formatter.js';
export { renderTextTable } from '../format/text-table.js';
export type { TextTableColumn, TextTableOptions } from '../format/text-table.js';
export { formatByteRate, formatBytes, formatChange, formatCount, formatDuration, formatOps, formatPerOp, formatPercent, formatRme, formatValue } from '../format/units.js';
export { neutralizeControls } from '../core/safe-text.js';
export { VERDICTS } from '../detect/regression/verdict.js';
