// History export and import: versioned JSON, optionally gzip (fflate), written atomically.
import { RuneBenchError } from '../core/errors.js';
import type * as FilesModule from '../core/files.js';
import { lazyModule } from '../core/lazy.js';
import type { MetricDescriptor, MetricValues } from '../core/metric.js';
import { MetricSnapshot, parseDescriptors, parseValues } from '../core/snapshot.js';
import { invalid, requireArray, requireFiniteNumber, requireNumber, requireObject } from '../core/validate.js';
import { MAX_HISTORY_SIZE, MetricHistory } from './metric-history.js';
import type * as MetricRulesModule from './metric-rules.js';

// File reading and writing load on the first history read or written, not with rune-bench.
const files = lazyModule<typeof FilesModule>(import.meta.url, '../core/files.js');
const metricRules = lazyModule<typeof MetricRulesModule>(import.meta.url, './metric-rules.js');

/**
 * Schema version of exported histories; bumped on incompatible changes.
 *
 * @public
 */
export const HISTORY_SCHEMA_VERSION = 1;

const KIND = 'rune-bench.metric-history';

/**
 * One snapshot inside {@link MetricHistoryJSON} (descriptors are stored once for the whole file).
 *
 * @public
 */
export interface HistorySnapshotJSON {
  /** Wall-clock time, milliseconds since the Unix epoch. */
  readonly timestamp: number;
  /** Monotonic time in seconds (of the process that recorded it). */
  readonly monotonic: number;
  /** Values keyed by metric name: finite numbers (NaN is written as null), never negative for a described metric. */
  readonly values: MetricValues;
}

/**
 * JSON form of a history.
 *
 * @public
 */
export interface MetricHistoryJSON {
  /** Always {@link HISTORY_SCHEMA_VERSION} when written by this release. */
  readonly schemaVersion: number;
  /** Always `rune-bench.metric-history`. */
  readonly kind: string;
  /** Capacity of the history that was exported. */
  readonly capacity: number;
  /** Union of the snapshots' descriptors, keyed by metric name. */
  readonly descriptors: Readonly<Record<string, MetricDescriptor>>;
  /** Snapshots, oldest first. */
  readonly snapshots: readonly HistorySnapshotJSON[];
}

/**
 * Options of `writeHistoryFile`.
 *
 * @public
 */
export interface WriteHistoryOptions {
  /**
   * Compress with gzip.
   *
   * @defaultValue `true` when the path ends in `.gz`
   */
  readonly gzip?: boolean;
}

/**
 * The versioned JSON form of a history (or any snapshots, oldest first).
 *
 * @public
 */
export function historyToJSON(history: MetricHistory | Iterable<MetricSnapshot>): MetricHistoryJSON {
  const snapshots: HistorySnapshotJSON[] = [];
  const descriptors: Record<string, MetricDescriptor> = {};
  let lastDescriptors: object | undefined;
  for (const s of history) {
    // Snapshots of one monitor share one descriptor object: merge each distinct object once.
    if (s.descriptors !== lastDescriptors) {
      Object.assign(descriptors, s.descriptors);
      lastDescriptors = s.descriptors;
    }
    snapshots.push({ timestamp: s.timestamp, monotonic: s.monotonic, values: s.values });
  }
  const capacity = history instanceof MetricHistory ? history.capacity : Math.max(1, snapshots.length);
  return { schemaVersion: HISTORY_SCHEMA_VERSION, kind: KIND, capacity, descriptors, snapshots };
}

/**
 * Validates a parsed history document and rebuilds it. Nothing is returned unless the whole document is valid.
 *
 * @param json - parsed JSON
 * @param file - file name for error messages
 * @throws {@link RuneBenchError} `ERR_INVALID_FORMAT` or `ERR_SCHEMA_VERSION`
 * @public
 */
export function historyFromJSON(json: unknown, file?: string): MetricHistory {
  const obj = requireObject(json, 'history', file);
  if (obj.kind !== KIND) throw invalid('history.kind', `expected ${JSON.stringify(KIND)}, got ${JSON.stringify(obj.kind)}`, file);
  const version = requireNumber(obj.schemaVersion, 'history.schemaVersion', file);
  if (version !== HISTORY_SCHEMA_VERSION) {
    throw new RuneBenchError(
      'ERR_SCHEMA_VERSION',
      `history schema version ${version} is not supported (this release reads ${HISTORY_SCHEMA_VERSION})${file === undefined ? '' : ` in ${file}`}`,
      file === undefined ? {} : { path: file },
    );
  }
  const capacity = requireFiniteNumber(obj.capacity, 'history.capacity', file);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_HISTORY_SIZE) {
    throw invalid('history.capacity', `expected a positive integer at most ${MAX_HISTORY_SIZE}, got ${capacity}`, file);
  }
  const descriptors = parseHistoryDescriptors(obj.descriptors, 'history.descriptors', file);
  const raw = requireArray(obj.snapshots, 'history.snapshots', file);
  if (raw.length > MAX_HISTORY_SIZE) throw invalid('history.snapshots', `more than ${MAX_HISTORY_SIZE} snapshots`, file);
  const snapshots = raw.map((item, i) => new MetricSnapshot({ ...parseHistoryPoint(item, `history.snapshots[${i}]`, descriptors, file), descriptors }));
  const history = new MetricHistory(Math.max(capacity, snapshots.length, 1));
  for (const s of snapshots) history.push(s);
  return history;
}

/**
 * Validates the descriptors of a history document: each a valid descriptor keyed by its own, valid, metric name.
 *
 * @internal
 */
export function parseHistoryDescriptors(json: unknown, at: string, file?: string): Readonly<Record<string, MetricDescriptor>> {
  const descriptors = parseDescriptors(json, at, file);
  for (const [key, d] of Object.entries(descriptors)) {
    if (!metricRules().isMetricName(key) || d.name !== key) throw invalid(at, `${JSON.stringify(key)} is not a valid metric name (or differs from its descriptor's name)`, file);
  }
  return descriptors;
}

/**
 * Validates one snapshot of a history document (time, monotonic time, values) against the document's descriptors:
 * the one rule for history files and for the monitor history a suite result carries.
 *
 * @internal
 */
export function parseHistoryPoint(json: unknown, at: string, descriptors: Readonly<Record<string, MetricDescriptor>>, file?: string): HistorySnapshotJSON {
  const s = requireObject(json, at, file);
  const timestamp = requireFiniteNumber(s.timestamp, `${at}.timestamp`, file);
  if (timestamp < 0) throw invalid(`${at}.timestamp`, `expected a time >= 0, got ${timestamp}`, file);
  const monotonic = requireFiniteNumber(s.monotonic, `${at}.monotonic`, file);
  if (monotonic < 0) throw invalid(`${at}.monotonic`, `expected a time >= 0, got ${monotonic}`, file);
  const values = parseValues(s.values, `${at}.values`, file);
  for (const [name, value] of Object.entries(values)) {
    if (!metricRules().isMetricName(name)) throw invalid(`${at}.values`, `${JSON.stringify(name)} is not a valid metric name`, file);
    // JSON null reads back as NaN (JSON has no NaN): it stands for a value that was not a number when
    // written, and round-trips as such; Infinity (1e999) and negative magnitudes are refused like live data.
    const problem = Number.isNaN(value) ? undefined : metricRules().valueProblem(value, descriptors[name]);
    if (problem !== undefined) throw invalid(`${at}.values.${name}`, problem, file);
  }
  return { timestamp, monotonic, values };
}

/**
 * Writes a history to `path` as JSON (gzip when asked or when the path ends in `.gz`), atomically:
 * a temporary file is written, flushed and renamed, so a crash never leaves a truncated file.
 *
 * @throws {@link RuneBenchError} `ERR_FILE_IO`
 * @public
 */
export function writeHistoryFile(path: string, history: MetricHistory | Iterable<MetricSnapshot>, options: WriteHistoryOptions = {}): void {
  if (typeof path !== 'string' || path === '') throw new TypeError('path must be a non-empty string');
  files().writeJsonAtomic(path, historyToJSON(history), options.gzip ?? path.endsWith('.gz'));
}

/**
 * Reads a history written by `writeHistoryFile` (gzip is detected from the content). A damaged
 * file is rejected and left untouched.
 *
 * @throws {@link RuneBenchError} `ERR_FILE_IO`, `ERR_CORRUPT_FILE` (damaged gzip), `ERR_INVALID_JSON`
 * (e.g. truncated), `ERR_INVALID_FORMAT` or `ERR_SCHEMA_VERSION`
 * @public
 */
export function readHistoryFile(path: string): MetricHistory {
  return historyFromJSON(files().readJsonFile(path), path);
}

/**
 * Decodes history bytes (JSON or gzip JSON), as read from a file or a network response.
 *
 * @param bytes - the file content
 * @param name - name used in error messages
 * @public
 */
export function decodeHistory(bytes: Uint8Array, name = 'history'): MetricHistory {
  return historyFromJSON(files().decodeJson(bytes, name), name);
}
