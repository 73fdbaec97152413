// Which suite `run` runs: --suite NAME, or the bench files discovered below the project root (one suite, or
// several run one after another as children of one result); --filter keeps the tasks whose name matches.
import { SuiteResultBuilder } from '../bench/result-builder.js';
import type { SuiteResult } from '../core/results.js';
import type { SuiteDefinition, SuiteRunOptions } from '../core/suite.js';
import { UsageError } from './usage-error.js';
import { filteredSuite } from './load-suites.js';

/**
 * A task-name matcher for `--filter PATTERN`: a substring, or a regular expression written `/source/flags`.
 *
 * @internal
 */
export function taskMatcher(pattern: string): (task: string) => boolean {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (regex === null) return (task) => task.includes(pattern);
  let compiled: RegExp;
  try {
    compiled = new RegExp(regex[1] ?? '', (regex[2] ?? '').replace('g', ''));
  } catch (error) {
    throw new UsageError(`--filter ${pattern} is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`, 'run');
  }
  return (task) => compiled.test(task);
}

/**
 * `suites` restricted by `--filter`: each keeps its matching tasks, suites with none are dropped. Built-in
 * suites have no task selection, so filtering one is a {@link UsageError}; so is a filter that matches nothing.
 *
 * @internal
 */
export function applyFilter(suites: readonly SuiteDefinition[], pattern: string): SuiteDefinition[] {
  const matches = taskMatcher(pattern);
  const kept: SuiteDefinition[] = [];
  for (const suite of suites) {
    const filtered = filteredSuite(suite, matches);
    if (filtered === undefined) {
      throw new UsageError(`--filter selects tasks of BenchmarkSuite suites (bench files, --require); suite ${suite.id} has no task selection`, 'run');
    }
    if (filtered.tasks.length > 0) kept.push(filtered.suite);
  }
  if (kept.length === 0) throw new UsageError(`--filter ${pattern} matches no task of ${suites.map((s) => s.id).join(', ')}`, 'run');
  return kept;
}

/**
 * One suite that runs `suites` one after another, each result a child of the combined one named `id`
 * (a single suite is returned as it is).
 *
 * @internal
 */
export function combinedSuite(id: string, suites: readonly SuiteDefinition[]): SuiteDefinition {
  const [only] = suites;
  if (suites.length === 1 && only !== undefined) return only;
  return {
    id,
    description: `the bench files: ${suites.map((s) => s.id).join(', ')}`,
    parameters: [],
    async run(options: SuiteRunOptions = {}): Promise<SuiteResult> {
      const builder = new SuiteResultBuilder(id);
      for (const [index, suite] of suites.entries()) {
        if (options.signal?.aborted === true) {
          builder.status('aborted');
          break;
        }
        const child = await suite.run({
          ...options,
          onProgress: (p) => {
            options.onProgress?.({ ...p, fraction: (index + p.fraction) / suites.length });
          },
        });
        builder.child(child);
        if (child.status === 'aborted') {
          builder.status('aborted');
          break;
        }
      }
      return builder.build();
    },
  };
}
