import type { MetricSource } from '../../core/source.js';
import { lazyModule } from '../../core/lazy.js';
import type * as OptionsModule from '../../core/options.js';
import type * as CpuModule from './cpu.js';
import type * as EventLoopModule from './event-loop.js';
import type * as GcModule from './gc.js';
import type * as MemoryModule from './memory.js';

// The sources load when the defaults are first asked for (a monitor made without sources), not with rune-bench.
const optionsModule = lazyModule<typeof OptionsModule>(import.meta.url, '../../core/options.js');
const cpu = lazyModule<typeof CpuModule>(import.meta.url, './cpu.js');
const eventLoop = lazyModule<typeof EventLoopModule>(import.meta.url, './event-loop.js');
const gc = lazyModule<typeof GcModule>(import.meta.url, './gc.js');
const memory = lazyModule<typeof MemoryModule>(import.meta.url, './memory.js');

/**
 * Options of {@link defaultSources}.
 *
 * @public
 */
export interface DefaultSourcesOptions {
  /**
   * The monitor's interval in milliseconds. The event loop histogram's resolution follows it
   * (half the interval, between 20 and 200 ms): its timer wake-ups are the largest fixed cost of the
   * default sources, so the histogram ticks about twice per sample (five times at 1 s), and only while the
   * loop is busy (`pauseWhenIdle`): in an idle process the delay is read from how late the monitor's own
   * sample ran, so the process wakes up once per sample.
   *
   * @defaultValue 1000
   */
  readonly intervalMs?: number;
}

/**
 * The event loop histogram resolution used for a monitor interval, in milliseconds.
 *
 * @internal
 */
export function eventLoopResolutionFor(interval: number): number {
  return Math.min(200, Math.max(20, Math.round(interval / 2)));
}

/**
 * Fresh instances of the default sources: process CPU, memory, event loop (its timer paused while the loop
 * is idle: see `EventLoopSourceOptions.pauseWhenIdle`) and GC.
 *
 * @public
 */
export function defaultSources(options: DefaultSourcesOptions = {}): MetricSource[] {
  optionsModule().validateOptions(options, { intervalMs: { kind: 'number', min: 1 } }, 'defaultSources');
  const interval = options.intervalMs ?? 1000;
  return [
    new (cpu().ProcessCpuSource)(),
    new (memory().ProcessMemorySource)(),
    new (eventLoop().EventLoopSource)({ resolutionMs: eventLoopResolutionFor(interval), pauseWhenIdle: true }),
    new (gc().GcSource)(),
  ];
}
