// `report`: the latest recorded run, or every benchmark's trend across recorded runs with change points.
import { existsSync } from 'node:fs';
import { writeFileAtomic } from '../../core/files.js';
import type { SuiteResult } from '../../core/results.js';
import type { StoredRun } from '../../store/results-store.js';
import type { FormatInput, TrendSeries } from '../../format/formatter.js';
import type { Flags } from '../args.js';
import { ExitCode } from '../command.js';
import { note, wantsColor, type CommandContext } from '../context.js';
import { checkWritableFile, findFormatter, resolvePath } from '../inputs.js';
import { UsageError } from '../usage-error.js';
import { openStore, readRuns } from './store.js';
import { appendStepSummary } from './step-summary.js';
import { parseBudgets } from './budgets.js';
import { loadConfig } from '../config.js';
import { trendSeries } from './trends.js';
import { orderByBranch } from '../../store/branch-order.js';

/** Runs `report`. @internal */
export async function runReport(ctx: CommandContext, flags: Flags): Promise<number> {
  const config = await loadConfig(ctx.cwd);
  const trends = flags.boolean('trends');
  const formatter = findFormatter(flags.string('format') ?? 'table', trends ? 'trends' : 'suite', 'report');
  const outputFlag = flags.string('output');
  const output = outputFlag === undefined ? undefined : resolvePath(ctx.cwd, outputFlag);
  if (output !== undefined) checkWritableFile(output, '--output', 'report');
  const last = flags.number('last', { integer: true, min: 2 });
  if (last !== undefined && !trends) throw new UsageError('--last only applies with --trends', 'report');
  const seed = flags.number('seed', { integer: true, min: 0, max: 2 ** 32 - 1 }) ?? 1;
  const suite = flags.string('suite');
  const store = openStore(ctx.cwd, flags.string('store') ?? config.store);
  const dir = store.location;
  const runs = readRuns(store, (message) => {
    note(ctx, `warning: ${message}`);
  }).filter((r) => suite === undefined || r.suite === suite);
  if (runs.length === 0) {
    const what = suite === undefined ? 'no runs are recorded' : `no runs of suite ${suite} are recorded`;
    const where = store.id !== 'folder' || existsSync(dir) ? dir : `${dir} (it does not exist)`;
    throw new UsageError(`${what} in ${where}: record one with \`${ctx.program} run --suite NAME\` or point --store at the right folder`, 'report');
  }

  let input: FormatInput;
  const branch = flags.string('branch');
  if (branch !== undefined && !trends) throw new UsageError('--branch only applies with --trends', 'report');
  if (flags.has('budget') && !trends) throw new UsageError('--budget only applies with --trends', 'report');
  if (trends) {
    let ordered: readonly StoredRun[] = runs;
    if (branch !== undefined || store.id === 'git') {
      const { records, offBranch } = orderByBranch(runs, { cwd: ctx.cwd, branch: branch ?? 'HEAD' });
      if (offBranch > 0) note(ctx, `left out ${offBranch} run(s) of commits not on the first-parent history of ${branch ?? 'HEAD'}`);
      if (records.length === 0) throw new UsageError(`no recorded run measured a commit on the first-parent history of ${branch ?? 'HEAD'}`, 'report');
      ordered = records;
    }
    const window = last === undefined ? ordered : ordered.slice(-last);
    const budgets = parseBudgets(flags.strings('budget'), config.budgets, store, 'report');
    const { series, skippedMachines } = trendSeries(window, { seed, budgets });
    for (const b of budgets) if (!series.some((s) => s.key === b.key)) note(ctx, `warning: --budget ${b.key}: no such benchmark in the recorded runs`);
    if (skippedMachines > 0) note(ctx, `left out ${skippedMachines} run(s) from other machines (trends compare one machine only)`);
    if (series.length === 0) throw new UsageError(`the recorded runs in ${dir} have no completed tasks to chart`, 'report');
    input = { kind: 'trends', series: series satisfies readonly TrendSeries[] };
  } else {
    const latest = runs.at(-1) as StoredRun;
    const before = previousOf(runs, latest);
    input = before === undefined ? { kind: 'suite', result: latest.result } : { kind: 'suite', result: latest.result, baseline: before };
    note(ctx, `latest run: ${latest.suite} at ${latest.startedAt}${before === undefined ? '' : `, compared with ${before.startedAt}`}`);
  }
  const text = formatter.format(input, { color: output === undefined && wantsColor(ctx.stdout, ctx.env) });
  appendStepSummary(ctx, input, 'report');
  if (output === undefined) ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  else {
    writeFileAtomic(output, text);
    note(ctx, `wrote ${formatter.id} report to ${output}`);
  }
  return ExitCode.Ok;
}

function previousOf(runs: readonly StoredRun[], latest: StoredRun): SuiteResult | undefined {
  for (let i = runs.length - 2; i >= 0; i--) {
    const run = runs[i];
    if (run !== undefined && run.suite === latest.suite && run.machine === latest.machine) return run.result;
  }
  return undefined;
}
