// A built-in suite whose implementation loads on its first run: importing rune-bench (a hook pays it on every
// commit) does not load the generators, workers and network models behind the built-in suites.
import type { SuiteResult } from '../core/results.js';
import type { SuiteDefinition, SuiteRunOptions } from '../core/suite.js';

/** What a suite says about itself before its implementation is loaded. @internal */
export type SuiteInfo = Omit<SuiteDefinition, 'run'>;

/** A suite's run function. @internal */
export type SuiteRun = (options?: SuiteRunOptions) => Promise<SuiteResult>;

/**
 * A frozen suite definition whose `run` imports the implementation on first use (and again after a failed
 * import, so a transient failure is not remembered).
 *
 * @internal
 */
export function lazySuite(info: SuiteInfo, load: () => Promise<SuiteRun>): SuiteDefinition {
  let loading: Promise<SuiteRun> | undefined;
  const implementation = (): Promise<SuiteRun> =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return Object.freeze({ ...info, run: async (options?: SuiteRunOptions): Promise<SuiteResult> => (await implementation())(options) });
}
