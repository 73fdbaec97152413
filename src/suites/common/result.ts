// Finishing touches on a suite's result: figures, notices, whole-run duration, and results for runs that
// ended before any task ran.
import { BenchmarkSuite } from '../../bench/benchmark-suite.js';
import type { KeyFigure, SuiteResult, SuiteStatus } from '../../core/results.js';

/**
 * Extras a built-in suite adds to what `BenchmarkSuite.run()` returned.
 *
 * @internal
 */
export interface ResultExtras {
  readonly figures?: readonly KeyFigure[];
  readonly notices?: readonly string[];
  /** Whole-run wall time including preparation, seconds. */
  readonly duration?: number;
  /** Peak RSS seen outside the benchmark run (preparation), bytes. */
  readonly peakMemory?: number;
  readonly status?: SuiteStatus;
  readonly children?: readonly SuiteResult[];
}

/**
 * `result` with figures and notices appended, duration and peak memory widened to the whole run.
 *
 * @internal
 */
export function finishResult(result: SuiteResult, extras: ResultExtras): SuiteResult {
  const figures = [...(result.figures ?? []), ...(extras.figures ?? [])];
  const notices = [...(result.notices ?? []), ...(extras.notices ?? [])];
  return {
    ...result,
    ...(extras.status !== undefined ? { status: extras.status } : {}),
    summary: {
      ...result.summary,
      duration: Math.max(result.summary.duration, extras.duration ?? 0),
      peakMemory: Math.max(result.summary.peakMemory, extras.peakMemory ?? 0),
    },
    ...(figures.length > 0 ? { figures } : {}),
    ...(notices.length > 0 ? { notices } : {}),
    ...(extras.children !== undefined ? { children: extras.children } : {}),
  };
}

/**
 * A result with no tasks, for a run that ended before its benchmarks (aborted or failed while preparing).
 *
 * @internal
 */
export async function emptyResult(name: string, status: SuiteStatus, extras: ResultExtras = {}): Promise<SuiteResult> {
  const result = await new BenchmarkSuite(name, { gc: false }).run();
  return finishResult(result, { ...extras, status });
}

/**
 * Peak RSS tracker: call {@link PeakMemory.sample} now and then.
 *
 * @internal
 */
export class PeakMemory {
  #peak = process.memoryUsage.rss();

  /** Samples RSS now. */
  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.#peak) this.#peak = rss;
  }

  /** Highest RSS sampled, bytes. */
  get peak(): number {
    return this.#peak;
  }
}
