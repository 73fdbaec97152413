// The one way to visit a result tree: every suite, and every benchmark under its one key.
import type { SuiteResult, TaskResult } from './results.js';

/**
 * One suite in a result tree, as {@link walkSuites} yields it.
 *
 * @public
 */
export interface SuiteEntry {
  /** The suite's own result (its `tasks` are its own; nested suites are in `children`). */
  readonly suite: SuiteResult;
  /** Suite names from the root down to this suite, the root's included. */
  readonly path: readonly string[];
  /** 0 for the root, 1 for its children, and so on. */
  readonly depth: number;
}

/**
 * One benchmark (a task) in a result tree, as {@link walkBenchmarks} yields it.
 *
 * @public
 */
export interface BenchmarkEntry {
  /** The benchmark key: {@link benchmarkKey} of `path` and the task name, e.g. `comprehensive/disk_io/seq-read`. */
  readonly key: string;
  /** Suite names from the root down to the suite holding the task, the root's included. */
  readonly path: readonly string[];
  /** The suite holding the task. */
  readonly suite: SuiteResult;
  /** The task. */
  readonly task: TaskResult;
}

/**
 * The key rule: suite names from the root down, then the task name, joined by `/`
 * (`suite/task`, `suite/child/task`). The results store, trends, the regression detector and the
 * formatters all key benchmarks this way.
 *
 * @public
 */
export function benchmarkKey(path: readonly string[], task: string): string {
  return [...path, task].join('/');
}

/**
 * Every suite of a result tree, depth first, the root first.
 *
 * @public
 */
export function* walkSuites(result: SuiteResult, path: readonly string[] = [], depth = 0): Generator<SuiteEntry> {
  const here = [...path, result.name];
  yield { suite: result, path: here, depth };
  for (const child of result.children ?? []) yield* walkSuites(child, here, depth + 1);
}

/**
 * Every benchmark of a result tree, depth first: a suite's own tasks in order, then its children's.
 *
 * @public
 */
export function* walkBenchmarks(result: SuiteResult): Generator<BenchmarkEntry> {
  for (const { suite, path } of walkSuites(result)) {
    for (const task of suite.tasks) yield { key: benchmarkKey(path, task.name), path, suite, task };
  }
}
