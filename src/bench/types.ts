// Public types of the benchmark runner: suite options, task options and the typed event map.
import type { Clock } from '../core/clock.js';
import type { RuneBenchError } from '../core/errors.js';
import type { KeyFigure, SuiteResult, TaskResult, TaskStatus } from '../core/results.js';
import type { PerformanceMonitor } from '../monitor/performance-monitor.js';
import type { Instrument, InstructionsOptions } from './instruments/instrument-options.js';

/**
 * A benchmarked operation. It may be synchronous or return a promise (any thenable): the runner awaits what
 * the first call returns to decide. Return a value that depends on the work, so the engine cannot drop it.
 *
 * @public
 */
export type BenchmarkFn = () => unknown;

/**
 * A lifecycle hook (setup, teardown, beforeEach, afterEach). May be async. Never timed.
 *
 * @public
 */
export type BenchmarkHook = () => unknown;

/**
 * Timing options a task may override (see {@link BenchmarkSuiteOptions} for their meaning and defaults).
 *
 * @public
 */
export interface TaskTimingOptions {
  /** Time budget for sampling, ms. @defaultValue the suite's `timeMs` */
  readonly timeMs?: number;
  /** Minimum samples. @defaultValue the suite's `minSamples` */
  readonly minSamples?: number;
  /** Maximum samples. @defaultValue the suite's `maxSamples` */
  readonly maxSamples?: number;
  /** Whether to warm up before sampling (`true` also re-enables a warm-up the suite turned off). @defaultValue the suite's `warmup` */
  readonly warmup?: boolean;
  /** Warm-up duration, ms (`0` for none). @defaultValue the suite's `warmupMs` */
  readonly warmupMs?: number;
  /** Per-operation timeout, ms. @defaultValue the suite's `timeoutMs` */
  readonly timeoutMs?: number;
  /** Hard wall-clock cap for the whole task including hooks and harness overhead, ms. @defaultValue the suite's `maxTimeMs` */
  readonly maxTimeMs?: number;
  /** Precision to sample for, as a ratio (`0.05` for ±5%). @defaultValue the suite's `targetRme` */
  readonly targetRme?: number;
  /** Async operations in flight at once (latency under load). @defaultValue the suite's `concurrency` */
  readonly concurrency?: number;
  /** Measure heap bytes allocated per operation (approximate; sync tasks only). @defaultValue the suite's `measureHeap` */
  readonly measureHeap?: boolean;
}

/**
 * Options of {@link BenchmarkSuite.add}.
 *
 * A one-shot operation (for example a commit at kernel scale) uses `{ minSamples: 1, maxSamples: 1, warmup: false }`:
 * the first and only call is the sample.
 *
 * @public
 */
export interface TaskOptions extends TaskTimingOptions {
  /** Runs once before the task (not timed). May be async. A throwing setup fails the task. */
  readonly setup?: BenchmarkHook;
  /** Runs once after the task, also when it failed (not timed). May be async. */
  readonly teardown?: BenchmarkHook;
  /** Runs before every sample (not timed). A sample times a whole batch of operations for fast sync tasks. */
  readonly beforeEach?: BenchmarkHook;
  /** Runs after every sample (not timed). */
  readonly afterEach?: BenchmarkHook;
  /** Bytes processed per operation, for `bytesPerSecond`. */
  readonly bytes?: number;
  /** Items processed per operation, for `itemsPerSecond`. */
  readonly items?: number;
  /** Free-form tags carried into the result. @defaultValue `[]` */
  readonly tags?: readonly string[];
  /**
   * Makes this task the suite's baseline: reports say how much faster or slower each other task is than it
   * ("sha1 streaming is 1.84x faster than sha1 readFileSync [1.79, 1.90]"). Recorded as the tag `baseline`.
   * At most one task per suite. @defaultValue `false` (reports compare with the fastest task)
   */
  readonly baseline?: boolean;
  /** Called after the task finished; the figures are added to {@link TaskResult.figures}. May be async. */
  readonly figures?: () => readonly KeyFigure[] | Promise<readonly KeyFigure[]>;
  /**
   * The task's budget, milliseconds per operation. Recorded as the `budget` figure (in seconds), which
   * `rune-bench report --trends` judges the task's history against: when its trend over commits crosses the
   * budget, or that it is over it. A `--budget` flag or the config file's `budgets` for the same key wins.
   */
  readonly budgetMs?: number;
}

/**
 * Runs each task in fresh child processes. The suite must be defined in a module file that exports it and
 * does not run it on import (guard the run with `isIsolatedChild` or keep the run in another file).
 *
 * @public
 */
export interface IsolationOptions {
  /** The module defining the suite: a file URL (`import.meta.url`) or path. */
  readonly module: string | URL;
  /** Name of the export holding the suite. @defaultValue `'default'` */
  readonly exportName?: string;
  /** Fresh processes per task; their per-process medians are merged. @defaultValue `3` */
  readonly processes?: number;
  /** Extra `node` arguments for the children. @defaultValue the parent's `process.execArgv` */
  readonly execArgv?: readonly string[];
}

/**
 * Options of {@link BenchmarkSuite}.
 *
 * @public
 */
export interface BenchmarkSuiteOptions {
  /** Name of the baseline task, as the task option {@link TaskOptions.baseline} sets it. @defaultValue none (the fastest task) */
  readonly baseline?: string;
  /** Time budget for sampling each task, ms. @defaultValue `500` */
  readonly timeMs?: number;
  /** Minimum samples per task (sampling continues past `timeMs` until reached, unless `maxTimeMs` hits). @defaultValue `10` */
  readonly minSamples?: number;
  /** Maximum samples per task. @defaultValue `1_000_000` */
  readonly maxSamples?: number;
  /** Hard wall-clock cap per task including hooks, warm-up and harness overhead, ms. @defaultValue no cap */
  readonly maxTimeMs?: number;
  /**
   * Precision to sample for: when the task's `rme` (the relative half-width of its median's 95% interval) is
   * still above this ratio after `timeMs`, sampling goes on until it is not, `maxSamples` is reached, or the
   * extra time would pass the smaller of `maxTimeMs` and ten times `timeMs`. A task that stops short of the
   * target says so in a notice on the suite's result (`0.05` for ±5%). @defaultValue none: sampling stops at `timeMs`
   */
  readonly targetRme?: number;
  /** Whether to warm up before sampling (`false` turns the warm-up off whatever `warmupMs` says). @defaultValue `true` */
  readonly warmup?: boolean;
  /** Warm-up duration before sampling, ms of this process's CPU time (capped at twice that in wall time). @defaultValue `100` */
  readonly warmupMs?: number;
  /** Aborts the run: `run()` resolves promptly with the partial result, status `aborted`. */
  readonly signal?: AbortSignal;
  /** Async operations in flight at once. @defaultValue `1` */
  readonly concurrency?: number;
  /**
   * A monitor attached for the run (started and stopped by the run when it is not running; sampled once at the start
   * and once at the end): its history fills peak CPU, peak memory and the cache hit ratio, the bottleneck detector
   * reads it into the result's `findings`, and the result keeps it, reduced, as `monitorHistory` for the report's charts.
   */
  readonly monitor?: PerformanceMonitor;
  /** Keep per-operation samples in the result: `false`, `true` (up to 1000 per task) or a maximum count. @defaultValue `true` */
  readonly keepSamples?: boolean | number;
  /**
   * Per-operation timeout, ms: an async operation that does not settle in time ends the task `timeout`. With
   * `isolation`, a child process whose event loop stays blocked that long (a sync operation that never
   * returns) is killed, and the task ends `timeout` too.
   * @defaultValue `60_000`
   */
  readonly timeoutMs?: number;
  /** Seed for the bootstrap and sample thinning. @defaultValue `1` */
  readonly seed?: number;
  /** Collect garbage between tasks when `gc` can be obtained. @defaultValue `true` */
  readonly gc?: boolean;
  /** Measure heap bytes allocated per operation (approximate; sync tasks only). @defaultValue `false` */
  readonly measureHeap?: boolean;
  /** Run each task in fresh child processes. @defaultValue not isolated */
  readonly isolation?: IsolationOptions;
  /**
   * Where the time budgets are read and their timers armed: sampling time (`timeMs`), warm-up (`warmupMs`),
   * `maxTimeMs`, per-operation timeouts (`timeoutMs`), task and suite durations, progress and ETA. Tests pass
   * a `ManualClock` (from `rune-bench/testing`) to drive them without sleeping. The samples themselves are
   * always timed with the high-resolution timer (`process.hrtime`), whatever the clock; so are the event-loop
   * turns between samples and the warm-up's CPU-time budget. An isolated child process runs on the clock of
   * the suite it imports.
   * @defaultValue `systemClock`
   */
  readonly clock?: Clock;
  /**
   * What measures each task: wall-clock `time`, or `instructions` counted under valgrind's cachegrind in
   * child processes (needs `isolation` to name the suite's module; see {@link InstructionsOptions}).
   * @defaultValue `'time'`
   */
  readonly instrument?: Instrument;
  /** Settings of the `instructions` instrument. @defaultValue see {@link InstructionsOptions} */
  readonly instructions?: InstructionsOptions;
}

/**
 * Payload of the `task:cycle` progress event.
 *
 * @public
 */
export interface TaskCycleEvent {
  /** Task name. */
  readonly task: string;
  /** Fraction of the whole suite done, 0-1. */
  readonly fraction: number;
  /** Fraction of this task done, 0-1. */
  readonly taskFraction: number;
  /** Estimated seconds left for the whole suite. */
  readonly eta: number;
  /** Samples taken so far in this task. */
  readonly samples: number;
}

/**
 * Payload of the `task:error` event.
 *
 * @public
 */
export interface TaskErrorEvent {
  /** Task name. */
  readonly task: string;
  /** Final status of the task. */
  readonly status: Exclude<TaskStatus, 'ok'>;
  /** The error (code `ERR_TASK_FAILED`, `ERR_TASK_TIMEOUT`, `ERR_ABORTED` or `ERR_CHILD_FAILED`), with the original as `cause`. */
  readonly error: RuneBenchError;
}

/**
 * Events of {@link BenchmarkSuite}, mapped to their listener signatures.
 *
 * @public
 */
export interface BenchmarkSuiteEvents {
  /** The run started. */
  start: (info: { readonly suite: string; readonly tasks: readonly string[] }) => void;
  /** A task started. */
  'task:start': (info: { readonly task: string; readonly index: number }) => void;
  /** Progress during a task: fraction done and ETA. */
  'task:cycle': (progress: TaskCycleEvent) => void;
  /** A task finished (whatever its status). */
  'task:complete': (result: TaskResult) => void;
  /** A task failed, timed out or was aborted. */
  'task:error': (info: TaskErrorEvent) => void;
  /** The run finished (also after an abort, with the partial result). */
  complete: (result: SuiteResult) => void;
  /** The run was aborted through the signal. */
  abort: (info: { readonly reason: unknown }) => void;
}

/**
 * Names of the {@link BenchmarkSuiteEvents}.
 *
 * @public
 */
export type BenchmarkSuiteEventName = keyof BenchmarkSuiteEvents;
