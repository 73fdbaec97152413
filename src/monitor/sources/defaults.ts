import type { MetricSource } from '../../core/source.js';
import { ProcessCpuSource } from './cpu.js';
import { EventLoopSource } from './event-loop.js';
import { GcSource } from './gc.js';
import { ProcessMemorySource } from './memory.js';

/**
 * Fresh instances of the default sources: process CPU, memory, event loop and GC.
 *
 * @public
 */
export function defaultSources(): MetricSource[] {
  return [new ProcessCpuSource(), new ProcessMemorySource(), new EventLoopSource(), new GcSource()];
}
