// parallel-safe: pure computation on fixed inputs
// Detector and rule options go through the one validation voice: unknown keys with "did you mean",
// TypeError for a wrong type, RangeError for a value out of range, every message naming the option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BottleneckDetector } from '../../../src/detect/bottleneck/bottleneck-detector.js';
import { cpuSaturationRule } from '../../../src/detect/bottleneck/rules/cpu-saturation.js';
import { eventLoopBlockedRule } from '../../../src/detect/bottleneck/rules/event-loop-blocked.js';
import { fdLeakRule } from '../../../src/detect/bottleneck/rules/fd-leak.js';
import { ioWaitRule } from '../../../src/detect/bottleneck/rules/io-wait.js';
import { noisyHostRule } from '../../../src/detect/bottleneck/rules/noisy-host.js';

const bands = { low: 0.1, medium: 0.2, high: 0.3, critical: 0.4 };

void test('detector and rule options: one message style, did-you-mean for unknown keys', () => {
  const cases: [() => unknown, ErrorConstructor, RegExp][] = [
    [() => new BottleneckDetector({ raiseAftr: 2 } as never), TypeError, /^raiseAftr is not a known BottleneckDetector option \(did you mean raiseAfter\?\)$/],
    [() => new BottleneckDetector({ windowMs: 0 }), RangeError, /^windowMs option must be greater than 0, got 0$/],
    [() => new BottleneckDetector({ lastSamples: 1.5 }), TypeError, /^lastSamples option must be an integer, got 1\.5$/],
    [() => new BottleneckDetector({ windowMs: 5, lastSamples: 3 }), TypeError, /^windowMs and lastSamples options exclude each other/],
    [() => new BottleneckDetector({ rules: 'all' as never }), TypeError, /^rules option must be an array, got "all"$/],
    [() => new BottleneckDetector().analyze([], { windw: 5 } as never), TypeError, /^windw is not a known analyze option/],
    [() => cpuSaturationRule({ utilisation: bands } as never), TypeError, /^utilisation is not a known cpuSaturationRule option \(did you mean utilization\?\)$/],
    [() => cpuSaturationRule({ utilization: { low: 0.1, medium: 0.2, high: 0.3 } as never }), TypeError, /^utilization\.critical option is required$/],
    [() => cpuSaturationRule({ utilization: { ...bands, hihg: 1 } as never }), TypeError, /^utilization\.hihg is not a known severity bands option \(did you mean high\?\)$/],
    [() => eventLoopBlockedRule({ p50: { low: 0.1, medium: 0.01, high: 1, critical: 2 } }), RangeError, /^p50 option must be ascending \(low <= medium <= high <= critical\)$/],
    [() => eventLoopBlockedRule({ max: { ...bands, low: Number.NaN } }), TypeError, /^max\.low option must be a number, got NaN$/],
    [() => fdLeakRule({ timeToLimit: { critical: 600, high: 60, medium: 3600 } }), RangeError, /^timeToLimit option must be ascending/],
    [() => fdLeakRule({ minSamples: 2 }), RangeError, /^minSamples option must be at least 3, got 2$/],
    [() => ioWaitRule({ maxBusy: 1.5 }), RangeError, /^maxBusy option must be at most 1, got 1\.5$/],
    [() => noisyHostRule({ cores: 0 }), RangeError, /^cores option must be at least 1, got 0$/],
  ];
  for (const [make, type, message] of cases) {
    assert.throws(make, (e: unknown) => e instanceof type && message.test(e.message), String(message));
  }
  // bands may cap a severity with Infinity
  assert.equal(cpuSaturationRule({ utilization: { ...bands, critical: Number.POSITIVE_INFINITY } }).id, 'cpu-saturation');
});
