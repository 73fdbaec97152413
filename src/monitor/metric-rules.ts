// What a metric name and a metric value may be: one rule for live data (sources, custom metrics) and for
// imported histories, so a file can hold nothing a source could not have produced.
import type { MetricDescriptor } from '../core/metric.js';

/**
 * A metric name: a letter, then letters, digits, `_`, `.` and `-` (no control or bidi characters, no
 * markup, no path separators), at most {@link MAX_METRIC_NAME_LENGTH} characters.
 *
 * @internal
 */
export const METRIC_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** @internal */
export const MAX_METRIC_NAME_LENGTH = 200;

/**
 * Whether `name` is a valid metric name (see {@link METRIC_NAME}).
 *
 * @internal
 */
export function isMetricName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= MAX_METRIC_NAME_LENGTH && METRIC_NAME.test(name);
}

/**
 * Why `value` cannot be recorded for a metric, or `undefined` when it can. A value must be a finite number;
 * a described metric is never negative (every unit is a magnitude: seconds, bytes, ratios, counts and
 * their rates).
 *
 * @internal
 */
export function valueProblem(value: unknown, descriptor: MetricDescriptor | undefined): string | undefined {
  if (typeof value !== 'number') return `is ${value === null ? 'null' : typeof value}, not a number`;
  if (!Number.isFinite(value)) return `is ${String(value)}, not a finite number`;
  if (value < 0 && descriptor !== undefined) return `is negative (${value}) but ${descriptor.unit} is never negative`;
  return undefined;
}
