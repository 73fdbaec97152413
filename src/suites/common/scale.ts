// Small helpers every built-in suite uses: scale and parameter resolution, abort checks.
import { abortError } from '../../core/errors.js';
import type { SuiteRunOptions, SuiteScale } from '../../core/suite.js';

const SCALES: ReadonlySet<string> = new Set<SuiteScale>(['quick', 'standard', 'linux']);

/**
 * The scale of a run: `options.scale`, defaulting to `quick`. Throws a `RangeError` naming the option
 * for anything else.
 *
 * @internal
 */
export function resolveScale(options: SuiteRunOptions | undefined): SuiteScale {
  const scale = options?.scale ?? 'quick';
  if (!SCALES.has(scale)) throw new RangeError(`scale option must be 'quick', 'standard' or 'linux', got ${JSON.stringify(scale)}`);
  return scale;
}

/**
 * Picks a value per scale.
 *
 * @internal
 */
export function byScale<T>(scale: SuiteScale, values: Readonly<Record<SuiteScale, T>>): T {
  return values[scale];
}

/**
 * Throws `RuneBenchError` `ERR_ABORTED` when `signal` is aborted.
 *
 * @internal
 */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted === true) throw abortError(signal, what);
}

/**
 * Reads a parameter of the given type, or `undefined` when absent. Throws a `TypeError` naming the
 * parameter when it has the wrong type.
 *
 * @internal
 */
export function param<K extends 'string' | 'number' | 'boolean'>(
  options: SuiteRunOptions | undefined,
  name: string,
  type: K,
): (K extends 'string' ? string : K extends 'number' ? number : boolean) | undefined {
  const value = options?.params?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== type) throw new TypeError(`${name} parameter must be a ${type}, got ${typeof value}`);
  return value as K extends 'string' ? string : K extends 'number' ? number : boolean;
}
