// When the monitor samples: absolute deadlines (origin + n × interval) on an injectable clock, one timer
// re-armed in place while that keeps samples on time, and never two collections at once.
import type { Clock, ClockTimer } from '../core/clock.js';

/** How late (ms) a sample may run behind its deadline when the timer is re-armed rather than re-created. */
const REFRESH_TOLERANCE_MS = 2;

/** A timer that can be re-armed for its original delay from now (Node's `Timeout.refresh()`). */
interface RefreshableTimer extends ClockTimer {
  refresh(): unknown;
}

function isRefreshable(timer: ClockTimer): timer is RefreshableTimer {
  return typeof (timer as Partial<RefreshableTimer>).refresh === 'function';
}

/**
 * Calls `tick` at `origin + n × intervalMs` (n = 1, 2, ...) from {@link SampleScheduler.start} until
 * {@link SampleScheduler.stop}. A tick that returns a promise holds the next one back until it settles;
 * deadlines missed meanwhile are skipped, never caught up in a burst. Timers are unref'd.
 *
 * @internal
 */
export class SampleScheduler {
  readonly #clock: Clock;
  readonly #intervalMs: number;
  readonly #tick: (deadline: number) => unknown;
  #running = false;
  /** Bumped by every start and stop, so a chain armed by an earlier start stops itself. */
  #generation = 0;
  /** The generation the armed timer belongs to. */
  #armed = 0;
  #origin = 0;
  #count = 0;
  #timer: ClockTimer | undefined;
  /** A timer of exactly one interval, re-armed with `refresh()` while that keeps samples on time. */
  #repeat: RefreshableTimer | undefined;

  /**
   * @param clock - where time and timers come from
   * @param intervalMs - milliseconds between deadlines
   * @param tick - the work of one deadline, given the deadline (clock milliseconds); may return a promise
   *   (then the next deadline waits for it)
   */
  constructor(clock: Clock, intervalMs: number, tick: (deadline: number) => unknown) {
    this.#clock = clock;
    this.#intervalMs = intervalMs;
    this.#tick = tick;
  }

  /** Whether deadlines are being kept. */
  get running(): boolean {
    return this.#running;
  }

  /** Starts the deadlines from now: the first tick is one interval away. */
  start(): void {
    this.stop();
    this.#running = true;
    const generation = ++this.#generation;
    this.#origin = this.#clock.now();
    this.#count = 0;
    this.#schedule(generation);
  }

  /** Stops; an armed timer is cancelled and a tick in progress arms nothing after it. */
  stop(): void {
    this.#running = false;
    this.#generation++;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#repeat = undefined;
  }

  /** Arms the timer for the next deadline after both the previous one and now (missed ones are skipped). */
  #schedule(generation: number): void {
    if (!this.#running || generation !== this.#generation) return;
    const interval = this.#intervalMs;
    const now = this.#clock.now();
    this.#count = Math.max(this.#count + 1, Math.floor((now - this.#origin) / interval) + 1);
    const delay = Math.max(0, this.#origin + this.#count * interval - now);
    this.#armed = generation;
    // Re-arming one timer with refresh() costs far less than a new setTimeout (no new Timeout, no ref
    // toggling, a millisecond key instead of a fractional one). It fires one interval after the event
    // loop's millisecond clock, i.e. up to 1 ms later than this tick's lateness: use it while that stays
    // within the tolerance of the deadline, and an exact timer otherwise, so lateness never accumulates.
    if (interval - delay + 1 <= Math.min(REFRESH_TOLERANCE_MS, interval / 50)) {
      if (this.#repeat === undefined) {
        const timer = this.#clock.setTimeout(this.#onTimer, interval);
        timer.unref?.();
        if (isRefreshable(timer)) this.#repeat = timer;
        this.#timer = timer;
      } else {
        this.#repeat.refresh();
        this.#timer = this.#repeat;
      }
      return;
    }
    const timer = this.#clock.setTimeout(this.#onTimer, delay);
    timer.unref?.();
    this.#timer = timer;
  }

  /** The timer callback, bound once (not a closure per tick). */
  readonly #onTimer = (): void => {
    const generation = this.#armed;
    if (!this.#running || generation !== this.#generation) return;
    let result: unknown;
    try {
      result = this.#tick(this.#origin + this.#count * this.#intervalMs);
    } catch {
      result = undefined;
    }
    if (result instanceof Promise) {
      const next = (): void => {
        this.#schedule(generation);
      };
      result.then(next, next);
    } else this.#schedule(generation);
  };
}
