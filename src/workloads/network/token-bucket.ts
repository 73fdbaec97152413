// A token bucket on a caller-supplied clock: the pacing core of BandwidthThrottle and the network shaper.

/**
 * Options for {@link TokenBucket}.
 *
 * @public
 */
export interface TokenBucketOptions {
  /** Refill rate, bytes per second. */
  readonly rate: number;
  /** Bucket size: the most bytes that may pass at once after an idle period. @defaultValue `max(1448, rate / 100)` */
  readonly burst?: number;
}

/**
 * A token bucket that may go into debt: {@link TokenBucket.take} always succeeds and answers when the
 * bytes may leave, so back-to-back takes queue behind each other at `rate`. Time is in seconds on any
 * monotonic clock the caller chooses.
 *
 * @public
 */
export class TokenBucket {
  readonly #rate: number;
  readonly #burst: number;
  #tokens: number;
  #last: number | undefined;

  /** @param options - rate and burst */
  constructor(options: TokenBucketOptions) {
    if (typeof options !== 'object') throw new TypeError('options must be an object');
    const { rate } = options;
    if (typeof rate !== 'number' || !(rate > 0) || !Number.isFinite(rate)) {
      throw new RangeError('rate option must be a positive finite number of bytes per second');
    }
    const burst = options.burst ?? Math.max(1448, rate / 100);
    if (typeof burst !== 'number' || !(burst > 0) || !Number.isFinite(burst)) {
      throw new RangeError('burst option must be a positive finite number of bytes');
    }
    this.#rate = rate;
    this.#burst = burst;
    this.#tokens = burst;
  }

  /** Refill rate, bytes per second. */
  get rate(): number {
    return this.#rate;
  }

  /** Bucket size, bytes. */
  get burst(): number {
    return this.#burst;
  }

  /**
   * Takes `bytes` tokens at time `now` (seconds) and returns the time at which those bytes may leave
   * (`now` when the bucket held enough, later when it had to go into debt).
   */
  take(bytes: number, now: number): number {
    if (this.#last !== undefined && now > this.#last) {
      this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#last) * this.#rate);
    }
    if (this.#last === undefined || now > this.#last) this.#last = now;
    this.#tokens -= bytes;
    return this.#tokens >= 0 ? now : this.#last + -this.#tokens / this.#rate;
  }
}
