// Peak RSS seen by a built-in suite outside its benchmark run (preparation), for SuiteResultBuilder.peaks().

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
