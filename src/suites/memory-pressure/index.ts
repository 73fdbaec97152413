// The memory_pressure suite and its child runner.
export { memoryPressureSuite } from './memory-pressure-definition.js';
export { runPressureChild } from './pressure-child-runner.js';
export type { PressureChildOptions, PressureChildResult } from './pressure-child-runner.js';
export type { PressureMeasurement } from './pressure-protocol.js';
