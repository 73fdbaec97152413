// compareRevisions(): two revisions measured in the same time window, interleaved in fresh processes, round by round.
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { systemClock } from '../core/clock.js';
import { RuneBenchError } from '../core/errors.js';
import type { PerOperationUnit } from '../core/results.js';
import { DEFAULT_COUNT_THRESHOLD } from '../detect/regression/count-gate.js';
import { validateOptions } from '../core/options.js';
import { combineHostConditions, explainByConditions } from '../bench/host-conditions.js';
import { pairedRatioInterval } from '../stats/paired-ratio.js';
import { medianOf } from '../stats/pelt.js';
import { whatDiffers } from './comparable.js';
import { changeUnsettled, decideRoundVerdict, overallVerdict } from './round-verdict.js';
import { runSide, type SideOutcome } from './side-runner.js';
import type { CompareProgress, CompareRevisionsOptions, CompareRound, ComparedRevision, RevisionComparison, RevisionSide, SideRun, TaskRevisionComparison } from './types.js';
import { git, linkDependencies, runBuild, TemporaryWorktree } from './worktree.js';

const RULES = {
  base: { kind: 'string', nonEmpty: true },
  head: { kind: 'string', nonEmpty: true },
  repository: { kind: 'string', nonEmpty: true },
  suiteModule: { kind: 'string', nonEmpty: true },
  suite: { kind: 'string', nonEmpty: true },
  rounds: { kind: 'number', integer: true, min: 2, max: 1000 },
  maxRounds: { kind: 'number', integer: true, min: 2, max: 1000 },
  timeMs: { kind: 'number', min: 0 },
  build: { kind: 'string', nonEmpty: true },
  threshold: { kind: 'number', min: 0, max: 1, exclusiveMin: true },
  scale: { kind: 'oneOf', values: ['quick', 'standard', 'linux'] },
  params: { kind: 'object' },
  seed: { kind: 'number', integer: true, min: 0 },
  instrument: { kind: 'oneOf', values: ['time', 'instructions'] },
  cacheSim: { kind: 'boolean' },
  signal: { kind: 'signal' },
  onProgress: { kind: 'function' },
  clock: { kind: 'object' },
} as const;

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new RuneBenchError('ERR_ABORTED', 'the comparison was aborted');
}

async function resolveCommit(top: string, ref: string, which: RevisionSide, signal: AbortSignal | undefined): Promise<string> {
  try {
    return await git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], signal);
  } catch (error) {
    if (signal?.aborted === true) throw error;
    throw new RuneBenchError('ERR_NOT_FOUND', `${which} revision ${JSON.stringify(ref)} is not a commit of the repository at ${top}`, { cause: error });
  }
}

interface Side {
  readonly side: RevisionSide;
  readonly label: string;
  readonly dir: string;
  readonly module: string;
  readonly revision: Omit<ComparedRevision, 'parameters'>;
}

/**
 * Compares two revisions of a repository in the same time window. The base (and the head, when it is a
 * revision rather than the working tree) is checked out into a temporary `git worktree` that is removed
 * afterwards, also after an error or an abort; the suite module is loaded from each side's tree, so each side
 * measures its own code; the sides run interleaved in fresh processes (A B, B A, A B...). The unit of analysis
 * is the round: each task's ratio per round (head median / base median of the same round), an interval over
 * rounds, and a verdict from it. When the two sides' suites declare different parameters or run different
 * tasks the verdict is `incomparable` and measuring stops after the first round.
 *
 * @param options - revisions, suite module and id, rounds and time, build command, abort and progress
 * @returns the comparison record (never rejects for a verdict; only for errors)
 * @throws TypeError or RangeError naming an invalid option
 * @throws RuneBenchError `ERR_NOT_FOUND` (no repository, unknown revision, no suite module in a tree),
 *   `ERR_CHILD_FAILED` (a build or a side's process failed), `ERR_ABORTED`
 * @public
 */
export async function compareRevisions(options: CompareRevisionsOptions): Promise<RevisionComparison> {
  validateOptions(options, RULES, 'compareRevisions');
  for (const key of ['base', 'suiteModule', 'suite'] as const) {
    if (typeof options[key] !== 'string') throw new TypeError(`${key} option is required`);
  }
  const clock = options.clock ?? systemClock;
  const { signal, onProgress } = options;
  const rounds = options.rounds ?? 6;
  const maxRounds = options.maxRounds ?? 2 * rounds;
  if (maxRounds < rounds) throw new RangeError(`maxRounds option must be at least rounds (${rounds}), got ${maxRounds}`);
  const counted = options.instrument === 'instructions';
  if (options.cacheSim === true && !counted) throw new RangeError("cacheSim option needs instrument: 'instructions'");
  // counts move far less between processes than times do: the count gate's tighter default
  const threshold = options.threshold ?? (counted ? DEFAULT_COUNT_THRESHOLD : 0.02);
  const unit: PerOperationUnit = !counted ? 'seconds' : options.cacheSim === true ? 'cycles (estimated)' : 'instructions';
  const scale = options.scale ?? 'quick';
  const params = options.params ?? {};
  const request = {
    suite: options.suite,
    scale,
    params,
    seed: options.seed ?? 1,
    timeMs: options.timeMs ?? 0,
    ...(counted ? { instrument: { kind: 'instructions', cacheSim: options.cacheSim === true } as const } : {}),
  };
  const started = clock.now();
  const startedAt = new Date(clock.wallNow()).toISOString();
  const emit = (p: CompareProgress): void => {
    try {
      onProgress?.(p);
    } catch {
      // a listener's bug is not the comparison's
    }
  };
  checkAborted(signal);

  const from = resolve(options.repository ?? process.cwd());
  const top = realpathSync(await git(from, ['rev-parse', '--show-toplevel'], signal));
  const modulePath = isAbsolute(options.suiteModule) ? options.suiteModule : resolve(from, options.suiteModule);
  const rel = relative(top, existsSync(modulePath) ? realpathSync(modulePath) : modulePath);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new RangeError(`suiteModule option must be inside the repository ${top} (so each revision loads its own), got ${options.suiteModule}`);
  }
  const baseCommit = await resolveCommit(top, options.base, 'base', signal);
  const headCommit = options.head === undefined ? undefined : await resolveCommit(top, options.head, 'head', signal);

  const trees: TemporaryWorktree[] = [];
  const notices: string[] = [];
  try {
    emit({ phase: 'prepare', round: 0, rounds, fraction: 0, message: `checking out ${options.base} (${baseCommit.slice(0, 12)})` });
    const baseTree = await TemporaryWorktree.create(top, baseCommit, 'base', signal);
    trees.push(baseTree);
    notices.push(...linkDependencies(baseTree.dir, top, 'base'));
    let headDir = top;
    if (headCommit !== undefined) {
      const headTree = await TemporaryWorktree.create(top, headCommit, 'head', signal);
      trees.push(headTree);
      notices.push(...linkDependencies(headTree.dir, top, 'head'));
      headDir = headTree.dir;
    }
    const sides: Record<RevisionSide, Side> = {
      base: { side: 'base', label: `base ${options.base} (${baseCommit.slice(0, 12)})`, dir: baseTree.dir, module: join(baseTree.dir, rel), revision: { ref: options.base, commit: baseCommit } },
      head:
        headCommit === undefined || options.head === undefined
          ? { side: 'head', label: 'head (working tree)', dir: top, module: join(top, rel), revision: { ref: 'working tree' } }
          : { side: 'head', label: `head ${options.head} (${headCommit.slice(0, 12)})`, dir: headDir, module: join(headDir, rel), revision: { ref: options.head, commit: headCommit } },
    };
    if (options.build !== undefined) {
      for (const s of [sides.base, sides.head]) {
        checkAborted(signal);
        emit({ phase: 'build', round: 0, rounds, side: s.side, fraction: 0, message: `building ${s.label}: ${options.build}` });
        await runBuild(options.build, s.dir, s.label, signal);
      }
    }
    for (const s of [sides.base, sides.head]) {
      if (!existsSync(s.module)) throw new RuneBenchError('ERR_NOT_FOUND', `${s.label} has no suite module ${rel}`);
    }

    const measured: CompareRound[] = [];
    const declared: Partial<Record<RevisionSide, SideOutcome['parameters']>> = {};
    const measureStart = clock.now();
    let planned = rounds;
    // the decision after the planned rounds, kept when no round is added after it
    let decision: ReturnType<typeof decide> | undefined;
    let done = 0;
    for (let r = 1; r <= planned; r++) {
      const total = planned * 2;
      const order: readonly RevisionSide[] = r % 2 === 1 ? ['base', 'head'] : ['head', 'base'];
      const runs: Partial<Record<RevisionSide, SideRun>> = {};
      for (const which of order) {
        checkAborted(signal);
        const s = sides[which];
        const elapsed = (clock.now() - measureStart) / 1000;
        emit({
          phase: 'measure', round: r, rounds: planned, side: which, fraction: done / total,
          ...(done > 0 ? { etaSeconds: (elapsed / done) * (total - done) } : {}),
          message: `round ${r}/${planned}: ${s.label}`,
        });
        const outcome = await runSide(which, s.label, s.dir, s.module, request, clock, signal);
        runs[which] = outcome.run;
        declared[which] ??= outcome.parameters;
        for (const n of outcome.notices) notices.push(`${which}: ${n}`);
        done += 1;
      }
      const round: CompareRound = { round: r, first: order[0] ?? 'base', base: runs.base as SideRun, head: runs.head as SideRun };
      measured.push(round);
      if (r === 1) {
        const differs = incomparability(round, declared.base ?? [], declared.head ?? [], params);
        if (differs !== undefined) {
          return record({ verdict: 'incomparable', reason: `the two revisions do not measure the same thing: ${differs}`, tasks: [] });
        }
      }
      if (r === planned && planned < maxRounds) {
        decision = decide(measured);
        const undecided = decision.analysed.filter((a) => a.unsettled);
        if (undecided.length > 0) {
          notices.push(`ran ${maxRounds} rounds instead of ${rounds}: ${undecided.map((a) => a.task.name).join(', ')} showed a change whose interval still reached inside the threshold after ${rounds}`);
          planned = maxRounds;
          decision = undefined;
        }
      }
    }
    emit({ phase: 'measure', round: planned, rounds: planned, fraction: 1, etaSeconds: 0, message: 'measured' });
    const { analysed, conditions } = decision ?? decide(measured);
    const tasks = analysed.map((a) => a.task);
    const overall = overallVerdict(tasks);
    return record({ ...overall, tasks, conditions });

    function decide(all: readonly CompareRound[]): { analysed: AnalysedTask[]; conditions: NonNullable<RevisionComparison['conditions']> } {
      const baseConditions = combineHostConditions(all.map((m) => m.base.conditions));
      const headConditions = combineHostConditions(all.map((m) => m.head.conditions));
      // load moves time, not counts: with instructions a difference in host conditions explains nothing
      const explanation = counted ? { ...explainByConditions(baseConditions, headConditions), explains: false } : explainByConditions(baseConditions, headConditions);
      return { analysed: analyse(all, threshold, explanation), conditions: { base: baseConditions, head: headConditions, explanation } };
    }

    function record(outcome: Pick<RevisionComparison, 'verdict' | 'reason' | 'tasks'> & { conditions?: RevisionComparison['conditions'] }): RevisionComparison {
      return {
        suite: options.suite,
        scale,
        params,
        startedAt,
        seconds: (clock.now() - started) / 1000,
        threshold,
        unit,
        base: { ...sides.base.revision, parameters: declared.base ?? [] },
        head: { ...sides.head.revision, parameters: declared.head ?? [] },
        rounds: measured,
        tasks: outcome.tasks,
        conditions: outcome.conditions,
        verdict: outcome.verdict,
        reason: outcome.reason,
        notices: [...new Set(notices)],
      };
    }
  } finally {
    for (const tree of trees.reverse()) tree.removeSync();
  }
}

function incomparability(round: CompareRound, baseParams: SideOutcome['parameters'], headParams: SideOutcome['parameters'], params: Readonly<Record<string, unknown>>): string | undefined {
  const problems: string[] = [];
  const shape = whatDiffers({ parameters: baseParams, tasks: round.base.tasks.map((t) => t.name) }, { parameters: headParams, tasks: round.head.tasks.map((t) => t.name) });
  if (shape !== undefined) problems.push(shape);
  for (const key of Object.keys(params)) {
    const missing = (['base', 'head'] as const).filter((s) => !(s === 'base' ? baseParams : headParams).some((p) => p.name === key));
    if (missing.length > 0 && shape === undefined) problems.push(`parameter ${key} is given but ${missing.join(' and ')} does not declare it`);
  }
  return problems.length === 0 ? undefined : problems.join('; ');
}

/** A task's comparison, and whether more rounds could settle it (see `changeUnsettled`). */
interface AnalysedTask {
  readonly task: TaskRevisionComparison;
  readonly unsettled: boolean;
}

function analyse(rounds: readonly CompareRound[], threshold: number, conditions: ReturnType<typeof explainByConditions>): AnalysedTask[] {
  const names = rounds[0]?.head.tasks.map((t) => t.name) ?? [];
  return names.map((name): AnalysedTask => {
    const pick = (run: SideRun): number | undefined => {
      const t = run.tasks.find((x) => x.name === name);
      return t?.status === 'ok' && t.median !== undefined && t.median > 0 ? t.median : undefined;
    };
    const roundRatios = rounds.map((r) => {
      const b = pick(r.base);
      const h = pick(r.head);
      return b === undefined || h === undefined ? undefined : h / b;
    });
    const baseMedians = rounds.map((r) => pick(r.base)).filter((v): v is number => v !== undefined);
    const headMedians = rounds.map((r) => pick(r.head)).filter((v): v is number => v !== undefined);
    const medians = {
      ...(baseMedians.length > 0 ? { baseMedian: medianOf(baseMedians) } : {}),
      ...(headMedians.length > 0 ? { headMedian: medianOf(headMedians) } : {}),
    };
    const ratios = roundRatios.filter((v): v is number => v !== undefined);
    if (ratios.length === 0) {
      const failure = rounds.flatMap((r) => [r.base, r.head]).flatMap((run) => run.tasks.filter((t) => t.name === name && t.status !== 'ok').map((t) => `${run.side}: ${t.error ?? t.status}`))[0];
      const task: TaskRevisionComparison = { name, ...medians, roundRatios, ratio: Number.NaN, ci: { lower: Number.NaN, upper: Number.NaN, level: 0.95 }, verdict: 'inconclusive', reason: `no round measured both sides${failure === undefined ? '' : ` (${failure})`}` };
      return { task, unsettled: false };
    }
    const estimate = pairedRatioInterval(ratios);
    const input = { ratios, ratio: estimate.ratio, ci: estimate.ci, threshold, conditions };
    const decided = decideRoundVerdict(input);
    return { task: { name, ...medians, roundRatios, ratio: estimate.ratio, ci: estimate.ci, ...decided }, unsettled: changeUnsettled(input) };
  });
}
