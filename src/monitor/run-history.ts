// A run's monitor history as a suite result carries it (RunMonitorHistory): the charted metrics of the snapshots
// taken during the run, reduced to a bounded number of points, as plain JSON-ready data. One list here says which
// metrics the report charts, so what a result keeps and what the HTML report draws never disagree.
import type { MetricDescriptor, MetricValues } from '../core/metric.js';
import type { MetricName } from '../core/metric-names.js';
import type { RunMonitorHistory, RunMonitorPoint } from '../core/results.js';
import { MetricSnapshot } from '../core/snapshot.js';
import { invalid, requireArray, requireFiniteNumber, requireObject } from '../core/validate.js';
import { parseHistoryDescriptors, parseHistoryPoint } from './history-file.js';
import { MAX_HISTORY_SIZE } from './metric-history.js';

/**
 * One time-series chart of a run: its title, the metrics it draws (names, or patterns matching names) and which
 * value of a stretch of snapshots is the telling one when they are reduced to one point.
 *
 * @internal
 */
export interface RunChart {
  readonly title: string;
  /** Names are checked against the metric registry, so a typo does not compile. */
  readonly metrics: readonly (MetricName | RegExp)[];
  /** `max` for pressure (utilization, memory, delay, pauses, I/O), `min` where lower is worse (hit ratios). */
  readonly worst: 'max' | 'min';
}

/** The charts of a run's monitor history, in the order the HTML report draws them. @internal */
export const RUN_CHARTS: readonly RunChart[] = [
  // rune-bench exec's commands (their own CPU, from the runner's /proc accounting) beside the process and the machine
  { title: 'CPU', metrics: ['process.cpu.utilization', 'system.cpu.utilization', 'process.child.commands.cpu.utilization'], worst: 'max' },
  { title: 'Memory', metrics: ['process.memory.usage', 'v8js.heap.used', 'v8js.heap.total'], worst: 'max' },
  { title: 'Event loop delay', metrics: ['nodejs.eventloop.delay.p99', 'nodejs.eventloop.delay.p50'], worst: 'max' },
  { title: 'Event loop utilization', metrics: ['nodejs.eventloop.utilization'], worst: 'max' },
  { title: 'GC pause', metrics: ['v8js.gc.duration'], worst: 'max' },
  { title: 'Disk I/O', metrics: ['process.disk.io.read.rate', 'process.disk.io.write.rate'], worst: 'max' },
  { title: 'Network I/O', metrics: ['process.network.io.receive.rate', 'process.network.io.transmit.rate'], worst: 'max' },
  { title: 'Cache hit ratio', metrics: [/^cache\.[^.]+\.hit_ratio$/], worst: 'min' },
];

/** Most metrics one pattern of a chart draws (the first, by name). */
const MAX_PER_PATTERN = 6;

/**
 * Points a result keeps of its run's monitor history: one per two pixels or so of the report's 560-pixel-wide plot
 * area (and each reduced point keeps its share's worst value, so no peak is lost to the reduction), while a long
 * run adds at most about 100 kB of JSON (about 300 bytes a point with the default sources), not megabytes.
 *
 * @internal
 */
export const MAX_RUN_HISTORY_POINTS = 300;

/** The names among `names` a chart entry selects (names as given, or the first few that a pattern matches). */
function selectMetrics(names: ReadonlySet<string>, wanted: readonly (string | RegExp)[]): string[] {
  const out: string[] = [];
  for (const w of wanted) {
    if (typeof w === 'string') {
      if (names.has(w)) out.push(w);
    } else {
      out.push(...[...names].filter((n) => w.test(n)).sort().slice(0, MAX_PER_PATTERN));
    }
  }
  return out;
}

/**
 * The metric names of `snapshots` a chart entry selects (names as given, or every name a pattern matches, up to six).
 *
 * @internal
 */
export function chartMetrics(snapshots: readonly { readonly values: MetricValues }[], wanted: readonly (string | RegExp)[]): string[] {
  const names = new Set<string>();
  for (const s of snapshots) for (const m of Object.keys(s.values)) names.add(m);
  return selectMetrics(names, wanted);
}

/** The worst value of one metric over some points (NaN only when every value there is NaN), or undefined when none has it. */
function worstOf(points: readonly { readonly values: MetricValues }[], metric: string, worst: 'max' | 'min'): number | undefined {
  let found = false;
  let best = Number.NaN;
  for (const p of points) {
    if (!Object.hasOwn(p.values, metric)) continue;
    found = true;
    const v = p.values[metric];
    if (v === undefined || Number.isNaN(v)) continue;
    if (Number.isNaN(best) || (worst === 'max' ? v > best : v < best)) best = v;
  }
  return found ? best : undefined;
}

/**
 * Reduces points to at most `maxPoints`, keeping only `metrics`: point i of n stands for the consecutive
 * points from floor(i × count / n) to just before floor((i + 1) × count / n), at the time of the last of them,
 * with each metric's worst value among them. Consecutive runs of snapshots, not fixed time buckets: a monitor
 * samples on a fixed interval, so they span equal times, and the bound holds whatever the clock did.
 */
function reduce(points: readonly RunMonitorPoint[], metrics: ReadonlyMap<string, 'max' | 'min'>, maxPoints: number): RunMonitorPoint[] {
  const count = points.length;
  const n = Math.min(count, maxPoints);
  const out: RunMonitorPoint[] = [];
  for (let i = 0; i < n; i++) {
    const group = points.slice(Math.floor((i * count) / n), Math.floor(((i + 1) * count) / n));
    const last = group.at(-1);
    if (last === undefined) continue;
    const values: Record<string, number> = {};
    for (const [metric, worst] of metrics) {
      const v = worstOf(group, metric, worst);
      if (v !== undefined) values[metric] = v;
    }
    out.push({ timestamp: last.timestamp, monotonic: last.monotonic, values: Object.freeze(values) });
  }
  return out;
}

/** The charted metrics present in `names`, each with how its points are reduced. */
function chartedMetrics(names: ReadonlySet<string>): Map<string, 'max' | 'min'> {
  const kept = new Map<string, 'max' | 'min'>();
  for (const chart of RUN_CHARTS) for (const m of selectMetrics(names, chart.metrics)) if (!kept.has(m)) kept.set(m, chart.worst);
  return kept;
}

/**
 * The history a result carries of the snapshots its monitor took during the run: the charted metrics only,
 * reduced to at most `maxPoints` points (see {@link RunMonitorHistory}).
 *
 * @param snapshots - the run's snapshots, oldest first
 * @param maxPoints - the bound (tests pass a smaller one)
 * @internal
 */
export function runMonitorHistory(snapshots: readonly MetricSnapshot[], maxPoints = MAX_RUN_HISTORY_POINTS): RunMonitorHistory {
  const names = new Set<string>();
  const allDescriptors: Record<string, MetricDescriptor> = {};
  let lastDescriptors: object | undefined;
  for (const s of snapshots) {
    for (const m of Object.keys(s.values)) names.add(m);
    // Snapshots of one monitor share one descriptor object: merge each distinct object once.
    if (s.descriptors !== lastDescriptors) {
      Object.assign(allDescriptors, s.descriptors);
      lastDescriptors = s.descriptors;
    }
  }
  const metrics = chartedMetrics(names);
  const descriptors: Record<string, MetricDescriptor> = {};
  for (const m of metrics.keys()) {
    const d = allDescriptors[m];
    if (d !== undefined) descriptors[m] = d;
  }
  const points = reduce(snapshots.map((s) => ({ timestamp: s.timestamp, monotonic: s.monotonic, values: s.values })), metrics, maxPoints);
  return { snapshotCount: snapshots.length, descriptors: Object.freeze(descriptors), points };
}

/**
 * The points of a result's monitor history as snapshots, for the formatters' charts.
 *
 * @internal
 */
export function runHistorySnapshots(history: RunMonitorHistory): MetricSnapshot[] {
  const descriptors = Object.isFrozen(history.descriptors) ? history.descriptors : Object.freeze({ ...history.descriptors });
  return history.points.map((p) => new MetricSnapshot({ timestamp: p.timestamp, monotonic: p.monotonic, values: p.values, descriptors }));
}

/**
 * Validates the `monitorHistory` of a result document: descriptors and points by the rules of history files, a
 * snapshot count at least the number of points. More than {@link MAX_RUN_HISTORY_POINTS} points (a file written
 * by hand or by another release) are reduced on reading, as a run's would be.
 *
 * @internal
 */
export function readRunMonitorHistory(json: unknown, at: string, file?: string): RunMonitorHistory {
  const o = requireObject(json, at, file);
  const snapshotCount = requireFiniteNumber(o.snapshotCount, `${at}.snapshotCount`, file);
  if (!Number.isInteger(snapshotCount) || snapshotCount < 0) throw invalid(`${at}.snapshotCount`, `expected a non-negative integer, got ${snapshotCount}`, file);
  const descriptors = parseHistoryDescriptors(o.descriptors, `${at}.descriptors`, file);
  const raw = requireArray(o.points, `${at}.points`, file);
  if (raw.length > MAX_HISTORY_SIZE) throw invalid(`${at}.points`, `more than ${MAX_HISTORY_SIZE} points`, file);
  const points = raw.map((p, i) => parseHistoryPoint(p, `${at}.points[${i}]`, descriptors, file));
  if (snapshotCount < points.length) throw invalid(`${at}.snapshotCount`, `expected at least the ${points.length} points, got ${snapshotCount}`, file);
  if (points.length <= MAX_RUN_HISTORY_POINTS) return { snapshotCount, descriptors, points };
  const names = new Set<string>();
  for (const p of points) for (const m of Object.keys(p.values)) names.add(m);
  // every metric, charted or not, is reduced by its chart's rule (highest, unless a chart says lowest)
  const metrics = new Map<string, 'max' | 'min'>([...names].map((m) => [m, 'max']));
  for (const [m, worst] of chartedMetrics(names)) metrics.set(m, worst);
  return { snapshotCount, descriptors, points: reduce(points, metrics, MAX_RUN_HISTORY_POINTS) };
}
