// The `parallel_operations` suite as listed (id, description, parameters); its implementation loads on first run.
import type { SuiteDefinition } from '../../core/suite.js';
import { lazySuite } from '../lazy-suite.js';

/** Id of the `parallel_operations` suite. @internal */
export const PARALLEL_OPERATIONS_ID = 'parallel_operations';

/**
 * The `parallel_operations` suite: a `WorkerPool` hashes (git blob SHA-1) and deflates (fflate) the
 * repository's objects with 1, 2, ... N workers (N = `os.availableParallelism()`), reporting throughput,
 * speedup and efficiency per worker count.
 *
 * @public
 */
export const parallelOperationsSuite: SuiteDefinition = lazySuite(
  {
    id: PARALLEL_OPERATIONS_ID,
    description: 'SHA-1 + deflate of the repository objects on a worker_threads pool at 1..N workers: throughput, speedup, efficiency',
    parameters: Object.freeze([
      { name: 'dir', type: 'string', description: 'use the files of this directory instead of a generated tree (read-only)' },
      { name: 'files', type: 'number', description: 'file count of the generated tree (overrides the scale)' },
      { name: 'maxWorkers', type: 'number', description: 'largest worker count (default os.availableParallelism())' },
      { name: 'level', type: 'number', description: 'deflate level', default: 1 },
      { name: 'passMb', type: 'number', description: 'MiB of objects per pass (quick 4, standard 16, linux 64)' },
    ] as const),
  },
  async () => (await import('./parallel-operations-suite.js')).runParallelOperations,
);
