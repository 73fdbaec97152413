// Bounding the work on huge sample sets: a baseline may hold 100,000 kept samples of one task, and the
// comparison's bootstrap and rank test cost grows with them. Systematic thinning keeps every k-th sample,
// so the sample order (time order) and the distribution are kept, and only the count shrinks.

/**
 * The most samples per task the comparison reads; more are thinned on read, with a notice.
 *
 * @public
 */
export const MAX_COMPARED_SAMPLES = 2_000;

/**
 * `samples` reduced to at most `max` values by keeping evenly spaced positions (first and last included);
 * returns the input itself when it is already small enough. Thinning keeps the distribution's shape but
 * discards information, so intervals computed from the result are wider (conservative), never narrower.
 *
 * @public
 */
export function thinSamples(samples: readonly number[], max: number = MAX_COMPARED_SAMPLES): readonly number[] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`max must be an integer of at least 2, got ${max}`);
  if (samples.length <= max) return samples;
  const out = new Array<number>(max);
  const step = (samples.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out[i] = samples[Math.round(i * step)] as number;
  return out;
}
