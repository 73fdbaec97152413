import { getHeapStatistics } from 'node:v8';
import type { MetricDescriptor, MetricValues } from '../../core/metric.js';
import type { MetricSource } from '../../core/source.js';
import { frozenList } from './proc.js';

const DESCRIPTORS = frozenList<MetricDescriptor>([
  { name: 'process.memory.usage', unit: 'By', kind: 'gauge', description: 'Resident set size of the process' },
  { name: 'v8js.heap.used', unit: 'By', kind: 'gauge', description: 'V8 heap in use' },
  { name: 'v8js.heap.total', unit: 'By', kind: 'gauge', description: 'V8 heap allocated' },
  { name: 'v8js.heap.limit', unit: 'By', kind: 'gauge', description: 'V8 heap size limit' },
  { name: 'process.memory.external', unit: 'By', kind: 'gauge', description: 'Memory of C++ objects bound to JavaScript objects' },
  { name: 'process.memory.array_buffers', unit: 'By', kind: 'gauge', description: 'Memory of ArrayBuffers and SharedArrayBuffers (included in external)' },
]);

/**
 * Process memory from `process.memoryUsage()` and the V8 heap limit from `v8.getHeapStatistics()`.
 * Source id `process.memory`.
 *
 * @public
 */
export class ProcessMemorySource implements MetricSource {
  /** Source id. */
  readonly id = 'process.memory';
  #heapLimit: number | undefined;

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return DESCRIPTORS;
  }

  /** {@inheritDoc MetricSource.collect} */
  collect(): MetricValues {
    const m = process.memoryUsage();
    // The heap limit is fixed for the life of the isolate: read it once.
    this.#heapLimit ??= getHeapStatistics().heap_size_limit;
    return {
      'process.memory.usage': m.rss,
      'v8js.heap.used': m.heapUsed,
      'v8js.heap.total': m.heapTotal,
      'v8js.heap.limit': this.#heapLimit,
      'process.memory.external': m.external,
      'process.memory.array_buffers': m.arrayBuffers,
    };
  }
}
