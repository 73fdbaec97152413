/**
 * `rune-bench/testing`: statistical performance assertions for node's test runner and vitest.
 * They throw node's `AssertionError` with a readable message.
 *
 * @packageDocumentation
 */
import { existsSync } from 'node:fs';
import type { SuiteResult, TaskResult } from '../core/results.js';
import type { BenchmarkComparison } from '../detect/regression/regression-types.js';
import type { BenchmarkFn } from '../bench/types.js';
import { formatSeconds, parseDuration, type Duration } from './duration.js';
import type * as Runtime from './runtime.js';

export { ManualClock } from './manual-clock.js';
export type { Clock, ClockTimer } from '../core/clock.js';
export type { Duration } from './duration.js';
export type { ConditionDifference, ConditionsExplanation, HostConditions } from '../bench/host-conditions.js';
export type { BenchmarkComparison } from '../detect/regression/regression-types.js';
export type { Verdict } from '../detect/regression/verdict.js';
export type { BenchmarkFn } from '../bench/types.js';
// The result types the assertions take and return (and the types they reference), so this entry point is
// self-contained for API Extractor and for users who import only `rune-bench/testing`.
export type {
  ConfidenceInterval,
  EnvironmentFingerprint,
  ErrorInfo,
  KeyFigure,
  OutlierCounts,
  PerOperationUnit,
  RunMonitorHistory,
  RunMonitorPoint,
  RunSettings,
  SuiteResult,
  SuiteStatus,
  SuiteSummary,
  TaskResult,
  TaskStatistics,
  TaskStatus,
} from '../core/results.js';
export type { BottleneckFinding, FindingEvidence, Severity } from '../core/findings.js';
export type { MetricDescriptor, MetricKind, MetricUnit, MetricValues } from '../core/metric.js';

/**
 * Measuring options shared by the assertions.
 *
 * @public
 */
export interface MeasureOptions {
  /** Sampling time per function, ms. @defaultValue `300` */
  readonly timeMs?: number;
  /** Whether to warm up each function. @defaultValue `true` */
  readonly warmup?: boolean;
  /** Warm-up per function, ms. @defaultValue `50` */
  readonly warmupMs?: number;
  /** Minimum samples. @defaultValue `20` */
  readonly minSamples?: number;
  /** Aborts the measurement. */
  readonly signal?: AbortSignal;
  /** Seed of the bootstrap. @defaultValue `1` */
  readonly seed?: number;
  /** Text prepended to the failure message. */
  readonly message?: string;
}

/**
 * Limits for {@link assertPerformance}: each is an upper bound on per-operation time, except `opsPerSecond`
 * (a lower bound).
 *
 * @public
 */
export interface PerformanceLimits {
  /** Upper bound on the median (checked against its 95% confidence interval: fails only when the whole interval is above). */
  readonly median?: Duration;
  /** Upper bound on the mean. */
  readonly mean?: Duration;
  /** Upper bound on the 75th percentile. */
  readonly p75?: Duration;
  /** Upper bound on the 90th percentile. */
  readonly p90?: Duration;
  /** Upper bound on the 95th percentile. */
  readonly p95?: Duration;
  /** Upper bound on the 99th percentile. */
  readonly p99?: Duration;
  /** Lower bound on operations per second. */
  readonly opsPerSecond?: number;
}

/**
 * Options of {@link assertFaster} and {@link assertNoRegression}.
 *
 * @public
 */
export interface ComparisonAssertOptions extends MeasureOptions {
  /** Smallest relative difference that counts. @defaultValue `0.02` for assertFaster, `0.05` for assertNoRegression */
  readonly threshold?: number;
  /** Significance level. @defaultValue `0.01` */
  readonly alpha?: number;
}

/**
 * Options of {@link assertNoRegression}.
 *
 * @public
 */
export interface NoRegressionOptions extends ComparisonAssertOptions {
  /** When the baseline file does not exist, write `result` as the baseline and pass (like a snapshot). @defaultValue `true` */
  readonly createMissing?: boolean;
  /** Overwrite the baseline with `result` after a passing check. @defaultValue `false` */
  readonly update?: boolean;
  /**
   * Measures the same code again. When given, a benchmark found `regressed` (or `improved`) is re-measured and
   * fails only if the re-run regresses on its own too, so a one-off slow run on a busy machine does not fail
   * the test.
   * @defaultValue no confirmation
   */
  readonly rerun?: () => Promise<SuiteResult | TaskResult>;
}

type Rt = typeof Runtime;

/** The runtime of the assertions (runtime.ts), imported on the first assertion rather than with this subpath. */
function loadRuntime(): Promise<Rt> {
  return import('./runtime.js');
}

function fail(rt: Rt, message: string, options: MeasureOptions, actual?: unknown, expected?: unknown): never {
  const text = options.message === undefined ? message : `${options.message}: ${message}`;
  throw new rt.AssertionError({ message: text, actual, expected, operator: 'performance' });
}

async function measure(rt: Rt, tasks: readonly (readonly [string, BenchmarkFn])[], options: MeasureOptions): Promise<TaskResult[]> {
  const suite = new rt.BenchmarkSuite('rune-bench/testing', {
    timeMs: options.timeMs ?? 300,
    warmupMs: options.warmup === false ? 0 : (options.warmupMs ?? 50),
    minSamples: Math.max(1, options.minSamples ?? 20),
    keepSamples: 100_000,
    seed: options.seed ?? 1,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  for (const [name, fn] of tasks) suite.add(name, fn);
  const result = await suite.run();
  return tasks.map(([name]) => {
    const task = result.tasks.find((t) => t.name === name);
    if (task === undefined || task.status !== 'ok') {
      fail(rt, `${name} did not complete (${task?.status ?? 'missing'}${task?.error === undefined ? '' : `: ${task.error.message}`})`, options);
    }
    return task;
  });
}

/** The detector's comparison in words: its verdict and reason, then the figures behind them. */
function describeComparison(c: BenchmarkComparison): string {
  return `${c.verdict}: ${c.reason}; ratio of medians ${c.ratio.toFixed(4)}, Mann-Whitney p = ${c.pValue.toPrecision(3)}`;
}

/**
 * Measures `fn` and asserts the given limits. The median limit is checked against its bootstrap
 * confidence interval, so a borderline function does not flake.
 *
 * @example
 * ```ts
 * await assertPerformance(() => parse(input), { p95: '2ms', median: '500us' });
 * ```
 * @returns the task result, for further checks
 * @throws AssertionError when a limit is exceeded; TypeError for an invalid limit
 * @public
 */
export async function assertPerformance(fn: BenchmarkFn, limits: PerformanceLimits, options: MeasureOptions = {}): Promise<TaskResult> {
  const keys = ['median', 'mean', 'p75', 'p90', 'p95', 'p99'] as const;
  const bounds = keys.flatMap((k) => (limits[k] === undefined ? [] : [[k, parseDuration(limits[k], k)] as const]));
  if (limits.opsPerSecond !== undefined && !(limits.opsPerSecond > 0)) throw new TypeError('opsPerSecond option must be a positive number');
  const rt = await loadRuntime();
  const [result] = await measure(rt, [['fn', fn]], options);
  const stats = result?.stats;
  if (result === undefined || stats === undefined) return fail(rt, 'fn produced no samples', options);
  const problems: string[] = [];
  for (const [k, limit] of bounds) {
    const value = k === 'median' ? stats.medianCI.lower : stats[k];
    if (value > limit) {
      const shown = k === 'median' ? `${formatSeconds(stats.median)} (95% CI from ${formatSeconds(stats.medianCI.lower)})` : formatSeconds(value);
      problems.push(`${k} ${shown} exceeds ${formatSeconds(limit)}`);
    }
  }
  if (limits.opsPerSecond !== undefined && stats.opsPerSecond < limits.opsPerSecond) {
    problems.push(`${stats.opsPerSecond.toPrecision(4)} ops/s is below ${limits.opsPerSecond}`);
  }
  if (problems.length > 0) {
    fail(rt, `performance limits exceeded: ${problems.join('; ')} (${stats.samples} samples, batch ${stats.batchSize})`, options, stats, limits);
  }
  return result;
}

/**
 * Asserts that `fnA` is faster than `fnB`: the regression detector's verdict on A against B (B as the
 * baseline) must be `improved`, i.e. the whole bootstrap interval of the ratio lies below the threshold and
 * the Mann-Whitney test is significant at `alpha`. The two run interleaved in rounds, so drift in
 * machine load affects both alike.
 *
 * @returns the comparison (B as baseline, A as current)
 * @throws AssertionError when A is not shown to be faster
 * @public
 */
export async function assertFaster(fnA: BenchmarkFn, fnB: BenchmarkFn, options: ComparisonAssertOptions = {}): Promise<BenchmarkComparison> {
  const rt = await loadRuntime();
  const rounds = await measureRounds(rt, fnA, fnB, options);
  const a = pool('fnA', rounds.map((r) => r.a));
  const b = pool('fnB', rounds.map((r) => r.b));
  const threshold = options.threshold ?? 0.02;
  const c = rt.compare(b, a, { threshold, alpha: options.alpha ?? 0.01, seed: options.seed ?? 1 });
  // The pooled samples see the noise inside each round only; the round ratios see what changes between
  // rounds (a burst of other work on the machine). Faster means faster by both.
  const ratios = rounds.map((r) => rt.medianOf(r.a.samples ?? []) / rt.medianOf(r.b.samples ?? [])).filter((x) => x > 0 && Number.isFinite(x));
  const estimate = ratios.length > 0 ? rt.pairedRatioInterval(ratios) : undefined;
  const between = estimate === undefined ? undefined : rt.decideRoundVerdict({ ratios, ratio: estimate.ratio, ci: estimate.ci, threshold });
  if (c.verdict !== 'improved' || between?.verdict !== 'improved') {
    const what = c.verdict === 'regressed' ? 'is slower than' : 'is not measurably faster than';
    const rounded = between === undefined || c.verdict !== 'improved' ? '' : `; but between rounds (fnA against fnB): ${between.verdict}: ${between.reason}`;
    fail(rt, `expected fnA to be faster than fnB, but fnA ${what} fnB: ${describeComparison(c)}${rounded}`, options, c.ratio, `< ${1 / (1 + c.threshold)}`);
  }
  return c;
}

/** Rounds measured in ABBA order (A B, B A, A B, B A), so a drift over the run weighs on both functions alike. */
const ASSERT_FASTER_ROUNDS = 4;

async function measureRounds(rt: Rt, fnA: BenchmarkFn, fnB: BenchmarkFn, options: MeasureOptions): Promise<{ a: TaskResult; b: TaskResult }[]> {
  const out: { a: TaskResult; b: TaskResult }[] = [];
  for (let r = 0; r < ASSERT_FASTER_ROUNDS; r++) {
    const order: [string, BenchmarkFn][] = r % 2 === 0 ? [['fnA', fnA], ['fnB', fnB]] : [['fnB', fnB], ['fnA', fnA]];
    const measured = await measure(rt, order, { ...options, timeMs: (options.timeMs ?? 300) / ASSERT_FASTER_ROUNDS, minSamples: Math.ceil((options.minSamples ?? 20) / ASSERT_FASTER_ROUNDS), ...(r > 0 ? { warmupMs: 10 } : {}) });
    const a = measured[r % 2 === 0 ? 0 : 1];
    const b = measured[r % 2 === 0 ? 1 : 0];
    if (a === undefined || b === undefined) fail(rt, 'no results', options);
    out.push({ a, b });
  }
  return out;
}

function pool(name: string, parts: readonly TaskResult[]): TaskResult {
  const first = parts[0] as TaskResult;
  return { ...first, name, samples: parts.flatMap((t) => [...(t.samples ?? [])]) };
}

/**
 * Asserts that no benchmark in `result` regressed against the baseline file: the regression detector
 * compares the two result trees (every task of every nested suite, one Benjamini-Hochberg family at
 * `alpha`), and the assertion fails when any verdict is `regressed`. Benchmarks missing on either side are
 * not compared. A missing baseline file is written from `result` (unless `createMissing` is false).
 *
 * @param result - the current suite result, or a single task result
 * @param baselineFile - path of a result JSON written by `writeSuiteResult` (or this function)
 * @returns one comparison per benchmark compared, by benchmark key (`suite/task`)
 * @throws AssertionError listing the regressions; RuneBenchError when the baseline file is unreadable or malformed
 * @public
 */
export async function assertNoRegression(
  result: SuiteResult | TaskResult,
  baselineFile: string,
  options: NoRegressionOptions = {},
): Promise<ReadonlyMap<string, BenchmarkComparison>> {
  const rt = await loadRuntime();
  const current = asSuite(rt, result);
  if (!existsSync(baselineFile)) {
    if (options.createMissing === false) fail(rt, `baseline ${baselineFile} does not exist`, options);
    rt.writeSuiteResult(baselineFile, current);
    return new Map();
  }
  const baseline = rt.readSuiteResult(baselineFile);
  const detector = new rt.RegressionDetector({ threshold: options.threshold ?? 0.05, alpha: options.alpha ?? 0.01, seed: options.seed ?? 1 });
  const rerun = options.rerun;
  const confirm =
    rerun === undefined
      ? undefined
      : async (key: string): Promise<readonly number[]> => {
          const again = asSuite(rt, await rerun());
          for (const entry of rt.walkBenchmarks(again)) if (entry.key === key) return entry.task.samples ?? [];
          return [];
        };
  const report = await detector.compare(baseline, current, {
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(confirm === undefined ? {} : { confirm }),
  });
  const regressions = report.comparisons.filter((c) => c.verdict === 'regressed').map((c) => `"${c.key}" is ${((c.ratio - 1) * 100).toFixed(1)}% slower (${formatSeconds(c.medians.baseline)} -> ${formatSeconds(c.medians.current)}): ${describeComparison(c)}`);
  if (regressions.length > 0) {
    fail(rt, `performance regression against ${baselineFile}:\n  ${regressions.join('\n  ')}`, options, regressions.length, 0);
  }
  if (options.update === true) rt.writeSuiteResult(baselineFile, current);
  return new Map(report.comparisons.map((c) => [c.key, c]));
}

function asSuite(rt: Rt, result: SuiteResult | TaskResult): SuiteResult {
  if ('tasks' in result) return result;
  return {
    schemaVersion: rt.RESULT_SCHEMA_VERSION,
    name: 'rune-bench-testing',
    status: result.status === 'ok' ? 'ok' : 'failed',
    startedAt: new Date().toISOString(),
    env: { id: '', node: process.version, v8: process.versions.v8, platform: process.platform, arch: process.arch, osRelease: '', cpuModel: '', cores: 0, totalMemory: 0, loadPerCore: 0 },
    tasks: [result],
    summary: { duration: result.duration, operationsPerSecond: result.stats?.opsPerSecond ?? 0, peakMemory: 0, peakCpu: 0, successRate: result.status === 'ok' ? 1 : 0 },
  };
}
