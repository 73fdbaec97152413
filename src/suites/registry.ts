// The suite registry: built-in VCS suites and the ones users register, listed by the CLI's `list`.
import { RuneBenchError } from '../core/errors.js';
import type { SuiteDefinition } from '../core/suite.js';
import { comprehensiveInfo } from './comprehensive/comprehensive-definition.js';
import { largeRepositorySuite } from './large-repository/large-repository-definition.js';
import { diskIoSuite } from './disk-io/disk-io-definition.js';
import { memoryPressureSuite } from './memory-pressure/memory-pressure-definition.js';
import { networkSuite } from './network/network-definition.js';
import { parallelOperationsSuite } from './parallel-operations/parallel-operations-definition.js';
import { lazySuite } from './lazy-suite.js';

const suites = new Map<string, SuiteDefinition>();
const builtIns = new Set<SuiteDefinition>();

function validate(suite: SuiteDefinition): void {
  if (typeof suite !== 'object' || (suite as unknown) === null) throw new TypeError('suite must be an object');
  if (typeof suite.id !== 'string' || !/^[a-z][\w.-]{0,63}$/.test(suite.id)) {
    throw new TypeError('suite.id must be 1-64 characters: a lowercase letter, then letters, digits, "_", "." or "-"');
  }
  if (typeof suite.description !== 'string') throw new TypeError('suite.description must be a string');
  if (!Array.isArray(suite.parameters)) throw new TypeError('suite.parameters must be an array');
  if (typeof suite.run !== 'function') throw new TypeError('suite.run must be a function');
}

/**
 * Registers a suite so that `listSuites`, `getSuite` and the CLI find it.
 *
 * @param suite - the suite; its `id` must not be registered yet
 * @throws TypeError for a malformed suite; RuneBenchError `ERR_DUPLICATE` when the id is taken
 * @public
 */
export function registerSuite(suite: SuiteDefinition): void {
  validate(suite);
  if (suites.has(suite.id)) throw new RuneBenchError('ERR_DUPLICATE', `a suite with id "${suite.id}" is already registered`);
  suites.set(suite.id, suite);
}

/**
 * Removes a user-registered suite. Built-in suites cannot be removed.
 *
 * @param id - suite id
 * @returns whether a suite was removed
 * @public
 */
export function unregisterSuite(id: string): boolean {
  const suite = suites.get(id);
  if (suite === undefined || builtIns.has(suite)) return false;
  return suites.delete(id);
}

/**
 * All registered suites: the built-ins first, then user suites in registration order.
 *
 * @public
 */
export function listSuites(): readonly SuiteDefinition[] {
  return [...suites.values()];
}

/**
 * The suite registered under `id`.
 *
 * @throws RuneBenchError `ERR_NOT_FOUND` naming the known ids
 * @public
 */
export function getSuite(id: string): SuiteDefinition {
  const suite = suites.get(id);
  if (suite === undefined) {
    throw new RuneBenchError('ERR_NOT_FOUND', `no suite "${id}"; registered suites: ${[...suites.keys()].join(', ')}`);
  }
  return suite;
}

/**
 * Whether `suite` is one of the suites that ship with rune-bench.
 *
 * @public
 */
export function isBuiltInSuite(suite: SuiteDefinition): boolean {
  return builtIns.has(suite);
}

/**
 * The built-in suites the `comprehensive` suite runs, in order.
 *
 * @internal
 */
export function builtInWorkloadSuites(): readonly SuiteDefinition[] {
  return [...builtIns].filter((s) => s.id !== 'comprehensive');
}

/**
 * The `comprehensive` suite: runs every built-in suite at the chosen scale and returns them as `children`
 * with one summary (duration, operations per second, peak memory and CPU, cache hit ratio, success rate),
 * each suite's key figures prefixed with its id, and the bottleneck findings of the run.
 *
 * @public
 */
export const comprehensiveSuite: SuiteDefinition = lazySuite(comprehensiveInfo, async () => {
  const suite = (await import('./comprehensive/comprehensive-suite.js')).createComprehensiveSuite(builtInWorkloadSuites);
  return (options) => suite.run(options);
});

for (const suite of [largeRepositorySuite, networkSuite, memoryPressureSuite, diskIoSuite, parallelOperationsSuite, comprehensiveSuite]) {
  registerSuite(suite);
  builtIns.add(suite);
}
