// The results-store contract: stored runs, histories, and the record format both stores share.
import { RuneBenchError } from '../core/errors.js';
import type { PerOperationUnit, SuiteResult } from '../core/results.js';
import { walkBenchmarks } from '../core/walk.js';
import { fromVersion1 } from '../bench/suite-result-json.js';
import { invalid, requireArray, requireNumber, requireObject, requireString } from '../core/validate.js';

/** Format tag written in every record. @internal */
export const RECORD_FORMAT = 'rune-bench.results-record';
/** Record schema version written by this release. @internal */
export const RECORD_VERSION = 1;

/**
 * One benchmark's measurements in one stored run.
 *
 * @beta
 */
export interface StoredBenchmark {
  /**
   * The benchmark key (`suite/task`, `suite/child/task`: see `benchmarkKey`), the key a history is read by; for a
   * counted figure `<key> (<unit>)`, so a task's times and its instruction counts make two histories, never one.
   */
  readonly key: string;
  /** Per-operation samples in `unit`; the task's kept samples, or its median alone when none were kept. */
  readonly samples: readonly number[];
  /** Median per operation, in `unit`. */
  readonly median: number;
  /** Unit of `samples` and `median`. @defaultValue `'seconds'` when absent */
  readonly unit?: PerOperationUnit;
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

/** Every benchmark of the result tree with status `ok` and a median, under the walker's key. @internal */
export function benchmarksOf(result: SuiteResult): StoredBenchmark[] {
  const out: StoredBenchmark[] = [];
  for (const { key, task } of walkBenchmarks(result)) {
    if (task.status !== 'ok' || task.stats === undefined) continue;
    const samples = task.samples !== undefined && task.samples.length > 0 ? task.samples : [task.stats.median];
    const unit = task.stats.unit ?? 'seconds';
    out.push({ key: unit === 'seconds' ? key : `${key} (${unit})`, samples, median: task.stats.median, ...(unit === 'seconds' ? {} : { unit }) });
  }
  return out;
}

/**
 * `result` as a store keeps it: without the monitor history (`monitorHistory`, anywhere in the tree). A store keeps
 * what comparisons and trends read; the monitor history is for the run's own report, and would add up to about
 * 100 kB of JSON to every record (and, in git notes, to the repository for good).
 *
 * @internal
 */
export function storedResult(result: SuiteResult): SuiteResult {
  const children = result.children?.map(storedResult);
  const changed = result.monitorHistory !== undefined || children?.some((c, i) => c !== result.children?.[i]) === true;
  if (!changed) return result;
  const rest: SuiteResult = { ...result };
  delete (rest as { monitorHistory?: unknown }).monitorHistory;
  return children === undefined ? rest : { ...rest, children };
}

/** Validates one decoded record. @internal */
export function parseRecord(json: unknown, file: string): StoredRun {
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
 * Options of {@link ResultsStore.series}.
 *
 * @beta
 */
export interface ResultsStoreSeriesOptions {
  /** Machine fingerprint id. @defaultValue the machine of the newest run that has the key */
  readonly machine?: string;
  /** Already-read records, to avoid reading the store again. */
  readonly records?: readonly StoredRun[];
}

/**
 * Where benchmark runs are kept and read back as per-benchmark histories: the plug point behind `--store`.
 * Two built-ins implement it: {@link FolderResultsStore} (a folder of compressed records, the default) and
 * {@link GitNotesResultsStore} (git notes on the commits measured, carried by `git push`/`git fetch`).
 *
 * @beta
 */
export interface ResultsStore {
  /** Store kind: `'folder'` or `'git'` for the built-ins. */
  readonly id: string;
  /** Where the store lives, for messages: a folder path, or `git:<ref>`. */
  readonly location: string;
  /**
   * Appends one run; concurrent appends (other processes included) lose nothing. The built-in stores leave the
   * run's `monitorHistory` out (they keep what comparisons and trends read), in records and in named baselines.
   *
   * @throws RuneBenchError `ERR_FILE_IO` when the run cannot be written
   */
  append(result: SuiteResult, options?: ResultsStoreAppendOptions): StoredRun;
  /** Every run, oldest first, and one error per unreadable record (skipped, never fatal to the rest). */
  read(): ResultsStoreContents;
  /** Benchmark keys present in readable records, sorted. */
  keys(): string[];
  /** One benchmark's history on one machine, oldest first. */
  series(key: string, options?: ResultsStoreSeriesOptions): HistorySeries;
  /**
   * Saves `result` as the named baseline (criterion's `--save-baseline NAME`), replacing one of that name.
   *
   * @throws TypeError when the name is not a baseline name (see `isBaselineName`)
   */
  saveBaseline(name: string, result: SuiteResult): void;
  /**
   * The named baseline, or `undefined` when none was saved under that name.
   *
   * @throws TypeError when the name is not a baseline name; RuneBenchError when the stored one is unreadable
   */
  readBaseline(name: string): SuiteResult | undefined;
}

/**
 * Whether `value` names a stored baseline rather than a file: letters, digits, `.`, `_` and `-`, starting with a
 * letter or digit, no path separator and no `.json`/`.gz` suffix (`main`, `v2.1`, `before-refactor`).
 *
 * @beta
 */
export function isBaselineName(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(value) && !/\.(json|gz)$/i.test(value) && !value.includes('..') && !value.endsWith('.');
}

/** Throws the option error for a bad baseline name. @internal */
export function checkBaselineName(name: string): void {
  if (typeof name !== 'string' || !isBaselineName(name)) {
    throw new TypeError('baseline name must be letters, digits, ".", "_" or "-" (no path separator, no .json suffix)');
  }
}

/** Sorted benchmark keys of some records. @internal */
export function keysOf(records: readonly StoredRun[]): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const b of record.benchmarks) keys.add(b.key);
  return [...keys].sort();
}

/**
 * One benchmark's history on one machine, oldest first. Runs from other machines are left out, so a
 * faster CI runner is never mistaken for an improvement.
 *
 * @internal
 */
export function seriesOf(records: readonly StoredRun[], key: string, machineOption: string | undefined): HistorySeries {
  let machine = machineOption;
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

/** Time order of stored runs (then by file/record name, for ties). @internal */
export function byStartTime(a: StoredRun, b: StoredRun): number {
  return Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}
