// Skewed key streams: Zipf-distributed ranks, as object and cache accesses in a VCS follow.
import { seededRandom, type SeededRandom } from '../suites/common/rng.js';

/**
 * Options for {@link ZipfGenerator}.
 *
 * @public
 */
export interface ZipfOptions {
  /** Number of distinct keys; ranks are 0..n-1, rank 0 the most frequent. */
  readonly n: number;
  /** Exponent s: probability of rank k is proportional to 1/(k+1)^s. @defaultValue `1` */
  readonly exponent?: number;
  /** Seed of the key stream. @defaultValue `1` */
  readonly seed?: number;
}

/**
 * A seeded generator of Zipf-distributed integer keys in [0, n). Precomputes the cumulative distribution
 * (8 bytes per key) and draws by binary search.
 *
 * @public
 */
export class ZipfGenerator {
  readonly #cdf: Float64Array;
  readonly #rng: SeededRandom;
  readonly #exponent: number;

  /** @param options - key count, exponent and seed */
  constructor(options: ZipfOptions) {
    const { n, exponent = 1, seed = 1 } = options;
    if (!Number.isInteger(n) || n < 1 || n > 50_000_000) {
      throw new RangeError('n option must be an integer between 1 and 50,000,000');
    }
    if (!Number.isFinite(exponent) || exponent < 0) throw new RangeError('exponent option must be a finite number >= 0');
    if (!Number.isFinite(seed)) throw new TypeError('seed option must be a finite number');
    this.#exponent = exponent;
    this.#rng = seededRandom(seed);
    const cdf = new Float64Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) {
      sum += 1 / Math.pow(k + 1, exponent);
      cdf[k] = sum;
    }
    for (let k = 0; k < n; k++) cdf[k] = (cdf[k] ?? 0) / sum;
    this.#cdf = cdf;
  }

  /** Number of distinct keys. */
  get n(): number {
    return this.#cdf.length;
  }

  /** The exponent s. */
  get exponent(): number {
    return this.#exponent;
  }

  /** Probability of drawing `rank`. */
  probability(rank: number): number {
    if (!Number.isInteger(rank) || rank < 0 || rank >= this.#cdf.length) return 0;
    return (this.#cdf[rank] ?? 0) - (rank === 0 ? 0 : (this.#cdf[rank - 1] ?? 0));
  }

  /** Next key, an integer in [0, n). */
  next(): number {
    const u = this.#rng.next();
    const cdf = this.#cdf;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] ?? 1) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The next `count` keys. */
  take(count: number): Uint32Array {
    if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
    const out = new Uint32Array(count);
    for (let i = 0; i < count; i++) out[i] = this.next();
    return out;
  }
}
