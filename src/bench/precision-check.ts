// When a task sampling for a precision (`targetRme`) may stop: the median's interval narrow enough, or the
// extra time spent. Read by the task runner's sampling loops.
import { medianRme } from '../stats/describe.js';
import { sortedCopy } from '../stats/quantile.js';
import type { SampleBuffer } from './sample-buffer.js';
import type { ResolvedSettings } from './task-runner.js';

/** Extra sampling a `targetRme` may add when `maxTimeMs` sets no smaller limit, in multiples of `timeMs`. */
const PRECISION_EXTENSION = 10;
/** Resamples of the bootstrap that checks the precision while sampling (the reported one uses 1000). */
const PRECISION_RESAMPLES = 200;

/**
 * Whether sampling may stop once `timeMs` and `minSamples` are met: always without a `targetRme`; with one,
 * when the median's interval is that narrow or the extra time is spent. The interval is recomputed only
 * after the sample count grew by a tenth, so a fast task's loop does not pay a bootstrap per batch.
 *
 * @param started - when the task started on the settings' clock, seconds (its `maxTimeMs` counts from there)
 * @internal
 */
export function precisionCheck(
  settings: ResolvedSettings,
  started: number,
): (samples: SampleBuffer, samplingStart: number, samplingTime: number, now: number) => boolean {
  const target = settings.targetRme;
  if (target === undefined) return () => true;
  const deadline = started + settings.maxTimeMs / 1000;
  let nextCheck = 0;
  let lastNow = -Infinity;
  let lastLength = 0;
  return (samples, samplingStart, samplingTime, now) => {
    // one more sample must fit before the hard cap, or the guard would cut it off half-way
    const perSample = samples.length > lastLength && lastNow > -Infinity ? (now - lastNow) / (samples.length - lastLength) : 0;
    lastNow = now;
    lastLength = samples.length;
    if (now - samplingStart >= samplingTime * (1 + PRECISION_EXTENSION) || now + perSample >= deadline) return true;
    if (samples.length < nextCheck) return false;
    nextCheck = Math.ceil(samples.length * 1.1) + 1;
    return medianRme(sortedCopy(samples.toArray()), { seed: settings.seed, resamples: PRECISION_RESAMPLES }) <= target;
  };
}
