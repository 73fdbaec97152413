// A baseline that is itself an off run of its history: when the baseline is the newest stored run (what
// `run --fail-on-regression` compares with), a change against it is checked against the stored runs before it.
import type { BenchmarkComparison, BetweenRunNoise } from './regression-types.js';
import { medianOf, normalQuantile } from '../../stats/pelt.js';

/** Fewest stored runs before the baseline at its level for its standing to be judged. */
const MIN_RUNS_BEFORE_BASELINE = 3;

const percent = (r: number): string => `${(Math.abs(r - 1) * 100).toFixed(1)}%`;

/**
 * The comparison, made `inconclusive` when its change is the baseline run's: the baseline lies off the median of
 * the stored runs before it (at its level, `BetweenRunNoise.recentMedians` without its last entry, the baseline)
 * by more than those runs' noise allows (a 99% band of `sigma`, at least the threshold), in the direction that
 * makes the verdict (a slow baseline makes `improved`, a fast one `regressed`), and the current run lies within
 * that band of the median. A re-run of the current side cannot catch this: it agrees with the first run.
 * Other comparisons are returned as they are.
 *
 * @param comparison - a comparison whose baseline is the newest run of the history `noise` was estimated from
 * @param noise - that history's between-run noise
 * @internal
 */
export function judgeBaselineStanding(comparison: BenchmarkComparison, noise: BetweenRunNoise | undefined): BenchmarkComparison {
  const { verdict, threshold, medians } = comparison;
  if (verdict !== 'regressed' && verdict !== 'improved') return comparison;
  const before = (noise?.recentMedians ?? []).slice(0, -1).filter((m) => m > 0 && Number.isFinite(m));
  if (noise === undefined || before.length < MIN_RUNS_BEFORE_BASELINE || !(medians.baseline > 0) || !(medians.current > 0)) return comparison;
  const level = medianOf(before);
  const band = Math.max(normalQuantile(0.995) * noise.sigma * Math.sqrt(1 + 1 / before.length), Math.log1p(threshold));
  const baselineOff = Math.log(medians.baseline / level);
  const currentOff = Math.log(medians.current / level);
  // the baseline's error runs against the verdict's direction: slow baseline, "improved"; fast one, "regressed"
  const offInDirection = verdict === 'improved' ? baselineOff > band : baselineOff < -band;
  // and the current run is one more run like those before the baseline
  const currentAtLevel = Math.abs(currentOff) < band;
  if (!offInDirection || !currentAtLevel) return comparison;
  const baselineRatio = medians.baseline / level;
  return {
    ...comparison,
    verdict: 'inconclusive',
    reason:
      `${comparison.reason}; but the baseline run was ${percent(baselineRatio)} ${baselineRatio > 1 ? 'slower' : 'faster'} than the median of ` +
      `the ${before.length} stored runs before it, and this run is within their noise of that median: the change is the baseline run's`,
  };
}
