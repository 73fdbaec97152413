// A folder of benchmark runs, one fflate-compressed record per run, read back as per-benchmark histories.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { RuneBenchError, isRuneBenchError } from '../core/errors.js';
import { decodeJson, writeJsonAtomic } from '../core/files.js';
import type { SuiteResult } from '../core/results.js';
import { walkBenchmarks } from '../core/walk.js';
import { fromVersion1 } from '../bench/suite-result-json.js';
import { invalid, requireArray, requireNumber, requireObject, requireString } from '../core/validate.js';

/** Format tag written in every record. */
const RECORD_FORMAT = 'rune-bench.results-record';
/** Record schema version written by this release. */
const RECORD_VERSION = 1;
const EXTENSION = '.run.json.gz';

/**
 * One benchmark's measurements in one stored run.
 *
 * @beta
 */
export interface StoredBenchmark {
  /** The benchmark key (`suite/task`, `suite/child/task`: see `benchmarkKey`), the key a history is read by. */
  readonly key: string;
  /** Per-operation sample times, seconds; the task's kept samples, or its median alone when none were kept. */
  readonly samples: readonly number[];
  /** Median, seconds per operation. */
  readonly median: number;
}

/**
 * One stored run (one record file).
 *
 * @beta
 */
export interface StoredRun {
  /** Record file name inside the store folder. */
  readonly file: string;
  /** Suite name. */
  readonly suite: string;
  /** Commit the run measured (`unknown` when neither the result nor the caller said). */
  readonly commit: string;
  /** Machine fingerprint id (`EnvironmentFingerprint.id`). */
  readonly machine: string;
  /** ISO 8601 start time of the run. */
  readonly startedAt: string;
  /** The benchmarks measured (tasks with status `ok` and a median). */
  readonly benchmarks: readonly StoredBenchmark[];
  /** The full result, as appended. */
  readonly result: SuiteResult;
}

/**
 * What {@link ResultsStore.read} returns: the good records in time order and, separately, every record that
 * could not be read (never silently dropped, never fatal to the rest).
 *
 * @beta
 */
export interface ResultsStoreContents {
  /** Readable runs, oldest first. */
  readonly records: readonly StoredRun[];
  /** One error per unreadable record (`ERR_CORRUPT_FILE`, `ERR_INVALID_JSON`, `ERR_INVALID_FORMAT`...), naming the file. */
  readonly errors: readonly RuneBenchError[];
}

/**
 * One run of one benchmark in a history.
 *
 * @beta
 */
export interface HistoryPoint {
  /** Commit measured. */
  readonly commit: string;
  /** ISO 8601 start time. */
  readonly startedAt: string;
  /** Per-operation sample times, seconds. */
  readonly samples: readonly number[];
}

/**
 * One benchmark's history on one machine, oldest run first.
 *
 * @beta
 */
export interface HistorySeries {
  /** Benchmark key (`suite/task`, `suite/child/task`). */
  readonly key: string;
  /** Machine fingerprint id. */
  readonly machine: string;
  /** The runs. */
  readonly points: readonly HistoryPoint[];
}

/**
 * Options of {@link ResultsStore.append}.
 *
 * @beta
 */
export interface ResultsStoreAppendOptions {
  /** Commit to record. @defaultValue `result.env.gitCommit`, else `'unknown'` */
  readonly commit?: string;
  /** Machine fingerprint to record. @defaultValue `result.env.id` */
  readonly machine?: string;
}

function isoStamp(startedAt: string): string {
  const t = Date.parse(startedAt);
  return (Number.isFinite(t) ? new Date(t) : new Date()).toISOString().replace(/[-:.]/g, '');
}

function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 16) || 'x';
}

/** Every benchmark of the result tree with status `ok` and a median, under the walker's key. */
function benchmarksOf(result: SuiteResult): StoredBenchmark[] {
  const out: StoredBenchmark[] = [];
  for (const { key, task } of walkBenchmarks(result)) {
    if (task.status !== 'ok' || task.stats === undefined) continue;
    const samples = task.samples !== undefined && task.samples.length > 0 ? task.samples : [task.stats.median];
    out.push({ key, samples, median: task.stats.median });
  }
  return out;
}

function parseRecord(json: unknown, file: string): StoredRun {
  const obj = requireObject(json, 'record', file);
  if (obj.format !== RECORD_FORMAT) throw invalid('record.format', `expected "${RECORD_FORMAT}"`, file);
  const version = requireNumber(obj.version, 'record.version', file);
  if (version !== RECORD_VERSION) {
    throw new RuneBenchError('ERR_SCHEMA_VERSION', `record version ${version} is not supported (this release reads ${RECORD_VERSION})`, {
      path: file,
    });
  }
  const commit = requireString(obj.commit, 'record.commit', file);
  const machine = requireString(obj.machine, 'record.machine', file);
  const result = requireObject(obj.result, 'record.result', file);
  const suite = requireString(result.name, 'record.result.name', file);
  const startedAt = requireString(result.startedAt, 'record.result.startedAt', file);
  requireObject(result.env, 'record.result.env', file);
  const tasks = requireArray(result.tasks, 'record.result.tasks', file);
  tasks.forEach((raw, i) => {
    const at = `record.result.tasks[${i}]`;
    const task = requireObject(raw, at, file);
    requireString(task.name, `${at}.name`, file);
    requireString(task.status, `${at}.status`, file);
    if (task.stats !== undefined) requireNumber(requireObject(task.stats, `${at}.stats`, file).median, `${at}.stats.median`, file);
    if (task.samples !== undefined) {
      requireArray(task.samples, `${at}.samples`, file).forEach((v, j) => requireNumber(v, `${at}.samples[${j}]`, file));
    }
  });
  // a record of an earlier release may hold a version-1 result: read it in the tree shape
  const typed = result.schemaVersion === 1 ? fromVersion1(result as unknown as SuiteResult) : (result as unknown as SuiteResult);
  return { file, suite, commit, machine, startedAt, benchmarks: benchmarksOf(typed), result: typed };
}

/**
 * A results store: a folder holding one gzip-compressed (fflate) JSON record per suite run, keyed by suite,
 * commit and machine fingerprint. Appends are atomic (temporary file, fsync, rename), so concurrent readers
 * and crashes never see half a record; a damaged record is reported by {@link ResultsStore.read} and
 * skipped, the others are still read.
 *
 * @example
 * ```ts
 * const store = new ResultsStore('.rune-bench/results');
 * store.append(await suite.run());
 * const { records, errors } = store.read();
 * const history = store.series('my-suite/parse', { machine: records.at(-1)?.machine });
 * ```
 * @beta
 */
export class ResultsStore {
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

  /**
   * Appends one run atomically.
   *
   * @param result - the suite result (tasks should keep their samples: `keepSamples`)
   * @param options - commit and machine overrides
   * @returns the record as it will be read back
   * @throws RuneBenchError `ERR_FILE_IO` when the record cannot be written
   */
  append(result: SuiteResult, options: ResultsStoreAppendOptions = {}): StoredRun {
    const commit = options.commit ?? result.env.gitCommit ?? 'unknown';
    const machine = options.machine ?? result.env.id;
    const seq = String(this.#sequence++).padStart(4, '0');
    const file = `${isoStamp(result.startedAt)}-${seq}-${randomBytes(3).toString('hex')}-${safe(commit.slice(0, 12))}-${safe(machine)}${EXTENSION}`;
    writeJsonAtomic(join(this.#dir, file), { format: RECORD_FORMAT, version: RECORD_VERSION, commit, machine, result }, true);
    return { file, suite: result.name, commit, machine, startedAt: result.startedAt, benchmarks: benchmarksOf(result), result };
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
      names = readdirSync(this.#dir);
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
        const record = parseRecord(decodeJson(readFileSync(path), path), path);
        records.push({ ...record, file: name });
      } catch (cause) {
        errors.push(
          isRuneBenchError(cause)
            ? cause
            : new RuneBenchError('ERR_FILE_IO', `could not read ${path}: ${(cause as Error).message}`, { cause, path }),
        );
      }
    }
    records.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.file < b.file ? -1 : 1));
    return { records, errors };
  }

  /** Benchmark keys present in readable records, sorted. */
  keys(): string[] {
    const keys = new Set<string>();
    for (const record of this.read().records) for (const b of record.benchmarks) keys.add(b.key);
    return [...keys].sort();
  }

  /**
   * One benchmark's history on one machine, oldest first. Runs from other machines are left out, so a
   * faster CI runner is never mistaken for an improvement.
   *
   * @param key - the benchmark key, `suite/task` or `suite/child/task`
   * @param options - `machine`: the fingerprint id (default: the machine of the newest run that has `key`);
   *   `records`: already-read records, to avoid reading the folder again
   */
  series(key: string, options: { readonly machine?: string; readonly records?: readonly StoredRun[] } = {}): HistorySeries {
    const records = options.records ?? this.read().records;
    let machine = options.machine;
    if (machine === undefined) {
      for (let i = records.length - 1; i >= 0 && machine === undefined; i--) {
        const r = records[i];
        if (r?.benchmarks.some((b) => b.key === key) === true) machine = r.machine;
      }
    }
    const points: HistoryPoint[] = [];
    for (const r of records) {
      if (r.machine !== machine) continue;
      const b = r.benchmarks.find((x) => x.key === key);
      if (b !== undefined) points.push({ commit: r.commit, startedAt: r.startedAt, samples: b.samples });
    }
    return { key, machine: machine ?? 'unknown', points };
  }
}
