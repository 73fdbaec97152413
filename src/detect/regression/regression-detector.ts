// RegressionDetector: a pairwise gate, change points over stored histories, and live departures, one class.
import { EventEmitter } from 'eventemitter3';
import { abortError } from '../../core/errors.js';
import type { SuiteResult } from '../../core/results.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import { detectChangePoints } from '../../stats/change-points.js';
import { judge, measurePair, type GateSettings, type RawComparison } from './regression-gate.js';
import { LiveWatcher } from './regression-live.js';
import { DEFAULT_COUNT_THRESHOLD, isCounted, measureCounts } from './count-gate.js';
import type { HistorySeries, ResultsStore } from '../../store/results-store.js';
import type {
  BenchmarkComparison,
  ConfirmCallback,
  HistoryAnalysis,
  HistoryChange,
  LiveMetricSpec,
  RegressionDetectorEvents,
  RegressionDetectorOptions,
  RegressionReport,
} from './regression-types.js';

/**
 * Anything that emits monitor snapshots: a `PerformanceMonitor` fits.
 *
 * @beta
 */
export interface SnapshotEmitter {
  /** Subscribes to samples. */
  on(event: 'sample', listener: (snapshot: MetricSnapshot) => void): unknown;
  /** Unsubscribes. */
  off(event: 'sample', listener: (snapshot: MetricSnapshot) => void): unknown;
}

/**
 * Options of {@link RegressionDetector.compare}.
 *
 * @beta
 */
export interface RegressionCompareOptions {
  /** Re-runs a benchmark whose first verdict is `regressed`; the regression is reported only if the re-run agrees. */
  readonly confirm?: ConfirmCallback;
  /** Aborts the comparison (between benchmarks and during confirmation). */
  readonly signal?: AbortSignal;
}

/**
 * Options of {@link RegressionDetector.analyzeStore}.
 *
 * @beta
 */
export interface AnalyzeStoreOptions {
  /** Machine fingerprint to analyse. @defaultValue the machine of the newest record holding each key */
  readonly machine?: string;
  /** Keys to analyse. @defaultValue every key in the store */
  readonly keys?: readonly string[];
  /** Aborts between benchmarks. */
  readonly signal?: AbortSignal;
}

function checkRatio(value: number, name: string): void {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) throw new RangeError(`${name} option must be a number in [0, 1)`);
}

/**
 * Finds performance regressions at three levels and raises a typed `regression` event for each:
 *
 * 1. Pairwise ({@link RegressionDetector.compare}): current against baseline samples per benchmark, on log-times:
 *    ratio of medians with a seeded bootstrap interval, Mann-Whitney U, Benjamini-Hochberg across benchmarks.
 *    `regressed` only when the whole interval lies above `1 + threshold`; optional confirmation by re-running.
 * 2. History ({@link RegressionDetector.analyze}, {@link RegressionDetector.analyzeStore}): change points over each
 *    benchmark's stored runs (robust PELT, drift-aware local tests, newest runs labelled `suspected`).
 * 3. Live ({@link RegressionDetector.watch}): monitor metrics departing from their baseline.
 *
 * @example
 * ```ts
 * const detector = new RegressionDetector({ threshold: 0.02 });
 * detector.on('regression', (e) => { if (e.kind === 'pairwise') console.log(e.comparison.name); });
 * const report = await detector.compare(baseline, current);
 * ```
 * @beta
 */
export class RegressionDetector extends EventEmitter<RegressionDetectorEvents> {
  readonly #gate: GateSettings;
  readonly #countGate: GateSettings;
  readonly #changePoints: NonNullable<RegressionDetectorOptions['changePoints']>;

  /**
   * @param options - threshold, false discovery rate, bootstrap settings, change-point options
   * @throws RangeError when an option is out of range
   */
  constructor(options: RegressionDetectorOptions = {}) {
    super();
    const { threshold = 0.02, countThreshold = DEFAULT_COUNT_THRESHOLD, alpha = 0.05, level = 0.95, resamples = 2000, seed = 1, changePoints = {} } = options;
    checkRatio(threshold, 'threshold');
    checkRatio(countThreshold, 'countThreshold');
    if (!(alpha > 0 && alpha < 1)) throw new RangeError('alpha option must be between 0 and 1 (exclusive)');
    if (!(level > 0 && level < 1)) throw new RangeError('level option must be between 0 and 1 (exclusive)');
    if (!Number.isInteger(resamples) || resamples < 100) throw new RangeError('resamples option must be an integer >= 100');
    if (!Number.isFinite(seed)) throw new TypeError('seed option must be a finite number');
    // validate change-point options now rather than at the first analysis
    detectChangePoints([], changePoints);
    this.#gate = { threshold, alpha, level, resamples, seed };
    this.#countGate = { ...this.#gate, threshold: countThreshold };
    this.#changePoints = changePoints;
  }

  /**
   * Compares sample sets directly: `sets` maps a benchmark name to its baseline and current per-operation
   * samples (seconds). Corrected across all the sets given.
   *
   * @returns one comparison per set, in input order
   * @throws RangeError when a set has no positive sample on a side
   */
  compareSamples(
    sets: readonly { readonly name: string; readonly baseline: readonly number[]; readonly current: readonly number[] }[],
  ): BenchmarkComparison[] {
    const out = judge(
      sets.map((s) => measurePair(s.name, s.baseline, s.current, this.#gate)),
      this.#gate,
    );
    for (const c of out) if (c.verdict === 'regressed') this.emit('regression', { kind: 'pairwise', comparison: c });
    return out;
  }

  /**
   * Compares two suite runs task by task (tasks must have kept their samples, `keepSamples`; a task with only
   * statistics is compared on nothing and listed in `skipped`).
   *
   * @param baseline - the reference run
   * @param current - the run under test
   * @param options - confirmation callback and signal
   * @throws RuneBenchError `ERR_ABORTED` when the signal fires
   */
  async compare(baseline: SuiteResult, current: SuiteResult, options: RegressionCompareOptions = {}): Promise<RegressionReport> {
    const { confirm, signal } = options;
    const skipped: { name: string; reason: string }[] = [];
    const notices: string[] = [];
    if (baseline.env.id !== current.env.id) {
      notices.push(`baseline ran on machine ${baseline.env.id}, current on ${current.env.id}: differences may come from the machines`);
    }
    const byName = new Map(baseline.tasks.map((t) => [t.name, t]));
    const raw: RawComparison[] = [];
    const counted: RawComparison[] = [];
    for (const task of current.tasks) {
      if (signal?.aborted === true) throw abortError(signal, 'regression comparison');
      const base = byName.get(task.name);
      if (base === undefined) skipped.push({ name: task.name, reason: 'not in the baseline' });
      else if (task.status !== 'ok' || base.status !== 'ok') skipped.push({ name: task.name, reason: `status ${base.status} -> ${task.status}` });
      else if (base.samples === undefined || base.samples.length === 0 || task.samples === undefined || task.samples.length === 0) {
        skipped.push({ name: task.name, reason: 'samples were not kept (use keepSamples)' });
      } else if (isCounted(task) || isCounted(base)) {
        // counts (instructions, estimated cycles): deterministic, compared on their spread with the count threshold
        const units = [base.stats?.unit ?? 'seconds', task.stats?.unit ?? 'seconds'];
        if (units[0] !== units[1]) skipped.push({ name: task.name, reason: `units differ: ${units[0]} -> ${units[1]}` });
        else counted.push(measureCounts(task.name, base.samples, task.samples));
      } else raw.push(measurePair(task.name, base.samples, task.samples, this.#gate));
    }
    for (const task of baseline.tasks) {
      if (!current.tasks.some((t) => t.name === task.name)) skipped.push({ name: task.name, reason: 'not in the current run' });
    }
    const countVerdicts = judge(counted, this.#countGate);
    const order = new Map(current.tasks.map((t, i) => [t.name, i]));
    let comparisons = [...judge(raw, this.#gate), ...countVerdicts].sort((x, y) => (order.get(x.name) ?? 0) - (order.get(y.name) ?? 0));
    if (confirm !== undefined) {
      const confirmed: BenchmarkComparison[] = [];
      for (const c of comparisons) {
        if (c.verdict !== 'regressed' || countVerdicts.includes(c)) {
          confirmed.push(c);
          continue;
        }
        if (signal?.aborted === true) throw abortError(signal, 'regression confirmation');
        const fresh = await confirm(c.name, signal);
        const base = byName.get(c.name)?.samples ?? [];
        const again = measurePair(c.name, base, fresh, this.#gate);
        // the re-run is one test at the original false discovery rate: it must regress on its own
        const [rejudged] = judge([again], this.#gate);
        const reproduced = rejudged?.verdict === 'regressed';
        confirmed.push(
          reproduced ? { ...c, confirmation: 'confirmed' } : { ...c, verdict: 'within-noise', confirmation: 'not-reproduced' },
        );
      }
      comparisons = confirmed;
    }
    for (const c of comparisons) if (c.verdict === 'regressed') this.emit('regression', { kind: 'pairwise', comparison: c });
    return {
      comparisons,
      regressed: comparisons.filter((c) => c.verdict === 'regressed').map((c) => c.name),
      improved: comparisons.filter((c) => c.verdict === 'improved').map((c) => c.name),
      skipped,
      notices,
    };
  }

  /**
   * Change points in one history: a {@link HistorySeries} from a {@link ResultsStore}, or bare per-run samples
   * (oldest first). Emits `regression` for each change that made the benchmark slower (suspected ones included,
   * with `status: 'suspected'`).
   *
   * @throws RangeError when a run has no positive sample
   */
  analyze(history: HistorySeries | readonly (readonly number[])[], options: { readonly signal?: AbortSignal } = {}): HistoryAnalysis {
    const isSeries = !Array.isArray(history);
    const series = isSeries ? (history as HistorySeries) : undefined;
    const runs = series !== undefined ? series.points.map((p) => p.samples) : (history as readonly (readonly number[])[]);
    const result = detectChangePoints(runs, options.signal === undefined ? this.#changePoints : { ...this.#changePoints, signal: options.signal });
    const changes: HistoryChange[] = result.changes.map((c) => {
      const commit = series?.points[c.position]?.commit;
      const previousCommit = series?.points[c.position - 1]?.commit;
      return {
        ...c,
        ...(commit === undefined ? {} : { commit }),
        ...(previousCommit === undefined ? {} : { previousCommit }),
      };
    });
    const key = series?.key;
    for (const change of changes) {
      if (change.direction === 'regression') this.emit('regression', { kind: 'change-point', key, change });
    }
    return { ...(key === undefined ? {} : { key }), runs: runs.length, changes, anomalies: result.anomalies, noise: result.noise };
  }

  /**
   * Change points over every benchmark of a results store (one machine per key). Unreadable records are
   * skipped: read them with {@link ResultsStore.read} to see the errors.
   *
   * @throws RuneBenchError `ERR_ABORTED` when the signal fires
   */
  analyzeStore(store: ResultsStore, options: AnalyzeStoreOptions = {}): HistoryAnalysis[] {
    const { records } = store.read();
    const keys = options.keys ?? [...new Set(records.flatMap((r) => r.benchmarks.map((b) => b.key)))].sort();
    const out: HistoryAnalysis[] = [];
    for (const key of keys) {
      if (options.signal?.aborted === true) throw abortError(options.signal, 'history analysis');
      const series = store.series(key, { records, ...(options.machine === undefined ? {} : { machine: options.machine }) });
      if (series.points.length === 0) continue;
      out.push(this.analyze(series));
    }
    return out;
  }

  /**
   * Watches monitor metrics live: each spec collects a baseline from the first samples, then emits
   * `regression` (kind `live`) when the metric departs from it, and `recovered` when it comes back.
   *
   * @param monitor - a `PerformanceMonitor` or anything emitting `sample` snapshots
   * @param specs - the metrics to watch
   * @returns a function that stops watching
   * @throws TypeError or RangeError when a spec is invalid
   */
  watch(monitor: SnapshotEmitter, specs: readonly LiveMetricSpec[]): () => void {
    const watchers = specs.map((spec) => new LiveWatcher(spec));
    const listener = (snapshot: MetricSnapshot): void => {
      for (const w of watchers) {
        const out = w.push(snapshot);
        if (out === 'recovered') this.emit('recovered', { metric: w.metric, snapshot });
        else if (out !== undefined) this.emit('regression', { kind: 'live', departure: out });
      }
    };
    monitor.on('sample', listener);
    return () => {
      monitor.off('sample', listener);
    };
  }
}
