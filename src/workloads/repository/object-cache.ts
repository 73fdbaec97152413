// An object cache on lru-cache, read with skewed (Zipf) keys: how often does a VCS find objects in memory?
import { LRUCache } from 'lru-cache';
import { ZipfGenerator } from '../zipf.js';

/**
 * Options for {@link ObjectCacheWorkload}.
 *
 * @public
 */
export interface ObjectCacheWorkloadOptions {
  /** Number of distinct objects; keys are 0..objects-1. */
  readonly objects: number;
  /** Loads an object on a miss (from disk or memory). */
  readonly load: (index: number) => Uint8Array;
  /** Cache capacity in bytes. */
  readonly maxBytes: number;
  /** Zipf exponent of the key stream. @defaultValue `1` */
  readonly exponent?: number;
  /** Seed of the key stream. @defaultValue `1` */
  readonly seed?: number;
}

/**
 * An lru-cache of object contents bounded by bytes, read with a seeded Zipf key stream. Each
 * {@link ObjectCacheWorkload.read} call reads a batch of keys, loading misses; the hit ratio accumulates.
 *
 * @public
 */
export class ObjectCacheWorkload {
  readonly #cache: LRUCache<number, Uint8Array>;
  readonly #keys: ZipfGenerator;
  readonly #load: (index: number) => Uint8Array;
  #hits = 0;
  #misses = 0;

  /** @param options - objects, loader, capacity and key stream */
  constructor(options: ObjectCacheWorkloadOptions) {
    if (!Number.isInteger(options.maxBytes) || options.maxBytes < 1) throw new RangeError('maxBytes option must be a positive integer');
    if (typeof options.load !== 'function') throw new TypeError('load option must be a function');
    this.#keys = new ZipfGenerator({ n: options.objects, exponent: options.exponent ?? 1, seed: options.seed ?? 1 });
    this.#load = options.load;
    this.#cache = new LRUCache<number, Uint8Array>({
      maxSize: options.maxBytes,
      sizeCalculation: (value) => Math.max(1, value.byteLength),
    });
  }

  /** Reads `count` keys; returns the bytes read (so the work cannot be optimised away). */
  read(count: number): number {
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const key = this.#keys.next();
      let value = this.#cache.get(key);
      if (value === undefined) {
        this.#misses++;
        value = this.#load(key);
        this.#cache.set(key, value);
      } else {
        this.#hits++;
      }
      bytes += value.byteLength;
    }
    return bytes;
  }

  /** Reads that found the object in the cache. */
  get hits(): number {
    return this.#hits;
  }

  /** Reads that had to load the object. */
  get misses(): number {
    return this.#misses;
  }

  /** hits / (hits + misses), 0 before any read. */
  get hitRatio(): number {
    const total = this.#hits + this.#misses;
    return total === 0 ? 0 : this.#hits / total;
  }

  /** Bytes held by the cache. */
  get size(): number {
    return this.#cache.calculatedSize;
  }
}
