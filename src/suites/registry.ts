// The suite registry: built-in VCS suites and the ones users register, listed by the CLI's `list`.
import { RuneBenchError } from '../core/errors.js';
import type { SuiteDefinition } from '../core/suite.js';
import { lazyModule } from '../core/lazy.js';
import { comprehensiveInfo } from './comprehensive/comprehensive-definition.js';
import type * as LargeRepository from './large-repository/large-repository-definition.js';
import type * as DiskIo from './disk-io/disk-io-definition.js';
import type * as MemoryPressure from './memory-pressure/memory-pressure-definition.js';
import type * as Network from './network/network-definition.js';
import type * as ParallelOperations from './parallel-operations/parallel-operations-definition.js';
import { lazySuite } from './lazy-suite.js';

// The built-in suites' definitions (descriptions, parameters, network profiles) load when a suite is first looked
// up or listed, not with rune-bench; until then the registry holds their ids, so a user suite cannot take one.
const largeRepository = lazyModule<typeof LargeRepository>(import.meta.url, './large-repository/large-repository-definition.js');
const network = lazyModule<typeof Network>(import.meta.url, './network/network-definition.js');
const memoryPressure = lazyModule<typeof MemoryPressure>(import.meta.url, './memory-pressure/memory-pressure-definition.js');
const diskIo = lazyModule<typeof DiskIo>(import.meta.url, './disk-io/disk-io-definition.js');
const parallelOperations = lazyModule<typeof ParallelOperations>(import.meta.url, './parallel-operations/parallel-operations-definition.js');

/** A built-in suite not loaded yet. */
type BuiltIn = () => SuiteDefinition;

const suites = new Map<string, SuiteDefinition | BuiltIn>();
const builtIns = new Set<SuiteDefinition>();

/** The suite registered under `id`, loading a built-in on first use. */
function resolved(id: string): SuiteDefinition | undefined {
  const entry = suites.get(id);
  if (typeof entry !== 'function') return entry;
  const suite = entry();
  suites.set(id, suite);
  builtIns.add(suite);
  return suite;
}

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
  const suite = resolved(id);
  if (suite === undefined || builtIns.has(suite)) return false;
  return suites.delete(id);
}

/**
 * All registered suites: the built-ins first, then user suites in registration order.
 *
 * @public
 */
export function listSuites(): readonly SuiteDefinition[] {
  return [...suites.keys()].map((id) => resolved(id) as SuiteDefinition);
}

/**
 * The suite registered under `id`.
 *
 * @throws RuneBenchError `ERR_NOT_FOUND` naming the known ids
 * @public
 */
export function getSuite(id: string): SuiteDefinition {
  const suite = resolved(id);
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
  // the built-in under the suite's id, if not looked up yet, loads first: it may be the suite asked about
  const id = (suite as Partial<SuiteDefinition> | null)?.id;
  if (typeof id === 'string') resolved(id);
  return builtIns.has(suite);
}

/**
 * The built-in suites the `comprehensive` suite runs, in order.
 *
 * @internal
 */
export function builtInWorkloadSuites(): readonly SuiteDefinition[] {
  return BUILT_INS.map(([id]) => resolved(id) as SuiteDefinition).filter((s) => s.id !== 'comprehensive');
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

/** The built-in suites by id, in the order `listSuites()` shows them. */
const BUILT_INS: readonly (readonly [string, BuiltIn])[] = [
  ['large_repository', () => largeRepository().largeRepositorySuite],
  ['network', () => network().networkSuite],
  ['memory_pressure', () => memoryPressure().memoryPressureSuite],
  ['disk_io', () => diskIo().diskIoSuite],
  ['parallel_operations', () => parallelOperations().parallelOperationsSuite],
  [comprehensiveSuite.id, () => comprehensiveSuite],
];
for (const [id, load] of BUILT_INS) suites.set(id, load);
