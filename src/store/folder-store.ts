// The folder results store: one fflate-compressed record file per run.
import { join } from 'node:path';
import type * as BuiltinsModule from '../core/builtins.js';
import { RuneBenchError, isRuneBenchError } from '../core/errors.js';
import type * as FilesModule from '../core/files.js';
import { lazyModule } from '../core/lazy.js';
import type { SuiteResult } from '../core/results.js';
import { readSuiteResult, writeSuiteResult } from '../bench/suite-result-json.js';
import { benchmarksOf, byStartTime, checkBaselineName, keysOf, parseRecord, recordHeader, seriesOf, storedResult } from './stored-records.js';
import type { HistorySeries, ResultsStore, ResultsStoreAppendOptions, ResultsStoreContents, ResultsStoreSeriesOptions, StoredRun } from './results-store.js';

// Record files and their format load on the first append or read, not with rune-bench (which exports the store);
// node:fs is taken from process.getBuiltinModule, as an import of it loads node's streams too.
const fs = (): typeof import('node:fs') => process.getBuiltinModule('node:fs');
const files = lazyModule<typeof FilesModule>(import.meta.url, '../core/files.js');
const builtins = lazyModule<typeof BuiltinsModule>(import.meta.url, '../core/builtins.js');

const EXTENSION = '.run.json.gz';

function isoStamp(startedAt: string): string {
  const t = Date.parse(startedAt);
  return (Number.isFinite(t) ? new Date(t) : new Date()).toISOString().replace(/[-:.]/g, '');
}

function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 16) || 'x';
}

/**
 * The folder results store: a folder holding one gzip-compressed (fflate) JSON record per suite run, keyed by suite,
 * commit and machine fingerprint. Appends are atomic (temporary file, fsync, rename), so concurrent readers
 * and crashes never see half a record; a damaged record is reported by {@link FolderResultsStore.read} and
 * skipped, the others are still read.
 *
 * @example
 * ```ts
 * const store = new FolderResultsStore('.rune-bench/results');
 * store.append(await suite.run());
 * const { records, errors } = store.read();
 * const history = store.series('my-suite/parse', { machine: records.at(-1)?.machine });
 * ```
 * @beta
 */
export class FolderResultsStore implements ResultsStore {
  /** Store kind. */
  readonly id = 'folder';
  readonly #dir: string;
  #sequence = 0;

  /**
   * @param dir - the folder (created on the first append)
   * @throws TypeError when `dir` is not a non-empty string
   */
  constructor(dir: string) {
    if (typeof dir !== 'string' || dir.length === 0) throw new TypeError('dir option must be a non-empty string');
    this.#dir = dir;
  }

  /** The store folder. */
  get dir(): string {
    return this.#dir;
  }

  /** The store folder, for messages. */
  get location(): string {
    return this.#dir;
  }

  /**
   * Appends one run atomically.
   *
   * @param result - the suite result (tasks should keep their samples: `keepSamples`)
   * @param options - commit and machine overrides
   * @returns the record as it will be read back
   * @throws RuneBenchError `ERR_FILE_IO` when the record cannot be written
   */
  append(result: SuiteResult, options: ResultsStoreAppendOptions = {}): StoredRun {
    const stored = storedResult(result);
    const commit = options.commit ?? result.env.gitCommit ?? 'unknown';
    const machine = options.machine ?? result.env.id;
    const seq = String(this.#sequence++).padStart(4, '0');
    const file = `${isoStamp(result.startedAt)}-${seq}-${builtins().randomHex(3)}-${safe(commit.slice(0, 12))}-${safe(machine)}${EXTENSION}`;
    files().writeJsonAtomic(join(this.#dir, file), { ...recordHeader(), commit, machine, result: stored }, true);
    return { file, suite: result.name, commit, machine, startedAt: result.startedAt, benchmarks: benchmarksOf(stored), result: stored };
  }

  /**
   * Reads every record. A record that cannot be read (damaged gzip, bad JSON, wrong shape) is skipped and
   * reported in `errors`; an absent folder reads as empty.
   *
   * @throws RuneBenchError `ERR_FILE_IO` when the folder exists but cannot be listed
   */
  read(): ResultsStoreContents {
    let names: string[];
    try {
      names = fs().readdirSync(this.#dir);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], errors: [] };
      throw new RuneBenchError('ERR_FILE_IO', `could not list ${this.#dir}: ${(cause as Error).message}`, { cause, path: this.#dir });
    }
    const records: StoredRun[] = [];
    const errors: RuneBenchError[] = [];
    for (const name of names.sort()) {
      if (name.startsWith('.') || !name.endsWith(EXTENSION)) continue;
      const path = join(this.#dir, name);
      try {
        const record = parseRecord(files().decodeJson(fs().readFileSync(path), path), path);
        records.push({ ...record, file: name });
      } catch (cause) {
        errors.push(
          isRuneBenchError(cause)
            ? cause
            : new RuneBenchError('ERR_FILE_IO', `could not read ${path}: ${(cause as Error).message}`, { cause, path }),
        );
      }
    }
    records.sort(byStartTime);
    return { records, errors };
  }

  /** Benchmark keys present in readable records, sorted. */
  keys(): string[] {
    return keysOf(this.read().records);
  }

  /**
   * One benchmark's history on one machine, oldest first. Runs from other machines are left out, so a
   * faster CI runner is never mistaken for an improvement.
   *
   * @param key - the benchmark key, `suite/task` or `suite/child/task`
   * @param options - `machine`: the fingerprint id (default: the machine of the newest run that has `key`);
   *   `records`: already-read records, to avoid reading the folder again
   */
  series(key: string, options: ResultsStoreSeriesOptions = {}): HistorySeries {
    return seriesOf(options.records ?? this.read().records, key, options.machine);
  }

  /**
   * Saves `result` as `baselines/NAME.json.gz` in the store folder.
   *
   * @throws TypeError when the name is not a baseline name; RuneBenchError `ERR_FILE_IO` when it cannot be written
   */
  saveBaseline(name: string, result: SuiteResult): void {
    checkBaselineName(name);
    writeSuiteResult(this.#baselinePath(name), storedResult(result));
  }

  /**
   * The named baseline, or `undefined` when none was saved.
   *
   * @throws TypeError when the name is not a baseline name; RuneBenchError when the file is unreadable
   */
  readBaseline(name: string): SuiteResult | undefined {
    checkBaselineName(name);
    const path = this.#baselinePath(name);
    return fs().existsSync(path) ? readSuiteResult(path) : undefined;
  }

  #baselinePath(name: string): string {
    return join(this.#dir, 'baselines', `${name}.json.gz`);
  }
}
