/**
 * rune-bench/compare: same-window comparison of two revisions in fresh processes, and the host conditions it records.
 *
 * @packageDocumentation
 */

// Each export is named (no `export *`); types in their own statements.
export { combineHostConditions, explainByConditions, hostConditionsBetween, readHostReading } from '../bench/host-conditions.js';
export type { ConditionDifference, ConditionThresholds, ConditionsExplanation, HostConditions, HostCpuTimes, HostReading } from '../bench/host-conditions.js';
export { bisectRevisions } from '../compare/bisect-revisions.js';
export type { BisectResult, BisectRevisionsOptions, BisectStep } from '../compare/bisect-revisions.js';
export { compareRevisions } from '../compare/compare-revisions.js';
export { decideRoundVerdict } from '../compare/round-verdict.js';
export type { RoundVerdictInput, VerdictWithReason } from '../compare/round-verdict.js';
export type { CompareProgress, CompareRevisionsOptions, CompareRound, ComparedRevision, RevisionComparison, RevisionSide, SideRun, SideTaskMeasurement, TaskRevisionComparison } from '../compare/types.js';
export type { Clock, ClockTimer } from '../core/clock.js';
export type { ConfidenceInterval, PerOperationUnit } from '../core/results.js';
export type { Instrument } from '../bench/instruments/instrument-options.js';
export type { SuiteParameter, SuiteScale } from '../core/suite.js';
export type { Verdict } from '../detect/regression/verdict.js';
