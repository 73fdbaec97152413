// Validation of suite and task options: invalid values are rejected when the suite is built, naming the option.
import type { BenchmarkSuiteOptions, TaskOptions } from './types.js';
import type { ResolvedSettings } from './task-runner.js';
import { validateInstrumentOptions } from './instruments/instrument-options.js';

const SUITE_KEYS = new Set([
  'time', 'minSamples', 'maxSamples', 'maxTime', 'warmup', 'signal', 'concurrency', 'monitor', 'keepSamples',
  'timeout', 'seed', 'gc', 'measureHeap', 'isolation', 'instrument', 'instructions',
]);
const TIMING_KEYS = ['time', 'minSamples', 'maxSamples', 'maxTime', 'warmup', 'timeout', 'concurrency', 'measureHeap'];
const TASK_KEYS = new Set([
  ...TIMING_KEYS, 'setup', 'teardown', 'beforeEach', 'afterEach', 'bytes', 'items', 'tags', 'figures',
]);

/** Default warm-up when `warmup: true`, ms. @internal */
export const DEFAULT_WARMUP = 100;

function positive(value: unknown, name: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`${name} option must be a number`);
  if (!(value > 0)) throw new RangeError(`${name} option must be greater than 0, got ${value}`);
}

function positiveFinite(value: unknown, name: string): void {
  positive(value, name);
  if (value !== undefined && !Number.isFinite(value)) throw new RangeError(`${name} option must be finite`);
}

function integerAtLeast(value: unknown, name: string, min: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new TypeError(`${name} option must be an integer`);
  if (value < min) throw new RangeError(`${name} option must be at least ${min}, got ${value}`);
}

function nonNegativeFinite(value: unknown, name: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${name} option must be a finite number`);
  if (value < 0) throw new RangeError(`${name} option must not be negative, got ${value}`);
}

function booleanOption(value: unknown, name: string): void {
  if (value !== undefined && typeof value !== 'boolean') throw new TypeError(`${name} option must be a boolean`);
}

function fnOption(value: unknown, name: string): void {
  if (value !== undefined && typeof value !== 'function') throw new TypeError(`${name} option must be a function`);
}

function unknownKeys(options: object, allowed: ReadonlySet<string>, where: string): void {
  for (const key of Object.keys(options)) {
    if (!allowed.has(key)) throw new TypeError(`${key} is not a known ${where} option`);
  }
}

function timing(options: Readonly<Record<string, unknown>>): void {
  positiveFinite(options.time, 'time');
  integerAtLeast(options.minSamples, 'minSamples', 1);
  integerAtLeast(options.maxSamples, 'maxSamples', 1);
  if (typeof options.minSamples === 'number' && typeof options.maxSamples === 'number' && options.maxSamples < options.minSamples) {
    throw new RangeError(`maxSamples option (${options.maxSamples}) must not be below minSamples (${options.minSamples})`);
  }
  positive(options.maxTime, 'maxTime');
  if (options.warmup !== undefined && typeof options.warmup !== 'boolean') nonNegativeFinite(options.warmup, 'warmup');
  positive(options.timeout, 'timeout');
  integerAtLeast(options.concurrency, 'concurrency', 1);
  booleanOption(options.measureHeap, 'measureHeap');
}

/**
 * Validates suite options; throws TypeError or RangeError naming the option.
 *
 * @internal
 */
export function validateSuiteOptions(options: BenchmarkSuiteOptions): void {
  if (typeof (options as unknown) !== 'object' || (options as unknown) === null) throw new TypeError('options must be an object');
  unknownKeys(options, SUITE_KEYS, 'BenchmarkSuite');
  const o = options as Readonly<Record<string, unknown>>;
  timing(o);
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new TypeError('signal option must be an AbortSignal');
  }
  if (options.monitor !== undefined) {
    const m = options.monitor as unknown as Record<string, unknown>;
    if (typeof m.start !== 'function' || typeof m.stop !== 'function' || typeof m.history !== 'object') {
      throw new TypeError('monitor option must be a PerformanceMonitor');
    }
  }
  if (options.keepSamples !== undefined && typeof options.keepSamples !== 'boolean') {
    integerAtLeast(options.keepSamples, 'keepSamples', 0);
  }
  if (options.seed !== undefined && (typeof options.seed !== 'number' || !Number.isFinite(options.seed))) {
    throw new TypeError('seed option must be a finite number');
  }
  booleanOption(options.gc, 'gc');
  const iso = options.isolation;
  if (iso !== undefined) {
    if (typeof iso !== 'object' || (typeof iso.module !== 'string' && !(iso.module instanceof URL))) {
      throw new TypeError('isolation.module option must be a file URL or path');
    }
    integerAtLeast(iso.processes, 'isolation.processes', 1);
    if (iso.exportName !== undefined && typeof iso.exportName !== 'string') {
      throw new TypeError('isolation.exportName option must be a string');
    }
    if (iso.execArgv !== undefined && (!Array.isArray(iso.execArgv) || iso.execArgv.some((a) => typeof a !== 'string'))) {
      throw new TypeError('isolation.execArgv option must be an array of strings');
    }
  }
  validateInstrumentOptions(options);
}

/**
 * Validates task options; throws TypeError or RangeError naming the option.
 *
 * @internal
 */
export function validateTaskOptions(options: TaskOptions): void {
  if (typeof (options as unknown) !== 'object' || (options as unknown) === null) throw new TypeError('task options must be an object');
  unknownKeys(options, TASK_KEYS, 'task');
  const o = options as Readonly<Record<string, unknown>>;
  timing(o);
  for (const hook of ['setup', 'teardown', 'beforeEach', 'afterEach', 'figures']) fnOption(o[hook], hook);
  nonNegativeFinite(options.bytes, 'bytes');
  nonNegativeFinite(options.items, 'items');
  if (options.tags !== undefined && (!Array.isArray(options.tags) || options.tags.some((t) => typeof t !== 'string'))) {
    throw new TypeError('tags option must be an array of strings');
  }
}

function warmupMs(value: boolean | number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (value === true) return DEFAULT_WARMUP;
  if (value === false) return 0;
  return value;
}

/**
 * Merges suite defaults and task overrides into the settings a task runs with.
 *
 * @internal
 */
export function resolveSettings(suite: BenchmarkSuiteOptions, task: TaskOptions): ResolvedSettings {
  const minSamples = task.minSamples ?? suite.minSamples ?? 10;
  const maxSamples = task.maxSamples ?? suite.maxSamples ?? Math.max(1_000_000, minSamples);
  if (maxSamples < minSamples) {
    throw new RangeError(`maxSamples option (${maxSamples}) must not be below minSamples (${minSamples})`);
  }
  const keep = suite.keepSamples ?? true;
  return {
    time: task.time ?? suite.time ?? 500,
    minSamples,
    maxSamples,
    maxTime: task.maxTime ?? suite.maxTime ?? Infinity,
    warmup: warmupMs(task.warmup, warmupMs(suite.warmup, DEFAULT_WARMUP)),
    timeout: task.timeout ?? suite.timeout ?? 60_000,
    concurrency: task.concurrency ?? suite.concurrency ?? 1,
    measureHeap: task.measureHeap ?? suite.measureHeap ?? false,
    keepSamples: keep === true ? 1000 : keep === false ? 0 : keep,
    seed: suite.seed ?? 1,
    gc: suite.gc ?? true,
  };
}
