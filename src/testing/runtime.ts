// What the assertions of `rune-bench/testing` run on: loaded on their first call, so importing the subpath (every
// performance test file does, even one that skips) does not load the benchmark runner, the regression detector,
// the result files or node:assert.
export { AssertionError } from 'node:assert';
export { BenchmarkSuite } from '../bench/benchmark-suite.js';
export { compare } from '../bench/compare.js';
export { readSuiteResult, writeSuiteResult } from '../bench/suite-result-json.js';
export { RESULT_SCHEMA_VERSION } from '../core/results.js';
export { walkBenchmarks } from '../core/walk.js';
export { decideRoundVerdict } from '../compare/round-verdict.js';
export { RegressionDetector } from '../detect/regression/regression-detector.js';
export { pairedRatioInterval } from '../stats/paired-ratio.js';
export { median as medianOf } from '../stats/quantile.js';
