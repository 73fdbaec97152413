// The built-in forecast limits: heap, resident memory, open file descriptors, free disk space.
import type { MetricSnapshot } from '../../core/snapshot.js';
import type { ForecastLimit } from './forecast-limit.js';

/**
 * Metric names the built-in limits read their limit from when a source (or the host, as a gauge) reports it.
 *
 * @beta
 */
export const FORECAST_LIMIT_METRICS = Object.freeze({
  /** Memory the process may use (cgroup `memory.max`, or the machine's memory), bytes. */
  memory: 'process.memory.limit',
  /** Most file descriptors the process may open (`RLIMIT_NOFILE` soft limit). */
  openFds: 'process.open_fds.limit',
  /** Free bytes on the file system the host watches (its free space falls toward zero). */
  diskFree: 'system.filesystem.free',
});

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** How much slower a leaking heap may grow at its limit than before (see {@link heapForecastLimit}). */
const HEAP_SLOWDOWN_NEAR_LIMIT = 5;

/**
 * V8 heap used (`v8js.heap.used`, its post-GC floor) against the heap limit (`v8js.heap.limit`, V8's
 * `heap_size_limit`) or a fixed limit. V8's limit includes the young generation's reserve (three semi-spaces,
 * 48 MiB by default on 64-bit), which a process never fills with live data: with a small
 * `--max-old-space-size` the process dies before `heap_size_limit`, so pass the old-space size as `limitBytes`
 * there (or run with a small `--max-semi-space-size`).
 *
 * Near its limit a leaking process slows down: the collector runs more and more often and takes the CPU from
 * the code that leaks. A 48 MiB heap leaking about 3.5 MiB/s allocated at about a quarter of its earlier rate
 * in its last second (`tests/detect/forecast/leaking-child.test.ts`, two busy processes beside it), so the
 * interval's latest end allows the rate to fall to a fifth by the limit (`slowdownNearLimit` 5).
 *
 * @param limitBytes - a fixed limit; without it the limit is read from each snapshot
 * @beta
 */
export function heapForecastLimit(limitBytes?: number): ForecastLimit {
  return {
    id: 'heap',
    label: 'heap',
    metric: 'v8js.heap.used',
    unit: 'bytes',
    sawtooth: 'auto',
    slowdownNearLimit: HEAP_SLOWDOWN_NEAR_LIMIT,
    limit: (s: MetricSnapshot) => positive(limitBytes ?? s.get('v8js.heap.limit')),
  };
}

/**
 * Resident memory (`process.memory.usage`) against `process.memory.limit`, or a fixed limit (for example the
 * cgroup's `memory.max` or `os.totalmem()`, read once by the host).
 *
 * @param limitBytes - a fixed limit; without it the limit is read from each snapshot
 * @beta
 */
export function rssForecastLimit(limitBytes?: number): ForecastLimit {
  return {
    id: 'rss',
    label: 'resident memory',
    metric: 'process.memory.usage',
    unit: 'bytes',
    sawtooth: 'auto',
    limit: (s: MetricSnapshot) => positive(limitBytes ?? s.get(FORECAST_LIMIT_METRICS.memory)),
  };
}

/**
 * Open file descriptors (`process.open_fds`) against `process.open_fds.limit` or a fixed limit.
 *
 * @param limit - a fixed limit (for example the `ulimit -n` value); without it the limit is read from each snapshot
 * @beta
 */
export function openFdsForecastLimit(limit?: number): ForecastLimit {
  return {
    id: 'open-fds',
    label: 'open file descriptors',
    metric: 'process.open_fds',
    unit: 'count',
    sawtooth: false,
    limit: (s: MetricSnapshot) => positive(limit ?? s.get(FORECAST_LIMIT_METRICS.openFds)),
  };
}

/**
 * Free disk space (`system.filesystem.free`, reported by the host) against zero.
 *
 * @beta
 */
export function diskFreeForecastLimit(): ForecastLimit {
  return { id: 'disk-free', label: 'free disk space', metric: FORECAST_LIMIT_METRICS.diskFree, unit: 'bytes', sawtooth: false, limit: () => 0 };
}

/**
 * A fresh list of the built-in limits: heap, resident memory, open fds, free disk space.
 *
 * @beta
 */
export function builtinForecastLimits(): ForecastLimit[] {
  return [heapForecastLimit(), rssForecastLimit(), openFdsForecastLimit(), diskFreeForecastLimit()];
}
