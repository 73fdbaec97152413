// The built-in bottleneck rules, in their default configuration.
import type { BottleneckRule } from '../bottleneck-rule.js';
import { lazyModule } from '../../../core/lazy.js';
import type * as CacheEfficiency from './cache-efficiency.js';
import type * as ChildProcess from './child-process.js';
import type * as CpuSaturation from './cpu-saturation.js';
import type * as DiskSaturation from './disk-saturation.js';
import type * as EventLoopBlocked from './event-loop-blocked.js';
import type * as FdLeak from './fd-leak.js';
import type * as GcPressure from './gc-pressure.js';
import type * as HeapNearLimit from './heap-near-limit.js';
import type * as IoWait from './io-wait.js';
import type * as MemoryLeak from './memory-leak.js';
import type * as NoisyHost from './noisy-host.js';

// Each rule's module loads when the list is first asked for (a detector made without rules), not with rune-bench.
const cacheEfficiency = lazyModule<typeof CacheEfficiency>(import.meta.url, './cache-efficiency.js');
const childProcess = lazyModule<typeof ChildProcess>(import.meta.url, './child-process.js');
const cpuSaturation = lazyModule<typeof CpuSaturation>(import.meta.url, './cpu-saturation.js');
const diskSaturation = lazyModule<typeof DiskSaturation>(import.meta.url, './disk-saturation.js');
const eventLoopBlocked = lazyModule<typeof EventLoopBlocked>(import.meta.url, './event-loop-blocked.js');
const fdLeak = lazyModule<typeof FdLeak>(import.meta.url, './fd-leak.js');
const gcPressure = lazyModule<typeof GcPressure>(import.meta.url, './gc-pressure.js');
const heapNearLimit = lazyModule<typeof HeapNearLimit>(import.meta.url, './heap-near-limit.js');
const ioWait = lazyModule<typeof IoWait>(import.meta.url, './io-wait.js');
const memoryLeak = lazyModule<typeof MemoryLeak>(import.meta.url, './memory-leak.js');
const noisyHost = lazyModule<typeof NoisyHost>(import.meta.url, './noisy-host.js');

/**
 * A fresh list of every built-in rule with default options: event-loop-blocked, gc-pressure,
 * memory-leak, heap-near-limit, cpu-saturation, noisy-host, io-wait, disk-saturation, child-process,
 * cache-efficiency, fd-leak. Build a list from the rule factories to change a rule's options.
 *
 * @beta
 */
export function builtinBottleneckRules(): BottleneckRule[] {
  return [
    eventLoopBlocked().eventLoopBlockedRule(),
    gcPressure().gcPressureRule(),
    memoryLeak().memoryLeakRule(),
    heapNearLimit().heapNearLimitRule(),
    cpuSaturation().cpuSaturationRule(),
    noisyHost().noisyHostRule(),
    ioWait().ioWaitRule(),
    diskSaturation().diskSaturationRule(),
    childProcess().childProcessRule(),
    cacheEfficiency().cacheEfficiencyRule(),
    fdLeak().fdLeakRule(),
  ];
}
