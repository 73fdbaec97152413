// Orders stored runs by the commit graph: the first-parent history of a branch, oldest commit first.
import { RuneBenchError } from '../core/errors.js';
import { lazyModule } from '../core/lazy.js';
import type * as GitModule from './git.js';
import type * as ResultsStoreModule from './results-store.js';
import type { StoredRun } from './results-store.js';

// git loads on the first call, not with rune-bench (which exports orderByBranch).
const gitModule = lazyModule<typeof GitModule>(import.meta.url, './git.js');
const resultsStore = lazyModule<typeof ResultsStoreModule>(import.meta.url, './results-store.js');

/**
 * What {@link orderByBranch} returns.
 *
 * @beta
 */
export interface BranchOrder {
  /** The runs of commits on the branch's first-parent history: oldest commit first, runs of one commit by start time. */
  readonly records: readonly StoredRun[];
  /** How many runs were left out because their commit is not on that history (other branches, unknown commits). */
  readonly offBranch: number;
}

/**
 * Orders runs by the first-parent history of `branch` (`git rev-list --first-parent`), so runs of a rebased or
 * merged branch land where their commits are, whatever their start times; runs of commits elsewhere are left out.
 *
 * @param records - stored runs (any order)
 * @param options - `cwd`: a directory in the repository; `branch`: a revision (default `HEAD`)
 * @throws RuneBenchError `ERR_NOT_FOUND` when `branch` is not a revision of the repository
 * @beta
 */
export function orderByBranch(records: readonly StoredRun[], options: { readonly cwd: string; readonly branch?: string }): BranchOrder {
  const branch = options.branch ?? 'HEAD';
  const out = gitModule().git(options.cwd, ['rev-list', '--first-parent', '--reverse', branch, '--']);
  if (out.status !== 0) throw new RuneBenchError('ERR_NOT_FOUND', `${branch} is not a revision in ${options.cwd}`, { path: options.cwd });
  const position = new Map<string, number>();
  out.stdout
    .toString('utf8')
    .split('\n')
    .forEach((commit, i) => {
      if (commit !== '') position.set(commit, i);
    });
  const kept: { run: StoredRun; at: number }[] = [];
  for (const run of records) {
    const at = position.get(run.commit);
    if (at !== undefined) kept.push({ run, at });
  }
  const { byStartTime } = resultsStore();
  kept.sort((x, y) => x.at - y.at || byStartTime(x.run, y.run));
  return { records: kept.map((k) => k.run), offBranch: records.length - kept.length };
}
