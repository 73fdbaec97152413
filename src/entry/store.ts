/**
 * rune-bench/store: the results store in full, for reading a store's history, moving it between clones and
 * writing a store of your own: history series and their options, the record types a `ResultsStore` returns,
 * git-notes transfer and its default ref, ordering runs along a branch, between-run noise, and the regression
 * detector's analysis of a history (change points). The stores (`FolderResultsStore`, `GitNotesResultsStore`,
 * `openResultsStore`, `ResultsStore`, `StoredRun`) are in the main entry and re-exported here, so store code
 * imports from one place; so are the result and error types these signatures name.
 *
 * @packageDocumentation
 */

// Each export is named (no `export *`); types in their own statements.
export type { HostConditions } from '../bench/host-conditions.js';
export { RuneBenchError } from '../core/errors.js';
export type { RuneBenchErrorCode, RuneBenchErrorOptions } from '../core/errors.js';
export { Severity } from '../core/findings.js';
export type { BottleneckFinding, FindingEvidence } from '../core/findings.js';
export type { MetricDescriptor, MetricKind, MetricUnit, MetricValues } from '../core/metric.js';
export type { ConfidenceInterval, EnvironmentFingerprint, ErrorInfo, KeyFigure, OutlierCounts, PerOperationUnit, RunMonitorHistory, RunMonitorPoint, RunSettings, SuiteResult, SuiteStatus, SuiteSummary, TaskResult, TaskStatistics, TaskStatus } from '../core/results.js';
export { betweenRunNoiseFromStore } from '../detect/regression/between-run-noise.js';
export type { BetweenRunNoise, HistoryAnalysis, HistoryChange } from '../detect/regression/regression-types.js';
export type { ChangePoint } from '../stats/change-points.js';
export { orderByBranch } from '../store/branch-order.js';
export type { BranchOrder } from '../store/branch-order.js';
export { FolderResultsStore } from '../store/folder-store.js';
export { DEFAULT_NOTES_REF, GitNotesResultsStore } from '../store/git-notes-store.js';
export type { GitNotesFetchResult, GitNotesResultsStoreOptions, GitNotesTransferOptions } from '../store/git-notes-store.js';
export { openResultsStore } from '../store/open-store.js';
export type { HistoryPoint, HistorySeries, ResultsStore, ResultsStoreAppendOptions, ResultsStoreContents, ResultsStoreSeriesOptions, StoredBenchmark, StoredRun } from '../store/results-store.js';
