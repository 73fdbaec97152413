// The benchmark flow's data model: what BenchmarkSuite.run() returns and every consumer reads.
import type { MetricDescriptor, MetricUnit, MetricValues } from './metric.js';
import type { BottleneckFinding } from './findings.js';
import type { HostConditions } from '../bench/host-conditions.js';

/**
 * Schema version of {@link SuiteResult} JSON written by this release. Version 2: a suite that runs others
 * keeps their results in `children` only (version 1 also copied their tasks, figures and notices into the
 * parent, which readers of this release remove on reading); evidence may carry its unit.
 *
 * @public
 */
export const RESULT_SCHEMA_VERSION = 2;

/**
 * A confidence interval.
 *
 * @public
 */
export interface ConfidenceInterval {
  /** Lower bound. */
  readonly lower: number;
  /** Upper bound. */
  readonly upper: number;
  /** Confidence level, e.g. 0.95. */
  readonly level: number;
}

/**
 * Samples outside Tukey's fences: reported, never dropped from the statistics.
 *
 * @public
 */
export interface OutlierCounts {
  /** Below Q1 - 3 IQR. */
  readonly lowSevere: number;
  /** Between Q1 - 3 IQR and Q1 - 1.5 IQR. */
  readonly lowMild: number;
  /** Between Q3 + 1.5 IQR and Q3 + 3 IQR. */
  readonly highMild: number;
  /** Above Q3 + 3 IQR. */
  readonly highSevere: number;
}

/**
 * The unit of a task's per-operation figure: `seconds` (the time instrument), `instructions` (counted under
 * cachegrind) or `cycles (estimated)` (cachegrind with cache simulation, through a cost model).
 *
 * @public
 */
export type PerOperationUnit = 'seconds' | 'instructions' | 'cycles (estimated)';

/**
 * Statistics of one task's per-operation figure: times in seconds per operation, or, when {@link
 * TaskStatistics.unit} says so, instructions or estimated cycles per operation (then every per-operation field
 * is in that unit, and the rates, `opsPerSecond` and the like, are per that unit instead of per second).
 *
 * @public
 */
export interface TaskStatistics {
  /** Unit of the per-operation fields (median, mean, min, max, percentiles, spreads, interval). @defaultValue `'seconds'` when absent */
  readonly unit?: PerOperationUnit;
  /** Number of samples (each sample may time a batch of operations). */
  readonly samples: number;
  /** Operations timed in all. */
  readonly operations: number;
  /** Operations per sample (the calibrated batch size; 1 for async tasks). */
  readonly batchSize: number;
  /** Arithmetic mean, s/op. */
  readonly mean: number;
  /** Median, s/op. */
  readonly median: number;
  /** Fastest sample, s/op. */
  readonly min: number;
  /** Slowest sample, s/op. */
  readonly max: number;
  /** 75th percentile, s/op. */
  readonly p75: number;
  /** 90th percentile, s/op. */
  readonly p90: number;
  /** 95th percentile, s/op. */
  readonly p95: number;
  /** 99th percentile, s/op. */
  readonly p99: number;
  /** Sample standard deviation, s/op. */
  readonly sd: number;
  /** Median absolute deviation, s/op. */
  readonly mad: number;
  /** Standard error of the mean, s/op. */
  readonly sem: number;
  /**
   * Relative margin of error of the reported estimate, the median, at 95%, as a ratio (0.01 = 1%): the
   * half-width of {@link TaskStatistics.medianCI} divided by the median, `(upper - lower) / 2 / median`. Not
   * the mean's margin of error (`t * sem / mean`), which a few slow outliers inflate; 0 for a single sample.
   * For isolated runs the interval, and so `rme`, also covers the spread between processes.
   */
  readonly rme: number;
  /** 95% confidence interval of the median (seeded bootstrap), s/op. */
  readonly medianCI: ConfidenceInterval;
  /** Outliers by Tukey's fences. */
  readonly outliers: OutlierCounts;
  /** Operations per second (1 / median). */
  readonly opsPerSecond: number;
  /** Bytes per second, when the task declared `bytes` per operation. */
  readonly bytesPerSecond?: number;
  /** Items per second, when the task declared `items` per operation. */
  readonly itemsPerSecond?: number;
  /** Timer resolution in seconds measured for this run. */
  readonly resolution: number;
  /** True when the median is below what the timer can resolve: report it as "below resolution", not a number. */
  readonly belowResolution: boolean;
  /** Heap bytes allocated per operation, when measured. */
  readonly heapBytesPerOp?: number;
  /**
   * Mean of the samples with the fastest and slowest 10% left out, s/op: between the median and the mean.
   * Interrupts give per-operation times a right tail, so the median reads below the mean cost; the trimmed mean
   * keeps part of that tail's weight while a few wild samples cannot move it. Against a loop of known mean cost
   * it read about 2% low where `mean` was within 1% (docs/benchmarks.md): for the cost per operation use
   * `mean`. Absent in results written before it existed.
   */
  readonly trimmedMean?: number;
  /**
   * What noise `medianCI` (and `rme`) covers, in words: "one process: the interval covers within-process noise
   * only", or, for isolated runs in several processes, that it covers the spread between them. Absent in results
   * written before it existed.
   */
  readonly intervalCovers?: string;
  /**
   * Where a fresh run's median is expected to fall (95%), s/op: a prediction interval, wider than
   * {@link TaskStatistics.medianCI} because both runs carry their own between-run error. Present when the run
   * knows its between-run noise: from the spread between its processes (isolation, 2 or more) or from the
   * results store's history of the benchmark on this machine (the CLI's `run` with a store), or the union of both
   * for an isolated task run with a store; `from` says which.
   * Absent otherwise: one process alone cannot say how a fresh process would measure.
   */
  readonly predictionInterval?: ConfidenceInterval & {
    /** Where the between-run noise came from, in words ("3 processes", "6 stored runs of this benchmark on this machine"). */
    readonly from: string;
  };
}

/**
 * Outcome of one task.
 *
 * @public
 */
export type TaskStatus = 'ok' | 'failed' | 'timeout' | 'aborted';

/**
 * A serialisable description of an error.
 *
 * @public
 */
export interface ErrorInfo {
  /** Error class name. */
  readonly name: string;
  /** Message. */
  readonly message: string;
  /** Stable code, when the error had one. */
  readonly code?: string;
  /** Stack, when available. */
  readonly stack?: string;
}

/**
 * Name of the key figure a task's declared budget is recorded as (seconds per operation; see `budgetMs`).
 *
 * @beta
 */
export const BUDGET_FIGURE = 'budget';

/**
 * A named figure a task or suite reports beside its timing (hit ratio, MB/s, speedup...).
 *
 * @public
 */
export interface KeyFigure {
  /** Short name, e.g. `cache.hit_ratio`. */
  readonly name: string;
  /** Value in base units. */
  readonly value: number;
  /** Base unit of `value`. */
  readonly unit: MetricUnit;
  /** One phrase for people. */
  readonly description?: string;
}

/**
 * Result of one task.
 *
 * @public
 */
export interface TaskResult {
  /** Task name, unique within its suite. */
  readonly name: string;
  /** Outcome. */
  readonly status: TaskStatus;
  /** Statistics, when at least one sample completed. */
  readonly stats?: TaskStatistics;
  /** The error, when status is not `ok`. */
  readonly error?: ErrorInfo;
  /** Per-operation sample times in seconds, when `keepSamples` was set (bounded). */
  readonly samples?: readonly number[];
  /** Wall time spent on the task including harness overhead, seconds. */
  readonly duration: number;
  /** Tags from the task options. */
  readonly tags: readonly string[];
  /** Extra figures the task reported. */
  readonly figures?: readonly KeyFigure[];
}

/**
 * Where and on what a result was measured, so results from different machines are not mixed.
 *
 * @public
 */
export interface EnvironmentFingerprint {
  /** Short stable hash of the machine-level fields (CPU model, cores, memory, OS, Node major). */
  readonly id: string;
  /** `process.version`. */
  readonly node: string;
  /** `process.versions.v8`. */
  readonly v8: string;
  /** `process.platform`. */
  readonly platform: string;
  /** `process.arch`. */
  readonly arch: string;
  /** `os.release()`. */
  readonly osRelease: string;
  /** CPU model string. */
  readonly cpuModel: string;
  /** Logical cores. */
  readonly cores: number;
  /** Total memory, bytes. */
  readonly totalMemory: number;
  /** One-minute load average at start, per core. */
  readonly loadPerCore: number;
  /** Git commit when run inside a repository. */
  readonly gitCommit?: string;
  /** Git branch when run inside a repository. */
  readonly gitBranch?: string;
  /** Whether the working tree had uncommitted changes. */
  readonly gitDirty?: boolean;
}

/**
 * Summary of a whole suite run.
 *
 * @public
 */
export interface SuiteSummary {
  /** Wall time of the run, seconds. */
  readonly duration: number;
  /** Sum over ok tasks of operations per second. */
  readonly operationsPerSecond: number;
  /** Peak resident set size seen during the run, bytes. */
  readonly peakMemory: number;
  /** Peak process CPU utilization seen during the run, share of one core (may exceed 1). */
  readonly peakCpu: number;
  /** Cache hit ratio 0-1 from the monitor's cache sources, when any. */
  readonly cacheHitRatio?: number;
  /** Share of tasks with status `ok`, 0-1. */
  readonly successRate: number;
}

/**
 * What a suite was asked to measure: its scale and parameters. Two runs whose settings differ do not measure the
 * same thing, and the regression detector calls their comparison `incomparable`.
 *
 * @public
 */
export interface RunSettings {
  /** Scale the suite ran at (`quick`, `standard`, `linux` for the built-in suites), when it has one. */
  readonly scale?: string;
  /** Parameter values the suite ran with (`--param name=value`, and the declared defaults of the others). */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * One point of a {@link RunMonitorHistory}: the values of the charted metrics at one time (the same shape as a
 * snapshot in a history file, `HistorySnapshotJSON`).
 *
 * @public
 */
export interface RunMonitorPoint {
  /** Wall-clock time, milliseconds since the Unix epoch. */
  readonly timestamp: number;
  /** Monotonic time in seconds, of the process that monitored the run (for intervals, not for dates). */
  readonly monotonic: number;
  /** Values in base units, keyed by metric name; a metric the monitor did not have at that time is absent. */
  readonly values: MetricValues;
}

/**
 * The attached monitor's history over a run, as the result carries it for the report's time-series charts
 * (the HTML report draws them from here when it is not given a `history`).
 *
 * @remarks
 * Only the metrics the charts draw are kept: process and system CPU utilization, memory (RSS, V8 heap used and
 * total), event-loop delay and utilization, GC pause, process disk and network I/O rates, and cache hit ratios.
 * A run of more than 300 snapshots is reduced to 300 points: each point stands for a run of consecutive
 * snapshots (about `snapshotCount / points.length` of them), at the time of the last one, and holds each
 * metric's worst value among them: the highest, or the lowest for a cache hit ratio. So a short CPU spike or GC
 * pause still shows, where keeping every n-th snapshot could step over it. Results stored in a results store
 * leave this out (a store keeps what comparisons and trends read).
 *
 * @public
 */
export interface RunMonitorHistory {
  /** Snapshots the monitor took during the run; more than `points.length` when they were reduced. */
  readonly snapshotCount: number;
  /** Descriptors of the kept metrics, keyed by metric name. */
  readonly descriptors: Readonly<Record<string, MetricDescriptor>>;
  /** The points, oldest first: at most 300. */
  readonly points: readonly RunMonitorPoint[];
}

/**
 * Status of a whole suite run.
 *
 * @public
 */
export type SuiteStatus = 'ok' | 'partial' | 'failed' | 'aborted';

/**
 * What a suite run produces: per-task results, a summary and the environment.
 *
 * @public
 */
export interface SuiteResult {
  /** `RESULT_SCHEMA_VERSION` at the time of writing. */
  readonly schemaVersion: number;
  /** Suite name. */
  readonly name: string;
  /** Overall status: `ok` all tasks ok, `partial` some failed, `failed` none ok, `aborted`. */
  readonly status: SuiteStatus;
  /** ISO 8601 start time. */
  readonly startedAt: string;
  /** Environment fingerprint. */
  readonly env: EnvironmentFingerprint;
  /**
   * The host's conditions during the run (load per core at the start and during it, the run queue, other
   * processes' CPU time, steal, frequency), when recorded; results written before this field existed lack it.
   */
  readonly host?: HostConditions;
  /** Scale and parameters the suite ran with, when recorded (the CLI records them). */
  readonly settings?: RunSettings;
  /** The suite's own task results, in the order the tasks were added (a nested suite's tasks are in its `children` entry). */
  readonly tasks: readonly TaskResult[];
  /** Suite summary. */
  readonly summary: SuiteSummary;
  /** Suite-level figures (for built-in suites: their key figures). */
  readonly figures?: readonly KeyFigure[];
  /** Bottleneck findings from the run's monitor history, when a detector ran. */
  readonly findings?: readonly BottleneckFinding[];
  /**
   * The monitor's history over the run, reduced for charts, when a monitor was attached (`BenchmarkSuite`'s
   * `monitor` option, `benchmarkCommands`' `monitor`, `SuiteResultBuilder.monitorHistory`, the CLI's `run` and
   * `exec`); the reports chart the root's. Absent in results written before it existed and in stored runs.
   */
  readonly monitorHistory?: RunMonitorHistory;
  /** Nested results, for suites that run other suites (`comprehensive`): the tree, walked with `walkBenchmarks`. */
  readonly children?: readonly SuiteResult[];
  /** Free-form notices for people (for example "git not found: git peer skipped"). */
  readonly notices?: readonly string[];
}
