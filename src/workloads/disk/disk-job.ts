// The shape of a disk job and its result, shared by rune-bench's own jobs and the fio peer.

/**
 * A disk job in the manner of fio.
 * - `seq-write`: sequential writes of `blockSize` (1 MiB) blocks; `fsync` `'none'`, `'end'` (once at the end)
 *   or a number n (every n blocks).
 * - `seq-read`: sequential reads of `blockSize` blocks of a file written first (not timed).
 * - `rand-read`: `ops` reads of `blockSize` (4 KiB) at random aligned offsets.
 * - `rand-write`: `ops` writes of `blockSize` at random aligned offsets, each followed by fsync when `fsync` is 1.
 * - `loose-objects`: `files` small files written git-style (temporary file, then rename into a fan-out
 *   directory) with sizes drawn from a Linux checkout's file size distribution.
 *
 * @public
 */
export interface DiskJobSpec {
  /** Job name, e.g. `seq-write`. */
  readonly name: string;
  /** What it does. */
  readonly kind: 'seq-write' | 'seq-read' | 'rand-read' | 'rand-write' | 'loose-objects';
  /** Block size, bytes. */
  readonly blockSize: number;
  /** File size, bytes (for loose objects: their total is drawn, this is ignored). */
  readonly size: number;
  /** Operations for random jobs. */
  readonly ops?: number;
  /** Files for `loose-objects`. */
  readonly files?: number;
  /** When to fsync. @defaultValue `'none'` */
  readonly fsync?: 'none' | 'end' | number;
}

/**
 * Latency percentiles of one operation kind, seconds.
 *
 * @public
 */
export interface LatencyPercentiles {
  /** Median. */
  readonly p50: number;
  /** 99th percentile. */
  readonly p99: number;
  /** 99.9th percentile. */
  readonly p999: number;
}

/**
 * What a disk job measured (rune-bench's own run or fio's).
 *
 * @public
 */
export interface DiskJobResult {
  /** The job's name. */
  readonly name: string;
  /** Who ran it: `rune-bench` (node:fs) or `fio`. */
  readonly engine: 'rune-bench' | 'fio';
  /** Bytes moved. */
  readonly bytes: number;
  /** Operations (block reads or writes; files for loose objects). */
  readonly ops: number;
  /** Wall time, seconds, including any fsync. */
  readonly seconds: number;
  /** Bytes per second. */
  readonly bandwidth: number;
  /** Operations per second. */
  readonly iops: number;
  /** Per-operation latency (completion latency for fio). */
  readonly latency: LatencyPercentiles;
  /** fsync latency, when the job synced. */
  readonly fsyncLatency?: LatencyPercentiles;
}

/**
 * Percentiles of `values` (seconds), nearest rank. Sorts `values` in place.
 *
 * @internal
 */
export function percentiles(values: Float64Array): LatencyPercentiles {
  values.sort();
  const n = values.length;
  const at = (q: number): number => (n === 0 ? Number.NaN : (values[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))] ?? Number.NaN));
  return { p50: at(0.5), p99: at(0.99), p999: at(0.999) };
}
