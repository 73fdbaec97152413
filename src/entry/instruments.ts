/**
 * rune-bench/instruments: instruction counts under valgrind cachegrind (the `instructions` instrument), and the estimated-cycles model.
 *
 * @packageDocumentation
 */

// Each export is named (no `export *`); types in their own statements.
export { L1_MISS_CYCLES, LL_MISS_CYCLES, estimatedCycles, parseCachegrindOutput } from '../bench/instruments/cachegrind.js';
export type { CachegrindTotals } from '../bench/instruments/cachegrind.js';
export { countInstructions } from '../bench/instruments/instructions.js';
export type { CountInstructionsOptions, InstructionsMeasurement } from '../bench/instruments/instructions.js';
export { DETERMINISTIC_V8_FLAGS } from '../bench/instruments/instrument-options.js';
export type { InstructionsOptions } from '../bench/instruments/instrument-options.js';
export { findValgrind } from '../bench/instruments/valgrind.js';
export type { PerOperationUnit } from '../core/results.js';
export { DEFAULT_COUNT_THRESHOLD } from '../detect/regression/count-gate.js';
