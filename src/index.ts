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
export { Severity, compareSeverity } from './core/findings.js';
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
export type { Suite, SuiteParameter, SuiteProgress, SuiteRunOptions, SuiteScale } from './core/suite.js';
// --- end core ---

// --- monitor ---
// --- end monitor ---

// --- bench ---
// --- end bench ---

// --- detect ---
// --- end detect ---

// --- suites ---
// --- end suites ---

// --- format ---
// --- end format ---

// --- cli ---
// --- end cli ---
