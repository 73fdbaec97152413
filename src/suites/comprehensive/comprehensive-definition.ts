// The `comprehensive` suite as listed (id, description, parameters); its implementation loads on first run.
import type { SuiteInfo } from '../lazy-suite.js';

/** Id of the `comprehensive` suite. @internal */
export const COMPREHENSIVE_ID = 'comprehensive';

/** What the `comprehensive` suite says about itself before its implementation is loaded. @internal */
export const comprehensiveInfo: SuiteInfo = {
  id: COMPREHENSIVE_ID,
  description: 'Every built-in suite at the chosen scale: duration, ops/s, peak memory and CPU, cache hit ratio, success rate, key figures, bottlenecks',
  parameters: Object.freeze([
    { name: 'suites', type: 'string', description: 'comma-separated subset of the built-in suites to run (default all)' },
    { name: 'dir', type: 'string', description: 'passed to the suites that accept a dir parameter' },
    { name: 'interval', type: 'number', description: 'monitor sampling interval, ms', default: 500 },
  ] as const),
};
