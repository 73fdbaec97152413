// What the memory_pressure parent sends its child (argv JSON) and reads back (JSON lines on stdout).

/**
 * Configuration of one pressure child.
 *
 * @internal
 */
export interface PressureChildConfig {
  /** Share of `heapLimit` to fill with ballast, 0-1. */
  readonly load: number;
  /** The old-space limit given with `--max-old-space-size`, bytes. */
  readonly heapLimit: number;
  /** Off-heap Buffer bytes to hold. */
  readonly offHeapBytes: number;
  /** lru-cache capacity, objects. */
  readonly cacheSize: number;
  /** Key space over cache size. */
  readonly keySpaceFactor: number;
  /** Zipf exponent of the keys. */
  readonly zipfExponent: number;
  /** Seed of the keys. */
  readonly seed: number;
  /** Seconds of cache reads. */
  readonly duration: number;
  /** Most cache reads. */
  readonly maxOps: number;
}

/**
 * A line the child writes.
 *
 * @internal
 */
export type PressureChildReport =
  | { readonly type: 'filled'; readonly heapUsed: number; readonly ballastObjects: number; readonly offHeapBytes: number }
  | ({ readonly type: 'result' } & PressureMeasurement);

/**
 * What a pressure child measured (seconds, bytes, ratios).
 *
 * @public
 */
export interface PressureMeasurement {
  /** Cache reads done. */
  readonly ops: number;
  /** Seconds spent reading. */
  readonly seconds: number;
  /** Cache reads per second. */
  readonly opsPerSecond: number;
  /** Median read latency, seconds. */
  readonly latencyP50: number;
  /** 99th percentile read latency, seconds. */
  readonly latencyP99: number;
  /** Slowest read, seconds. */
  readonly latencyMax: number;
  /** Reads answered by the cache. */
  readonly hits: number;
  /** Reads that built the object and inserted it. */
  readonly misses: number;
  /** hits / ops, 0-1. */
  readonly hitRatio: number;
  /** Garbage collections during the reads. */
  readonly gcCount: number;
  /** Sum of GC pauses during the reads, seconds. */
  readonly gcPauseTotal: number;
  /** 99th percentile GC pause during the reads, seconds. */
  readonly gcPauseP99: number;
  /** Largest JS heap used seen, bytes. */
  readonly heapUsed: number;
  /** V8's whole-heap limit (old space plus young generation), bytes. */
  readonly heapSizeLimit: number;
  /** Peak resident set size of the child, bytes. */
  readonly peakRss: number;
  /** Ballast objects held. */
  readonly ballastObjects: number;
  /** Objects in the cache at the end. */
  readonly cacheSize: number;
  /** Off-heap Buffer bytes held. */
  readonly offHeapBytes: number;
}
