// Validation of suite and task options through the one validation voice (core/options.ts), and the merge
// of suite defaults with task overrides.
import { checkOption, describeValue, validateOptions, type OptionRule, type OptionRules } from '../core/options.js';
import type { BenchmarkSuiteOptions, TaskOptions, TaskTimingOptions } from './types.js';
import type { ResolvedSettings } from './task-runner.js';
import { validateInstrumentOptions } from './instruments/instrument-options.js';

/** Default warm-up duration, ms. @internal */
export const DEFAULT_WARMUP_MS = 100;

const positive: OptionRule = { kind: 'number', min: 0, exclusiveMin: true };
const positiveOrInfinite: OptionRule = { kind: 'number', min: 0, exclusiveMin: true, allowInfinity: true };
const count: OptionRule = { kind: 'number', integer: true, min: 1 };
const nonNegative: OptionRule = { kind: 'number', min: 0 };

const stringArray = (value: unknown): string | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'must be an array of strings';

const TIMING_RULES: OptionRules = {
  timeMs: positive,
  minSamples: count,
  maxSamples: count,
  maxTimeMs: positiveOrInfinite,
  targetRme: { kind: 'number', min: 0, exclusiveMin: true, max: 1 },
  // a switch; the duration moved to warmupMs (say so to a caller still passing a number)
  warmup: { kind: 'custom', check: (v) => (typeof v === 'boolean' ? undefined : `must be a boolean (the duration is warmupMs), got ${describeValue(v)}`) },
  warmupMs: nonNegative,
  timeoutMs: positiveOrInfinite,
  concurrency: count,
  measureHeap: { kind: 'boolean' },
};

const ISOLATION_RULES: OptionRules = {
  module: { kind: 'custom', check: (v) => (typeof v === 'string' || v instanceof URL ? undefined : 'must be a file URL or path') },
  exportName: { kind: 'string', nonEmpty: true },
  processes: count,
  execArgv: { kind: 'custom', check: stringArray },
};

const SUITE_RULES: OptionRules = {
  ...TIMING_RULES,
  signal: { kind: 'signal' },
  monitor: {
    kind: 'custom',
    check: (v) => {
      const m = v as Readonly<Record<string, unknown>> | null;
      return typeof m === 'object' && m !== null && typeof m.start === 'function' && typeof m.stop === 'function' && typeof m.history === 'object'
        ? undefined
        : 'must be a PerformanceMonitor';
    },
  },
  keepSamples: { kind: 'custom', check: (v) => (typeof v === 'boolean' ? undefined : (checkOption('keepSamples', v, { kind: 'number', integer: true, min: 0 }), undefined)) },
  seed: { kind: 'number' },
  baseline: { kind: 'string', nonEmpty: true },
  gc: { kind: 'boolean' },
  isolation: { kind: 'options', rules: ISOLATION_RULES, required: ['module'] },
  instrument: { kind: 'any' },
  instructions: { kind: 'any' },
  clock: {
    kind: 'custom',
    check: (v) => {
      const c = v as Readonly<Record<string, unknown>> | null;
      return typeof c === 'object' && c !== null && ['now', 'wallNow', 'setTimeout', 'clearTimeout'].every((m) => typeof c[m] === 'function')
        ? undefined
        : 'must be a Clock (now, wallNow, setTimeout, clearTimeout)';
    },
  },
};

const TASK_RULES: OptionRules = {
  ...TIMING_RULES,
  setup: { kind: 'function' },
  teardown: { kind: 'function' },
  beforeEach: { kind: 'function' },
  afterEach: { kind: 'function' },
  figures: { kind: 'function' },
  bytes: nonNegative,
  items: nonNegative,
  tags: { kind: 'custom', check: stringArray },
  baseline: { kind: 'boolean' },
  budgetMs: { kind: 'number', min: 0, exclusiveMin: true },
};

const SELECTION_RULES: OptionRules = {
  tasks: { kind: 'custom', check: stringArray },
  signal: { kind: 'signal' },
};

/**
 * Validates suite options; throws TypeError or RangeError naming the option.
 *
 * @internal
 */
export function validateSuiteOptions(options: BenchmarkSuiteOptions): void {
  validateOptions(options, SUITE_RULES, 'BenchmarkSuite');
  checkWarmup(options);
  validateInstrumentOptions(options);
}

/**
 * Validates task options; throws TypeError or RangeError naming the option.
 *
 * @internal
 */
export function validateTaskOptions(options: TaskOptions): void {
  validateOptions(options, TASK_RULES, 'task');
  checkWarmup(options);
}

function checkWarmup(options: TaskTimingOptions): void {
  if (options.warmup === false && options.warmupMs !== undefined && options.warmupMs > 0) {
    throw new RangeError(`warmupMs option (${options.warmupMs}) contradicts warmup: false; leave one of them out`);
  }
}

/**
 * Validates the selection passed to `BenchmarkSuite.run()`.
 *
 * @internal
 */
export function validateRunSelection(selection: unknown): void {
  validateOptions(selection, SELECTION_RULES, 'BenchmarkSuite.run');
}

/** The warm-up a level asks for: 0 when off, its duration, `'default'` when only switched on, else undefined. */
function warmupOf(level: TaskTimingOptions): number | 'default' | undefined {
  if (level.warmup === false) return 0;
  if (level.warmupMs !== undefined) return level.warmupMs;
  return level.warmup === true ? 'default' : undefined;
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
  const suiteWarmup = warmupOf(suite);
  const taskWarmup = warmupOf(task);
  const suiteMs = suiteWarmup === 'default' || suiteWarmup === undefined ? DEFAULT_WARMUP_MS : suiteWarmup;
  // a task that only switches the warm-up on gets the suite's duration, even when the suite switched it off
  const warmup = taskWarmup === 'default' ? (suite.warmupMs ?? DEFAULT_WARMUP_MS) : (taskWarmup ?? suiteMs);
  return {
    timeMs: task.timeMs ?? suite.timeMs ?? 500,
    minSamples,
    maxSamples,
    maxTimeMs: task.maxTimeMs ?? suite.maxTimeMs ?? Infinity,
    targetRme: task.targetRme ?? suite.targetRme,
    warmupMs: warmup,
    timeoutMs: task.timeoutMs ?? suite.timeoutMs ?? 60_000,
    concurrency: task.concurrency ?? suite.concurrency ?? 1,
    measureHeap: task.measureHeap ?? suite.measureHeap ?? false,
    keepSamples: keep === true ? 1000 : keep === false ? 0 : keep,
    seed: suite.seed ?? 1,
    gc: suite.gc ?? true,
  };
}
