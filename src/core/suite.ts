// The plug point for benchmark suites: built-in VCS suites and user suites implement the same interface.
import type { SuiteResult } from './results.js';
import type { Instrument, InstructionsOptions } from '../bench/instruments/instrument-options.js';

/**
 * How big a suite run is. `quick` is the default (the whole comprehensive suite in about two minutes on
 * two cores), `standard` is larger, `linux` is full Linux-kernel scale.
 *
 * @public
 */
export type SuiteScale = 'quick' | 'standard' | 'linux';

/**
 * A parameter a suite accepts, as `list` shows it.
 *
 * @public
 */
export interface SuiteParameter {
  /** Parameter name, e.g. `dir`. */
  readonly name: string;
  /** Value type. */
  readonly type: 'string' | 'number' | 'boolean';
  /** What it does. */
  readonly description: string;
  /** Default value, when there is one. */
  readonly default?: string | number | boolean;
}

/**
 * Progress of a running suite.
 *
 * @public
 */
export interface SuiteProgress {
  /** Suite id. */
  readonly suite: string;
  /** What is running now (task or phase name). */
  readonly phase: string;
  /** Fraction of the whole suite done, 0-1. */
  readonly fraction: number;
  /** Estimated seconds left, when known. */
  readonly eta?: number;
  /** A short line for people. */
  readonly message?: string;
}

/**
 * Options for {@link SuiteDefinition.run}.
 *
 * @public
 */
export interface SuiteRunOptions {
  /** Size of the run. @defaultValue `'quick'` */
  readonly scale?: SuiteScale;
  /** Aborts the run; the suite removes its temporary files and returns or rejects promptly. */
  readonly signal?: AbortSignal;
  /** Called with progress as the suite runs. Must not throw; errors it throws are ignored. */
  readonly onProgress?: (progress: SuiteProgress) => void;
  /** Suite parameters by name (see {@link SuiteDefinition.parameters}). */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
  /** Seed for anything random (generators, key streams). @defaultValue `1` */
  readonly seed?: number;
  /** What measures each task (only an instrument the suite lists in {@link SuiteDefinition.instruments}). @defaultValue `'time'` */
  readonly instrument?: Instrument;
  /** Settings of the `instructions` instrument. */
  readonly instructions?: InstructionsOptions;
}

/**
 * The plug point for a named suite that can be listed and run: built-in VCS suites and user suites implement
 * it; register your own with `registerSuite`. A `BenchmarkSuite` (the class that runs timed tasks) is one way
 * to implement `run()`; `rune-bench run --require` also accepts a module that exports a `BenchmarkSuite`
 * instance and lists it under its name.
 *
 * @public
 */
export interface SuiteDefinition {
  /** Unique id, e.g. `large_repository`. */
  readonly id: string;
  /** One sentence for `rune-bench list`. */
  readonly description: string;
  /** Parameters it accepts. */
  readonly parameters: readonly SuiteParameter[];
  /** Instruments its tasks can be measured with (see {@link SuiteRunOptions.instrument}). @defaultValue `['time']` */
  readonly instruments?: readonly Instrument[];
  /** Runs the suite. */
  run(options?: SuiteRunOptions): Promise<SuiteResult>;
}
