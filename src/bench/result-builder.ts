// SuiteResultBuilder: how a suite that does more than one BenchmarkSuite run (preparation, peers, nested
// suites) builds its result once, with the one summary, instead of patching a finished result.
import { systemClock, type Clock } from '../core/clock.js';
import type { BottleneckFinding } from '../core/findings.js';
import { RESULT_SCHEMA_VERSION, type KeyFigure, type RunMonitorHistory, type SuiteResult, type SuiteStatus } from '../core/results.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { lazyModule } from '../core/lazy.js';
import type * as RunHistoryModule from '../monitor/run-history.js';
import type * as EnvironmentModule from './environment.js';
import type * as SummaryModule from './summary.js';

// What building needs (the statistics of the summary among it) loads on first use, not with rune-bench.
const runHistory = lazyModule<typeof RunHistoryModule>(import.meta.url, '../monitor/run-history.js');
const environment = lazyModule<typeof EnvironmentModule>(import.meta.url, './environment.js');
const summaryModule = lazyModule<typeof SummaryModule>(import.meta.url, './summary.js');

/**
 * Options of {@link SuiteResultBuilder}.
 *
 * @public
 */
export interface SuiteResultBuilderOptions {
  /** Time source for the start time and the whole-run duration. @defaultValue `systemClock` */
  readonly clock?: Clock;
}

/** The status of a parent from its children's. */
function statusOfChildren(children: readonly SuiteResult[]): SuiteStatus {
  if (children.some((c) => c.status === 'aborted')) return 'aborted';
  if (children.every((c) => c.status === 'ok')) return 'ok';
  return children.some((c) => c.status === 'ok' || c.status === 'partial') ? 'partial' : 'failed';
}

/**
 * Builds a {@link SuiteResult} once from its parts: the tasks of a `BenchmarkSuite` run (or none, for a
 * run that ended while preparing), figures, notices, nested suites, peaks seen outside the benchmark run,
 * and the status. The duration runs from the builder's creation to {@link SuiteResultBuilder.build}, so
 * it covers preparation; the summary is the one `buildSummary` over the tasks and the children.
 *
 * @example
 * ```ts
 * const builder = new SuiteResultBuilder('my-suite');
 * await prepare();
 * builder.adopt(await bench.run()).figure({ name: 'files', value: 1200, unit: '{count}' });
 * return builder.build();
 * ```
 * @public
 */
export class SuiteResultBuilder {
  readonly #name: string;
  readonly #clock: Clock;
  readonly #started: number;
  readonly #startedAt: string;
  #run: SuiteResult | undefined;
  readonly #figures: KeyFigure[] = [];
  readonly #notices: string[] = [];
  readonly #children: SuiteResult[] = [];
  readonly #findings: BottleneckFinding[] = [];
  #status: SuiteStatus | undefined;
  #monitorHistory: RunMonitorHistory | undefined;
  #peakMemory = 0;
  #peakCpu = 0;

  /**
   * @param name - the suite's name
   * @param options - clock
   * @throws TypeError when `name` is not a non-empty string
   */
  constructor(name: string, options: SuiteResultBuilderOptions = {}) {
    if (typeof name !== 'string' || name.length === 0) throw new TypeError('name option must be a non-empty string');
    this.#name = name;
    this.#clock = options.clock ?? systemClock;
    this.#started = this.#clock.now();
    this.#startedAt = new Date(this.#clock.wallNow()).toISOString();
  }

  /**
   * Takes the tasks, environment, start time, status, peaks, figures, notices, findings and monitor history of a
   * `BenchmarkSuite` run.
   */
  adopt(run: SuiteResult): this {
    if (this.#run !== undefined) throw new RangeError('adopt: the builder already holds a run; a suite with several runs adds them as children');
    this.#run = run;
    return this;
  }

  /** Adds suite-level figures. */
  figure(...figures: readonly KeyFigure[]): this {
    this.#figures.push(...figures);
    return this;
  }

  /** Adds notices for people. */
  notice(...notices: readonly string[]): this {
    this.#notices.push(...notices);
    return this;
  }

  /** Adds a nested suite's result (kept as a child: its tasks stay its own). */
  child(result: SuiteResult): this {
    this.#children.push(result);
    return this;
  }

  /** Adds bottleneck findings. */
  findings(...findings: readonly BottleneckFinding[]): this {
    this.#findings.push(...findings);
    return this;
  }

  /**
   * Keeps the snapshots a monitor took over the whole suite as the result's `monitorHistory` (the charted metrics,
   * reduced to at most 300 points: see `RunMonitorHistory`), in place of the adopted run's.
   *
   * @param snapshots - the monitor's snapshots during the suite, oldest first
   */
  monitorHistory(snapshots: readonly MetricSnapshot[]): this {
    this.#monitorHistory = runHistory().runMonitorHistory(snapshots);
    return this;
  }

  /** Sets the status; by default it is the run's, combined with the children's. */
  status(status: SuiteStatus): this {
    this.#status = status;
    return this;
  }

  /** Records peaks seen outside the benchmark run (preparation, a monitor over the whole run). */
  peaks(peaks: { readonly memory?: number | undefined; readonly cpu?: number | undefined }): this {
    if (peaks.memory !== undefined && Number.isFinite(peaks.memory)) this.#peakMemory = Math.max(this.#peakMemory, peaks.memory);
    if (peaks.cpu !== undefined && Number.isFinite(peaks.cpu)) this.#peakCpu = Math.max(this.#peakCpu, peaks.cpu);
    return this;
  }

  /** The children added so far. */
  get children(): readonly SuiteResult[] {
    return this.#children;
  }

  /** The result. */
  build(): SuiteResult {
    const run = this.#run;
    const tasks = run?.tasks ?? [];
    const elapsed = (this.#clock.now() - this.#started) / 1000;
    const duration = Math.max(elapsed, run?.summary.duration ?? 0);
    const own = {
      rss: Math.max(this.#peakMemory, run?.summary.peakMemory ?? 0),
      cpu: Math.max(this.#peakCpu, run?.summary.peakCpu ?? 0),
    };
    const summary = summaryModule().buildSummary(tasks, duration, own, [], this.#children);
    // the run's cache hit ratio came from its monitor's snapshots, which the builder does not see again
    const ratio = run?.summary.cacheHitRatio;
    const withRun = ratio === undefined || this.#children.length > 0 ? summary : { ...summary, cacheHitRatio: ratio };
    let status = this.#status;
    if (status === undefined) {
      if (run !== undefined && this.#children.length === 0) status = run.status;
      else if (run === undefined && this.#children.length > 0) status = statusOfChildren(this.#children);
      else if (run !== undefined) status = statusOfChildren([run, ...this.#children]);
      else status = 'ok';
    }
    const figures = [...(run?.figures ?? []), ...this.#figures];
    const notices = [...(run?.notices ?? []), ...this.#notices];
    const findings = [...(run?.findings ?? []), ...this.#findings];
    const monitorHistory = this.#monitorHistory ?? run?.monitorHistory;
    return {
      schemaVersion: RESULT_SCHEMA_VERSION,
      name: this.#name,
      status,
      startedAt: run?.startedAt ?? this.#startedAt,
      env: run?.env ?? environment().environmentFingerprint(),
      tasks,
      summary: withRun,
      ...(figures.length > 0 ? { figures } : {}),
      ...(findings.length > 0 || run?.findings !== undefined ? { findings } : {}),
      ...(monitorHistory === undefined ? {} : { monitorHistory }),
      ...(this.#children.length > 0 ? { children: [...this.#children] } : {}),
      ...(notices.length > 0 ? { notices } : {}),
    };
  }
}
