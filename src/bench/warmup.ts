// When a task's code is warm: the decisions of the warm-up phase (how long it goes on, the batch size it leaves)
// and of the samples that still led the run warming. The task runner applies them.
import { median } from 'simple-statistics';

const WARM_WINDOW = 0.025; // seconds of warm batches compared, window against window, after the base warm-up
const WARM_SETTLED = 0.015; // warm-up goes on while a window's median is faster than the one before by more than this
// A sample this many times the settled level (the median of the last third) is still warming when it leads the run
const TRANSIENT_FACTOR = 3;

function medianOfRange(values: readonly number[], from: number, to: number): number {
  return median(values.slice(from, to));
}

/**
 * How many warm batches make one window of {@link stillFalling}: about {@link WARM_WINDOW} seconds of them at
 * the latest batches' speed, at least 5.
 *
 * @param warm - per-operation seconds of the warm batches so far
 * @param batchSize - operations per batch
 * @internal
 */
export function warmWindow(warm: readonly number[], batchSize: number): number {
  const batchSeconds = medianOfRange(warm, Math.max(0, warm.length - 64), warm.length) * batchSize;
  return Math.max(5, Math.ceil(WARM_WINDOW / Math.max(batchSeconds, 1e-9)));
}

/**
 * Per-operation seconds of the later half of the warm batches: the code as it runs now, not as it ran cold (the
 * batch size for sampling is recalibrated from it).
 *
 * @internal
 */
export function warmPerOp(warm: readonly number[]): number {
  return medianOfRange(warm, warm.length >> 1, warm.length);
}

/**
 * Whether per-operation times of warm batches are still falling: the median of the last `window` values is
 * more than {@link WARM_SETTLED} below the median of the `window` before them.
 *
 * @internal
 */
export function stillFalling(warm: readonly number[], window: number): boolean {
  const n = warm.length;
  if (window < 1 || n < 2 * window) return false;
  return medianOfRange(warm, n - window, n) < medianOfRange(warm, n - 2 * window, n - window) * (1 - WARM_SETTLED);
}

/**
 * How many samples at the start of `samples` are a warm-up transient: the leading run of samples each more than
 * {@link TRANSIENT_FACTOR} times the median of the last third (the code as it settled). On a loaded machine V8's
 * background compiler can finish after warm-up ends, and the first samples then time unoptimised code (30-100x
 * slower for a tight loop); when they are half the samples, the median is no longer the code's speed.
 *
 * @internal
 */
export function leadingTransient(samples: readonly number[]): number {
  const n = samples.length;
  if (n < 6) return 0;
  const settled = medianOfRange(samples, n - Math.ceil(n / 3), n);
  let k = 0;
  while (k < n && (samples[k] as number) > TRANSIENT_FACTOR * settled) k++;
  // a run that reaches into the last third is the code's speed, not a transient
  return k <= n - Math.ceil(n / 3) ? k : 0;
}
