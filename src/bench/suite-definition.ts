// A BenchmarkSuite seen through the suite plug point (SuiteDefinition), so a module that exports a
// BenchmarkSuite can be listed and run like any other suite.
import type { SuiteResult } from '../core/results.js';
import type { SuiteDefinition, SuiteRunOptions } from '../core/suite.js';
import type { TaskCycleEvent } from './types.js';
import type { Instrument } from './instruments/instrument-options.js';

/**
 * What the wrapper needs from a `BenchmarkSuite` (duck-typed, so a suite built with another copy of the
 * package is recognised too).
 *
 * @internal
 */
export interface BenchmarkSuiteLike {
  readonly name: string;
  readonly tasks: readonly string[];
  /** Absent on a suite built with an older copy of the package: then `time`. */
  readonly instrument?: Instrument;
  add(...args: never[]): unknown;
  run(selection?: { readonly signal?: AbortSignal; readonly tasks?: readonly string[] }): Promise<SuiteResult>;
  on(event: 'task:cycle', listener: (progress: TaskCycleEvent) => void): unknown;
  off(event: 'task:cycle', listener: (progress: TaskCycleEvent) => void): unknown;
}

/**
 * Whether `value` looks like a `BenchmarkSuite` instance.
 *
 * @internal
 */
export function isBenchmarkSuiteLike(value: unknown): value is BenchmarkSuiteLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Readonly<Record<string, unknown>>;
  return typeof v.name === 'string' && Array.isArray(v.tasks) && ['add', 'run', 'on', 'off'].every((m) => typeof v[m] === 'function');
}

/**
 * Wraps a `BenchmarkSuite` as a {@link SuiteDefinition}: its name is the id, it takes no parameters, it lists
 * the one instrument its options chose, and a
 * run passes the abort signal on and reports progress from its `task:cycle` events. `scale`, `params` and
 * `seed` do not apply: the suite's own options fixed them when it was built. `only` runs just those tasks
 * (the CLI's `--filter`).
 *
 * @internal
 */
export function benchmarkSuiteDefinition(suite: BenchmarkSuiteLike, only?: readonly string[]): SuiteDefinition {
  const id = suite.name;
  const tasks = only ?? suite.tasks;
  const shown = tasks.slice(0, 5).join(', ') + (tasks.length > 5 ? `, … (${tasks.length} tasks)` : '');
  return Object.freeze({
    id,
    description: `BenchmarkSuite ${id}${tasks.length === 0 ? '' : `: ${shown}`}`,
    parameters: [],
    // its own options fixed the instrument: the one it lists, so asking for another is refused by name
    instruments: [suite.instrument ?? 'time'],
    async run(options: SuiteRunOptions = {}): Promise<SuiteResult> {
      const onProgress = options.onProgress;
      const listener = (p: TaskCycleEvent): void => {
        try {
          onProgress?.({ suite: id, phase: p.task, fraction: p.fraction, eta: p.eta });
        } catch {
          // a progress callback must not throw; errors it throws are ignored (SuiteRunOptions.onProgress)
        }
      };
      if (onProgress !== undefined) suite.on('task:cycle', listener);
      try {
        return await suite.run({
          ...(options.signal === undefined ? {} : { signal: options.signal }),
          ...(only === undefined ? {} : { tasks: only }),
        });
      } finally {
        if (onProgress !== undefined) suite.off('task:cycle', listener);
      }
    },
  });
}
