// One live attachment of a window consumer (the bottleneck detector, the forecast watcher) to a monitor: every
// n-th `sample` event hands it the monitor's window; attached once at a time; detached by the function returned.
import { RuneBenchError } from '../core/errors.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import type { WindowSpec } from '../monitor/series-stats.js';

/**
 * What a detector needs from a monitor to work live: `PerformanceMonitor` fits it.
 *
 * @beta
 */
export interface BottleneckMonitor {
  /** Subscribes to new snapshots. */
  on(event: 'sample', listener: (snapshot: MetricSnapshot) => void): unknown;
  /** Unsubscribes. */
  off(event: 'sample', listener: (snapshot: MetricSnapshot) => void): unknown;
  /** The snapshots of the history inside `spec`, oldest first. */
  window(spec: WindowSpec): readonly MetricSnapshot[];
}

/** @internal */
export class MonitorAttachment {
  readonly #what: string;
  readonly #window: WindowSpec;
  readonly #every: number;
  #detach: (() => void) | undefined;
  #seen = 0;

  /**
   * @param what - who attaches, for the `ERR_BUSY` message ("the detector")
   * @param window - the window handed over on each evaluation
   * @param every - evaluate on every n-th sample
   */
  constructor(what: string, window: WindowSpec, every: number) {
    this.#what = what;
    this.#window = window;
    this.#every = every;
  }

  /**
   * Calls `onWindow` with the monitor's window on every n-th `sample` event.
   *
   * @returns a function that detaches
   * @throws {@link RuneBenchError} `ERR_BUSY` when already attached
   */
  attach(monitor: BottleneckMonitor, onWindow: (window: readonly MetricSnapshot[]) => void): () => void {
    if (this.#detach !== undefined) throw new RuneBenchError('ERR_BUSY', `${this.#what} is already attached to a monitor: detach it first`);
    const listener = (): void => {
      this.#seen++;
      if (this.#seen % this.#every !== 0) return;
      onWindow(monitor.window(this.#window));
    };
    monitor.on('sample', listener);
    const detach = (): void => {
      if (this.#detach !== detach) return;
      monitor.off('sample', listener);
      this.#detach = undefined;
    };
    this.#detach = detach;
    return detach;
  }

  /** Whether attached to a monitor. */
  get attached(): boolean {
    return this.#detach !== undefined;
  }

  /** Detaches, if attached. */
  detach(): void {
    this.#detach?.();
  }

  /** Starts counting samples afresh. */
  resetCount(): void {
    this.#seen = 0;
  }
}
