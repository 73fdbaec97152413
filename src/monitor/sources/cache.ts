import type { MetricDescriptor, MetricValues } from '../../core/metric.js';
import { validateOptions } from '../../core/options.js';
import type { MetricSource } from '../../core/source.js';
import { frozenList } from './proc.js';

const NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Anything that counts its own hits and misses (and optionally size and evictions).
 *
 * @public
 */
export interface CacheCounters {
  /** Lookups that found a value, since the cache was created. */
  readonly hits: number;
  /** Lookups that found nothing. */
  readonly misses: number;
  /** Entries held now. */
  readonly size?: number;
  /** Entries evicted to make room, since the cache was created. */
  readonly evictions?: number;
}

/**
 * The shape of an lru-cache `LRUCache` that {@link CacheSource} instruments: `get` and `set` taking a
 * `status` option, and `size`.
 *
 * @public
 */
export interface LruCacheLike {
  /** Entries held now. */
  readonly size: number;
  /** Looks a key up. */
  get(...args: never[]): unknown;
  /** Stores a value. */
  set(...args: never[]): unknown;
}

/**
 * Options of {@link CacheSource}.
 *
 * @public
 */
export interface CacheSourceOptions {
  /** Metric label: letters, digits, `_` and `-` (metrics are `cache.<name>.*`). */
  readonly name: string;
  /**
   * An lru-cache `LRUCache` (its `get` and `set` are wrapped on that instance to count hits, misses and
   * evictions), an object that counts hits and misses itself, or a function returning such counts.
   */
  readonly cache: LruCacheLike | CacheCounters | (() => CacheCounters);
}

interface Status {
  get?: string;
  set?: string;
}
type Method = (this: unknown, ...args: unknown[]) => unknown;

function isLruCache(value: object): value is LruCacheLike {
  const v = value as Partial<LruCacheLike> & { hits?: unknown };
  return typeof v.get === 'function' && typeof v.set === 'function' && typeof v.size === 'number' && typeof v.hits !== 'number';
}

/**
 * Hit, miss, size and eviction figures of one cache: `cache.<name>.hits` and `.misses` (counters),
 * `.hit_ratio` (hits over lookups within the interval; absent when there were none), `.size` and
 * `.evictions` (counter). Source id `cache.<name>`.
 *
 * @public
 */
export class CacheSource implements MetricSource {
  /** Source id. */
  readonly id: string;
  readonly #descriptors: readonly MetricDescriptor[];
  readonly #read: () => CacheCounters;
  readonly #prefix: string;
  #restore: (() => void) | undefined;
  #previous: { hits: number; misses: number } | undefined;

  /** @param options - name and cache */
  constructor(options: CacheSourceOptions) {
    if (typeof options !== 'object' || (options as unknown) === null) throw new TypeError('CacheSource options must be an object');
    validateOptions(options, { name: { kind: 'string', nonEmpty: true }, cache: { kind: 'any' } }, 'CacheSource');
    const { name, cache } = options;
    if (typeof name !== 'string' || !NAME.test(name)) throw new TypeError(`name option must match ${NAME.source}`);
    this.id = `cache.${name}`;
    this.#prefix = `cache.${name}`;
    if (typeof cache === 'function') this.#read = cache;
    else if (typeof cache === 'object' && isLruCache(cache)) this.#read = this.#instrument(cache);
    else if (typeof cache === 'object' && typeof (cache as Partial<CacheCounters>).hits === 'number') this.#read = () => cache;
    else throw new TypeError('cache option must be an LRUCache, an object with hits and misses, or a function');
    const p = this.#prefix;
    this.#descriptors = frozenList<MetricDescriptor>([
      { name: `${p}.hits`, unit: '{count}', kind: 'counter', description: `Lookups in cache ${name} that found a value` },
      { name: `${p}.misses`, unit: '{count}', kind: 'counter', description: `Lookups in cache ${name} that found nothing` },
      { name: `${p}.hit_ratio`, unit: '1', kind: 'rate', description: `Share of lookups in cache ${name} that hit, within the interval` },
      { name: `${p}.size`, unit: '{count}', kind: 'gauge', description: `Entries held in cache ${name}` },
      { name: `${p}.evictions`, unit: '{count}', kind: 'counter', description: `Entries evicted from cache ${name} to make room` },
    ]);
  }

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return this.#descriptors;
  }

  /** {@inheritDoc MetricSource.collect} */
  collect(): MetricValues {
    const c = this.#read();
    const p = this.#prefix;
    const values: Record<string, number> = { [`${p}.hits`]: c.hits, [`${p}.misses`]: c.misses };
    if (c.size !== undefined) values[`${p}.size`] = c.size;
    if (c.evictions !== undefined) values[`${p}.evictions`] = c.evictions;
    const prev = this.#previous ?? { hits: 0, misses: 0 };
    const hits = c.hits - prev.hits;
    const lookups = hits + c.misses - prev.misses;
    if (lookups > 0) values[`${p}.hit_ratio`] = hits / lookups;
    this.#previous = { hits: c.hits, misses: c.misses };
    return values;
  }

  /** Removes the wrappers installed on an `LRUCache` (counting stops). */
  detach(): void {
    this.#restore?.();
    this.#restore = undefined;
  }

  #instrument(cache: LruCacheLike): () => CacheCounters {
    const counts = { hits: 0, misses: 0, evictions: 0 };
    const target = cache as unknown as { get: Method; set: Method };
    const hadGet = Object.hasOwn(cache, 'get');
    const hadSet = Object.hasOwn(cache, 'set');
    const originalGet = target.get;
    const originalSet = target.set;
    target.get = function (this: unknown, key: unknown, options?: unknown): unknown {
      const opts = (typeof options === 'object' && options !== null ? options : {}) as { status?: Status };
      const status: Status = opts.status ?? {};
      const value = originalGet.call(this, key, { ...opts, status });
      const outcome = status.get ?? (value === undefined ? 'miss' : 'hit');
      if (outcome === 'hit') counts.hits++;
      else counts.misses++;
      return value;
    };
    target.set = function (this: unknown, key: unknown, value: unknown, options?: unknown): unknown {
      const opts = (typeof options === 'object' && options !== null ? options : {}) as { status?: Status };
      const status: Status = opts.status ?? {};
      const before = cache.size;
      const result = originalSet.call(this, key, value, { ...opts, status });
      // Setting `undefined` deletes the key: that is not an eviction.
      if (status.set !== 'deleted') counts.evictions += Math.max(0, before + (status.set === 'add' ? 1 : 0) - cache.size);
      return result;
    };
    this.#restore = () => {
      if (hadGet) target.get = originalGet;
      else delete (target as { get?: Method }).get;
      if (hadSet) target.set = originalSet;
      else delete (target as { set?: Method }).set;
    };
    return () => ({ hits: counts.hits, misses: counts.misses, evictions: counts.evictions, size: cache.size });
  }
}
