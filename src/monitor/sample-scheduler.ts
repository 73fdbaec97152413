// When the monitor samples: absolute deadlines (origin + n × interval) on an injectable clock, timers
// re-armed in place rather than created per sample, and never two collections at once.
import type { Clock, ClockTimer } from '../core/clock.js';

/** The most timers kept for re-arming (one per whole-millisecond delay met). */
const MAX_KEPT_TIMERS = 8;

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
  /** The deadline of the armed timer (clock ms). */
  #due = 0;
  #timer: ClockTimer | undefined;
  /** Timers kept for re-arming with `refresh()`, by their whole-millisecond delay. */
  readonly #kept = new Map<number, RefreshableTimer>();

  /**
   * @param clock - where time and timers come from
   * @param intervalMs - milliseconds between deadlines
   * @param tick - the work of one deadline, given that deadline (clock milliseconds); may return a promise
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
    this.#kept.clear();
  }

  /** Arms the timer for the next deadline after both the previous one and now (missed ones are skipped). */
  #schedule(generation: number): void {
    if (!this.#running || generation !== this.#generation) return;
    const interval = this.#intervalMs;
    const now = this.#clock.now();
    this.#count = Math.max(this.#count + 1, Math.floor((now - this.#origin) / interval) + 1);
    const delay = Math.max(0, this.#origin + this.#count * interval - now);
    this.#armed = generation;
    this.#due = now + delay;
    // Re-arming a timer with refresh() costs far less than a new setTimeout (no new Timeout, no async id,
    // no ref toggling). Node counts a delay in whole milliseconds anyway, so one timer per whole-millisecond
    // delay, kept and refreshed, arms every deadline as exactly as a new timer would: on time that is the
    // one timer of `interval` ms; a late tick re-arms the timer of its shorter delay, so lateness never
    // accumulates. The delay is rounded up, so a sample never runs before its deadline on a manual clock.
    const ms = Math.ceil(delay);
    const kept = this.#kept.get(ms);
    if (kept !== undefined) {
      kept.refresh();
      this.#timer = kept;
      return;
    }
    const timer = this.#clock.setTimeout(this.#onTimer, ms);
    timer.unref?.();
    this.#timer = timer;
    if (!isRefreshable(timer)) return;
    // A few delays cover a machine's usual lateness; the timers are small, and only one is ever armed.
    if (this.#kept.size >= MAX_KEPT_TIMERS) this.#kept.clear();
    this.#kept.set(ms, timer);
  }

  /** The timer callback, bound once (not a closure per tick). */
  readonly #onTimer = (): void => {
    const generation = this.#armed;
    if (!this.#running || generation !== this.#generation) return;
    let result: unknown;
    try {
      result = this.#tick(this.#due);
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
