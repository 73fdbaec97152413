// The BottleneckRule plug point: a rule looks at a window of snapshots and names one bottleneck, or nothing.
import type { BottleneckFinding } from '../../core/findings.js';
import type { MetricSnapshot } from '../../core/snapshot.js';

/**
 * Whom a rule's findings are about.
 * - `process`: a bottleneck of the monitored process (its code, its memory, its I/O).
 * - `host`: the machine around it (other processes, steal time). Host findings do not slow the
 *   code down by themselves; they mark measurements taken meanwhile as low-confidence.
 *
 * @beta
 */
export type BottleneckScope = 'process' | 'host';

/**
 * What a rule returns when the window cannot support a verdict either way (a metric is missing,
 * too few snapshots, no activity to judge): "not enough data", never a guess.
 *
 * @beta
 */
export interface InsufficientData {
  /** Discriminant: always `insufficient-data`. */
  readonly kind: 'insufficient-data';
  /** Id of the rule. */
  readonly ruleId: string;
  /** Why, in one sentence for people. */
  readonly reason: string;
  /** Metrics the rule needed and the window lacked, if that is the reason. */
  readonly missing: readonly string[];
  /** Snapshots the rule was given. */
  readonly samples: number;
}

/**
 * What {@link BottleneckRule.evaluate} returns: a finding, `undefined` for "looked and found nothing",
 * or {@link InsufficientData}.
 *
 * @beta
 */
export type BottleneckRuleResult = BottleneckFinding | InsufficientData | undefined;

/**
 * A bottleneck rule. The built-in rules (see `builtinBottleneckRules`) implement this same interface;
 * a custom rule is any object of this shape.
 *
 * A rule must be a pure function of the window: no clock, no I/O, no state between calls, so the same
 * history gives the same answer live and after the fact.
 *
 * @example
 * ```ts
 * // a metric of your own source, declared so `s.get` accepts it (see `MetricRegistry`)
 * declare module 'rune-bench' {
 *   interface MetricRegistry { 'vcs.pack.read.p99': 's' }
 * }
 * const slowPackReads: BottleneckRule = {
 *   id: 'pack-read-latency',
 *   title: 'Pack reads are slow',
 *   evaluate(window) {
 *     const values = window.map((s) => s.get('vcs.pack.read.p99')).filter((v) => v !== undefined);
 *     if (values.length < 3) return insufficientData('pack-read-latency', window, 'need 3 samples', ['vcs.pack.read.p99']);
 *     // ... return a BottleneckFinding, or undefined when all is well
 *   },
 * };
 * ```
 *
 * @beta
 */
export interface BottleneckRule {
  /** Unique, stable id (kebab-case), copied into each finding's `ruleId`. */
  readonly id: string;
  /** Short title for people. */
  readonly title: string;
  /**
   * Whether findings are about the process or the host.
   *
   * @defaultValue `'process'`
   */
  readonly scope?: BottleneckScope;
  /**
   * Evaluates a window of snapshots, oldest first.
   *
   * @param window - snapshots in time order (at least one)
   * @returns a finding, `undefined` when the rule sees no bottleneck, or {@link InsufficientData}
   */
  evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult;
}

/**
 * Builds an {@link InsufficientData} result.
 *
 * @param ruleId - the rule's id
 * @param window - the window the rule was given
 * @param reason - why no verdict is possible
 * @param missing - metrics the window lacked
 * @beta
 */
export function insufficientData(
  ruleId: string,
  window: readonly MetricSnapshot[],
  reason: string,
  missing: readonly string[] = [],
): InsufficientData {
  return Object.freeze({ kind: 'insufficient-data', ruleId, reason, missing: Object.freeze([...missing]), samples: window.length });
}

/**
 * Whether a rule result is {@link InsufficientData}.
 *
 * @beta
 */
export function isInsufficientData(result: BottleneckRuleResult): result is InsufficientData {
  return result !== undefined && 'kind' in result;
}
