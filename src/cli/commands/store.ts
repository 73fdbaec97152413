// The results store as the CLI uses it: where it lives, recording runs, finding the previous run.
import type { SuiteResult } from '../../core/results.js';
import type { ResultsStore, StoredRun } from '../../store/results-store.js';
import { openResultsStore } from '../../store/open-store.js';

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
 * The newest stored run of the same suite on the same machine as `result` (recorded before it).
 *
 * @internal
 */
export function previousRun(store: ResultsStore, result: SuiteResult, warn: (message: string) => void): StoredRun | undefined {
  const runs = readRuns(store, warn);
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    if (run === undefined) continue;
    if (run.suite === result.name && run.machine === result.env.id && run.result.startedAt !== result.startedAt) return run;
  }
  return undefined;
}
