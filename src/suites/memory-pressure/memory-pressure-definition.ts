// The `memory_pressure` suite as listed (id, description, parameters); its implementation loads on first run.
import type { SuiteDefinition } from '../../core/suite.js';
import { lazySuite } from '../lazy-suite.js';

/** The quick scale's settings, which are the parameters' defaults. @internal */
export const MEMORY_PRESSURE_DEFAULTS = Object.freeze({ heapMb: 96, duration: 0.3 });

/**
 * The built-in `memory_pressure` suite: child processes with a small `--max-old-space-size` loaded to
 * 25/50/75/90% of it plus off-heap Buffers, each reading an lru-cache of 1k/10k/100k objects with Zipf
 * keys. Parameters: `heapMb` (the child heap limit), `offHeap` (off-heap Buffers as a share of it),
 * `duration` (seconds of reads per child). A child that runs out of memory is a reported result.
 *
 * @public
 */
export const memoryPressureSuite: SuiteDefinition = lazySuite(
  {
    id: 'memory_pressure',
    description: 'Child processes under a heap limit, loaded to 25-90% of it plus off-heap Buffers, reading an lru-cache with Zipf keys.',
    parameters: Object.freeze([
      { name: 'heapMb', type: 'number', description: "the child's --max-old-space-size in MiB", default: MEMORY_PRESSURE_DEFAULTS.heapMb },
      { name: 'offHeap', type: 'number', description: 'off-heap Buffers held by each child, as a share of the heap limit', default: 0.25 },
      { name: 'duration', type: 'number', description: 'seconds of cache reads per child', default: MEMORY_PRESSURE_DEFAULTS.duration },
    ] as const),
  },
  async () => (await import('./memory-pressure-suite.js')).runMemoryPressure,
);
