// Benchmarks external commands the way hyperfine does and returns a SuiteResult like any suite's.
import { environmentFingerprint } from '../bench/environment.js';
import { buildSummary, suiteStatus } from '../bench/summary.js';
import { systemClock } from '../core/clock.js';
import { abortError, isRuneBenchError, RuneBenchError } from '../core/errors.js';
import { validateOptions, type OptionRules } from '../core/options.js';
import { RESULT_SCHEMA_VERSION, type ErrorInfo, type KeyFigure, type SuiteResult, type TaskResult } from '../core/results.js';
import { describeSamples } from '../stats/describe.js';
import { checkName, parameterBindings, splitCommandLine, substitute, type ParameterBinding } from './command-line.js';
import { ProcessRunner, type CommandRunMeasurement } from './process-runner.js';
import { relativeSummary } from '../bench/relative.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { BottleneckDetector } from '../detect/bottleneck/bottleneck-detector.js';
import { runMonitorHistory } from '../monitor/run-history.js';
import { CommandsCpuSource } from './commands-cpu-source.js';
import type { CommandBenchmark, CommandMeasurements, ExecOptions } from './types.js';

const RULES: OptionRules = {
  name: { kind: 'string', nonEmpty: true },
  names: { kind: 'array' },
  warmupRuns: { kind: 'number', integer: true, min: 0 },
  minRuns: { kind: 'number', integer: true, min: 1 },
  maxRuns: { kind: 'number', integer: true, min: 1, allowInfinity: true },
  minTimeMs: { kind: 'number', min: 0 },
  prepare: { kind: 'string', nonEmpty: true },
  setup: { kind: 'string', nonEmpty: true },
  cleanup: { kind: 'string', nonEmpty: true },
  cwd: { kind: 'string', nonEmpty: true },
  shell: { kind: 'custom', check: (v) => (v === false || (typeof v === 'string' && v !== '') ? undefined : 'must be a shell name or false') },
  parameters: { kind: 'array' },
  ignoreFailure: { kind: 'boolean' },
  env: { kind: 'object' },
  seed: { kind: 'number', integer: true, min: 0 },
  signal: { kind: 'signal' },
  clock: { kind: 'object' },
  onProgress: { kind: 'function' },
  monitor: { kind: 'object' },
};

/** Runs of an empty command that measure the shell's start-up (hyperfine uses 50; the mean settles well before). */
const SHELL_RUNS = 30;
/** Wall-time resolution reported in the statistics: the helper reads a nanosecond monotonic clock. */
const RESOLUTION = 1e-6;

interface Planned {
  readonly name: string;
  readonly command: string;
  readonly binding: ParameterBinding;
}

interface Correction {
  readonly wall: number;
  readonly user: number;
  readonly system: number;
}

interface Measured {
  readonly planned: Planned;
  readonly runs: CommandRunMeasurement[];
  readonly error?: ErrorInfo;
  readonly aborted: boolean;
  readonly duration: number;
}

function plan(commands: readonly string[], options: ExecOptions): Planned[] {
  if (!Array.isArray(commands) || commands.length === 0) throw new TypeError('commands must be a non-empty array of command lines');
  for (const c of commands) if (typeof c !== 'string' || c.trim() === '') throw new TypeError('commands must hold non-empty strings');
  const names = options.names;
  if (names !== undefined && (names.length !== commands.length || names.some((n) => typeof n !== 'string' || n.trim() === ''))) {
    throw new RangeError(`names option must hold one non-empty name per command (${commands.length}), got ${names.length}`);
  }
  const parameters = options.parameters ?? [];
  const seen = new Set<string>();
  for (const p of parameters) {
    checkName(p.name);
    if (seen.has(p.name)) throw new RangeError(`parameters option names ${p.name} twice`);
    seen.add(p.name);
    if (!Array.isArray(p.values) || p.values.length === 0) throw new RangeError(`parameter ${p.name} must have at least one value`);
  }
  const planned: Planned[] = [];
  const taken = new Map<string, number>();
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i] as string;
    for (const binding of parameterBindings(parameters)) {
      let name = substitute(names?.[i] ?? command, binding);
      const count = (taken.get(name) ?? 0) + 1;
      taken.set(name, count);
      if (count > 1) name = `${name} #${count}`;
      planned.push({ name, command: substitute(command, binding), binding });
    }
  }
  return planned;
}

function failure(message: string): ErrorInfo {
  return { name: 'RuneBenchError', code: 'ERR_CHILD_FAILED', message };
}

function correct(m: CommandRunMeasurement, c: Correction | undefined): CommandRunMeasurement {
  if (c === undefined) return m;
  return { ...m, wall: Math.max(0, m.wall - c.wall), user: Math.max(0, m.user - c.user), system: Math.max(0, m.system - c.system) };
}

/**
 * Benchmarks command lines as hyperfine does: warm-up runs, then at least `minRuns` runs and at least
 * `minTimeMs` of measured time per command, `prepare` before every run, `setup`/`cleanup` once per command,
 * one task per command and parameter value. Each run records wall time, user and system CPU of the command
 * and all its descendants, peak RSS and the exit code (measured by a small python3 helper that spawns and
 * `wait4`s the command; see docs/exec.md). Statistics, outliers and the relative figures between commands
 * come from the same code as for functions.
 *
 * A run that exits non-zero fails its task (status `failed`, the exit code in the error and the `exit.code`
 * figure) unless `ignoreFailure` is set; the other commands still run.
 *
 * @param commands - command lines, `{name}` for parameters
 * @param options - runs, time, hooks, shell, parameters, working directory
 * @returns the suite result and every run behind it
 * @throws TypeError or RangeError for bad options; RuneBenchError `ERR_UNSUPPORTED` when python3 is missing,
 *   `ERR_CHILD_FAILED` when the shell cannot run an empty command
 * @beta
 */
export async function benchmarkCommands(commands: readonly string[], options: ExecOptions = {}): Promise<CommandBenchmark> {
  validateOptions(options, RULES, 'benchmarkCommands');
  const planned = plan(commands, options);
  const { warmupRuns = 0, minRuns = 10, maxRuns = Infinity, minTimeMs = 3000, shell = 'sh', ignoreFailure = false, seed = 1, signal } = options;
  if (maxRuns < minRuns) throw new RangeError(`maxRuns option (${maxRuns}) must be at least minRuns (${minRuns})`);
  const clock = options.clock ?? systemClock;
  const cwd = options.cwd ?? process.cwd();
  const suiteName = options.name ?? 'exec';
  const started = clock.now();
  const startedAt = new Date(clock.wallNow()).toISOString();
  const argv = (line: string): string[] => (shell === false ? splitCommandLine(line) : [shell, '-c', line]);
  // Split every line first, so a bad quote fails before anything runs.
  for (const p of planned) argv(p.command);
  for (const hook of [options.prepare, options.setup, options.cleanup]) if (hook !== undefined) argv(hook);

  const notices: string[] = [];
  const measured: Measured[] = [];
  // A signal aborted before the call stops it before anything starts; an abort once it has started, even while
  // the runner's python3 is still starting (it can take a second on a loaded machine), ends in an aborted result.
  if (signal?.aborted === true) throw abortError(signal, 'exec');
  // an abort before any command ran: the first task is the aborted one, with nothing measured
  const nothingRan = (during: string): void => {
    notices.push(`aborted while ${during}, before any command ran`);
    measured.push({ planned: planned[0] as Planned, runs: [], aborted: true, duration: 0 }); // plan() refuses an empty list
  };
  let runner: ProcessRunner;
  try {
    runner = await ProcessRunner.start({ ...(options.env === undefined ? {} : { env: options.env }), ...(signal === undefined ? {} : { signal }) });
  } catch (caught) {
    if (!isRuneBenchError(caught, 'ERR_ABORTED')) throw caught;
    nothingRan('the process runner started');
    return buildResult(measured, { suiteName, startedAt, duration: (clock.now() - started) / 1000, seed, notices, ignoreFailure, rssFloor: 0, snapshots: [] });
  }
  let watch: CommandsWatch;
  try {
    watch = await watchCommands(options.monitor, runner.pid);
  } catch (error) {
    runner.close();
    throw error;
  }
  let snapshots: MetricSnapshot[] = [];
  try {
    let correction: Correction | undefined;
    // an abort while the shell is measured still ends in a result (nothing measured), as one during a command does
    let abortedBeforeRuns = false;
    if (shell !== false) {
      try {
        correction = await measureShell(runner, shell, cwd, seed);
        notices.push(
          `shell start-up (${shell} -c '': ${(correction.wall * 1000).toFixed(2)} ms wall, mean of ${SHELL_RUNS} runs) subtracted from every run, as hyperfine does; shell none runs commands without a shell`,
        );
      } catch (caught) {
        if (!isRuneBenchError(caught, 'ERR_ABORTED')) throw caught;
        abortedBeforeRuns = true;
        nothingRan("the shell's start-up was measured");
      }
    } else {
      notices.push('commands ran without a shell (argv split from each line); process spawn time is included in every run');
    }
    const run = async (line: string): Promise<CommandRunMeasurement> => runner.run(argv(line), cwd);
    const prepare = options.prepare === undefined ? undefined : argv(options.prepare);
    for (const [index, p] of planned.entries()) {
      if (abortedBeforeRuns) break;
      const taskStarted = clock.now();
      const runs: CommandRunMeasurement[] = [];
      let error: ErrorInfo | undefined;
      let aborted = false;
      // Runs `count` times in one request to the helper; on a failure, leaves only the failing run in `runs`.
      // Wall time the kept runs really took (before the shell correction): what --min-time counts, so a command
      // faster than the shell's start-up still stops after min-time of real time.
      let measuredWall = 0;
      const batch = async (count: number, keep: boolean): Promise<void> => {
        const got = await runner.runBatch({ argv: argv(p.command), cwd, count, prepare, stopOnFailure: !ignoreFailure });
        const corrected = got.runs.map((m) => correct(m, correction));
        const failed = ignoreFailure ? undefined : corrected.find((m) => m.exitCode !== 0);
        if (failed !== undefined) {
          error = failure(`${p.command} exited with code ${failed.exitCode} (ignoreFailure / --ignore-failure accepts it)`);
          runs.splice(0, runs.length, failed);
        } else if (got.prepareExitCode !== undefined) {
          error = failure(`prepare command exited with code ${got.prepareExitCode}`);
        } else if (keep) {
          runs.push(...corrected);
          for (const m of got.runs) measuredWall += m.wall;
        }
      };
      try {
        if (options.setup !== undefined) {
          const s = await run(options.setup);
          if (s.exitCode !== 0) error = failure(`setup command exited with code ${s.exitCode}`);
        }
        if (error === undefined && warmupRuns > 0) await batch(warmupRuns, false);
        for (;;) {
          if (error !== undefined) break;
          const count = nextBatch(runs.length, measuredWall, { minRuns, maxRuns, minTimeMs });
          if (count === 0) break;
          await batch(count, true);
          options.onProgress?.({
            suite: suiteName,
            phase: p.name,
            fraction: (index + Math.min(1, Math.max(runs.length / minRuns, minTimeMs > 0 ? (measuredWall * 1000) / minTimeMs : 1))) / planned.length,
            message: `${runs.length} runs`,
          });
        }
        if (options.cleanup !== undefined) {
          const c = await run(options.cleanup);
          if (c.exitCode !== 0 && error === undefined) error = failure(`cleanup command exited with code ${c.exitCode}`);
        }
      } catch (caught) {
        if (isRuneBenchError(caught, 'ERR_ABORTED')) aborted = true;
        else if (isRuneBenchError(caught, 'ERR_CHILD_FAILED')) error = failure(caught.message);
        else throw caught;
      }
      measured.push({ planned: p, runs, ...(error === undefined ? {} : { error }), aborted, duration: (clock.now() - taskStarted) / 1000 });
      if (aborted) break;
    }
  } finally {
    runner.close();
    snapshots = await watch.finish(startedAt);
  }
  const built = buildResult(measured, { suiteName, startedAt, duration: (clock.now() - started) / 1000, seed, notices, ignoreFailure, rssFloor: runner.rssFloor, snapshots });
  if (options.monitor === undefined) return built;
  // as BenchmarkSuite does with a monitor: the detector reads the run's window, and the result carries its findings
  // and the window, reduced, for the report's charts
  const found = new BottleneckDetector().analyzeSuite(built.result, snapshots);
  return { ...built, result: { ...built.result, findings: [...found.findings, ...found.host], monitorHistory: runMonitorHistory(snapshots) } };
}

interface CommandsWatch {
  /** Samples once more, stops what was started, and returns the snapshots taken since `startedAt`. */
  finish(startedAt: string): Promise<MetricSnapshot[]>;
}

/** Adds the commands' CPU to `monitor` (starting it when it is not running) for the length of one benchmark. */
async function watchCommands(monitor: ExecOptions['monitor'], pid: number | undefined): Promise<CommandsWatch> {
  if (monitor === undefined) return { finish: () => Promise.resolve([]) };
  const source = pid === undefined ? undefined : new CommandsCpuSource(pid);
  if (source !== undefined) monitor.addSource(source);
  const startedMonitor = !monitor.running;
  if (startedMonitor) await monitor.start();
  await monitor.sample(); // a first point, so even a short run has a window
  return {
    async finish(startedAt: string): Promise<MetricSnapshot[]> {
      try {
        if (monitor.running) await monitor.sample();
        const from = Date.parse(startedAt);
        return monitor.history.toArray().filter((s) => s.timestamp >= from);
      } finally {
        if (startedMonitor) await monitor.stop();
        if (source !== undefined) monitor.removeSource(source.id);
      }
    },
  };
}

/** Longest stretch of runs the helper does in one request, seconds (progress and the estimate update between). */
const BATCH_SECONDS = 0.5;

/**
 * How many runs to ask the helper for next: one first (to estimate the time per run), then what `minRuns` and
 * `minTimeMs` still need, within `maxRuns` and about {@link BATCH_SECONDS} per batch; 0 when done. `wall` is
 * the uncorrected wall time of the `done` runs (the real cost of a run, shell included).
 *
 * @internal
 */
export function nextBatch(done: number, wall: number, limits: { minRuns: number; maxRuns: number; minTimeMs: number }): number {
  if (done >= limits.maxRuns) return 0;
  if (done >= limits.minRuns && wall * 1000 >= limits.minTimeMs) return 0;
  if (done === 0) return 1;
  const perRun = Math.max(wall / done, 1e-6);
  const forTime = Math.ceil((limits.minTimeMs / 1000 - wall) / perRun);
  const wanted = Math.max(limits.minRuns - done, forTime, 1);
  return Math.max(1, Math.min(wanted, limits.maxRuns - done, Math.floor(BATCH_SECONDS / perRun)));
}

async function measureShell(runner: ProcessRunner, shell: string, cwd: string, seed: number): Promise<Correction> {
  const got = await runner.runBatch({ argv: [shell, '-c', ''], cwd, count: SHELL_RUNS + 3, stopOnFailure: true });
  const failed = got.runs.find((m) => m.exitCode !== 0);
  if (failed !== undefined) throw new RuneBenchError('ERR_CHILD_FAILED', `${shell} -c '' exited with code ${failed.exitCode}: cannot use ${shell} as the shell`);
  const runs = got.runs.slice(3);
  const meanOf = (pick: (m: CommandRunMeasurement) => number): number =>
    describeSamples(runs.map(pick), { batchSize: 1, resolution: 0, seed, resamples: 1 }).mean;
  return { wall: meanOf((m) => m.wall), user: meanOf((m) => m.user), system: meanOf((m) => m.system) };
}

interface BuildContext {
  readonly suiteName: string;
  readonly startedAt: string;
  readonly duration: number;
  readonly seed: number;
  readonly notices: string[];
  readonly ignoreFailure: boolean;
  readonly rssFloor: number;
  /** The monitor's snapshots of the run (none without a monitor). */
  readonly snapshots: readonly MetricSnapshot[];
}

function buildResult(measured: readonly Measured[], ctx: BuildContext): CommandBenchmark {
  const ok = (m: Measured): boolean => m.error === undefined && !m.aborted && m.runs.length > 0;
  const relative = relativeSummary(measured.map((m) => ({ name: m.planned.name, samples: ok(m) ? m.runs.map((r) => r.wall) : [] })), ctx.seed);
  const tasks: TaskResult[] = [];
  const commands: CommandMeasurements[] = [];
  let peakRss = 0;
  let peakCpu = 0;
  const atFloor: string[] = [];
  for (const m of measured) {
    const figures: KeyFigure[] = [];
    const walls = m.runs.map((r) => r.wall);
    let maxRss = 0;
    let cpu = 0;
    let wall = 0;
    for (const r of m.runs) {
      maxRss = Math.max(maxRss, r.maxRss);
      cpu += r.user + r.system;
      wall += r.wall;
    }
    if (wall > 0) peakCpu = Math.max(peakCpu, cpu / wall);
    peakRss = Math.max(peakRss, maxRss);
    if (m.runs.length > 0) {
      const mean = (pick: (r: CommandRunMeasurement) => number): number =>
        describeSamples(m.runs.map(pick), { batchSize: 1, resolution: 0, seed: ctx.seed, resamples: 1 }).mean;
      figures.push(
        { name: 'cpu.user', value: mean((r) => r.user), unit: 's', description: 'user CPU per run, the command and its descendants (mean)' },
        { name: 'cpu.system', value: mean((r) => r.system), unit: 's', description: 'system CPU per run, the command and its descendants (mean)' },
        { name: 'memory.peak', value: maxRss, unit: 'By', description: 'largest resident set of any process in the command tree, over all runs' },
      );
      if (maxRss <= ctx.rssFloor * 1.05) atFloor.push(m.planned.name);
    }
    const nonZero = m.runs.filter((r) => r.exitCode !== 0);
    if (m.error !== undefined && nonZero.length > 0) {
      figures.push({ name: 'exit.code', value: (nonZero[0] as CommandRunMeasurement).exitCode, unit: '1', description: 'exit code of the failing run' });
    } else if (nonZero.length > 0) {
      figures.push({ name: 'exit.nonzero_runs', value: nonZero.length, unit: '{count}', description: 'measured runs that exited non-zero (accepted)' });
      ctx.notices.push(`${m.planned.name}: ${nonZero.length} of ${m.runs.length} runs exited non-zero (accepted with --ignore-failure)`);
    }
    figures.push(...(relative.figures.get(m.planned.name) ?? []));
    const status = m.aborted ? 'aborted' : m.error !== undefined || m.runs.length === 0 ? 'failed' : 'ok';
    tasks.push({
      name: m.planned.name,
      status,
      ...(status === 'ok' ? { stats: describeSamples(walls, { batchSize: 1, resolution: RESOLUTION, seed: ctx.seed }), samples: walls } : {}),
      ...(m.error === undefined ? {} : { error: m.error }),
      duration: m.duration,
      tags: ['exec'],
      figures,
    });
    commands.push({ name: m.planned.name, command: m.planned.command, parameters: Object.fromEntries(m.planned.binding), runs: m.runs });
  }
  if (atFloor.length > 0) {
    ctx.notices.push(
      `peak RSS of ${atFloor.join(', ')} is at the process runner's floor of ${(ctx.rssFloor / 2 ** 20).toFixed(1)} MiB (Linux counts the spawning process's memory at exec): the command's own peak is at most that`,
    );
  }
  ctx.notices.push(...relative.sentences);
  const aborted = measured.some((m) => m.aborted);
  const result: SuiteResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    name: ctx.suiteName,
    status: suiteStatus(tasks, aborted),
    startedAt: ctx.startedAt,
    env: environmentFingerprint(),
    tasks,
    summary: buildSummary(tasks, ctx.duration, { rss: peakRss, cpu: peakCpu }, ctx.snapshots),
    notices: ctx.notices,
  };
  return { result, commands };
}
