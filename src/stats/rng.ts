// Seeded pseudo-random numbers: every random choice in rune-bench (bootstrap, generators) is replayable.

/**
 * A deterministic uniform generator on [0, 1) seeded by `seed` (mulberry32 over a splitmix32-scrambled seed).
 * The same seed always yields the same sequence, on every platform.
 *
 * @param seed - any finite number; non-integers are truncated, negatives wrap
 * @returns a function returning the next number in [0, 1)
 * @throws TypeError when `seed` is not a finite number
 * @public
 */
export function createRng(seed: number): () => number {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new TypeError('seed option must be a finite number');
  }
  // splitmix32 scramble so nearby seeds (1, 2, 3) give unrelated streams
  let z = (Math.trunc(seed) + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  let state = (z ^ (z >>> 16)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
