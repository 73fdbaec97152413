// The gate for counted figures (instructions, estimated cycles): deterministic counts need no sampling test,
// only the spread of the repetitions and a tight threshold.
import type { TaskResult } from '../../core/results.js';
import { median } from '../../stats/quantile.js';
import type { RawComparison } from './regression-gate.js';

/**
 * Default regression threshold for counted per-operation figures (instructions, estimated cycles): 0.5%,
 * much tighter than the 2% for times, because repeated counts of a large enough counted part differ by hundredths
 * of a percent, not by percents (see the spread measured in docs/benchmarks.md).
 *
 * @beta
 */
export const DEFAULT_COUNT_THRESHOLD = 0.005;

/** Whether a task's figure is a count (instructions or estimated cycles), not a time. @internal */
export function isCounted(task: TaskResult): boolean {
  const unit = task.stats?.unit;
  return unit !== undefined && unit !== 'seconds';
}

/**
 * Compares repeated counts (a counted task's samples: the repetitions its instrument kept, so a count left out as
 * disturbed is not among them): the ratio of medians, and as its interval the extreme ratios the repetitions allow
 * (`min(current) / max(baseline)` to `max(current) / min(baseline)`). The p-value is 0 when that interval
 * excludes 1 (the counts differ beyond their spread) and 1 otherwise; the threshold then decides the verdict.
 *
 * @internal
 */
export function measureCounts(name: string, baseline: readonly number[], current: readonly number[]): RawComparison {
  const a = baseline.filter((v) => v > 0 && Number.isFinite(v));
  const b = current.filter((v) => v > 0 && Number.isFinite(v));
  if (a.length === 0 || b.length === 0) throw new RangeError(`${name}: both count sets need positive values`);
  const ratio = median(b) / median(a);
  const ci = { lower: Math.min(...b) / Math.max(...a), upper: Math.max(...b) / Math.min(...a), level: 1 };
  return {
    key: name,
    ratio,
    medians: { baseline: median(a), current: median(b) },
    ci,
    hodgesLehmann: ratio,
    pValue: ci.lower > 1 || ci.upper < 1 ? 0 : 1,
    samples: { baseline: a.length, current: b.length },
  };
}
