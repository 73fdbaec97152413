// `exec`: benchmarks command lines (hyperfine's job), prints the report, writes hyperfine's exports, records
// the run in the results store and gates on a baseline, like `run`.
import { writeFileAtomic } from '../../core/files.js';
import type { SuiteResult } from '../../core/results.js';
import { writeSuiteResult } from '../../bench/suite-result-json.js';
import { parameterScan, type CommandParameter } from '../../exec/command-line.js';
import { prepareCommandTree, type CommandTree } from '../../exec/command-tree.js';
import { benchmarkCommands } from '../../exec/benchmark-commands.js';
import { hyperfineCsv, hyperfineJson, hyperfineMarkdown } from '../../exec/hyperfine-export.js';
import type { CommandBenchmark, ExecOptions } from '../../exec/types.js';
import { safeText } from '../../format/common.js';
import { formatDuration } from '../../format/units.js';
import type { Flags } from '../args.js';
import { ExitCode } from '../command.js';
import { note, wantsColor, type CommandContext } from '../context.js';
import { checkWritableFile, findFormatter, readBaseline, resolvePath } from '../inputs.js';
import { ProgressView } from '../progress.js';
import { UsageError } from '../usage-error.js';
import { gateAgainstBaseline } from './baseline-gate.js';
import { appendStepSummary } from './step-summary.js';
import type { FormatInput } from '../../format/formatter.js';
import { PerformanceMonitor } from '../../monitor/performance-monitor.js';
import { defaultSources } from '../../monitor/sources/defaults.js';
import { SystemSource } from '../../monitor/sources/system.js';
import { openStore, previousRun, readRuns, recordRun } from './store.js';

const EXPORTS = [
  ['export-json', hyperfineJson],
  ['export-csv', hyperfineCsv],
  ['export-markdown', hyperfineMarkdown],
] as const;

function path(ctx: CommandContext, flags: Flags, name: string): string | undefined {
  const value = flags.string(name);
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`--${name} needs a file name`, 'exec');
  return resolvePath(ctx.cwd, value);
}

function parameters(flags: Flags): CommandParameter[] {
  const out: CommandParameter[] = [];
  const wrap = (fn: () => CommandParameter, flag: string): CommandParameter => {
    try {
      return fn();
    } catch (error) {
      throw new UsageError(`--${flag}: ${error instanceof Error ? error.message : String(error)}`, 'exec');
    }
  };
  for (const [name = '', lo = '', hi = ''] of flags.tuples('parameter-scan')) {
    const step = flags.number('parameter-step-size', { min: 0, what: 'a positive step' }) ?? 1;
    out.push(wrap(() => parameterScan(name, Number(lo.trim() === '' ? Number.NaN : lo), Number(hi.trim() === '' ? Number.NaN : hi), step), 'parameter-scan'));
  }
  if (out.length === 0 && flags.has('parameter-step-size')) throw new UsageError('--parameter-step-size goes with --parameter-scan', 'exec');
  for (const [name = '', list = ''] of flags.tuples('parameter-list')) {
    const values = list.split(',');
    out.push(wrap(() => ({ name, values }), 'parameter-list'));
  }
  return out;
}

function execOptions(ctx: CommandContext, flags: Flags, cwd: string): ExecOptions {
  const count = (name: string, min: number): number | undefined => flags.number(name, { integer: true, min });
  const runs = count('runs', 1);
  if (runs !== undefined && (flags.has('min-runs') || flags.has('max-runs'))) throw new UsageError('--runs sets both --min-runs and --max-runs: give one or the other', 'exec');
  const minRuns = runs ?? count('min-runs', 1);
  const maxRuns = runs ?? count('max-runs', 1);
  if (minRuns !== undefined && maxRuns !== undefined && maxRuns < minRuns) throw new UsageError(`--max-runs (${maxRuns}) is below --min-runs (${minRuns})`, 'exec');
  const minTime = flags.number('min-time', { min: 0, what: 'seconds' });
  const shellFlag = flags.string('shell');
  if (flags.boolean('no-shell') && shellFlag !== undefined && shellFlag !== 'none') throw new UsageError('--no-shell and --shell contradict each other', 'exec');
  const shell = flags.boolean('no-shell') || shellFlag === 'none' ? false : (shellFlag ?? 'sh');
  const names = flags.strings('command-name');
  const commands = flags.positionals();
  if (names.length > 0 && names.length !== commands.length) {
    throw new UsageError(`--command-name given ${names.length} times for ${commands.length} commands: give one per command`, 'exec');
  }
  const text = (name: string): string | undefined => {
    const value = flags.string(name);
    if (value !== undefined && value.trim() === '') throw new UsageError(`--${name} needs a command`, 'exec');
    return value;
  };
  const prepare = text('prepare');
  const setup = text('setup');
  const cleanup = text('cleanup');
  const parameterList = parameters(flags);
  return {
    name: flags.string('name') ?? 'exec',
    cwd,
    shell,
    signal: ctx.signal,
    env: ctx.env,
    seed: flags.number('seed', { integer: true, min: 0, max: 2 ** 32 - 1 }) ?? 1,
    ignoreFailure: flags.boolean('ignore-failure'),
    ...(names.length > 0 ? { names } : {}),
    ...(parameterList.length > 0 ? { parameters: parameterList } : {}),
    ...(flags.has('warmup') ? { warmupRuns: count('warmup', 0) ?? 0 } : {}),
    ...(minRuns === undefined ? {} : { minRuns }),
    ...(maxRuns === undefined ? {} : { maxRuns }),
    ...(minTime === undefined ? {} : { minTimeMs: minTime * 1000 }),
    ...(prepare === undefined ? {} : { prepare }),
    ...(setup === undefined ? {} : { setup }),
    ...(cleanup === undefined ? {} : { cleanup }),
  };
}

/** Runs `exec`. @internal */
export async function runExec(ctx: CommandContext, flags: Flags): Promise<number> {
  const commands = flags.positionals();
  if (commands.length === 0) throw new UsageError("exec needs at least one command, e.g. exec 'git status'", 'exec');
  if (flags.has('tree') && flags.has('cwd')) throw new UsageError('--tree and --cwd both set the working directory: pick one', 'exec');
  const formatter = findFormatter(flags.string('format') ?? 'table', 'suite', 'exec');
  const threshold = flags.ratio('threshold', { max: 0.99 }) ?? 0.02;
  const output = path(ctx, flags, 'output');
  const saveBaseline = path(ctx, flags, 'save-baseline');
  const baselinePath = path(ctx, flags, 'baseline');
  const exports = EXPORTS.map(([flag, write]) => ({ flag, write, file: path(ctx, flags, flag) }));
  for (const e of exports) if (e.file !== undefined) checkWritableFile(e.file, `--${e.flag}`, 'exec');
  if (output !== undefined) checkWritableFile(output, '--output', 'exec');
  if (saveBaseline !== undefined) checkWritableFile(saveBaseline, '--save-baseline', 'exec');
  const failOnRegression = flags.boolean('fail-on-regression');
  const record = !flags.boolean('no-store');
  if (!record && flags.has('store')) throw new UsageError('--store and --no-store contradict each other: pick one', 'exec');
  const store = record || (failOnRegression && baselinePath === undefined) ? openStore(ctx.cwd, flags.string('store')) : undefined;
  let baseline: SuiteResult | undefined = baselinePath === undefined ? undefined : readBaseline(baselinePath);
  let baselineName = baselinePath;
  const cwdFlag = flags.string('cwd');
  const options = execOptions(ctx, flags, cwdFlag === undefined ? ctx.cwd : resolvePath(ctx.cwd, cwdFlag));

  const progress = new ProgressView(ctx.stderr);
  const started = performance.now();
  // A monitor watches the run (this process, the host, and the commands through the runner that reaps them),
  // so the bottleneck detector's findings come with the result and the report can chart the run.
  const monitor = new PerformanceMonitor({ intervalMs: 500, historySize: 10_000, sources: [...defaultSources(), new SystemSource()] });
  let tree: CommandTree | undefined;
  let bench: CommandBenchmark;
  try {
    const treeFlag = flags.string('tree');
    if (treeFlag !== undefined) {
      const scale = ['quick', 'standard', 'linux'].includes(treeFlag);
      note(ctx, scale ? `generating a ${treeFlag} repository (committed with git)` : `running in ${treeFlag}`);
      tree = await prepareCommandTree(scale ? treeFlag : resolvePath(ctx.cwd, treeFlag), {
        seed: options.seed ?? 1,
        signal: ctx.signal,
        onProgress: (written, total) => {
          progress.update({ suite: options.name ?? 'exec', phase: 'generate', fraction: total > 0 ? written / total : 1, message: `generating ${treeFlag} tree` });
        },
      });
      if (tree.generated) note(ctx, `tree of ${tree.files} files ready in ${formatDuration(tree.prepareDuration)}: ${tree.root}`);
    }
    if (ctx.stderr.isTTY !== true) note(ctx, `benchmarking ${commands.length} command${commands.length === 1 ? '' : 's'}`);
    bench = await benchmarkCommands(commands, {
      ...options,
      monitor,
      ...(tree === undefined ? {} : { cwd: tree.root }),
      onProgress: (p) => {
        progress.update(p);
      },
    });
  } finally {
    progress.done();
    await tree?.dispose();
  }
  // the result carries the monitor's findings and its history of the run, which the report charts
  const result = bench.result;
  const aborted = result.status === 'aborted' || ctx.signal.aborted;
  note(ctx, `${result.name} ${aborted ? 'aborted' : result.status} after ${formatDuration((performance.now() - started) / 1000)}`);
  for (const notice of result.notices ?? []) note(ctx, `notice: ${safeText(notice)}`);
  for (const task of result.tasks) if (task.error !== undefined) note(ctx, `${safeText(task.name)}: ${safeText(task.error.message)}`);

  if (baseline === undefined && failOnRegression && store !== undefined && !aborted) {
    const previous = previousRun(readRuns(store, (message) => { note(ctx, `warning: ${message}`); }), result);
    if (previous === undefined) note(ctx, `no earlier run of ${result.name} on this machine in the store: nothing to compare with`);
    else {
      baseline = previous.result;
      baselineName = `the stored run of ${previous.result.startedAt}`;
    }
  }
  const gate = baseline === undefined ? undefined : await gateAgainstBaseline(result, baseline, { threshold, seed: options.seed ?? 1 });
  const input: FormatInput =
    baseline === undefined || gate === undefined ? { kind: 'suite', result } : { kind: 'suite', result, baseline, comparison: gate.report };
  const text = formatter.format(input, { color: output === undefined && wantsColor(ctx.stdout, ctx.env), threshold });
  appendStepSummary(ctx, input, 'exec');
  if (output === undefined) ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  else {
    writeFileAtomic(output, text);
    note(ctx, `wrote ${formatter.id} report to ${output}`);
  }
  for (const e of exports) {
    if (e.file === undefined) continue;
    writeFileAtomic(e.file, e.write(bench));
    note(ctx, `wrote ${e.flag.slice('export-'.length)} export to ${e.file}`);
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
  let regressed = 0;
  if (gate !== undefined) {
    regressed = gate.report.regressed.length;
    note(ctx, `compared with ${baselineName ?? 'baseline'}: ${gate.summary}`);
    for (const line of gate.lines) ctx.stderr.write(`  ${line}\n`);
  }
  const failed = result.tasks.filter((t) => t.status !== 'ok').length;
  if (failed > 0) {
    ctx.stderr.write(`${ctx.program}: error: ${failed} of ${result.tasks.length} commands failed (see above; --ignore-failure accepts non-zero exits)\n`);
    return ExitCode.Failure;
  }
  if (failOnRegression && regressed > 0) {
    ctx.stderr.write(`${ctx.program}: ${regressed} regression${regressed === 1 ? '' : 's'} found (--fail-on-regression)\n`);
    return ExitCode.Regression;
  }
  return ExitCode.Ok;
}
