// bisectRevisions(): the first commit where a task got slower, each step a same-window comparison with the good side.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { RuneBenchError, abortError } from '../core/errors.js';
import { compareRevisions } from './compare-revisions.js';
import type { CompareRevisionsOptions, TaskRevisionComparison } from './types.js';

/**
 * Options of {@link bisectRevisions}: those of a comparison (without `base`/`head`), the two ends and the task.
 *
 * @beta
 */
export interface BisectRevisionsOptions extends Omit<CompareRevisionsOptions, 'base' | 'head' | 'onProgress'> {
  /** A revision where the task is fast. */
  readonly good: string;
  /** A revision where the task is slower (a descendant of `good`). */
  readonly bad: string;
  /** The task to follow. */
  readonly task: string;
  /** Called after each step. */
  readonly onStep?: (step: BisectStep) => void;
}

/**
 * One measured step of a bisection.
 *
 * @beta
 */
export interface BisectStep {
  /** The commit compared with the good side. */
  readonly commit: string;
  /** The task's comparison with the good side. */
  readonly comparison: TaskRevisionComparison;
  /** Commits still in question after this step. */
  readonly remaining: number;
}

/**
 * What {@link bisectRevisions} found.
 *
 * @beta
 */
export interface BisectResult {
  /** The good commit (resolved). */
  readonly good: string;
  /** The first commit whose task is `regressed` against the good side; `undefined` when even `bad` is not. */
  readonly firstBad: string | undefined;
  /** The verdict of the first bad commit (or of `bad` when none was found). */
  readonly comparison: TaskRevisionComparison;
  /** Every step, in the order measured. */
  readonly steps: readonly BisectStep[];
}

function firstParentRange(repository: string, good: string, bad: string): { good: string; commits: string[] } {
  const run = (args: readonly string[]): string => {
    try {
      return execFileSync('git', args, { cwd: repository, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    } catch (cause) {
      throw new RuneBenchError('ERR_NOT_FOUND', `git ${args.join(' ')} failed in ${repository}`, { cause, path: repository });
    }
  };
  const goodCommit = run(['rev-parse', '--verify', `${good}^{commit}`]);
  const badCommit = run(['rev-parse', '--verify', `${bad}^{commit}`]);
  const commits = run(['rev-list', '--first-parent', '--reverse', `${goodCommit}..${badCommit}`, '--']).split('\n').filter((c) => c !== '');
  if (commits.at(-1) !== badCommit) throw new RuneBenchError('ERR_NOT_FOUND', `${bad} does not descend from ${good}`, { path: repository });
  return { good: goodCommit, commits };
}

/**
 * Finds the first commit on the first-parent path from `good` to `bad` where `task` is slower: a binary search
 * whose every step is a same-window comparison ({@link compareRevisions}) of that commit with the good side,
 * a commit counting as bad when the task's verdict is `regressed`. A step whose verdict is `inconclusive` is
 * compared once more and the second comparison decides (and is the one recorded). `bad` itself is measured
 * first, so a range with no regression says so instead of blaming a commit. Each comparison removes the
 * worktrees it made.
 *
 * @throws RuneBenchError `ERR_NOT_FOUND` for unknown revisions or a `bad` that does not descend from `good`,
 *   or when the suite has no such task; `ERR_ABORTED` when the signal fires
 * @beta
 */
export async function bisectRevisions(options: BisectRevisionsOptions): Promise<BisectResult> {
  const { good: goodRef, bad: badRef, task, onStep, ...compare } = options;
  if (typeof task !== 'string' || task.length === 0) throw new TypeError('task option must be a non-empty string');
  const repository = resolve(compare.repository ?? process.cwd());
  const { good, commits } = firstParentRange(repository, goodRef, badRef);
  const steps: BisectStep[] = [];
  let lo = -1; // last index known good (-1: good itself)
  let hi = commits.length - 1; // first index known bad (once bad is confirmed)
  const measure = async (index: number): Promise<TaskRevisionComparison> => {
    if (compare.signal?.aborted === true) throw abortError(compare.signal, 'bisect');
    const commit = commits[index] as string;
    const result = await compareRevisions({ ...compare, repository, base: good, head: commit });
    const found = result.tasks.find((t) => t.name === task);
    if (found === undefined) throw new RuneBenchError('ERR_NOT_FOUND', `task ${task} was not measured at ${commit}: ${result.reason}`, { path: repository });
    return found;
  };
  // An inconclusive step would count as good and send the search the wrong way (seen when the load changed
  // during one step): it is compared once more, and the second comparison decides and is recorded.
  const decide = async (index: number): Promise<TaskRevisionComparison> => {
    const first = await measure(index);
    return first.verdict === 'inconclusive' ? measure(index) : first;
  };
  let firstBadComparison = await decide(hi);
  steps.push({ commit: commits[hi] as string, comparison: firstBadComparison, remaining: hi - lo - 1 });
  onStep?.(steps[steps.length - 1] as BisectStep);
  if (firstBadComparison.verdict !== 'regressed') return { good, firstBad: undefined, comparison: firstBadComparison, steps };
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const comparison = await decide(mid);
    if (comparison.verdict === 'regressed') {
      hi = mid;
      firstBadComparison = comparison;
    } else {
      lo = mid;
    }
    const step = { commit: commits[mid] as string, comparison, remaining: hi - lo - 1 };
    steps.push(step);
    onStep?.(step);
  }
  return { good, firstBad: commits[hi], comparison: firstBadComparison, steps };
}
