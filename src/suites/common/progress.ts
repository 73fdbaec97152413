// Progress reporting for suites: maps phases onto a 0-1 fraction, estimates time left, never throws.
import type { SuiteProgress } from '../../core/suite.js';
import type { BenchmarkSuite } from '../../bench/benchmark-suite.js';

interface SharedState {
  last: number;
  readonly startedAt: number;
}

/**
 * Reports a suite's progress to a `SuiteRunOptions.onProgress` callback. Fractions are clamped to 0-1
 * and never go backwards; the estimate of time left comes from elapsed time and fraction done. Errors
 * thrown by the callback are swallowed. Use {@link ProgressReporter.span} to hand a sub-range to a phase.
 *
 * @public
 */
export class ProgressReporter {
  readonly #suite: string;
  readonly #callback: ((progress: SuiteProgress) => void) | undefined;
  #start = 0;
  #end = 1;
  #shared: SharedState = { last: 0, startedAt: performance.now() };

  /**
   * @param suite - suite id put on every progress record
   * @param onProgress - the callback; when undefined the reporter does nothing
   */
  constructor(suite: string, onProgress?: (progress: SuiteProgress) => void) {
    this.#suite = suite;
    this.#callback = onProgress;
  }

  /** Fraction of the whole suite reported last, 0-1. */
  get fraction(): number {
    return this.#shared.last;
  }

  /**
   * Reports progress within this reporter's range.
   *
   * @param phase - what is running now
   * @param fraction - fraction of this range done, 0-1
   * @param message - a short line for people
   */
  update(phase: string, fraction: number, message?: string): void {
    if (this.#callback === undefined) return;
    const local = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
    const overall = Math.max(this.#shared.last, this.#start + (this.#end - this.#start) * local);
    this.#shared.last = overall;
    const elapsed = (performance.now() - this.#shared.startedAt) / 1000;
    const progress: { -readonly [K in keyof SuiteProgress]: SuiteProgress[K] } = {
      suite: this.#suite,
      phase,
      fraction: overall,
    };
    if (overall > 0.02 && overall < 1) progress.eta = (elapsed * (1 - overall)) / overall;
    if (message !== undefined) progress.message = message;
    try {
      this.#callback(progress);
    } catch {
      // a progress callback must not break the run
    }
  }

  /**
   * A reporter for a sub-range of this one: its 0-1 maps onto `[from, to]` of this reporter's range.
   * Parent and child share one monotone fraction.
   *
   * @param from - start of the sub-range within this range, 0-1
   * @param to - end of the sub-range within this range, 0-1
   */
  span(from: number, to: number): ProgressReporter {
    if (!(from >= 0 && to <= 1 && from <= to)) throw new RangeError('span must satisfy 0 <= from <= to <= 1');
    const child = new ProgressReporter(this.#suite, this.#callback);
    const width = this.#end - this.#start;
    child.#start = this.#start + width * from;
    child.#end = this.#start + width * to;
    child.#shared = this.#shared;
    return child;
  }
}

/**
 * Reports a benchmark suite's progress through `span`, task by task, and calls `onEvent` (for example a
 * peak-memory sample) on every task event.
 *
 * @internal
 */
export function followBenchmark(bench: BenchmarkSuite, span: ProgressReporter, onEvent: () => void = () => undefined): void {
  const total = bench.tasks.length;
  bench.on('task:start', (t) => {
    onEvent();
    span.update(t.task, t.index / total, `${t.task} (${String(t.index + 1)} of ${String(total)})`);
  });
  bench.on('task:cycle', (c) => {
    onEvent();
    span.update(c.task, c.fraction);
  });
  bench.on('task:complete', (t) => {
    onEvent();
    span.update(t.name, (bench.tasks.indexOf(t.name) + 1) / total);
  });
}
