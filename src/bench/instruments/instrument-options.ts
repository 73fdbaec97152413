// The instrument choice of a BenchmarkSuite and the settings of the instructions instrument.
import { checkOption, validateOptions, type OptionRules } from '../../core/options.js';

/**
 * What measures a task: `time` (wall-clock time per operation, the default) or `instructions` (instructions
 * per operation counted under valgrind's cachegrind, which machine load barely moves).
 *
 * @public
 */
export type Instrument = 'time' | 'instructions';

/**
 * V8 flags the counting child runs with, so the JIT and the garbage collector do the same work every run:
 * `--predictable` (no concurrent compilation or background tasks, a fixed schedule), `--predictable-gc-schedule`
 * (fixed heap growing and no idle or memory-reducing GCs), `--single-threaded` (no background threads at
 * all), `--no-minor-gc-task` (no young-generation collection posted as a task: such a task runs whenever the
 * event loop next turns, which depends on the machine's load, and a collection at another moment changed a
 * whole run's count by up to some 1e7 instructions; without it every collection is triggered by allocation),
 * `--hash-seed=1` (property-key hashing the same every run) and `--random-seed=1` (`Math.random` the same every
 * run).
 *
 * @public
 */
export const DETERMINISTIC_V8_FLAGS: readonly string[] = Object.freeze([
  '--predictable',
  '--predictable-gc-schedule',
  '--single-threaded',
  '--no-minor-gc-task',
  '--hash-seed=1',
  '--random-seed=1',
]);

/**
 * Environment of the counting child over the parent's: one libuv threadpool thread, so the files the ES module
 * loader reads come back in one order and the event loop wakes as often in every run (with four threads, the
 * start-up's count varied by some 3e5 instructions with the machine's load; with one, by some 4e4).
 *
 * @internal
 */
export const COUNTING_ENV: Readonly<Record<string, string>> = Object.freeze({ UV_THREADPOOL_SIZE: '1' });

/**
 * Settings of the `instructions` instrument. The task runs in child processes started through the suite's
 * `isolation` option (which names the module that exports the suite).
 *
 * @public
 */
export interface InstructionsOptions {
  /**
   * Operations counted: the task runs `warmupIterations` and `warmupIterations + iterations` times, and the
   * difference of the two counts divided by `iterations` is the per-operation figure. Set it for runs that are
   * compared with each other, so they count the same operations.
   * @defaultValue a power of two lasting about 50 ms of CPU time natively, measured once in this process
   */
  readonly iterations?: number;
  /** Operations before the counted ones (JIT warm-up). @defaultValue `iterations` */
  readonly warmupIterations?: number;
  /**
   * Simulate the caches (`--cache-sim=yes`) and report estimated cycles per operation instead of
   * instructions (see `estimatedCycles`: a model, not a measurement).
   * @defaultValue `false`
   */
  readonly cacheSim?: boolean;
  /** The valgrind executable. @defaultValue `'valgrind'` on the PATH */
  readonly valgrind?: string;
  /** V8 flags of the counting child. @defaultValue `DETERMINISTIC_V8_FLAGS` */
  readonly v8Flags?: readonly string[];
  /**
   * Relative difference within which the two repetitions' per-operation figures agree (0.001 is 0.1%). When
   * they differ by more, a third repetition is counted and the task's figure is made of the two closest of the
   * three, so one disturbed count neither moves the figure nor widens the gate's interval.
   * @defaultValue `0.001`
   */
  readonly tolerance?: number;
}

// keys carry the parent's name, so messages read "instructions.iterations option must be ..."
const RULES: OptionRules = {
  'instructions.iterations': { kind: 'number', integer: true, min: 1 },
  'instructions.warmupIterations': { kind: 'number', integer: true, min: 0 },
  'instructions.cacheSim': { kind: 'boolean' },
  'instructions.valgrind': { kind: 'string', nonEmpty: true },
  'instructions.tolerance': { kind: 'number', min: 0 },
  'instructions.v8Flags': {
    kind: 'custom',
    check: (v) => (Array.isArray(v) && v.every((f) => typeof f === 'string') ? undefined : 'must be an array of strings'),
  },
};

/**
 * Validates the `instrument` and `instructions` suite options; throws TypeError or RangeError naming the option.
 *
 * @internal
 */
export function validateInstrumentOptions(options: { readonly instrument?: unknown; readonly instructions?: unknown; readonly isolation?: unknown }): void {
  if (options.instrument !== undefined) checkOption('instrument', options.instrument, { kind: 'oneOf', values: ['time', 'instructions'] });
  const given = options.instructions;
  if (given !== undefined) {
    if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new TypeError('instructions option must be an object');
    validateOptions(Object.fromEntries(Object.entries(given).map(([k, v]) => [`instructions.${k}`, v])), RULES, 'BenchmarkSuite');
  }
  if (options.instrument === 'instructions' && options.isolation === undefined) {
    throw new TypeError('instrument option "instructions" needs the isolation option: the module that exports the suite, which the counting child loads');
  }
}

/**
 * Why a suite offering `offered` instruments (a suite definition's `instruments`; none listed means time only)
 * cannot measure with `wanted`, in words, or undefined when it can. One rule for `run --instrument` and for
 * both sides of `compare`.
 *
 * @internal
 */
export function instrumentRefusal(suiteId: string, offered: readonly Instrument[] | undefined, wanted: Instrument): string | undefined {
  const list = offered ?? ['time'];
  if (list.includes(wanted)) return undefined;
  return `suite ${suiteId} measures ${list.join(', ')} only, not ${wanted}${list.includes('instructions') ? ' (pass --instrument instructions)' : ''}`;
}
