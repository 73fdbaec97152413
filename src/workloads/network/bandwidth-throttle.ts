// A Transform stream that limits throughput with a token bucket: reusable for QoS in host code.
import { Transform, type TransformCallback } from 'node:stream';
import { abortError } from '../../core/errors.js';
import { TokenBucket } from './token-bucket.js';

/**
 * Options for {@link BandwidthThrottle}.
 *
 * @public
 */
export interface BandwidthThrottleOptions {
  /** Throughput limit, bytes per second. */
  readonly rate: number;
  /** Largest burst after an idle period, bytes; chunks are also split to at most this size. @defaultValue `max(16384, rate / 50)` */
  readonly burst?: number;
  /** Destroys the stream with `ERR_ABORTED` when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * A pass-through stream that lets bytes through at most at `rate` bytes per second (token bucket),
 * splitting large chunks so output is smooth. Use it in a pipeline to shape any stream:
 * `pipeline(source, new BandwidthThrottle({ rate: 1e6 }), sink)`.
 *
 * @public
 */
export class BandwidthThrottle extends Transform {
  readonly #bucket: TokenBucket;
  readonly #chunk: number;
  #timer: NodeJS.Timeout | undefined;
  #passed = 0;
  readonly #onAbort: (() => void) | undefined;
  readonly #signal: AbortSignal | undefined;

  /** @param options - rate, burst and abort signal */
  constructor(options: BandwidthThrottleOptions) {
    super();
    if (typeof options !== 'object') throw new TypeError('options must be an object');
    const { rate } = options;
    if (typeof rate !== 'number' || !(rate > 0) || !Number.isFinite(rate)) {
      throw new RangeError('rate option must be a positive finite number of bytes per second');
    }
    const burst = options.burst ?? Math.max(16_384, Math.round(rate / 50));
    if (typeof burst !== 'number' || !(burst >= 1) || !Number.isFinite(burst)) {
      throw new RangeError('burst option must be a finite number of bytes >= 1');
    }
    this.#bucket = new TokenBucket({ rate, burst });
    this.#chunk = Math.max(1, Math.floor(burst));
    this.#signal = options.signal;
    if (options.signal !== undefined) {
      if (options.signal.aborted) {
        this.destroy(abortError(options.signal, 'BandwidthThrottle'));
      } else {
        const signal = options.signal;
        this.#onAbort = (): void => {
          this.destroy(abortError(signal, 'BandwidthThrottle'));
        };
        signal.addEventListener('abort', this.#onAbort, { once: true });
      }
    }
  }

  /** Throughput limit, bytes per second. */
  get rate(): number {
    return this.#bucket.rate;
  }

  /** Bytes passed through so far. */
  get bytesPassed(): number {
    return this.#passed;
  }

  /**
   * Splits a chunk into burst-sized pieces and pushes each when the bucket allows it.
   *
   * @internal
   */
  override _transform(chunk: unknown, encoding: BufferEncoding, callback: TransformCallback): void {
    const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, encoding);
    let offset = 0;
    const step = (): void => {
      this.#timer = undefined;
      while (offset < data.length) {
        const piece = data.subarray(offset, offset + this.#chunk);
        const now = performance.now() / 1000;
        const at = this.#bucket.take(piece.length, now);
        const wait = at - now;
        offset += piece.length;
        if (wait > 0.0005) {
          this.#timer = setTimeout(() => {
            this.#passed += piece.length;
            this.push(piece);
            step();
          }, wait * 1000);
          return;
        }
        this.#passed += piece.length;
        this.push(piece);
      }
      callback();
    };
    step();
  }

  /**
   * Cancels a pending push and the abort listener.
   *
   * @internal
   */
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#onAbort !== undefined) this.#signal?.removeEventListener('abort', this.#onAbort);
    callback(error);
  }
}
