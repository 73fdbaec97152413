// `bisect`: the first commit where a task got slower, each step a same-window comparison with the good side.
import { bisectRevisions } from '../../compare/bisect-revisions.js';
import { safeText } from '../../format/common.js';
import { formatChange } from '../../format/units.js';
import type { Flags } from '../args.js';
import { ExitCode } from '../command.js';
import { note, type CommandContext } from '../context.js';
import { resolvePath } from '../inputs.js';
import { UsageError } from '../usage-error.js';

/** Runs `bisect`. @internal */
export async function runBisect(ctx: CommandContext, flags: Flags): Promise<number> {
  const good = flags.string('good');
  if (good === undefined || good.trim() === '') throw new UsageError('bisect needs --good REF (a revision where the task is fast)', 'bisect');
  const bad = flags.string('bad') ?? 'HEAD';
  const suiteModule = flags.strings('require').at(-1);
  if (suiteModule === undefined) throw new UsageError('bisect needs --require SUITE_MODULE (a file in the repository that exports the suite)', 'bisect');
  const suite = flags.string('suite');
  if (suite === undefined) throw new UsageError('bisect needs --suite ID', 'bisect');
  const task = flags.string('task');
  if (task === undefined) throw new UsageError('bisect needs --task NAME', 'bisect');
  const rounds = flags.number('rounds', { integer: true, min: 2, max: 1000 }) ?? 6;
  const threshold = flags.ratio('threshold', { max: 0.99 }) ?? 0.02;
  const build = flags.string('build');
  const result = await bisectRevisions({
    good,
    bad,
    task,
    repository: ctx.cwd,
    suiteModule: resolvePath(ctx.cwd, suiteModule),
    suite,
    rounds,
    threshold,
    ...(build === undefined ? {} : { build }),
    signal: ctx.signal,
    onStep: (step) => {
      note(ctx, `${step.commit.slice(0, 12)}: ${step.comparison.verdict} (${safeText(step.comparison.reason)}); ${String(step.remaining)} commit(s) left`);
    },
  });
  const c = result.comparison;
  const change = Number.isFinite(c.ratio) ? ` ${formatChange(c.ratio - 1)}` : '';
  if (result.firstBad === undefined) {
    ctx.stdout.write(`no regression of ${safeText(task)} between ${safeText(good)} and ${safeText(bad)}: ${c.verdict}${change} (${safeText(c.reason)})\n`);
    return ExitCode.Regression;
  }
  ctx.stdout.write(`first bad commit: ${result.firstBad}\n${safeText(task)}: ${c.verdict}${change} against ${result.good.slice(0, 12)} (${safeText(c.reason)})\n`);
  return ExitCode.Ok;
}
