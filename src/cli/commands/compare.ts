// `compare`: two revisions measured in the same time window (interleaved fresh processes), with a verdict per task.
import { compareRevisions } from '../../compare/compare-revisions.js';
import type { RevisionComparison } from '../../compare/types.js';
import type { HostConditions } from '../../bench/host-conditions.js';
import { safeText } from '../../format/common.js';
import { formatChange, formatDuration, formatPerOp } from '../../format/units.js';
import { findValgrind } from '../../bench/instruments/valgrind.js';
import { parseInstrumentFlags } from '../instrument-flags.js';
import type { Flags } from '../args.js';
import { ExitCode } from '../command.js';
import { note, type CommandContext } from '../context.js';
import { ProgressView } from '../progress.js';
import { UsageError } from '../usage-error.js';
import { resolvePath } from '../inputs.js';

const SCALES = ['quick', 'standard', 'linux'] as const;

/** Runs `compare`. @internal */
export async function runCompare(ctx: CommandContext, flags: Flags): Promise<number> {
  const base = flags.string('base');
  if (base === undefined || base.trim() === '') throw new UsageError('compare needs --base REF (a branch, tag or commit)', 'compare');
  const modules = flags.strings('require');
  const suiteModule = modules.at(-1);
  if (suiteModule === undefined) throw new UsageError('compare needs --require SUITE_MODULE (a file in the repository that exports the suite)', 'compare');
  if (modules.length > 1) throw new UsageError('compare takes one --require SUITE_MODULE', 'compare');
  const suite = flags.string('suite');
  if (suite === undefined) throw new UsageError('compare needs --suite ID', 'compare');
  const head = flags.string('head');
  const rounds = flags.number('rounds', { integer: true, min: 2, max: 1000 }) ?? 6;
  const maxRounds = flags.number('max-rounds', { integer: true, min: 2, max: 1000 });
  if (maxRounds !== undefined && maxRounds < rounds) throw new UsageError(`--max-rounds ${maxRounds} is below --rounds ${rounds}`, 'compare');
  const timeMs = flags.number('time-ms', { min: 0, what: 'milliseconds' }) ?? 0;
  const { instrument, cacheSim } = parseInstrumentFlags(flags, 'compare');
  if (instrument === 'instructions') findValgrind(); // say what to install before any worktree is made
  // without the flag the library's default for the instrument holds (2% for time, 0.5% for counts)
  const threshold = flags.ratio('threshold', { max: 0.99 });
  const seed = flags.number('seed', { integer: true, min: 0, max: 2 ** 32 - 1 }) ?? 1;
  const scale = flags.choice('scale', SCALES, 'quick');
  const build = flags.string('build');
  const params = rawParams(flags.strings('param'));
  const json = flags.choice('format', ['table', 'json'] as const, 'table') === 'json';

  const progress = new ProgressView(ctx.stderr);
  let comparison: RevisionComparison;
  try {
    comparison = await compareRevisions({
      base,
      ...(head === undefined ? {} : { head }),
      repository: ctx.cwd,
      suiteModule: resolvePath(ctx.cwd, suiteModule),
      suite,
      rounds,
      ...(maxRounds === undefined ? {} : { maxRounds }),
      timeMs,
      ...(threshold === undefined ? {} : { threshold }),
      seed,
      scale,
      params,
      ...(instrument === 'instructions' ? { instrument, cacheSim } : {}),
      ...(build === undefined ? {} : { build }),
      signal: ctx.signal,
      onProgress: (p) => {
        progress.update({ suite, phase: p.message, fraction: p.fraction, ...(p.etaSeconds === undefined ? {} : { eta: p.etaSeconds }) });
      },
    });
  } finally {
    progress.done();
  }
  for (const notice of comparison.notices) note(ctx, `notice: ${safeText(notice)}`);
  ctx.stdout.write(json ? `${JSON.stringify(comparison, null, 2)}\n` : renderComparison(comparison));
  note(ctx, `${comparison.verdict}: ${safeText(comparison.reason)} (${formatDuration(comparison.seconds)})`);
  switch (comparison.verdict) {
    case 'incomparable':
      ctx.stderr.write(`${ctx.program}: error: cannot compare: ${safeText(comparison.reason)}\n`);
      return ExitCode.Usage;
    case 'regressed':
      if (flags.boolean('fail-on-regression')) {
        ctx.stderr.write(`${ctx.program}: regression found (--fail-on-regression)\n`);
        return ExitCode.Regression;
      }
      return ExitCode.Ok;
    case 'inconclusive':
      return flags.boolean('strict') ? ExitCode.Inconclusive : ExitCode.Ok;
    default:
      return ExitCode.Ok;
  }
}

/** `key=value` pairs with numbers and booleans converted: each tree's suite declares its own parameters. */
function rawParams(pairs: readonly string[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param needs key=value, got ${JSON.stringify(pair)}`, 'compare');
    const text = pair.slice(eq + 1);
    out[pair.slice(0, eq)] = text === 'true' ? true : text === 'false' ? false : text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
  }
  return out;
}

function side(rev: RevisionComparison['base']): string {
  return safeText(rev.commit === undefined ? rev.ref : `${rev.ref} (${rev.commit.slice(0, 12)})`);
}

/** The comparison for people: both sides per task, the verdict, and the per-round ratios. @internal */
export function renderComparison(c: RevisionComparison): string {
  const lines = [`${safeText(c.suite)}: base ${side(c.base)} vs head ${side(c.head)}, ${c.rounds.length} rounds, threshold ${formatChange(c.threshold)}`];
  for (const t of c.tasks) {
    const b = t.baseMedian === undefined ? '-' : formatPerOp(t.baseMedian, c.unit);
    const h = t.headMedian === undefined ? '-' : formatPerOp(t.headMedian, c.unit);
    const ratio = Number.isFinite(t.ratio) ? formatChange(t.ratio - 1) : '-';
    const ci = Number.isFinite(t.ci.lower) ? ` [${formatChange(t.ci.lower - 1)}, ${formatChange(t.ci.upper - 1)}]` : '';
    lines.push(`  ${t.verdict.padEnd(12)} ${safeText(t.name)}: base ${b}, head ${h}, ${ratio}${ci}`);
    lines.push(`    rounds: ${t.roundRatios.map((r) => (r === undefined ? '-' : r.toFixed(3))).join(' ')}`);
    lines.push(`    ${safeText(t.reason)}`);
  }
  if (c.conditions !== undefined) {
    const load = (x: HostConditions): string =>
      `load/core ${x.loadPerCoreDuring.toFixed(2)}${x.otherCpuShare === undefined ? '' : `, others' CPU ${(x.otherCpuShare * 100).toFixed(0)}%`}`;
    lines.push(`  host: base ${load(c.conditions.base)}; head ${load(c.conditions.head)}`);
  }
  lines.push(`verdict: ${c.verdict}: ${safeText(c.reason)}`);
  return `${lines.join('\n')}\n`;
}
