// Runs one source's collection with a timeout, turning every failure into a RuneBenchError.
import { RuneBenchError, isRuneBenchError } from '../core/errors.js';
import type { Clock } from '../core/clock.js';
import type { MetricDescriptor, MetricValues } from '../core/metric.js';
import type { MetricSource, SourceAvailability } from '../core/source.js';
import { valueProblem } from './metric-rules.js';
import type { MonitorErrorEvent } from './monitor-types.js';

/**
 * Per-source state held by the monitor.
 *
 * @internal
 */
export interface SourceEntry {
  readonly source: MetricSource;
  readonly availability: SourceAvailability;
  /** `undefined` until started; the start promise while an async start runs; `true` once started. */
  started: boolean | Promise<void> | undefined;
  /** Monotonic seconds of the last successful collection. */
  lastAt: number | undefined;
  /** Set while an abandoned (timed-out) collection has not settled yet. */
  busy: boolean;
  /** Signals this source's collections; replaced once it has fired. */
  controller: AbortController | undefined;
}

/** Result of one source's collection. @internal */
export type Outcome = { readonly ok: true; readonly values: MetricValues } | { readonly ok: false; readonly error: RuneBenchError };

/** @internal */
export function sourceError(id: string, cause: unknown): RuneBenchError {
  if (isRuneBenchError(cause)) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new RuneBenchError('ERR_SOURCE_FAILED', `metric source ${id} failed: ${message}`, { cause });
}

/** @internal */
export function isPromiseLike<T>(value: unknown): value is PromiseLike<T> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Checks a source's availability once, treating a throwing check as unavailable. @internal */
export function checkAvailability(source: MetricSource): SourceAvailability {
  if (typeof source.availability !== 'function') return { available: true };
  try {
    return source.availability();
  } catch (cause) {
    return { available: false, reason: cause instanceof Error ? cause.message : String(cause) };
  }
}

/**
 * Waits for `pending` up to `timeoutMs`; on timeout aborts `controller`, marks the entry busy until the
 * abandoned promise settles and resolves to an `ERR_SOURCE_TIMEOUT` outcome.
 *
 * @internal
 */
export function awaitWithTimeout(
  clock: Clock,
  entry: SourceEntry,
  pending: PromiseLike<MetricValues>,
  controller: AbortController,
  timeoutMs: number,
): Promise<Outcome> {
  return new Promise<Outcome>((resolve) => {
    let done = false;
    const timer = clock.setTimeout(() => {
      if (done) return;
      done = true;
      const error = new RuneBenchError(
        'ERR_SOURCE_TIMEOUT',
        `metric source ${entry.source.id} did not answer within ${timeoutMs} ms; abandoned for this sample`,
      );
      controller.abort(error);
      entry.busy = true;
      resolve({ ok: false, error });
    }, timeoutMs);
    timer.unref?.();
    pending.then(
      (values) => {
        entry.busy = false;
        if (done) return;
        done = true;
        clock.clearTimeout(timer);
        resolve({ ok: true, values });
      },
      (cause: unknown) => {
        entry.busy = false;
        if (done) return;
        done = true;
        clock.clearTimeout(timer);
        resolve({ ok: false, error: sourceError(entry.source.id, cause) });
      },
    );
  });
}

/**
 * Copies the values of `values` into `into`, rejecting each one that is not a finite number, or is
 * negative for a metric the source describes (every unit is a magnitude): each rejected metric is left out
 * and reported in `errors`, naming the source and the metric.
 *
 * @returns `errors`, or a new list when there was none and a value was rejected
 * @internal
 */
export function mergeValues(
  into: Record<string, number>,
  values: MetricValues | undefined,
  source: MetricSource,
  errors: MonitorErrorEvent[] | undefined,
): MonitorErrorEvent[] | undefined {
  const given: unknown = values;
  if (typeof given !== 'object' || given === null) {
    const error = new RuneBenchError('ERR_SOURCE_FAILED', `metric source ${source.id} returned ${given === null ? 'null' : typeof given} instead of an object of values`);
    (errors ??= []).push({ sourceId: source.id, error });
    return errors;
  }
  for (const key in given) {
    const v: unknown = (given as MetricValues)[key];
    // The common case costs one typeof and two comparisons; only a suspect value looks for its descriptor.
    if (typeof v === 'number' && v >= 0 && v !== Number.POSITIVE_INFINITY) {
      into[key] = v;
      continue;
    }
    if (v === undefined) continue; // an absent value
    const descriptor = typeof v === 'number' && v < 0 ? describeSafely(source).find((d) => d.name === key) : undefined;
    const problem = valueProblem(v, descriptor);
    if (problem === undefined) {
      into[key] = v as number;
      continue;
    }
    const error = new RuneBenchError('ERR_SOURCE_FAILED', `metric source ${source.id} reported ${key} that ${problem}; the value is left out`);
    (errors ??= []).push({ sourceId: source.id, metric: key, error });
  }
  return errors;
}

const NO_DESCRIPTORS: readonly MetricDescriptor[] = Object.freeze([]);

/** A source's descriptors; none when `describe()` throws. @internal */
export function describeSafely(source: MetricSource): readonly MetricDescriptor[] {
  try {
    return source.describe();
  } catch {
    return NO_DESCRIPTORS;
  }
}

/** CPU seconds (user + system) of the process since `mark`. @internal */
export function cpuSeconds(mark: NodeJS.CpuUsage): number {
  const now = process.cpuUsage();
  return (now.user - mark.user + now.system - mark.system) / 1e6;
}
