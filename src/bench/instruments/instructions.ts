// The instructions instrument: a task counted under cachegrind at two iteration counts, twice (three times when
// the two disagree); the slope is the per-operation figure, so start-up, module loading and setup cancel out.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuneBenchError } from '../../core/errors.js';
import type { KeyFigure, PerOperationUnit, TaskResult } from '../../core/results.js';
import { describeSamples } from '../../stats/describe.js';
import { mean } from '../../stats/summary.js';
import { moduleUrl } from '../isolation.js';
import { errorInfo } from '../thrown.js';
import { runChild, type ChildRequest } from '../isolation-process.js';
import { systemClock } from '../../core/clock.js';
import { type ResolvedSettings, type TaskDefinition, type TaskOutcome, type TaskRunContext } from '../task-runner.js';
import { isThenable, nowSeconds, sink } from '../timer.js';
import type { BenchmarkSuiteOptions } from '../types.js';
import { estimatedCycles, parseCachegrindOutput, type CachegrindTotals } from './cachegrind.js';
import { agreeingRepetitions, countsAgree, DEFAULT_COUNT_TOLERANCE } from './count-repetitions.js';
import { COUNTING_ENV, DETERMINISTIC_V8_FLAGS } from './instrument-options.js';
import { findValgrind } from './valgrind.js';

/**
 * What {@link countInstructions} counts: one task of a suite exported by a module.
 *
 * @public
 */
export interface CountInstructionsOptions {
  /** The module exporting the suite: a file URL (`import.meta.url`) or path. */
  readonly module: string | URL;
  /** Name of the export holding the suite. @defaultValue `'default'` */
  readonly exportName?: string;
  /** The task's name in the suite. */
  readonly task: string;
  /** Operations counted (see `InstructionsOptions.iterations`). */
  readonly iterations: number;
  /** Operations before the counted ones. @defaultValue `iterations` */
  readonly warmupIterations?: number;
  /** Simulate the caches and report estimated cycles. @defaultValue `false` */
  readonly cacheSim?: boolean;
  /** The valgrind executable. @defaultValue `'valgrind'` */
  readonly valgrind?: string;
  /** V8 flags of the counting child. @defaultValue {@link DETERMINISTIC_V8_FLAGS} */
  readonly v8Flags?: readonly string[];
  /** Other `node` arguments of the child (a loader such as `--import tsx`). @defaultValue the parent's `process.execArgv` */
  readonly execArgv?: readonly string[];
  /**
   * Count twice, to show the counts are deterministic (four valgrind runs instead of two), and a third time when
   * the two disagree beyond `tolerance`. @defaultValue `true`
   */
  readonly repeat?: boolean;
  /** See `InstructionsOptions.tolerance`. @defaultValue `0.001` */
  readonly tolerance?: number;
  /** Kills the children and rejects with `ERR_ABORTED`. */
  readonly signal?: AbortSignal;
}

/**
 * Instructions (or estimated cycles) per operation of one task, counted two or three times.
 *
 * @public
 */
export interface InstructionsMeasurement {
  /** Unit of `perOp`. */
  readonly unit: Exclude<PerOperationUnit, 'seconds'>;
  /**
   * The per-operation figure of each repetition counted, in order (one, two, or three when the first two
   * disagreed): (count at n2 - count at n1) / (n2 - n1).
   */
  readonly perOp: readonly number[];
  /**
   * Indices into `perOp` of the repetitions that make the task's figure (its samples): all of one or two; of
   * three, the two closest (the median and its nearer neighbour).
   */
  readonly kept: readonly number[];
  /** Instructions per operation of each repetition (equal to `perOp` without cache simulation). */
  readonly instructionsPerOp: readonly number[];
  /** Instructions outside the counted operations (node start-up, module loading, setup, warm-up), first kept repetition. */
  readonly fixedInstructions: number;
  /** Operations counted (n2 - n1). */
  readonly iterations: number;
  /** Operations before the counted ones (n1). */
  readonly warmupIterations: number;
  /** Cachegrind's totals of the runs, in the order n1, n2 for each repetition. */
  readonly runs: readonly CachegrindTotals[];
  /** Wall time of the valgrind runs (two at a time), seconds. */
  readonly wallSeconds: number;
  /** `valgrind --version`. */
  readonly valgrind: string;
}

const PARALLEL = 2; // children at once: the counts do not depend on it, the wall time does

function cost(totals: CachegrindTotals, cacheSim: boolean): number {
  return cacheSim ? estimatedCycles(totals) : (totals.Ir ?? Number.NaN);
}

/**
 * Counts the instructions per operation of one task: runs it under `valgrind --tool=cachegrind` in four child
 * processes (the isolation child, with V8 flags that make the JIT and the garbage collector deterministic, and
 * one libuv threadpool thread), at `warmupIterations` and `warmupIterations + iterations` operations, twice, and
 * divides each difference of counts by `iterations`. When the two figures differ by more than `tolerance`, a
 * third repetition is counted (two more runs) and the two closest figures are kept.
 *
 * @param options - the task, the iteration counts and the valgrind settings
 * @returns every repetition's figure, which of them are kept, and the raw totals
 * @throws RuneBenchError `ERR_TOOL_MISSING` without valgrind (Debian package `valgrind`), `ERR_CHILD_FAILED` when a
 *   counting child fails, `ERR_ABORTED` when the signal fires
 * @throws RangeError when `iterations` is not a positive integer, `warmupIterations` a non-negative one or
 *   `tolerance` a non-negative number
 * @public
 */
export async function countInstructions(options: CountInstructionsOptions): Promise<InstructionsMeasurement> {
  const { iterations, signal } = options;
  const warmup = options.warmupIterations ?? iterations;
  const tolerance = options.tolerance ?? DEFAULT_COUNT_TOLERANCE;
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`iterations option must be a positive integer, got ${String(iterations)}`);
  if (!Number.isInteger(warmup) || warmup < 0) throw new RangeError(`warmupIterations option must be a non-negative integer, got ${String(warmup)}`);
  if (!(tolerance >= 0 && Number.isFinite(tolerance))) throw new RangeError(`tolerance option must be a finite number >= 0, got ${String(tolerance)}`);
  const valgrindPath = options.valgrind ?? 'valgrind';
  const version = findValgrind(valgrindPath);
  const cacheSim = options.cacheSim === true;
  const nodeArgs = [...(options.v8Flags ?? DETERMINISTIC_V8_FLAGS), ...(options.execArgv ?? process.execArgv.filter((a) => !a.startsWith('--test')))];
  const base = { module: moduleUrl(options.module), exportName: options.exportName ?? 'default', task: options.task };
  const dir = mkdtempSync(join(tmpdir(), 'rune-cachegrind-'));
  const started = nowSeconds();
  const isAborted = (): boolean => signal?.aborted === true;
  const runs: CachegrindTotals[] = [];
  // n1 and n2 of `repetitions` more repetitions, PARALLEL runs at a time, appended to `runs`
  const countRepetitions = async (repetitions: number): Promise<void> => {
    const first = runs.length;
    const plan = Array.from({ length: 2 * repetitions }, (_, k) => (k % 2 === 0 ? warmup : warmup + iterations));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < plan.length) {
        const i = next++;
        if (isAborted()) return;
        const file = join(dir, `run-${String(first + i)}.out`);
        const request: Omit<ChildRequest, 'heartbeatMs'> = { ...base, iterations: plan[i] ?? 0 };
        const valgrindArgs = ['--tool=cachegrind', `--cache-sim=${cacheSim ? 'yes' : 'no'}`, `--cachegrind-out-file=${file}`, '-q', process.execPath];
        // valgrind runs code 20-50x slower: the heartbeat timeout is generous
        const reply = await runChild(request, {
          execArgv: [...valgrindArgs, ...nodeArgs],
          env: COUNTING_ENV,
          signal,
          clock: systemClock,
          timeoutMs: 600_000,
          execPath: valgrindPath,
        });
        if (isAborted()) return;
        if (!reply.ok) {
          throw new RuneBenchError('ERR_CHILD_FAILED', `counting "${options.task}" under cachegrind (${String(plan[i])} operations) failed: ${reply.error.message}`);
        }
        runs[first + i] = parseCachegrindOutput(readFileSync(file, 'utf8'), file);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (isAborted()) throw new RuneBenchError('ERR_ABORTED', 'counting instructions was aborted', { cause: signal?.reason });
  };
  const slopes = (sim: boolean): number[] => {
    const out: number[] = [];
    for (let i = 0; i + 1 < runs.length; i += 2) out.push((cost(runs[i + 1] as CachegrindTotals, sim) - cost(runs[i] as CachegrindTotals, sim)) / iterations);
    return out;
  };
  try {
    await countRepetitions(options.repeat === false ? 1 : 2);
    if (!countsAgree(slopes(cacheSim), tolerance)) await countRepetitions(1);
    const instructionsPerOp = slopes(false);
    const perOp = cacheSim ? slopes(true) : instructionsPerOp;
    const kept = agreeingRepetitions(perOp);
    const firstKept = kept[0] ?? 0;
    return {
      unit: cacheSim ? 'cycles (estimated)' : 'instructions',
      perOp,
      kept,
      instructionsPerOp,
      fixedInstructions: cost(runs[2 * firstKept] as CachegrindTotals, false) - warmup * (instructionsPerOp[firstKept] ?? 0),
      iterations,
      warmupIterations: warmup,
      runs,
      wallSeconds: nowSeconds() - started,
      valgrind: version,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// CPU time the counted operations last natively by default: the counts outside them vary by some 1e4-1e5
// instructions between runs (more on a loaded machine), so the counted part should hold some 1e8 or more
const TARGET_CPU_US = 50_000;

/**
 * Operations lasting about 50 ms of CPU time in this process, rounded up to a power of two (so small changes
 * in the machine's speed rarely change it): setup, operations until 50 ms of CPU time, teardown.
 *
 * @internal
 */
export async function defaultIterations(def: TaskDefinition): Promise<number> {
  const { fn, options } = def;
  const settle = async (v: unknown): Promise<unknown> => (isThenable(v) ? await v : v);
  await settle(options.setup?.());
  let n = 0;
  const cpu = process.cpuUsage();
  let used = 0;
  try {
    await settle(options.beforeEach?.());
    while (used < TARGET_CPU_US && n < 1 << 24) {
      sink.value = await settle(fn());
      n++;
      if ((n & (n - 1)) === 0 || n % 1024 === 0) {
        const u = process.cpuUsage(cpu);
        used = u.user + u.system;
      }
    }
    await settle(options.afterEach?.());
  } finally {
    await settle(options.teardown?.());
  }
  const perOp = Math.max(used, 1) / 1e6 / n;
  return 2 ** Math.max(0, Math.min(24, Math.ceil(Math.log2(TARGET_CPU_US / 1e6 / perOp))));
}

/** The kept repetitions' values of a per-repetition list (`perOp` or `instructionsPerOp`). */
function keptOf(m: InstructionsMeasurement, values: readonly number[]): number[] {
  return m.kept.map((i) => values[i] ?? Number.NaN);
}

function figuresOf(m: InstructionsMeasurement): KeyFigure[] {
  const n = m.perOp.length;
  return [
    ...(m.unit === 'instructions'
      ? []
      : [{ name: 'instructions.per_op', value: mean(keptOf(m, m.instructionsPerOp)), unit: '{count}' as const, description: 'instructions per operation (the cycles are estimated from them and the cache misses)' }]),
    { name: 'instructions.spread', value: Math.max(...m.perOp) - Math.min(...m.perOp), unit: '{count}', description: `largest difference of the per-operation ${m.unit} between all ${String(n)} repetitions counted` },
    {
      name: 'instructions.repetitions',
      value: n,
      unit: '{count}',
      description: `repetitions counted (a third when the first two disagreed); the figure is made of ${String(m.kept.length)} of them`,
    },
    { name: 'instructions.fixed', value: m.fixedInstructions, unit: '{count}', description: 'instructions outside the counted operations (start-up, loading, setup, warm-up)' },
    { name: 'instructions.iterations', value: m.iterations, unit: '{count}', description: `operations counted, after ${String(m.warmupIterations)} uncounted` },
    { name: 'instructions.wall_time', value: m.wallSeconds, unit: 's', description: 'wall time of the valgrind runs' },
  ];
}

/**
 * The suite's branch for `instrument: 'instructions'`: counts one task and turns the measurement into a task
 * result whose statistics carry the unit. Never rejects (failures become a status).
 *
 * @internal
 */
export async function runInstructions(
  suiteName: string,
  def: TaskDefinition,
  settings: ResolvedSettings,
  suite: BenchmarkSuiteOptions,
  ctx: TaskRunContext,
): Promise<TaskOutcome> {
  const started = nowSeconds();
  const tags = [...(def.options.tags ?? [])];
  const isolation = suite.isolation;
  const opts = suite.instructions ?? {};
  try {
    if (isolation === undefined) throw new TypeError('instrument option "instructions" needs the isolation option');
    findValgrind(opts.valgrind); // before the calibration runs the task here
    ctx.progress(0, 0);
    const iterations = opts.iterations ?? (await defaultIterations(def));
    const m = await countInstructions({
      module: isolation.module,
      task: def.name,
      iterations,
      ...(isolation.exportName === undefined ? {} : { exportName: isolation.exportName }),
      ...(isolation.execArgv === undefined ? {} : { execArgv: isolation.execArgv }),
      ...(opts.warmupIterations === undefined ? {} : { warmupIterations: opts.warmupIterations }),
      ...(opts.cacheSim === undefined ? {} : { cacheSim: opts.cacheSim }),
      ...(opts.valgrind === undefined ? {} : { valgrind: opts.valgrind }),
      ...(opts.v8Flags === undefined ? {} : { v8Flags: opts.v8Flags }),
      ...(opts.tolerance === undefined ? {} : { tolerance: opts.tolerance }),
      ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
    });
    ctx.progress(1, 2);
    const perOp = keptOf(m, m.perOp);
    const stats = { ...describeSamples(perOp, { batchSize: iterations, resolution: 0, seed: settings.seed, operations: perOp.length * iterations }), unit: m.unit };
    const result: TaskResult = {
      name: def.name,
      status: 'ok',
      stats,
      ...(settings.keepSamples > 0 ? { samples: perOp } : {}),
      duration: nowSeconds() - started,
      tags,
      figures: figuresOf(m),
    };
    return { result, cpuSeconds: 0 };
  } catch (error) {
    const aborted = ctx.signal?.aborted === true;
    const thrown =
      error instanceof Error && !(error instanceof RuneBenchError) && !(error instanceof TypeError)
        ? new RuneBenchError('ERR_TASK_FAILED', `counting "${def.name}" in suite "${suiteName}" failed: ${error.message}`, { cause: error })
        : error;
    const result: TaskResult = { name: def.name, status: aborted ? 'aborted' : 'failed', error: errorInfo(thrown), duration: nowSeconds() - started, tags };
    return { result, thrown, cpuSeconds: 0 };
  }
}
