// The one decision of a same-window comparison: a verdict and its reason from the round ratios' interval.
import type { ConfidenceInterval } from '../core/results.js';
import type { ConditionsExplanation } from '../bench/host-conditions.js';
import type { Verdict } from '../detect/regression/verdict.js';
import { screenedChange, wholeIntervalVerdict } from '../detect/regression/regression-gate.js';
import { pairedRatioIntervalAt } from '../stats/paired-ratio.js';

/**
 * What {@link decideRoundVerdict} decides from.
 *
 * @public
 */
export interface RoundVerdictInput {
  /** Usable round ratios (head / base), one per round. */
  readonly ratios: readonly number[];
  /** Central ratio (geometric mean of `ratios`). */
  readonly ratio: number;
  /** Its 95% interval over rounds. */
  readonly ci: ConfidenceInterval;
  /** Smallest change that counts, as a ratio (0.02 = 2%). */
  readonly threshold: number;
  /** Whether the two sides' host conditions differ enough to explain a change. */
  readonly conditions?: ConditionsExplanation;
}

/**
 * A verdict with its reason in words.
 *
 * @public
 */
export interface VerdictWithReason {
  /** The verdict. */
  readonly verdict: Verdict;
  /** Why, in words. */
  readonly reason: string;
}

const pct = (ratio: number): string => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`;

/**
 * Decides a same-window comparison from its round ratios: `regressed` when the whole interval lies above
 * `1 + threshold`, `improved` when it lies below `1 / (1 + threshold)`, `unchanged` when it lies within both,
 * else `inconclusive` (also with fewer than two rounds, or when the host conditions explain the change).
 *
 * @public
 */
export function decideRoundVerdict(input: RoundVerdictInput): VerdictWithReason {
  const { ratios, ratio, ci, threshold } = input;
  const n = ratios.length;
  if (n < 2 || !Number.isFinite(ci.lower) || !Number.isFinite(ci.upper)) {
    return { verdict: 'inconclusive', reason: `only ${n} round${n === 1 ? '' : 's'} gave a ratio: at least 2 are needed for an interval` };
  }
  const interval = `${pct(ratio)} over ${n} rounds (95% CI ${pct(ci.lower)} to ${pct(ci.upper)}), threshold ${(threshold * 100).toFixed(1)}%`;
  const slower = ratios.filter((r) => r > 1).length;
  const verdict = wholeIntervalVerdict(ci, threshold);
  const reason = {
    regressed: `head slower by ${interval}; ${slower} of ${n} rounds slower`,
    improved: `head faster by ${interval}; ${n - slower} of ${n} rounds faster`,
    unchanged: `${interval}: the interval lies within the threshold`,
    inconclusive: `${interval}: the interval straddles the threshold; more rounds (or a quieter machine) may decide`,
  }[verdict];
  if ((verdict === 'regressed' || verdict === 'improved') && input.conditions?.explains === true) {
    return { verdict: 'inconclusive', reason: `${reason}, but the host conditions differed between the sides (${input.conditions.reason})` };
  }
  return { verdict, reason };
}

/**
 * Whether more rounds could settle an inconclusive verdict: the estimate lies past the threshold and a change is
 * likely, its 80% interval excluding no change (the 95% interval may still reach below it: six rounds with busy
 * neighbours starting among them scatter enough to leave a 10% slowdown there). Noise around no change, an
 * estimate inside the threshold, and host conditions that explain the change do not count: more rounds would
 * not settle them.
 *
 * @internal
 */
export function changeUnsettled(input: RoundVerdictInput): boolean {
  if (input.conditions?.explains === true || input.ratios.length < 2) return false;
  if (decideRoundVerdict(input).verdict !== 'inconclusive') return false;
  const likely = pairedRatioIntervalAt(input.ratios, 0.8);
  return screenedChange(input.ratio, likely.ci, input.threshold) !== undefined;
}

const SEVERITY: readonly Verdict[] = ['incomparable', 'regressed', 'inconclusive', 'improved', 'unchanged'];

/**
 * The overall verdict of several tasks: the most severe one (incomparable, regressed, inconclusive, improved,
 * unchanged), with a reason that counts the tasks per verdict.
 *
 * @internal
 */
export function overallVerdict(tasks: readonly { readonly name: string; readonly verdict: Verdict; readonly reason: string }[]): VerdictWithReason {
  if (tasks.length === 0) return { verdict: 'inconclusive', reason: 'no task was compared' };
  const worst = SEVERITY.find((v) => tasks.some((t) => t.verdict === v)) ?? 'unchanged';
  const counts = SEVERITY.map((v) => [v, tasks.filter((t) => t.verdict === v).length] as const)
    .filter(([, c]) => c > 0)
    .map(([v, c]) => `${c} ${v}`)
    .join(', ');
  const named = tasks.filter((t) => t.verdict === worst).map((t) => t.name);
  return { verdict: worst, reason: `${counts} (${worst}: ${named.join(', ')})` };
}
