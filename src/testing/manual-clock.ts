// A clock that moves only when a test tells it to: timers fire in order of their due time during advance().
import type { Clock, ClockTimer } from '../core/clock.js';

interface PendingTimer extends ClockTimer {
  id: number;
  due: number;
  readonly delay: number;
  readonly callback: () => void;
  refresh(): void;
}

/**
 * A {@link Clock} for tests: time stands still until {@link ManualClock.advance} moves it, and the timers
 * due on the way fire in order of their due time (ties in the order they were set).
 *
 * @example
 * ```ts
 * const clock = new ManualClock();
 * const monitor = new PerformanceMonitor({ clock, intervalMs: 100 });
 * monitor.start();
 * await clock.advance(1_000); // ten samples, no sleeping
 * ```
 *
 * @public
 */
export class ManualClock implements Clock {
  #now: number;
  #wall: number;
  #nextId = 0;
  #timers: PendingTimer[] = [];

  /**
   * @param start - Initial monotonic time, milliseconds. @defaultValue 0
   * @param wallStart - Initial wall-clock time, milliseconds since the epoch. @defaultValue 1_700_000_000_000
   */
  constructor(start = 0, wallStart = 1_700_000_000_000) {
    if (!Number.isFinite(start)) throw new TypeError('start must be a finite number');
    if (!Number.isFinite(wallStart)) throw new TypeError('wallStart must be a finite number');
    this.#now = start;
    this.#wall = wallStart;
  }

  /** {@inheritDoc Clock.now} */
  now(): number {
    return this.#now;
  }

  /** {@inheritDoc Clock.wallNow} */
  wallNow(): number {
    return this.#wall + this.#now;
  }

  /** {@inheritDoc Clock.setTimeout} */
  setTimeout(callback: () => void, delayMs: number): ClockTimer {
    const delay = Math.max(0, delayMs);
    // Like Node's Timeout, a timer can be re-armed in place for its delay from now with refresh().
    const timer: PendingTimer = {
      id: this.#nextId++,
      due: this.#now + delay,
      delay,
      callback,
      unref: () => undefined,
      refresh: () => {
        timer.id = this.#nextId++;
        timer.due = this.#now + timer.delay;
        if (!this.#timers.includes(timer)) this.#timers.push(timer);
      },
    };
    this.#timers.push(timer);
    return timer;
  }

  /** {@inheritDoc Clock.clearTimeout} */
  clearTimeout(timer: ClockTimer): void {
    this.#timers = this.#timers.filter((t) => t !== timer);
  }

  /** Number of timers armed and not yet fired (a timer re-armed with `refresh()` counts again). */
  get pending(): number {
    return this.#timers.length;
  }

  /**
   * Moves time forward by `ms`: first lets queued promise callbacks run at the current time, then fires every timer that falls due on the way at its own due time, and lets
   * pending promise callbacks run after each one, so async work a timer starts can arm the next timer.
   */
  async advance(ms: number): Promise<void> {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError('advance(ms) takes a finite number >= 0');
    const end = this.#now + ms;
    // Work already queued (a promise callback, a sample() just requested) runs at the current time first.
    await flushMicrotasks();
    for (;;) {
      const next = this.#earliest();
      if (next === undefined || next.due > end) break;
      this.#timers = this.#timers.filter((t) => t !== next);
      this.#now = Math.max(this.#now, next.due);
      next.callback();
      await flushMicrotasks();
    }
    this.#now = end;
    await flushMicrotasks();
  }

  #earliest(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const t of this.#timers) if (best === undefined || t.due < best.due || (t.due === best.due && t.id < best.id)) best = t;
    return best;
  }
}

async function flushMicrotasks(): Promise<void> {
  // A few macrotask turns let chains of awaits settle (collection awaits sources, then emits).
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
