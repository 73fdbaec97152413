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
export type { ConfidenceInterval, EnvironmentFingerprint, ErrorInfo, KeyFigure, OutlierCounts, PerOperationUnit, RunSettings, SuiteResult, SuiteStatus, SuiteSummary, TaskResult, TaskStatistics, TaskStatus } from '../core/results.js';
export type { SuiteProgress } from '../core/suite.js';
export { benchmarkCommands } from '../exec/benchmark-commands.js';
export { parameterScan, splitCommandLine } from '../exec/command-line.js';
export type { CommandParameter } from '../exec/command-line.js';
export { prepareCommandTree } from '../exec/command-tree.js';
export type { CommandTree, CommandTreeOptions } from '../exec/command-tree.js';
export { hyperfineCsv, hyperfineJson, hyperfineMarkdown } from '../exec/hyperfine-export.js';
export type { CommandRunMeasurement } from '../exec/process-runner.js';
export type { CommandBenchmark, CommandMeasurements, ExecOptions } from '../exec/types.js';
