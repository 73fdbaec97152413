import { RuneBenchError } from './errors.js';
import { isMetricKind, isMetricUnit, type MetricDescriptor, type MetricValue, type MetricValues } from './metric.js';
import type { MetricName, MetricRegistry } from './metric-names.js';
import { invalid, requireFiniteNumber, requireNumber, requireObject, requireString } from './validate.js';

/**
 * Schema version written by {@link MetricSnapshot.toJSON}; bumped on incompatible changes.
 *
 * @public
 */
export const SNAPSHOT_SCHEMA_VERSION = 1;

/**
 * JSON form of a {@link MetricSnapshot}.
 *
 * @public
 */
export interface MetricSnapshotJSON {
  /** Always `SNAPSHOT_SCHEMA_VERSION` when written by this release. */
  readonly schemaVersion: number;
  /** Wall-clock time of the sample, milliseconds since the Unix epoch. */
  readonly timestamp: number;
  /** Monotonic time of the sample in seconds (see {@link MetricSnapshot.monotonic}). */
  readonly monotonic: number;
  /** Values keyed by metric name. */
  readonly values: MetricValues;
  /** Descriptors keyed by metric name. */
  readonly descriptors: Readonly<Record<string, MetricDescriptor>>;
}

/**
 * Construction input for a {@link MetricSnapshot}.
 *
 * @public
 */
export interface MetricSnapshotInit {
  /** Wall-clock time, milliseconds since the Unix epoch. */
  readonly timestamp: number;
  /** Monotonic time in seconds. */
  readonly monotonic: number;
  /** Values keyed by metric name. */
  readonly values: MetricValues;
  /**
   * Descriptors keyed by metric name. Snapshots from one monitor share one frozen object,
   * so holding many snapshots costs only their values.
   */
  readonly descriptors: Readonly<Record<string, MetricDescriptor>>;
}

/**
 * One immutable sample: when it was taken and the value of each metric, in base units.
 * It is the record every consumer reads: history, detectors, formatters.
 *
 * @public
 */
export class MetricSnapshot {
  /** Wall-clock time of the sample, milliseconds since the Unix epoch. */
  readonly timestamp: number;
  /**
   * Monotonic time of the sample in seconds, from `performance.now()`: use it, not `timestamp`,
   * for intervals and rates, since the wall clock can jump.
   */
  readonly monotonic: number;
  /** Values keyed by metric name (frozen). A metric whose source failed is absent. */
  readonly values: MetricValues;
  /** Descriptor of each metric, keyed by name (frozen, shared between snapshots). */
  readonly descriptors: Readonly<Record<string, MetricDescriptor>>;

  /** @param init - time, values and descriptors */
  constructor(init: MetricSnapshotInit) {
    this.timestamp = init.timestamp;
    this.monotonic = init.monotonic;
    this.values = Object.isFrozen(init.values) ? init.values : Object.freeze({ ...init.values });
    this.descriptors = Object.isFrozen(init.descriptors) ? init.descriptors : Object.freeze({ ...init.descriptors });
    Object.freeze(this);
  }

  /**
   * The value of `metric`, typed with its unit, or `undefined` when this sample lacks it. The name must be a
   * {@link MetricName} (a built-in name, or one added to {@link MetricRegistry}), so a typo does not compile;
   * for a name known only at run time use {@link MetricSnapshot.getUnchecked}.
   *
   * @example
   * ```ts
   * const cpu = snapshot.get('process.cpu.utilization'); // MetricValue<'1'> | undefined: a share of one core
   * ```
   */
  get<Name extends MetricName>(metric: Name): MetricValue<MetricRegistry[Name]> | undefined {
    return this.getUnchecked(metric);
  }

  /** Whether this sample has a value for `metric` (a {@link MetricName}; see {@link MetricSnapshot.get}). */
  has(metric: MetricName): boolean {
    return Object.hasOwn(this.values, metric);
  }

  /**
   * The value of the metric called `name`, or `undefined` when this sample lacks it, for a name known only at
   * run time (one from {@link MetricSnapshot.metrics}, a command-line flag). Unlike {@link MetricSnapshot.get},
   * the name is any string, so it is not checked at compile time, and the value carries no unit (the unit is in
   * `descriptors[name]`). Prefer `get` for a name written in code.
   */
  getUnchecked(name: string): number | undefined {
    return Object.hasOwn(this.values, name) ? this.values[name] : undefined;
  }

  /** Metric names present in this sample (read them with {@link MetricSnapshot.getUnchecked}). */
  metrics(): string[] {
    return Object.keys(this.values);
  }

  /** The versioned JSON form. */
  toJSON(): MetricSnapshotJSON {
    return {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      timestamp: this.timestamp,
      monotonic: this.monotonic,
      values: this.values,
      descriptors: this.descriptors,
    };
  }

  /**
   * Validates and rebuilds a snapshot from its JSON form.
   *
   * @param json - parsed JSON (not text)
   * @param file - file name used in error messages
   * @throws `RuneBenchError` `ERR_INVALID_FORMAT` or `ERR_SCHEMA_VERSION`
   */
  static fromJSON(json: unknown, file?: string): MetricSnapshot {
    const obj = requireObject(json, 'snapshot', file);
    const version = requireNumber(obj.schemaVersion, 'snapshot.schemaVersion', file);
    if (version !== SNAPSHOT_SCHEMA_VERSION) {
      throw new RuneBenchError(
        'ERR_SCHEMA_VERSION',
        `${file ?? 'snapshot'}: schema version ${version} is not supported (this release reads ${SNAPSHOT_SCHEMA_VERSION})`,
        file === undefined ? {} : { path: file },
      );
    }
    return new MetricSnapshot({
      timestamp: requireFiniteNumber(obj.timestamp, 'snapshot.timestamp', file),
      monotonic: requireFiniteNumber(obj.monotonic, 'snapshot.monotonic', file),
      values: parseValues(obj.values, 'snapshot.values', file),
      descriptors: parseDescriptors(obj.descriptors, 'snapshot.descriptors', file),
    });
  }
}

/** @internal */
export function parseValues(json: unknown, at: string, file?: string): MetricValues {
  const obj = requireObject(json, at, file);
  const values: Record<string, number> = {};
  for (const [name, value] of Object.entries(obj)) {
    // JSON has no NaN or Infinity: JSON.stringify turns them into null, so null reads back as NaN.
    values[name] = value === null ? Number.NaN : requireNumber(value, `${at}.${name}`, file);
  }
  return Object.freeze(values);
}

/** @internal */
export function parseDescriptors(json: unknown, at: string, file?: string): Readonly<Record<string, MetricDescriptor>> {
  const obj = requireObject(json, at, file);
  const out: Record<string, MetricDescriptor> = {};
  for (const [name, raw] of Object.entries(obj)) {
    out[name] = parseDescriptor(raw, `${at}.${name}`, file);
  }
  return Object.freeze(out);
}

/** @internal */
export function parseDescriptor(json: unknown, at: string, file?: string): MetricDescriptor {
  const d = requireObject(json, at, file);
  const name = requireString(d.name, `${at}.name`, file);
  if (!isMetricUnit(d.unit)) throw invalid(`${at}.unit`, `unknown unit ${JSON.stringify(d.unit)}`, file);
  if (!isMetricKind(d.kind)) throw invalid(`${at}.kind`, `unknown kind ${JSON.stringify(d.kind)}`, file);
  const description = requireString(d.description, `${at}.description`, file);
  return Object.freeze({ name, unit: d.unit, kind: d.kind, description });
}
