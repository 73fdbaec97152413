// Convenience wrapper over the library's seeded generator (bench/stats/rng.ts) for suites and generators.
import { createRng } from '../../stats/rng.js';

/**
 * A deterministic pseudo-random source: `next()` is uniform in [0, 1), `int(n)` uniform in [0, n).
 *
 * @internal
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/**
 * Creates a seeded random source over `createRng`. The same seed always yields the same stream.
 *
 * @param seed - any finite number
 * @internal
 */
export function seededRandom(seed: number): SeededRandom {
  const next = createRng(seed);
  return { next, int: (n: number): number => Math.floor(next() * n) };
}
