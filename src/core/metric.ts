/**
 * Unit of a metric, in base units (UCUM-style as OpenTelemetry uses them):
 * `s` seconds, `By` bytes, `1` a dimensionless ratio 0-1, `{count}` a count,
 * and per-second rates of each.
 *
 * @public
 */
export type MetricUnit = 's' | 'By' | '1' | '{count}' | 'By/s' | '{count}/s' | 's/s';

/**
 * How a metric's value behaves over time.
 * - `gauge`: a value at the instant of the sample (memory in use).
 * - `counter`: a monotonically increasing total (bytes read since start).
 * - `rate`: a per-second value over the interval since the previous sample.
 *
 * @public
 */
export type MetricKind = 'gauge' | 'counter' | 'rate';

/**
 * Describes one metric: its name, unit, kind and meaning.
 *
 * @public
 */
export interface MetricDescriptor {
  /** OpenTelemetry-style dotted name, e.g. `process.cpu.utilization`. */
  readonly name: string;
  /** Base unit of the value. */
  readonly unit: MetricUnit;
  /** Gauge, counter or rate. */
  readonly kind: MetricKind;
  /** One sentence for people. */
  readonly description: string;
}

/**
 * Values collected by a source for one sample, keyed by metric name.
 *
 * @public
 */
export type MetricValues = Readonly<Record<string, number>>;

/**
 * A metric's value in unit `U`: a plain number at run time, tagged in the types with its unit, so the unit shows
 * where the value is read (`snapshot.get('process.memory.usage')` is `MetricValue<'By'> | undefined`) and a value
 * in one unit is not assigned to a variable typed for another by mistake. Any number is assignable to it, and it
 * to `number`; arithmetic on it gives a plain number.
 *
 * @public
 */
export type MetricValue<U extends MetricUnit = MetricUnit> = number & {
  /** Never present at run time: only carries the unit in the types. */
  readonly '~unit'?: U;
};

const UNITS: ReadonlySet<string> = new Set<MetricUnit>(['s', 'By', '1', '{count}', 'By/s', '{count}/s', 's/s']);
const KINDS: ReadonlySet<string> = new Set<MetricKind>(['gauge', 'counter', 'rate']);

/**
 * Whether `value` is a valid {@link MetricUnit}.
 *
 * @public
 */
export function isMetricUnit(value: unknown): value is MetricUnit {
  return typeof value === 'string' && UNITS.has(value);
}

/**
 * Whether `value` is a valid {@link MetricKind}.
 *
 * @public
 */
export function isMetricKind(value: unknown): value is MetricKind {
  return typeof value === 'string' && KINDS.has(value);
}
