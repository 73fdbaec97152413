// The results store as the CLI uses it: where it lives, recording runs, finding the previous run, `store push|fetch`.
import type { SuiteResult } from '../../core/results.js';
import type { ResultsStore, StoredRun } from '../../store/results-store.js';
import { openResultsStore } from '../../store/open-store.js';
import { GitNotesResultsStore } from '../../store/git-notes-store.js';
import type { Flags } from '../args.js';
import { ExitCode } from '../command.js';
import { note, type CommandContext } from '../context.js';
import { UsageError } from '../usage-error.js';

/** Default store folder, relative to the working directory. @internal */
export const DEFAULT_STORE = '.rune-bench';

/** Opens (without creating) the store named by `--store DIR|git|git:REFNAME`, default `.rune-bench` in `cwd`. @internal */
export function openStore(cwd: string, flag: string | undefined): ResultsStore {
  return openResultsStore(flag ?? DEFAULT_STORE, { cwd });
}

/** Appends a run to the store. @internal */
export function recordRun(store: ResultsStore, result: SuiteResult): Promise<StoredRun> {
  return Promise.resolve(store.append(result));
}

/**
 * Reads the store, reporting each unreadable record through `warn` (they are skipped, never fatal).
 *
 * @internal
 */
export function readRuns(store: ResultsStore, warn: (message: string) => void): readonly StoredRun[] {
  const { records, errors } = store.read();
  for (const error of errors) warn(`skipped a damaged record: ${error.message}`);
  return records;
}

/**
 * The newest run in `runs` (a store's records, see {@link readRuns}) of the same suite on the same machine as
 * `result`, recorded before it.
 *
 * @internal
 */
export function previousRun(runs: readonly StoredRun[], result: SuiteResult): StoredRun | undefined {
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    if (run === undefined) continue;
    if (run.suite === result.name && run.machine === result.env.id && run.result.startedAt !== result.startedAt) return run;
  }
  return undefined;
}

/** Runs `store push|fetch [REMOTE]`. @internal */
export async function runStore(ctx: CommandContext, flags: Flags): Promise<number> {
  const [action, remote = 'origin', extra] = flags.positionals();
  if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)} for "store"`, 'store');
  if (action !== 'push' && action !== 'fetch') {
    throw new UsageError(`store needs an action: push or fetch${action === undefined ? '' : ` (not ${JSON.stringify(action)})`}`, 'store');
  }
  const store = openStore(ctx.cwd, flags.string('store') ?? 'git');
  if (!(store instanceof GitNotesResultsStore)) {
    throw new UsageError(`store ${action} moves the git store: --store git or git:REFNAME (${store.location} is a folder)`, 'store');
  }
  if (action === 'push') {
    await store.push(remote, { signal: ctx.signal });
    note(ctx, `pushed ${store.ref} to ${remote}`);
  } else {
    const { fetched } = await store.fetch(remote, { signal: ctx.signal });
    note(ctx, fetched ? `fetched ${store.ref} from ${remote} and merged it` : `${remote} has no ${store.ref} yet: nothing to fetch`);
  }
  return ExitCode.Ok;
}
