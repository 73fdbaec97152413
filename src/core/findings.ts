import type { MetricUnit } from './metric.js';
/**
 * Severity of a bottleneck finding, from least to most urgent.
 *
 * @public
 */
export const Severity = {
  /** Worth knowing; no action needed yet. */
  Low: 'low',
  /** Costs measurable time or resources. */
  Medium: 'medium',
  /** Dominates the run's cost. */
  High: 'high',
  /** About to fail (out of memory, stalled). */
  Critical: 'critical',
} as const;

/**
 * One of the `Severity` values: low, medium, high, critical.
 *
 * @public
 */
export type Severity = (typeof Severity)[keyof typeof Severity];

/**
 * A metric value that supports a finding.
 *
 * @public
 */
export interface FindingEvidence {
  /** Metric name. */
  readonly metric: string;
  /** Observed value, base units. */
  readonly value: number;
  /** Threshold it was compared with, when there is one. */
  readonly threshold?: number;
  /** Unit of `value` and `threshold`, when the rule knows it (reports otherwise look it up in the metric descriptors). */
  readonly unit?: MetricUnit;
}

/**
 * What a bottleneck rule found in a window of snapshots.
 *
 * @public
 */
export interface BottleneckFinding {
  /** Id of the rule that produced it. */
  readonly ruleId: string;
  /** Short title for people. */
  readonly title: string;
  /** Severity. */
  readonly severity: Severity;
  /** Share of time or of the resource lost, 0-100, as defined by the rule. */
  readonly impact: number;
  /** Confidence 0-1 (fit quality, data volume). */
  readonly confidence: number;
  /** What was observed. */
  readonly evidence: readonly FindingEvidence[];
  /** What to do about it, written for VCS work. */
  readonly recommendation: string;
  /** The window the rule looked at: monotonic start and end in seconds, and the number of snapshots. */
  readonly window: { readonly start: number; readonly end: number; readonly samples: number };
}

const ORDER: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

/**
 * Orders severities: negative when `a` is less severe than `b`.
 *
 * @public
 */
export function compareSeverity(a: Severity, b: Severity): number {
  return ORDER[a] - ORDER[b];
}
