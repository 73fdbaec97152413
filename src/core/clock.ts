// Time as a dependency: the monitor and the benchmark runner read the time and arm their timers through a
// Clock, so tests can drive them with a manual clock instead of sleeping.

/**
 * A timer handle returned by {@link Clock.setTimeout}.
 *
 * @public
 */
export interface ClockTimer {
  /** Lets the process exit while the timer is pending (Node's `unref`), where the clock supports it. */
  unref?(): void;
}

/**
 * Where time comes from: a monotonic reading, a wall-clock reading and one-shot timers.
 *
 * @remarks
 * The built-in `systemClock` uses `performance.now()`, `Date.now()` and `setTimeout`. Tests pass a
 * manual clock (`ManualClock` from `rune-bench/testing`) and advance it by hand.
 *
 * @public
 */
export interface Clock {
  /** Monotonic time in milliseconds from an arbitrary origin (as `performance.now()`). */
  now(): number;
  /** Wall-clock time in milliseconds since the Unix epoch (as `Date.now()`), for timestamps only. */
  wallNow(): number;
  /** Calls `callback` once, `delayMs` milliseconds from now. */
  setTimeout(callback: () => void, delayMs: number): ClockTimer;
  /** Cancels a timer returned by {@link Clock.setTimeout}; a fired or cancelled timer is ignored. */
  clearTimeout(timer: ClockTimer): void;
}

/**
 * The process's own clock: `performance.now()`, `Date.now()` and Node's timers.
 *
 * @public
 */
export const systemClock: Clock = Object.freeze({
  now: () => performance.now(),
  wallNow: () => Date.now(),
  setTimeout: (callback: () => void, delayMs: number): ClockTimer => setTimeout(callback, delayMs),
  clearTimeout: (timer: ClockTimer): void => {
    clearTimeout(timer as ReturnType<typeof setTimeout>);
  },
});
