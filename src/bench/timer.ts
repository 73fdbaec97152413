// The clock and the compiled measuring loops: hrtime-based, batched, results consumed.
import type { BenchmarkFn } from './types.js';

const hr = (): bigint => process.hrtime.bigint();

/**
 * Monotonic time in seconds (hrtime).
 *
 * @internal
 */
export function nowSeconds(): number {
  return Number(hr()) / 1e9;
}

/** Where compiled loops store the last result, so the engine cannot treat the calls as dead code. @internal */
export const sink: { value: unknown } = { value: undefined };

/**
 * Times `n` back-to-back calls of `fn`; returns seconds. Compiled per task (see {@link compileBatch}) so each
 * task's call site stays monomorphic.
 *
 * @internal
 */
export type BatchRunner = (fn: BenchmarkFn, n: number) => number;

/**
 * Compiles a fresh batch loop. Each task gets its own copy so its call site is not shared with other tasks
 * (a shared, megamorphic call site would slow every task after the first few).
 *
 * @internal
 */
export function compileBatch(): BatchRunner {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fresh function per task is the point
  const factory = new Function(
    'hr',
    'sink',
    `return function batch(fn, n) {
      let r;
      const t0 = hr();
      for (let i = 0; i < n; i++) r = fn();
      const t1 = hr();
      sink.value = r;
      return Number(t1 - t0) / 1e9;
    };`,
  ) as (clock: () => bigint, out: { value: unknown }) => BatchRunner;
  return factory(hr, sink);
}

/**
 * What the timer can resolve on this machine.
 *
 * @internal
 */
export interface TimerProfile {
  /** Smallest non-zero step between two consecutive hrtime reads, seconds. */
  readonly granularity: number;
  /** Cost of one hrtime read, seconds. */
  readonly cost: number;
  /** Per-iteration cost of a compiled batch loop calling an empty function, seconds. */
  readonly loopFloor: number;
}

let profile: TimerProfile | undefined;
/** The profile's batch loop, warmed on `noop`, and the calls per timing it settled on. */
let floorLoop: { readonly batch: BatchRunner; readonly calls: number } | undefined;

function noop(): undefined {
  return undefined;
}

/**
 * Measures (once per process) the timer's granularity and cost and the batch loop's own per-call cost.
 *
 * @internal
 */
export function timerProfile(): TimerProfile {
  if (profile !== undefined) return profile;
  let granularity = Infinity;
  let cost = Infinity;
  let loopFloor = Infinity;
  const batch = compileBatch();
  // three rounds, keeping the best of each: the first round runs cold (interpreted) code
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 1000; i++) {
      const a = hr();
      let b = hr();
      while (b === a) b = hr();
      const step = Number(b - a);
      if (step < granularity) granularity = step;
    }
    const reads = 10_000;
    const c0 = hr();
    for (let i = 0; i < reads; i++) hr();
    cost = Math.min(cost, Number(hr() - c0) / reads / 1e9);
    let n = 1000;
    while (batch(noop, n) < 2e-4 && n < 1e9) n *= 4;
    const floors: number[] = [];
    for (let i = 0; i < 11; i++) floors.push(batch(noop, n) / n);
    floors.sort((x, y) => x - y);
    loopFloor = Math.min(loopFloor, floors[5] ?? Infinity);
    floorLoop = { batch, calls: n };
  }
  profile = { granularity: granularity / 1e9, cost, loopFloor: Number.isFinite(loopFloor) ? loopFloor : 0 };
  return profile;
}

/**
 * The batch loop's per-call cost on an empty function now: the median of 11 timings of the profile's warmed loop
 * (about 2 ms in all). A task's resolution takes the larger of this and the profile's floor, because the
 * profile is measured once per process, maybe on a quieter machine than the task met: on a loaded machine an
 * empty function through the loop read 2.2x the profile's floor, a noop then looked like a real cost.
 *
 * @internal
 */
export function loopFloorNow(): number {
  timerProfile();
  if (floorLoop === undefined) return 0;
  const { batch, calls } = floorLoop;
  const floors: number[] = [];
  for (let i = 0; i < 11; i++) floors.push(batch(noop, calls) / calls);
  floors.sort((x, y) => x - y);
  return floors[5] ?? 0;
}

/**
 * Whether `value` is a thenable (has a callable `then`).
 *
 * @internal
 */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Yields to the event loop (lets timers, abort signals and monitors run between samples).
 *
 * @internal
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
