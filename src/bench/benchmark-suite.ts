// BenchmarkSuite: add tasks, run them one after another, emit typed progress, return a SuiteResult.
import { TypedEventEmitter } from '../core/typed-events.js';
import { systemClock } from '../core/clock.js';
import { RuneBenchError } from '../core/errors.js';
import { RESULT_SCHEMA_VERSION, type SuiteResult, type TaskResult } from '../core/results.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { lazyModule } from '../core/lazy.js';
import type * as EnvironmentModule from './environment.js';
import type * as OptionsModule from './options.js';
import type { Instrument } from './instruments/instrument-options.js';
import type * as SummaryModule from './summary.js';
import type * as TaskRunnerModule from './task-runner.js';
import type { TaskDefinition, TaskOutcome } from './task-runner.js';
import type * as TimerModule from './timer.js';
import type * as GcModule from './gc.js';
import { BottleneckDetector } from '../detect/bottleneck/bottleneck-detector.js';
import type * as HostRecorderModule from './host-recorder.js';
import type * as RunHistoryModule from '../monitor/run-history.js';
import type { BenchmarkFn, BenchmarkSuiteEvents, BenchmarkSuiteOptions, TaskErrorEvent, TaskOptions } from './types.js';

// Options checks load with the first suite made, what a run needs (the task runner, the statistics) on the first
// run, synchronously: a run without isolation reaches its first clock reading with no await.
const optionsModule = lazyModule<typeof OptionsModule>(import.meta.url, './options.js');
const environment = lazyModule<typeof EnvironmentModule>(import.meta.url, './environment.js');
const summaryModule = lazyModule<typeof SummaryModule>(import.meta.url, './summary.js');
const taskRunner = lazyModule<typeof TaskRunnerModule>(import.meta.url, './task-runner.js');
const timer = lazyModule<typeof TimerModule>(import.meta.url, './timer.js');
const gc = lazyModule<typeof GcModule>(import.meta.url, './gc.js');
const hostRecorder = lazyModule<typeof HostRecorderModule>(import.meta.url, './host-recorder.js');
const runHistory = lazyModule<typeof RunHistoryModule>(import.meta.url, '../monitor/run-history.js');

/** The tag that marks a suite's baseline task in its result (see `TaskOptions.baseline`). */
const BASELINE_TAG = 'baseline';

/**
 * Options of {@link BenchmarkSuite.run}.
 *
 * @public
 */
export interface SuiteRunSelection {
  /** Run only these tasks (by name), in suite order. @defaultValue all tasks */
  readonly tasks?: readonly string[];
  /** Aborts this run, as the suite's `signal` option does (either one aborts). @defaultValue none */
  readonly signal?: AbortSignal;
}

/** One signal that aborts when either does; `dispose` removes the listeners. */
function eitherSignal(a: AbortSignal | undefined, b: AbortSignal | undefined): { signal: AbortSignal | undefined; dispose: () => void } {
  if (a === undefined || b === undefined) return { signal: a ?? b, dispose: () => undefined };
  const controller = new AbortController();
  const forward = (source: AbortSignal) => (): void => {
    controller.abort(source.reason);
  };
  const onA = forward(a);
  const onB = forward(b);
  if (a.aborted) onA();
  else if (b.aborted) onB();
  a.addEventListener('abort', onA, { once: true });
  b.addEventListener('abort', onB, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      a.removeEventListener('abort', onA);
      b.removeEventListener('abort', onB);
    },
  };
}

/** The stated reason for a task that stopped short of its `targetRme`, or undefined. */
function precisionNotice(result: TaskResult, target: number | undefined): string | undefined {
  const stats = result.stats;
  if (target === undefined || result.status !== 'ok' || stats === undefined || !(stats.rme > target)) return undefined;
  const percent = (ratio: number): string => `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)}%`;
  return (
    `${result.name}: ±${percent(stats.rme)} after ${String(stats.samples)} samples, short of its ±${percent(target)} target ` +
    '(its samples vary too much for that within its time and sample limits: the task\'s own variation, or the host\'s load)'
  );
}

function errorFor(name: string, outcome: TaskOutcome): TaskErrorEvent | undefined {
  const { result, thrown } = outcome;
  if (result.status === 'ok') return undefined;
  const message = result.error?.message ?? result.status;
  const code =
    result.status === 'timeout' ? 'ERR_TASK_TIMEOUT' : result.status === 'aborted' ? 'ERR_ABORTED' : result.error?.code === 'ERR_CHILD_FAILED' ? 'ERR_CHILD_FAILED' : 'ERR_TASK_FAILED';
  return {
    task: name,
    status: result.status,
    error: new RuneBenchError(code, `task "${name}" ${result.status === 'failed' ? 'failed' : result.status === 'timeout' ? 'timed out' : 'was aborted'}: ${message}`, { cause: thrown }),
  };
}

let definitionOf: ((suite: BenchmarkSuite, task: string) => TaskDefinition | undefined) | undefined;

/**
 * A task's definition inside a suite, for the counting child of the instructions instrument.
 *
 * @internal
 */
export function taskDefinitionOf(suite: unknown, task: string): TaskDefinition | undefined {
  return suite instanceof BenchmarkSuite ? definitionOf?.(suite, task) : undefined;
}

/**
 * A set of benchmark tasks run one after another with calibrated batching, warm-up, garbage collection
 * between tasks, per-task timeouts and optional child-process isolation.
 *
 * @example
 * ```ts
 * const suite = new BenchmarkSuite('hashing', { timeMs: 500 });
 * suite.add('sha1 1KiB', () => createHash('sha1').update(buf).digest(), { bytes: 1024 });
 * const result = await suite.run();
 * ```
 * @public
 */
export class BenchmarkSuite extends TypedEventEmitter<BenchmarkSuiteEvents> {
  readonly #name: string;
  readonly #options: BenchmarkSuiteOptions;
  readonly #tasks: TaskDefinition[] = [];
  #running = false;

  static {
    definitionOf = (suite, task) => suite.#tasks.find((t) => t.name === task);
  }

  /**
   * @param name - suite name (carried into the result)
   * @param options - timing, abort, monitor, isolation and sampling options
   * @throws TypeError or RangeError naming an invalid option
   */
  constructor(name: string, options: BenchmarkSuiteOptions = {}) {
    super();
    if (typeof name !== 'string' || name.length === 0) throw new TypeError('name must be a non-empty string');
    const { resolveSettings, validateSuiteOptions } = optionsModule();
    validateSuiteOptions(options);
    resolveSettings(options, {});
    this.#name = name;
    this.#options = { ...options };
  }

  /** Suite name. */
  get name(): string {
    return this.#name;
  }

  /** What measures the tasks (the `instrument` option): `time` unless the suite counts instructions. */
  get instrument(): Instrument {
    return this.#options.instrument ?? 'time';
  }

  /** Names of the tasks, in the order added. */
  get tasks(): readonly string[] {
    return this.#tasks.map((t) => t.name);
  }

  /** Whether `run()` is in progress. */
  get running(): boolean {
    return this.#running;
  }

  /**
   * Adds a task.
   *
   * @param name - unique task name
   * @param fn - the operation; sync or returning a promise
   * @param options - hooks, throughput units, tags, figures and per-task timing overrides
   * @returns this suite, for chaining
   * @throws TypeError or RangeError naming an invalid option; RuneBenchError `ERR_DUPLICATE` for a name used twice
   */
  add(name: string, fn: BenchmarkFn, options: TaskOptions = {}): this {
    if (typeof name !== 'string' || name.length === 0) throw new TypeError('task name must be a non-empty string');
    if (typeof fn !== 'function') throw new TypeError(`task "${name}": fn must be a function`);
    if (this.#tasks.some((t) => t.name === name)) {
      throw new RuneBenchError('ERR_DUPLICATE', `task "${name}" is already in suite "${this.#name}"`);
    }
    const { resolveSettings, validateTaskOptions } = optionsModule();
    validateTaskOptions(options);
    resolveSettings(this.#options, options);
    const baseline = options.baseline === true || this.#options.baseline === name;
    if (baseline) {
      const other = this.#tasks.find((t) => t.options.tags?.includes(BASELINE_TAG) === true);
      if (other !== undefined) throw new RangeError(`task "${name}": baseline option: task "${other.name}" is already the baseline of suite "${this.#name}"`);
    }
    const tags = baseline && options.tags?.includes(BASELINE_TAG) !== true ? [...(options.tags ?? []), BASELINE_TAG] : options.tags;
    this.#tasks.push({ name, fn, options: { ...options, ...(tags === undefined ? {} : { tags }) } });
    return this;
  }

  /**
   * Runs the tasks one after another. Never rejects because of a task: a throwing task ends `failed`, a
   * never-settling async one `timeout`, and an abort resolves promptly with the partial result (`aborted`).
   *
   * @param selection - which tasks to run
   * @returns the suite result
   * @throws TypeError naming an invalid selection option; RuneBenchError `ERR_BUSY` when the suite is already
   *   running; `ERR_NOT_FOUND` for an unknown task name
   */
  async run(selection: SuiteRunSelection = {}): Promise<SuiteResult> {
    optionsModule().validateRunSelection(selection);
    const baseline = this.#options.baseline;
    if (baseline !== undefined && !this.#tasks.some((t) => t.name === baseline)) {
      throw new RangeError(`baseline option names no task of suite "${this.#name}": ${JSON.stringify(baseline)}`);
    }
    if (this.#running) throw new RuneBenchError('ERR_BUSY', `suite "${this.#name}" is already running`);
    const chosen = this.#select(selection);
    this.#running = true;
    const abort = eitherSignal(this.#options.signal, selection.signal);
    try {
      return await this.#run(chosen, abort.signal);
    } finally {
      abort.dispose();
      this.#running = false;
    }
  }

  #select(selection: SuiteRunSelection): TaskDefinition[] {
    if (selection.tasks === undefined) return [...this.#tasks];
    for (const name of selection.tasks) {
      if (!this.#tasks.some((t) => t.name === name)) {
        throw new RuneBenchError('ERR_NOT_FOUND', `suite "${this.#name}" has no task "${name}"`);
      }
    }
    return this.#tasks.filter((t) => selection.tasks?.includes(t.name) === true);
  }

  async #run(tasks: readonly TaskDefinition[], signal: AbortSignal | undefined): Promise<SuiteResult> {
    const options = this.#options;
    // Process isolation and the instructions instrument spawn processes (node:child_process, valgrind): a suite
    // that uses them loads them here, so importing rune-bench does not. A suite without them reaches its first
    // clock reading with no await, as before, so a test driving a ManualClock sees the same run.
    const isolating = options.isolation === undefined ? undefined : await import('./isolation.js');
    const counting = options.instrument === 'instructions' ? await import('./instruments/instructions.js') : undefined;
    const { resolveSettings } = optionsModule();
    const { runTask } = taskRunner();
    const { nowSeconds: realSeconds, timerProfile } = timer();
    const { buildSummary, suiteStatus } = summaryModule();
    // measured once per process, before any task, so no task's warm-up pays for it
    timerProfile();
    if (options.gc !== false) gc().getGc();
    const clock = options.clock ?? systemClock;
    const nowSeconds = (): number => clock.now() / 1000;
    const startedAt = new Date(clock.wallNow());
    const started = nowSeconds();
    const env = environment().environmentFingerprint();
    const stopHost = hostRecorder().recordHostConditions(clock);
    const monitor = options.monitor;
    const startedMonitor = monitor !== undefined && !monitor.running;
    if (startedMonitor) await monitor.start();
    // a first and (below) a last snapshot, so even a run shorter than the monitor's interval has a window to chart
    if (monitor !== undefined) await monitor.sample();
    let peakRss = process.memoryUsage.rss();
    let peakCpu = 0;
    const results: TaskResult[] = [];
    const notices: string[] = [];
    let aborted = signal?.aborted === true;
    const onAbort = (): void => {
      aborted = true;
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    this.emit('start', { suite: this.#name, tasks: tasks.map((t) => t.name) });
    const budgets = tasks.map((t) => {
      const s = resolveSettings(options, t.options);
      return (s.warmupMs + s.timeMs) / 1000 + 0.05;
    });
    const isolation = isolating !== undefined && !isolating.isIsolatedChild() ? options.isolation : undefined;

    for (const [index, def] of tasks.entries()) {
      if (aborted) {
        results.push({ name: def.name, status: 'aborted', duration: 0, tags: [...(def.options.tags ?? [])] });
        continue;
      }
      this.emit('task:start', { task: def.name, index });
      const settings = resolveSettings(options, def.options);
      const taskStart = realSeconds();
      const progress = (taskFraction: number, samples: number): void => {
        const rss = process.memoryUsage.rss();
        if (rss > peakRss) peakRss = rss;
        const done = budgets.slice(0, index).reduce((a, b) => a + b, 0) + taskFraction * (budgets[index] ?? 0);
        const total = budgets.reduce((a, b) => a + b, 0);
        const elapsed = nowSeconds() - started;
        const fraction = total > 0 ? Math.min(1, done / total) : 1;
        const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : total;
        this.emit('task:cycle', { task: def.name, fraction, taskFraction, eta, samples });
      };
      const outcome =
        counting !== undefined
          ? await counting.runInstructions(this.#name, def, settings, this.#options, { signal, clock, progress })
          : isolating === undefined || isolation === undefined
            ? await runTask(def, settings, { signal, clock, progress })
            : await isolating.runIsolated(this.#name, def, settings, isolation, { signal, clock, progress });
      // a measurement (CPU share), not a budget: real elapsed time
      const wall = realSeconds() - taskStart;
      if (wall > 0.05) peakCpu = Math.max(peakCpu, outcome.cpuSeconds / wall);
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      results.push(outcome.result);
      const shortOfTarget = precisionNotice(outcome.result, settings.targetRme);
      if (shortOfTarget !== undefined) notices.push(shortOfTarget);
      if (outcome.result.status === 'aborted') aborted = true;
      const failure = errorFor(def.name, outcome);
      if (failure !== undefined) this.emit('task:error', failure);
      this.emit('task:complete', outcome.result);
    }
    signal?.removeEventListener('abort', onAbort);

    const duration = nowSeconds() - started;
    const host = stopHost();
    let snapshots: MetricSnapshot[] = [];
    if (monitor !== undefined) {
      const from = startedAt.getTime();
      try {
        if (monitor.running) await monitor.sample();
        snapshots = monitor.history.toArray().filter((s) => s.timestamp >= from);
      } finally {
        if (startedMonitor) await monitor.stop();
      }
    }
    const measured: SuiteResult = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      name: this.#name,
      status: suiteStatus(results, aborted),
      startedAt: startedAt.toISOString(),
      env,
      host,
      tasks: results,
      summary: buildSummary(results, duration, { rss: peakRss, cpu: peakCpu }, snapshots),
      ...(notices.length > 0 ? { notices } : {}),
    };
    // With a monitor, the bottleneck detector reads the run's window, so every report shows its findings
    // (an empty list reads "no rule fired", not "no detector ran"), and the result keeps the window, reduced,
    // for the report's charts: neither needs the caller to copy them in.
    let result = measured;
    if (monitor !== undefined) {
      const found = new BottleneckDetector().analyzeSuite(measured, snapshots);
      result = { ...measured, findings: [...found.findings, ...found.host], monitorHistory: runHistory().runMonitorHistory(snapshots) };
    }
    if (aborted) this.emit('abort', { reason: signal?.reason });
    this.emit('complete', result);
    return result;
  }
}
