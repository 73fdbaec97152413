// compare(): two task results through the regression detector's one comparison (a family of one).
import { RuneBenchError } from '../core/errors.js';
import type { TaskResult } from '../core/results.js';
import { lazyModule } from '../core/lazy.js';
import type * as GateModule from '../detect/regression/regression-gate.js';
import type { BenchmarkComparison } from '../detect/regression/regression-types.js';

/**
 * Options of `compare()`.
 *
 * @public
 */
export interface CompareOptions {
  /** Smallest relative change that counts (0.02 = 2%): smaller effects are `unchanged` or `inconclusive`. @defaultValue `0.02` */
  readonly threshold?: number;
  /** Significance level of the Mann-Whitney test. @defaultValue `0.05` */
  readonly alpha?: number;
  /** Seed of the bootstrap. @defaultValue `1` */
  readonly seed?: number;
  /** Bootstrap resamples. @defaultValue `1000` */
  readonly resamples?: number;
}

// The comparison's statistics load on the first call, not with rune-bench.
const gate = lazyModule<typeof GateModule>(import.meta.url, '../detect/regression/regression-gate.js');

function samplesOf(result: TaskResult, which: string): readonly number[] {
  const samples = result.samples;
  if (samples === undefined || samples.length < 2) {
    throw new RuneBenchError(
      'ERR_INSUFFICIENT_DATA',
      `cannot compare: task "${result.name}" (${which}) has ${samples === undefined ? 'no kept samples (run with keepSamples)' : `only ${samples.length} sample`}`,
    );
  }
  return samples;
}

/**
 * Compares two task results (two tasks, or one task in two runs) using their kept samples, with the same
 * code and verdict rule as {@link RegressionDetector.compare}: `regressed` (b slower) or `improved` (b faster)
 * only when the whole bootstrap interval of the ratio of medians lies beyond `threshold` and the
 * Mann-Whitney p-value is below `alpha`.
 *
 * @param a - the baseline
 * @param b - the result compared with it (the comparison's key is its name)
 * @param options - threshold, alpha, seed
 * @throws RuneBenchError `ERR_INSUFFICIENT_DATA` when a result has fewer than two kept samples; RangeError for bad options
 * @public
 */
export function compare(a: TaskResult, b: TaskResult, options: CompareOptions = {}): BenchmarkComparison {
  const { threshold = 0.02, alpha = 0.05, seed = 1, resamples = 1000 } = options;
  if (!(threshold >= 0 && threshold < 1)) throw new RangeError('threshold option must be in [0, 1)');
  if (!(alpha > 0 && alpha < 1)) throw new RangeError('alpha option must be between 0 and 1');
  if (!Number.isInteger(resamples) || resamples < 100) throw new RangeError('resamples option must be an integer >= 100');
  const settings = { threshold, alpha, seed, resamples, level: 0.95 };
  const { judge, measurePair } = gate();
  const [comparison] = judge([measurePair(b.name, samplesOf(a, 'a'), samplesOf(b, 'b'), settings)], settings);
  if (comparison === undefined) throw new RuneBenchError('ERR_INSUFFICIENT_DATA', `cannot compare task "${b.name}"`);
  return comparison;
}
