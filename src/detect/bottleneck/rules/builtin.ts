// The built-in bottleneck rules, in their default configuration.
import type { BottleneckRule } from '../bottleneck-rule.js';
import { cacheEfficiencyRule } from './cache-efficiency.js';
import { childProcessRule } from './child-process.js';
import { cpuSaturationRule } from './cpu-saturation.js';
import { diskSaturationRule } from './disk-saturation.js';
import { eventLoopBlockedRule } from './event-loop-blocked.js';
import { fdLeakRule } from './fd-leak.js';
import { gcPressureRule } from './gc-pressure.js';
import { heapNearLimitRule } from './heap-near-limit.js';
import { ioWaitRule } from './io-wait.js';
import { memoryLeakRule } from './memory-leak.js';
import { noisyHostRule } from './noisy-host.js';

/**
 * A fresh list of every built-in rule with default options: event-loop-blocked, gc-pressure,
 * memory-leak, heap-near-limit, cpu-saturation, noisy-host, io-wait, disk-saturation, child-process,
 * cache-efficiency, fd-leak. Build a list from the rule factories to change a rule's options.
 *
 * @beta
 */
export function builtinBottleneckRules(): BottleneckRule[] {
  return [
    eventLoopBlockedRule(),
    gcPressureRule(),
    memoryLeakRule(),
    heapNearLimitRule(),
    cpuSaturationRule(),
    noisyHostRule(),
    ioWaitRule(),
    diskSaturationRule(),
    childProcessRule(),
    cacheEfficiencyRule(),
    fdLeakRule(),
  ];
}
