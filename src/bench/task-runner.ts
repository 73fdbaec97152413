// Runs one task in this process: hooks, detection of async, calibration, warm-up, sampling, statistics.
import { BUDGET_FIGURE, type KeyFigure, type TaskResult, type TaskStatus } from '../core/results.js';
import { describeSamples } from '../stats/describe.js';
import { precisionCheck } from './precision-check.js';
import { collectGarbage } from './gc.js';
import { TaskGuard, TaskStop } from './guard.js';
import { SampleBuffer } from './sample-buffer.js';
import { leadingTransient, stillFalling, warmPerOp, warmWindow } from './warmup.js';
import { compileBatch, isThenable, loopFloorNow, nowSeconds, sink, timerProfile, yieldToEventLoop, type BatchRunner } from './timer.js';
import type { BenchmarkFn, BenchmarkHook, TaskOptions } from './types.js';
import type { Clock } from '../core/clock.js';
import { measureHeapPerOp } from './heap.js';
import { errorInfo } from './thrown.js';

/**
 * Task settings after suite defaults and per-task overrides are merged. Times in ms.
 *
 * @internal
 */
export interface ResolvedSettings {
  readonly timeMs: number;
  readonly minSamples: number;
  readonly maxSamples: number;
  readonly maxTimeMs: number;
  /** Precision to sample for past `timeMs` (see `BenchmarkSuiteOptions.targetRme`). */
  readonly targetRme: number | undefined;
  readonly warmupMs: number;
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly measureHeap: boolean;
  readonly keepSamples: number;
  readonly seed: number;
  readonly gc: boolean;
}

/**
 * A task as added to a suite.
 *
 * @internal
 */
export interface TaskDefinition {
  readonly name: string;
  readonly fn: BenchmarkFn;
  readonly options: TaskOptions;
}

/**
 * Callbacks from a running task to its suite.
 *
 * @internal
 */
export interface TaskRunContext {
  readonly signal: AbortSignal | undefined;
  /** Where the time budgets (sampling, warm-up, maxTimeMs, timeouts) are read and armed. */
  readonly clock: Clock;
  /** Progress of this task, 0-1, and samples so far. Called at most every 50 ms or so. */
  readonly progress: (taskFraction: number, samples: number) => void;
}

/**
 * A finished task plus what the suite needs besides the public result.
 *
 * @internal
 */
export interface TaskOutcome {
  readonly result: TaskResult;
  /** The thrown value (or stop reason) when the task did not end `ok`. */
  readonly thrown?: unknown;
  /** Process CPU time used during the task, seconds. */
  readonly cpuSeconds: number;
}

const YIELD_EVERY = 0.02; // seconds of sampling between yields to the event loop
const PROGRESS_EVERY = 0.05;
/** Evenly thins `values` to at most `max`, keeping time order. @internal */
export function thin(values: readonly number[], max: number): number[] {
  if (values.length <= max) return [...values];
  const out: number[] = [];
  const step = values.length / max;
  for (let i = 0; i < max; i++) out.push(values[Math.floor(i * step)] as number);
  return out;
}

async function callHook(hook: BenchmarkHook | undefined, guard: TaskGuard): Promise<void> {
  if (hook === undefined) return;
  const r = hook();
  if (isThenable(r)) await guard.race(r);
}

/** Target wall time of one sample, seconds: long enough that the timer's cost is negligible. */
function sampleTarget(settings: ResolvedSettings): number {
  const { cost } = timerProfile();
  const floor = Math.max(1000 * cost, 2e-5);
  return Math.max(floor, Math.min(2.5e-4, settings.timeMs / 1000 / (2 * settings.minSamples)));
}

/** Batch size so that one batch lasts about `target` seconds. */
function calibrate(batch: BatchRunner, fn: BenchmarkFn, target: number, guard: TaskGuard): number {
  let n = 1;
  for (;;) {
    let t = batch(fn, n);
    if (t >= target / 4 || n >= 1e9) {
      // best of three at the final size: a preemption during one batch must not shrink the batch size
      t = Math.min(t, batch(fn, n), batch(fn, n));
      return Math.max(1, Math.min(1e9, Math.ceil((target * n) / Math.max(t, 1e-12))));
    }
    guard.throwIfStopped();
    n = t < target / 100 ? n * 10 : n * 2;
  }
}

/**
 * Runs one task and returns its result; never rejects (failures become a status).
 *
 * @internal
 */
export async function runTask(def: TaskDefinition, settings: ResolvedSettings, ctx: TaskRunContext): Promise<TaskOutcome> {
  const { fn, options } = def;
  // budgets on the injected clock (seconds); the samples themselves and the event-loop turns on hrtime
  const clock = ctx.clock;
  const now = (): number => clock.now() / 1000;
  const started = now();
  const cpuStart = process.cpuUsage();
  const guard = new TaskGuard(ctx.signal, settings.timeoutMs, started + settings.maxTimeMs / 1000, clock);
  const samples = new SampleBuffer();
  let batchSize = 1;
  let isAsync = false;
  let throughput: number | undefined;
  let heapBytesPerOp: number | undefined;
  let status: TaskStatus = 'ok';
  let thrown: unknown;
  const taskBudget = (settings.warmupMs + settings.timeMs) / 1000;
  let lastProgress = nowSeconds();
  const progress = (real: number): void => {
    if (real - lastProgress < PROGRESS_EVERY) return;
    lastProgress = real;
    ctx.progress(Math.min(1, (now() - started) / Math.max(taskBudget, 1e-3)), samples.length);
  };
  const before = options.beforeEach;
  const after = options.afterEach;

  try {
    await callHook(options.setup, guard);
    if (settings.gc) collectGarbage();
    // a forced full collection and a cold first call can each hold the thread for tens of milliseconds:
    // let timers, progress and the monitor run between them, so the harness adds no stall of its own
    await yieldToEventLoop();
    guard.throwIfStopped();

    // First call: detects async by what it returns; it is the sample for one-shot tasks.
    await callHook(before, guard);
    guard.begin(0);
    const f0 = process.hrtime.bigint();
    let first = fn();
    if (isThenable(first)) {
      isAsync = true;
      first = await guard.race(first);
    }
    let firstSeconds = Number(process.hrtime.bigint() - f0) / 1e9;
    guard.end(0);
    sink.value = first;
    await callHook(after, guard);

    const target = sampleTarget(settings);
    // a one-shot task (maxSamples 1, no warm-up) is exactly one call, however fast
    const oneShot = settings.maxSamples === 1 && settings.warmupMs === 0;
    if (!isAsync && !oneShot && firstSeconds >= target) {
      // the first call ran cold (interpreted, lazy initialisation): a second one decides whether to batch
      await yieldToEventLoop();
      await callHook(before, guard);
      const f1 = process.hrtime.bigint();
      sink.value = fn();
      const secondSeconds = Number(process.hrtime.bigint() - f1) / 1e9;
      await callHook(after, guard);
      firstSeconds = Math.min(firstSeconds, secondSeconds);
    }
    const oneCallIsASample = isAsync || oneShot || firstSeconds >= target;
    if (settings.warmupMs === 0 && oneCallIsASample) samples.push(firstSeconds);

    const warmupEnd = started + settings.warmupMs / 1000;
    let samplingTime = settings.timeMs / 1000;
    const precise = precisionCheck(settings, started);
    const done = (samplingStart: number, now: number): boolean =>
      samples.length >= settings.maxSamples ||
      (now - samplingStart >= samplingTime && samples.length >= settings.minSamples && precise(samples, samplingStart, samplingTime, now));

    if (!isAsync) {
      const batch = compileBatch();
      batchSize = oneCallIsASample ? 1 : calibrate(batch, fn, target, guard);
      // warm-up: full samples at the calibrated size, not recorded; then recalibrate (the JIT may have sped it up)
      const warm: number[] = [];
      let lastYield = nowSeconds();
      // Warm-up lasts `warmup` ms of this process's CPU time (capped at 2x in wall time), so a loaded machine
      // that gives us a fraction of a core still warms the code as much as a quiet one.
      const warmupCap = started + (2 * settings.warmupMs) / 1000;
      const base = (): boolean => {
        const t = now();
        if (t < warmupEnd) return true;
        if (t >= warmupCap) return false;
        const cpu = process.cpuUsage(cpuStart);
        return (cpu.user + cpu.system) / 1000 < settings.warmupMs;
      };
      // After the base warm-up, warming goes on while the per-operation time is still falling window against
      // window (the JIT still at work), for at most `warmup` ms more; that extra comes out of the sampling
      // budget (down to half of `time`), so the task's wall time stays the same.
      let baseEnd = 0;
      let window = 0;
      let nextCheck = 0;
      const warming = (): boolean => {
        if (baseEnd === 0) {
          if (base()) return true;
          baseEnd = now();
          if (settings.warmupMs === 0 || warm.length === 0) return false;
          window = warmWindow(warm, batchSize);
          nextCheck = warm.length;
        }
        if (now() - baseEnd >= settings.warmupMs / 1000) return false;
        if (warm.length < nextCheck) return true;
        if (warm.length < 2 * window) {
          nextCheck = 2 * window;
          return true;
        }
        if (!stillFalling(warm, window)) return false;
        nextCheck = warm.length + window;
        return true;
      };
      while (warming()) {
        if (before !== undefined) await callHook(before, guard); // no promise, no microtask turn without a hook
        warm.push(batch(fn, batchSize) / batchSize);
        if (after !== undefined) await callHook(after, guard);
        if (nowSeconds() - lastYield > YIELD_EVERY) {
          await yieldToEventLoop();
          lastYield = nowSeconds();
          progress(lastYield);
        }
        guard.throwIfStopped();
      }
      if (!oneCallIsASample && warm.length >= 3) {
        batchSize = Math.max(1, Math.min(1e9, Math.ceil(target / Math.max(warmPerOp(warm), 1e-12))));
      }
      const samplingStart = now();
      if (baseEnd > 0) samplingTime = Math.max(samplingTime / 2, samplingTime - (samplingStart - baseEnd));
      lastYield = nowSeconds();
      // With warm-up on, samples that lead the run far slower than where it settled were still warming: they are
      // dropped once, and sampling goes on until the kept ones meet `minSamples` (and `targetRme`) again; the
      // sampling time is already spent, so a task's time grows only when it must.
      let trimPending = settings.warmupMs > 0;
      const finished = (): boolean => {
        if (!done(samplingStart, now())) return false;
        if (!trimPending) return true;
        trimPending = false;
        const transient = leadingTransient(samples.toArray());
        samples.dropFirst(transient);
        return transient === 0 || done(samplingStart, now());
      };
      while (!finished()) {
        if (before !== undefined) await callHook(before, guard); // no promise, no microtask turn without a hook
        samples.push(batch(fn, batchSize) / batchSize);
        if (after !== undefined) await callHook(after, guard);
        if (nowSeconds() - lastYield > YIELD_EVERY) {
          await yieldToEventLoop();
          lastYield = nowSeconds();
          progress(lastYield);
        }
        guard.throwIfStopped();
      }
      if (settings.measureHeap) heapBytesPerOp = measureHeapPerOp(batch, fn, batchSize);
    } else {
      let lastYield = nowSeconds();
      const pause = async (): Promise<void> => {
        const real = nowSeconds();
        if (real - lastYield > YIELD_EVERY) {
          lastYield = real;
          await yieldToEventLoop();
          progress(nowSeconds());
        }
        guard.throwIfStopped();
      };
      const op = async (lane: number): Promise<number> => {
        await callHook(before, guard);
        guard.begin(lane);
        const t0 = process.hrtime.bigint();
        let r = fn();
        if (isThenable(r)) r = await guard.race(r);
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        guard.end(lane);
        sink.value = r;
        await callHook(after, guard);
        return seconds;
      };
      while (now() < warmupEnd) {
        await op(0);
        await pause();
      }
      const samplingStart = now();
      const samplingStartReal = nowSeconds();
      const lane = async (id: number): Promise<void> => {
        while (!done(samplingStart, now())) {
          const seconds = await op(id);
          if (samples.length < settings.maxSamples) samples.push(seconds);
          await pause();
        }
      };
      const lanes = Array.from({ length: settings.concurrency }, (_, i) => lane(i));
      await Promise.all(lanes);
      // a measurement, not a budget: real elapsed time
      if (settings.concurrency > 1) throughput = samples.length / (nowSeconds() - samplingStartReal);
    }
  } catch (error) {
    thrown = error;
    if (error instanceof TaskStop) {
      if (error.kind === 'abort') status = 'aborted';
      else if (error.kind === 'timeout') status = 'timeout';
      else {
        status = samples.length > 0 ? 'ok' : 'timeout';
        if (status === 'ok') thrown = undefined;
      }
    } else {
      status = 'failed';
    }
  }
  guard.dispose();

  // teardown: always; bounded when aborted so the partial result comes back promptly
  if (options.teardown !== undefined) {
    const teardownGuard = new TaskGuard(undefined, status === 'aborted' ? 50 : settings.timeoutMs, Infinity, clock);
    try {
      await callHook(options.teardown, teardownGuard);
    } catch (error) {
      if (status === 'ok') {
        status = 'failed';
        thrown = error;
      }
    } finally {
      teardownGuard.dispose();
    }
  }

  let figures: readonly KeyFigure[] = [];
  if (options.figures !== undefined && status !== 'aborted') {
    try {
      figures = await options.figures();
    } catch (error) {
      if (status === 'ok') {
        status = 'failed';
        thrown = error;
      }
    }
  }
  if (throughput !== undefined) {
    figures = [
      ...figures,
      { name: 'throughput', value: throughput, unit: '{count}/s', description: `operations per second with ${settings.concurrency} in flight` },
    ];
  }

  if (options.budgetMs !== undefined) {
    figures = [...figures, { name: BUDGET_FIGURE, value: options.budgetMs / 1000, unit: 's', description: 'budget declared on the task, seconds per operation' }];
  }

  const perOp = samples.toArray();
  const profile = timerProfile();
  const cpu = process.cpuUsage(cpuStart);
  const result: TaskResult = {
    name: def.name,
    status,
    ...(perOp.length > 0
      ? {
          stats: describeSamples(perOp, {
            batchSize,
            resolution: isAsync ? profile.granularity : Math.max(profile.granularity / batchSize, profile.loopFloor, loopFloorNow()),
            seed: settings.seed,
            ...(options.bytes === undefined ? {} : { bytes: options.bytes }),
            ...(options.items === undefined ? {} : { items: options.items }),
            ...(heapBytesPerOp === undefined ? {} : { heapBytesPerOp }),
            ...(throughput === undefined ? {} : { opsPerSecond: throughput }),
          }),
        }
      : {}),
    ...(status === 'ok' ? {} : { error: errorInfo(thrown) }),
    ...(settings.keepSamples > 0 && perOp.length > 0 ? { samples: thin(perOp, settings.keepSamples) } : {}),
    duration: now() - started,
    tags: [...(options.tags ?? [])],
    ...(figures.length > 0 ? { figures } : {}),
  };
  return { result, ...(status === 'ok' ? {} : { thrown }), cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}
