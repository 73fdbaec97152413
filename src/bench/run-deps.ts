// What `BenchmarkSuite.run()` needs and constructing a suite does not: the task runner, process isolation, the
// instructions instrument, the environment probe (node:crypto, node:child_process), the host recorder, the GC
// hook (node:v8, node:vm) and the bottleneck pass. `BenchmarkSuite` imports this module on its first run, so
// importing rune-bench does not load them (a pre-commit hook pays the import on every commit).
export { environmentFingerprint } from './environment.js';
export { getGc } from './gc.js';
export { recordHostConditions } from './host-recorder.js';
export { isIsolatedChild, runIsolated } from './isolation.js';
export { runInstructions } from './instruments/instructions.js';
export { buildSummary, suiteStatus } from './summary.js';
export { runTask } from './task-runner.js';
export { nowSeconds, timerProfile } from './timer.js';
export { BottleneckDetector } from '../detect/bottleneck/bottleneck-detector.js';
export { runMonitorHistory } from '../monitor/run-history.js';
