// `run`: runs a suite, prints its report, records it in the results store and gates on a baseline.
import type { SuiteResult } from '../../core/results.js';
import { walkBenchmarks, walkSuites } from '../../core/walk.js';
import { betweenRunNoiseFromStore, withPredictionIntervals } from '../../detect/regression/between-run-noise.js';
import type { ResultsStore, StoredRun } from '../../store/results-store.js';
import { writeFileAtomic } from '../../core/files.js';
import { writeSuiteResult } from '../../bench/suite-result-json.js';
import type { Flags } from '../args.js';
import { ExitCode } from '../command.js';
import { note, wantsColor, type CommandContext } from '../context.js';
import { checkWritableFile, findFormatter, findSuite, parseParams, readBaseline, resolvePath } from '../inputs.js';
import { loadSuiteModules, suiteModules } from '../load-suites.js';
import { loadConfig, type LoadedConfig } from '../config.js';
import { discoverBenchFiles } from '../discover.js';
import { applyFilter, combinedSuite } from '../suite-selection.js';
import type { SuiteDefinition } from '../../core/suite.js';
import { formatDuration } from '../../format/units.js';
import { PerformanceMonitor } from '../../monitor/performance-monitor.js';
import { runMonitorHistory } from '../../monitor/run-history.js';
import { ProgressView } from '../progress.js';
import { UsageError } from '../usage-error.js';
import { gateAgainstBaseline, gateExitCode } from './baseline-gate.js';
import { recordHostConditions } from '../../bench/host-recorder.js';
import { openStore, previousRun, readRuns, recordRun } from './store.js';
import { appendStepSummary } from './step-summary.js';
import type { FormatInput } from '../../format/formatter.js';
import { isBaselineName } from '../../store/results-store.js';
import { findValgrind } from '../../bench/instruments/valgrind.js';
import { instrumentRefusal } from '../../bench/instruments/instrument-options.js';
import { parseInstrumentFlags } from '../instrument-flags.js';

const SCALES = ['quick', 'standard', 'linux'] as const;

/** Runs `run`. @internal */
export async function runRun(ctx: CommandContext, flags: Flags): Promise<number> {
  const config = await loadConfig(ctx.cwd);
  const loader = { projectDir: config.root };
  await loadSuiteModules([...config.require, ...suiteModules(flags.strings('require'), ctx.env.RUNE_BENCH_SUITES, ctx.cwd)], loader);
  const suite = await chooseSuite(ctx, flags, config);
  const scale = flags.choice('scale', SCALES, 'quick');
  const formatter = findFormatter(flags.string('format') ?? config.format ?? 'table', 'suite', 'run');
  const params = parseParams(flags.strings('param'), suite);
  const seed = flags.number('seed', { integer: true, min: 0, max: 2 ** 32 - 1 }) ?? 1;
  const threshold = flags.ratio('threshold', { max: 0.99 }) ?? config.threshold ?? 0.02;
  const { instrument, cacheSim } = parseInstrumentFlags(flags, 'run');
  if (instrument !== 'time') {
    // (a suite that counts by its own options still runs without --instrument: its result says the unit)
    const refusal = instrumentRefusal(suite.id, suite.instruments, instrument);
    if (refusal !== undefined) throw new UsageError(`${refusal} (see docs/benchmarks.md)`, 'run');
    findValgrind(); // a missing valgrind fails now, naming the Debian package, not after the run
  }
  const output = optionalPath(ctx, flags, 'output');
  // A bare name (`--baseline main`) is a named baseline in the store; anything else is a file path.
  const saveBaselineName = storedBaselineName(flags, 'save-baseline');
  const baselineStoredName = storedBaselineName(flags, 'baseline');
  const saveBaseline = saveBaselineName === undefined ? optionalPath(ctx, flags, 'save-baseline') : undefined;
  const baselinePath = baselineStoredName === undefined ? optionalPath(ctx, flags, 'baseline') : undefined;
  const failOnRegression = flags.boolean('fail-on-regression');
  const strict = flags.boolean('strict');
  const record = !flags.boolean('no-store');
  if (!record && flags.has('store')) throw new UsageError('--store and --no-store contradict each other: pick one', 'run');
  const needStore = record || (failOnRegression && baselinePath === undefined) || saveBaselineName !== undefined || baselineStoredName !== undefined;
  const store = needStore ? openStore(ctx.cwd, flags.string('store') ?? config.store) : undefined;
  if (output !== undefined) checkWritableFile(output, '--output', 'run');
  if (saveBaseline !== undefined) checkWritableFile(saveBaseline, '--save-baseline', 'run');
  // Read the baseline before the run: a bad one fails in a second, not after the whole suite.
  let baseline: SuiteResult | undefined = baselinePath === undefined ? undefined : readBaseline(baselinePath);
  let baselineName = baselinePath;
  if (baselineStoredName !== undefined && store !== undefined) {
    baseline = store.readBaseline(baselineStoredName);
    if (baseline === undefined) {
      throw new UsageError(`no baseline named ${baselineStoredName} in ${store.location}: save one with --save-baseline ${baselineStoredName}`, 'run');
    }
    baselineName = `baseline ${baselineStoredName}`;
  }

  // Reading a large baseline is synchronous: let a Ctrl-C or SIGTERM that arrived meanwhile be seen now.
  if (await interrupted(ctx.signal)) return ExitCode.Interrupted;

  const progress = new ProgressView(ctx.stderr);
  if (ctx.stderr.isTTY !== true) note(ctx, `running ${suite.id} (${scale})`);
  const started = performance.now();
  // A monitor watches the whole run so the report can chart CPU, memory and the event loop over time.
  const monitor = new PerformanceMonitor({ intervalMs: 500, historySize: 10_000 });
  let result: SuiteResult;
  try {
    await monitor.start();
    await monitor.sample(); // first and last points, so even a short run has a series to chart
    // The host's conditions and the settings go into the result, so a later gate can tell a busier host or
    // other parameters from a change in the code.
    const stopHost = recordHostConditions();
    const measured = await suite.run({
      scale,
      signal: ctx.signal,
      seed,
      params,
      ...(instrument === 'time' ? {} : { instrument, instructions: { cacheSim } }),
      onProgress: (p) => { progress.update(p); },
    });
    // defaults are recorded too, so a run that names a default and one that leaves it out stay comparable
    const defaults = Object.fromEntries(suite.parameters.flatMap((p) => (p.default === undefined ? [] : [[p.name, p.default] as const])));
    result = { ...measured, host: stopHost(), settings: { scale, params: { ...defaults, ...params } } };
  } finally {
    if (monitor.running) await monitor.sample();
    await monitor.stop();
    progress.done();
  }
  // The report charts the run from the result: the suite's own monitor history when it kept one (its monitor may
  // have sources of its own), else this monitor's over the whole run. The store leaves it out of its records.
  if (result.monitorHistory === undefined) result = { ...result, monitorHistory: runMonitorHistory(monitor.history.toArray()) };
  const aborted = result.status === 'aborted' || ctx.signal.aborted;
  note(ctx, `${suite.id} ${aborted ? 'aborted' : result.status} after ${formatDuration((performance.now() - started) / 1000)}`);
  for (const notice of new Set(collectNotices(result))) note(ctx, `notice: ${notice}`);

  // One read of the store serves the previous run and the between-run noise (a hook pays for each read).
  const stored = store === undefined || aborted ? undefined : storedRuns(ctx, store);
  let baselineInHistory = false;
  if (baseline === undefined && failOnRegression && stored !== undefined) {
    const previous = previousRun(stored, result);
    if (previous === undefined) note(ctx, `no earlier run of ${suite.id} on this machine in the store: nothing to compare with`);
    else {
      baseline = previous.result;
      baselineName = `the stored run of ${previous.result.startedAt}`;
      // the baseline is the newest run of the history the noise is read from: its own standing there is checked
      baselineInHistory = true;
    }
  }

  // Between-run noise from the store's earlier runs on this machine: the report's prediction intervals (where a
  // fresh run should land) and the gate's widening both come from it.
  const noise = store === undefined || stored === undefined ? undefined : betweenRunNoiseFromStore(store, [...walkBenchmarks(result)].map((e) => e.key), result.env.id, stored);
  if (noise !== undefined && noise.size > 0) result = withPredictionIntervals(result, noise);
  // The gate's verdicts are the ones the report shows, so the table and the exit code never disagree.
  // --fail-on-regression confirms a regression by running the suite once more before failing
  let rerun: Promise<SuiteResult> | undefined;
  const confirm = async (key: string): Promise<readonly number[]> => {
    note(ctx, `confirming ${key}: running ${suite.id} again`);
    rerun ??= suite.run({ scale, signal: ctx.signal, seed: seed + 1, params, ...(instrument === 'time' ? {} : { instrument, instructions: { cacheSim } }) });
    const again = await rerun;
    return [...walkBenchmarks(again)].find((e) => e.key === key)?.task.samples ?? [];
  };
  const gate =
    baseline === undefined || aborted
      ? undefined
      : await gateAgainstBaseline(result, baseline, {
          threshold,
          seed,
          signal: ctx.signal,
          ...(noise === undefined ? {} : { betweenRunNoise: noise }),
          ...(failOnRegression ? { confirm } : {}),
          baselineInHistory,
        });
  // A signal during the comparison: nothing is printed or written, the exit code says interrupted.
  if (!aborted && (await interrupted(ctx.signal))) return ExitCode.Interrupted;
  const input: FormatInput =
    baseline === undefined || gate === undefined
      ? { kind: 'suite', result }
      : { kind: 'suite', result, baseline, comparison: gate.report };
  const text = formatter.format(input, { color: output === undefined && wantsColor(ctx.stdout, ctx.env), threshold });
  appendStepSummary(ctx, input, 'run');
  if (output === undefined) ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  else {
    writeFileAtomic(output, text);
    note(ctx, `wrote ${formatter.id} report to ${output}`);
  }

  if (aborted) return ExitCode.Interrupted;
  if (record && store !== undefined) {
    try {
      await recordRun(store, result);
    } catch (error) {
      note(ctx, `warning: could not record the run in ${store.location}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (saveBaseline !== undefined) {
    writeSuiteResult(saveBaseline, result);
    note(ctx, `saved baseline ${saveBaseline}`);
  }
  if (saveBaselineName !== undefined && store !== undefined) {
    store.saveBaseline(saveBaselineName, result);
    note(ctx, `saved baseline ${saveBaselineName} in ${store.location}`);
  }
  if (gate !== undefined) {
    note(ctx, `compared with ${baselineName ?? 'baseline'}: ${gate.summary}`);
    for (const line of gate.lines) ctx.stderr.write(`  ${line}\n`);
  }
  if (result.status === 'failed') {
    ctx.stderr.write(`${ctx.program}: error: suite ${suite.id} failed: no task completed (see the report for each task's error)\n`);
    return ExitCode.Failure;
  }
  if (gate === undefined) return ExitCode.Ok;
  const exit = gateExitCode(gate.report, { failOnRegression, strict });
  if (exit.line !== undefined) ctx.stderr.write(`${ctx.program}: ${exit.line}\n`);
  return exit.code;
}

/** The store's records, damaged ones named in a warning; undefined (with a warning) when it cannot be read. */
function storedRuns(ctx: CommandContext, store: ResultsStore): readonly StoredRun[] | undefined {
  try {
    return readRuns(store, (message) => { note(ctx, `warning: ${message}`); });
  } catch (error) {
    note(ctx, `warning: could not read ${store.location}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** --suite NAME, else the suites of the discovered bench files; --filter keeps the matching tasks. */
async function chooseSuite(ctx: CommandContext, flags: Flags, config: LoadedConfig): Promise<SuiteDefinition> {
  const suiteId = flags.string('suite');
  const filter = flags.string('filter');
  let suites: SuiteDefinition[];
  if (suiteId !== undefined) suites = [findSuite(suiteId)];
  else {
    const files = discoverBenchFiles(config.root, config.bench);
    if (files.length === 0) {
      throw new UsageError(
        `run needs --suite NAME (see \`list\`), or bench files matching ${config.bench.join(', ')} below ${config.root} (none found)`,
        'run',
      );
    }
    suites = await loadSuiteModules(files, { projectDir: config.root });
    if (suites.length === 0) throw new UsageError(`the bench files (${files.join(', ')}) export no suite: export default a BenchmarkSuite`, 'run');
    if (ctx.stderr.isTTY !== true) note(ctx, `found ${files.length === 1 ? '1 bench file' : `${String(files.length)} bench files`} below ${config.root}`);
  }
  if (filter !== undefined) suites = applyFilter(suites, filter);
  return combinedSuite('bench', suites);
}

/** The value of a baseline flag when it is a bare name (stored baseline), else `undefined` (a file path). */
function storedBaselineName(flags: Flags, name: string): string | undefined {
  const value = flags.string(name);
  return value !== undefined && isBaselineName(value) ? value : undefined;
}

function optionalPath(ctx: CommandContext, flags: Flags, name: string): string | undefined {
  const value = flags.string(name);
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`--${name} needs a file name`, 'run');
  return resolvePath(ctx.cwd, value);
}

/** Every suite's notices, a nested suite's prefixed by its path below the root. */
function collectNotices(result: SuiteResult): string[] {
  return [...walkSuites(result)].flatMap(({ suite, depth, path }) =>
    (suite.notices ?? []).map((n) => (depth === 0 ? n : `${path.slice(1).join('/')}: ${n}`)),
  );
}

/** Lets pending signal handlers run, then says whether the command was interrupted. */
async function interrupted(signal: AbortSignal): Promise<boolean> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return signal.aborted;
}
