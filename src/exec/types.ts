// Public types of command benchmarks (`benchmarkCommands`, `rune-bench exec`).
import type { Clock } from '../core/clock.js';
import type { PerformanceMonitor } from '../monitor/performance-monitor.js';
import type { SuiteResult } from '../core/results.js';
import type { SuiteProgress } from '../core/suite.js';
import type { CommandParameter } from './command-line.js';
import type { CommandRunMeasurement } from './process-runner.js';

/**
 * Options for {@link benchmarkCommands}. Names and defaults follow hyperfine where it has the same option.
 *
 * @beta
 */
export interface ExecOptions {
  /** Suite name of the result (the results store and `report --trends` key runs by it). @defaultValue `'exec'` */
  readonly name?: string;
  /** A display name per command (hyperfine's `--command-name`), `{param}` substituted; the command line otherwise. */
  readonly names?: readonly string[];
  /** Runs of each command before measuring (warm caches). @defaultValue `0` */
  readonly warmupRuns?: number;
  /** Fewest measured runs of each command. @defaultValue `10` */
  readonly minRuns?: number;
  /** Most measured runs of each command. @defaultValue `Infinity` */
  readonly maxRuns?: number;
  /** Keep measuring a command until its runs add up to this much wall time (real time, shell start-up included) and `minRuns` are done, ms. @defaultValue `3000` */
  readonly minTimeMs?: number;
  /** Command run before every run (warm-up and measured), not timed; for example to drop caches or dirty files. */
  readonly prepare?: string;
  /** Command run once before each benchmarked command's runs, not timed. */
  readonly setup?: string;
  /** Command run once after each benchmarked command's runs, not timed. */
  readonly cleanup?: string;
  /** Working directory of every command. @defaultValue `process.cwd()` */
  readonly cwd?: string;
  /**
   * Shell that runs each command line (`SHELL -c LINE`), with its start-up time measured on an empty command
   * and subtracted from every run as hyperfine does; `false` splits the line into argv and runs it without a
   * shell (no correction). @defaultValue `'sh'`
   */
  readonly shell?: string | false;
  /** Parameters substituted as `{name}` into the commands: one task per command and combination of values. */
  readonly parameters?: readonly CommandParameter[];
  /** Accept runs that exit non-zero instead of failing the command's task. @defaultValue `false` */
  readonly ignoreFailure?: boolean;
  /** Environment of every command. @defaultValue `process.env` */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Seed of the bootstrap intervals. @defaultValue `1` */
  readonly seed?: number;
  /**
   * Stops the run: the running command is killed and the result is `aborted` (whatever the run was doing: starting
   * its process runner, measuring the shell, or running a command). A signal already aborted when the call is made
   * rejects it with `ERR_ABORTED` before anything starts.
   */
  readonly signal?: AbortSignal;
  /** Time source for durations and the start time. @defaultValue `systemClock` */
  readonly clock?: Clock;
  /**
   * A monitor to watch the run: started if it is not running (and stopped after), given a source for the
   * commands' CPU (`process.child.commands.cpu.utilization`, from the runner that reaps them) for the run, and
   * its snapshots of the run go to the bottleneck detector, whose findings the result carries (`findings`), and
   * the result keeps them, reduced, for the report's charts (`monitorHistory`), as `BenchmarkSuite` does with its
   * `monitor` option.
   */
  readonly monitor?: PerformanceMonitor;
  /** Called as runs complete. */
  readonly onProgress?: (progress: SuiteProgress) => void;
}

/**
 * Every run of one benchmarked command, for hyperfine-style exports.
 *
 * @beta
 */
export interface CommandMeasurements {
  /** Task name in the result (the display name or the command line). */
  readonly name: string;
  /** The command line that ran, parameters substituted. */
  readonly command: string;
  /** Parameter values of this task. */
  readonly parameters: Readonly<Record<string, string>>;
  /** Measured runs (warm-up runs excluded), shell start-up subtracted when a shell ran them. */
  readonly runs: readonly CommandRunMeasurement[];
}

/**
 * What {@link benchmarkCommands} returns: a {@link SuiteResult} like any suite's (formatters, the results
 * store, baselines and the regression detector take it as it is) and the raw runs behind it.
 *
 * @beta
 */
export interface CommandBenchmark {
  /** The result: one task per command (and parameter value), wall-time statistics, CPU, memory and relative figures. */
  readonly result: SuiteResult;
  /** The runs of each task, in task order. */
  readonly commands: readonly CommandMeasurements[];
}
