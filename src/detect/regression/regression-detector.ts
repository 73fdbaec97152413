// RegressionDetector: a pairwise gate, change points over stored histories, and live departures, one class.
import { TypedEventEmitter } from '../../core/typed-events.js';
import { abortError } from '../../core/errors.js';
import type { SuiteResult } from '../../core/results.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import { lazyModule } from '../../core/lazy.js';
import type * as ChangePointsModule from '../../stats/change-points.js';
import type * as HistoryAnalysisModule from './history-analysis.js';
import type * as GateModule from './regression-gate.js';
import type { GateSettings } from './regression-gate.js';
import type * as CompareResultsModule from './compare-results.js';
import type * as ComparabilityModule from './comparability.js';
import type * as LiveModule from './regression-live.js';
import type * as CountGateModule from './count-gate.js';
import type * as BaselineStandingModule from './baseline-standing.js';
import type { HistorySeries, ResultsStore } from '../../store/results-store.js';
import type {
  BenchmarkComparison,
  BetweenRunNoise,
  ComparisonReport,
  ConfirmCallback,
  HistoryAnalysis,
  LiveMetricSpec,
  RegressionDetectorEvents,
  RegressionDetectorOptions,
} from './regression-types.js';

// Loaded by the first detector made, not by importing rune-bench.
const changePointsModule = lazyModule<typeof ChangePointsModule>(import.meta.url, '../../stats/change-points.js');
const historyAnalysis = lazyModule<typeof HistoryAnalysisModule>(import.meta.url, './history-analysis.js');
const gate = lazyModule<typeof GateModule>(import.meta.url, './regression-gate.js');
const compareResults = lazyModule<typeof CompareResultsModule>(import.meta.url, './compare-results.js');
const comparability = lazyModule<typeof ComparabilityModule>(import.meta.url, './comparability.js');
const live = lazyModule<typeof LiveModule>(import.meta.url, './regression-live.js');
const countGate = lazyModule<typeof CountGateModule>(import.meta.url, './count-gate.js');
const standing = lazyModule<typeof BaselineStandingModule>(import.meta.url, './baseline-standing.js');

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
  /**
   * Re-runs a benchmark whose first verdict is `regressed` or `improved`; the change is reported only if the
   * re-run shows it too.
   */
  readonly confirm?: ConfirmCallback;
  /** Aborts the comparison (between benchmarks and during confirmation). */
  readonly signal?: AbortSignal;
  /**
   * Between-run noise per benchmark key (for example from `betweenRunNoiseFromStore`): each such benchmark's
   * interval is widened by it and `intervalCovers` names the source. Without it the interval covers the spread
   * inside each run only, and says so.
   */
  readonly betweenRunNoise?: ReadonlyMap<string, BetweenRunNoise>;
  /**
   * The baseline is the newest run of the history each `betweenRunNoise` entry was estimated from (as when
   * comparing with the previous stored run). A `regressed` or `improved` verdict whose change is the baseline
   * run's own (the baseline off the median of the stored runs before it, the current run within their noise of it) is then
   * `inconclusive`, with the reason, and is not re-run: a re-run (`confirm`) re-measures the current side, which agrees.
   * Leave it out when the baseline is a saved file, which may be older code than the history.
   *
   * @defaultValue false
   */
  readonly baselineInHistory?: boolean;
}

/**
 * Options of {@link RegressionDetector.analyzeStore}.
 *
 * @beta
 */
export interface AnalyzeStoreOptions {
  /** Machine fingerprint to analyse. @defaultValue the machine of the newest record holding each key */
  readonly machine?: string;
  /**
   * A pool of machine fingerprints whose runs are analysed together as one history (in time order), each
   * machine's level modelled apart so alternating machines are not read as changes. Overrides `machine`.
   * @defaultValue none: one machine per key
   */
  readonly machines?: readonly string[];
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
 * detector.on('regression', (e) => { if (e.kind === 'pairwise') console.log(e.comparison.key); });
 * const report = await detector.compare(baseline, current);
 * ```
 * @beta
 */
export class RegressionDetector extends TypedEventEmitter<RegressionDetectorEvents> {
  readonly #gate: GateSettings;
  readonly #countGate: GateSettings;
  readonly #changePoints: NonNullable<RegressionDetectorOptions['changePoints']>;

  /**
   * @param options - threshold, false discovery rate, bootstrap settings, change-point options
   * @throws RangeError when an option is out of range
   */
  constructor(options: RegressionDetectorOptions = {}) {
    super();
    const { threshold = 0.02, countThreshold = countGate().DEFAULT_COUNT_THRESHOLD, alpha = 0.05, level = 0.95, resamples = 2000, seed = 1, changePoints = {} } = options;
    checkRatio(threshold, 'threshold');
    checkRatio(countThreshold, 'countThreshold');
    if (!(alpha > 0 && alpha < 1)) throw new RangeError('alpha option must be between 0 and 1 (exclusive)');
    if (!(level > 0 && level < 1)) throw new RangeError('level option must be between 0 and 1 (exclusive)');
    if (!Number.isInteger(resamples) || resamples < 100) throw new RangeError('resamples option must be an integer >= 100');
    if (!Number.isFinite(seed)) throw new TypeError('seed option must be a finite number');
    // validate change-point options now rather than at the first analysis
    changePointsModule().detectChangePoints([], changePoints);
    this.#gate = { threshold, alpha, level, resamples, seed };
    this.#countGate = { ...this.#gate, threshold: countThreshold };
    this.#changePoints = changePoints;
  }

  /**
   * Compares sample sets directly: each set holds a benchmark key and its baseline and current per-operation
   * samples (seconds). All sets form one Benjamini-Hochberg family.
   *
   * @returns one comparison per set, in input order
   * @throws RangeError when a set has no positive sample on a side
   */
  compareSamples(
    sets: readonly { readonly key: string; readonly baseline: readonly number[]; readonly current: readonly number[] }[],
  ): BenchmarkComparison[] {
    const { judge, measurePair } = gate();
    const out = judge(
      sets.map((s) => measurePair(s.key, s.baseline, s.current, this.#gate)),
      this.#gate,
    );
    for (const c of out) if (c.verdict === 'regressed') this.emit('regression', { kind: 'pairwise', comparison: c });
    return out;
  }

  /**
   * Compares two result trees benchmark by benchmark: every task of every nested suite, matched by its key
   * below the root (`child/task`; the roots may be named differently), in one Benjamini-Hochberg family.
   * Tasks must have kept their samples (`keepSamples`); a task with only statistics is listed in
   * `notCompared` with the reason. Runs whose settings (scale, parameters) or task sets differ get `incomparable`
   * verdicts and `report.incomparable`; runs whose recorded host conditions differ enough to explain a change get
   * `inconclusive` verdicts and a notice naming what changed (see `explainByConditions`).
   *
   * @param baseline - the reference run
   * @param current - the run under test
   * @param options - confirmation callback and signal
   * @throws RuneBenchError `ERR_ABORTED` when the signal fires
   */
  async compare(baseline: SuiteResult, current: SuiteResult, options: RegressionCompareOptions = {}): Promise<ComparisonReport> {
    const { confirm, signal, betweenRunNoise } = options;
    const { judge, measurePair, reproduces } = gate();
    const { comparisonReport, measureTrees } = compareResults();
    const measured = measureTrees(baseline, current, this.#gate, () => {
      if (signal?.aborted === true) throw abortError(signal, 'regression comparison');
    });
    const countVerdicts = judge(measured.counted, this.#countGate);
    // instruction counts do not move with the host's load: only timed verdicts meet the host conditions
    // with a re-run to come, a change is screened in by significance and size, and the re-run must reproduce it
    const qualified = comparability().qualifyComparisons(baseline, current, judge(measured.raw, this.#gate, betweenRunNoise, confirm !== undefined), countVerdicts);
    let comparisons = qualified.comparisons;
    // before any re-run: a change that is the baseline run's own is no change to confirm (the re-run of the
    // current side would agree with it, at the cost of running the suite again)
    if (options.baselineInHistory === true && betweenRunNoise !== undefined) {
      comparisons = comparisons.map((c) => (countVerdicts.includes(c) ? c : standing().judgeBaselineStanding(c, betweenRunNoise.get(c.key))));
    }
    if (confirm !== undefined) {
      const confirmed: BenchmarkComparison[] = [];
      for (const c of comparisons) {
        // a change either way is re-run: a false "improved" misleads as much as a false "regressed"
        if ((c.verdict !== 'regressed' && c.verdict !== 'improved') || countVerdicts.includes(c)) {
          confirmed.push(c);
          continue;
        }
        if (signal?.aborted === true) throw abortError(signal, 'regression confirmation');
        const fresh = await confirm(c.key, signal);
        const base = measured.samples.get(c.key)?.baseline ?? [];
        const again = measurePair(c.key, base, fresh, this.#gate);
        // the re-run is one test at the original false discovery rate: it must show a change in the same direction
        // on its own (the same screen as the first run, see reproduces); the first run showed its size
        const [rejudged] = judge([again], this.#gate, betweenRunNoise);
        const check = rejudged === undefined ? undefined : reproduces(rejudged, c.verdict, this.#gate.alpha);
        confirmed.push(
          check?.reproduced === true
            ? { ...c, reason: `${c.reason}; confirmed: ${check.reason}`, confirmation: 'confirmed' }
            : { ...c, verdict: 'inconclusive', reason: `${c.reason}; a re-run did not reproduce it (${check?.reason ?? 'no result'})`, confirmation: 'not-reproduced' },
        );
      }
      comparisons = confirmed;
    }
    for (const c of comparisons) if (c.verdict === 'regressed') this.emit('regression', { kind: 'pairwise', comparison: c });
    return comparisonReport(baseline, comparisons, measured, qualified);
  }

  /**
   * Change points in one history: a {@link HistorySeries} from a {@link ResultsStore}, or bare per-run samples
   * (oldest first). Emits `regression` for each change that made the benchmark slower (suspected ones included,
   * with `status: 'suspected'`). `machines` gives each run's machine fingerprint when the runs come from a pool
   * of machines, so each machine's level is modelled apart.
   *
   * @throws RangeError when a run has no positive sample or `machines` does not name one machine per run
   */
  analyze(
    history: HistorySeries | readonly (readonly number[])[],
    options: { readonly signal?: AbortSignal; readonly machines?: readonly string[] } = {},
  ): HistoryAnalysis {
    const { signal, machines } = options;
    const analysis = historyAnalysis().analyzeHistory(history, {
      ...this.#changePoints,
      ...(signal === undefined ? {} : { signal }),
      ...(machines === undefined ? {} : { machines }),
    });
    for (const change of analysis.changes) {
      if (change.direction === 'regression') this.emit('regression', { kind: 'change-point', key: analysis.key, change });
    }
    return analysis;
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
      if (options.machines !== undefined) {
        const pool = historyAnalysis().poolSeries(store, key, options.machines, records);
        if (pool.series.points.length > 0) out.push(this.analyze(pool.series, { machines: pool.machines }));
        continue;
      }
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
    const { LiveWatcher } = live();
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
