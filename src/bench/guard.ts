// Watches a running task: abort signal, per-operation timeout and the task's wall-clock cap.
import type { Clock, ClockTimer } from '../core/clock.js';

/**
 * Why a {@link TaskGuard} stopped a task.
 *
 * @internal
 */
export type StopKind = 'abort' | 'timeout' | 'deadline';

/**
 * Thrown (rejected) by a {@link TaskGuard} when it stops a task.
 *
 * @internal
 */
export class TaskStop extends Error {
  readonly kind: StopKind;
  constructor(kind: StopKind, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'TaskStop';
    this.kind = kind;
  }
}

/**
 * Races operations against an abort signal, a per-operation timeout and a deadline. A watchdog timer checks
 * the operations in flight, so awaiting an operation costs one `Promise.race`, not a timer per call.
 *
 * @internal
 */
export class TaskGuard {
  readonly #stopped: Promise<never>;
  readonly #inFlight = new Map<number, number>();
  readonly #timeout: number;
  readonly #deadline: number;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort: () => void;
  readonly #clock: Clock;
  readonly #period: number;
  #reject: (reason: TaskStop) => void = () => undefined;
  #stop: TaskStop | undefined;
  #watchdog: ClockTimer | undefined;
  #disposed = false;

  /**
   * @param signal - aborts the task
   * @param timeoutMs - per-operation timeout, ms
   * @param deadline - seconds on `clock` after which the task stops (Infinity for none)
   * @param clock - where the timeout and the deadline are read and the watchdog armed
   */
  constructor(signal: AbortSignal | undefined, timeoutMs: number, deadline: number, clock: Clock) {
    this.#timeout = timeoutMs / 1000;
    this.#deadline = deadline;
    this.#signal = signal;
    this.#clock = clock;
    this.#stopped = new Promise<never>((_resolve, reject) => {
      this.#reject = reject;
    });
    this.#stopped.catch(() => undefined);
    this.#onAbort = () => {
      this.stop(new TaskStop('abort', 'the run was aborted', signal?.reason));
    };
    if (signal?.aborted === true) this.#onAbort();
    else signal?.addEventListener('abort', this.#onAbort, { once: true });
    this.#period = Math.max(2, Math.min(50, timeoutMs / 10, Number.isFinite(deadline) ? 50 : Infinity));
    this.#arm();
  }

  // a one-shot timer re-armed after each check (a Clock has no intervals)
  #arm(): void {
    this.#watchdog = this.#clock.setTimeout(() => {
      this.#watchdog = undefined;
      this.#check();
      if (this.#stop === undefined && !this.#disposed) this.#arm();
    }, this.#period);
  }

  #nowSeconds(): number {
    return this.#clock.now() / 1000;
  }

  /** The stop reason, once stopped. */
  get stopped(): TaskStop | undefined {
    return this.#stop;
  }

  /** Stops the task with `reason` (first reason wins). */
  stop(reason: TaskStop): void {
    if (this.#stop !== undefined) return;
    this.#stop = reason;
    this.#reject(reason);
  }

  /** Throws the stop reason when stopped; also checks the deadline. */
  throwIfStopped(): void {
    if (this.#stop === undefined && this.#nowSeconds() > this.#deadline) {
      this.stop(new TaskStop('deadline', 'the task reached its maxTime'));
    }
    if (this.#stop !== undefined) throw this.#stop;
  }

  /** Marks operation `lane` as started (for the timeout watchdog). */
  begin(lane: number): void {
    this.#inFlight.set(lane, this.#nowSeconds());
  }

  /** Marks operation `lane` as settled. */
  end(lane: number): void {
    this.#inFlight.delete(lane);
  }

  /** Resolves with `value` unless the guard stops first. */
  race<T>(value: PromiseLike<T>): Promise<T> {
    return Promise.race([value, this.#stopped]);
  }

  /** Removes the listener and the watchdog. */
  dispose(): void {
    this.#disposed = true;
    if (this.#watchdog !== undefined) this.#clock.clearTimeout(this.#watchdog);
    this.#watchdog = undefined;
    this.#signal?.removeEventListener('abort', this.#onAbort);
  }

  #check(): void {
    const now = this.#nowSeconds();
    if (now > this.#deadline) {
      this.stop(new TaskStop('deadline', 'the task reached its maxTime'));
      return;
    }
    for (const started of this.#inFlight.values()) {
      if (now - started > this.#timeout) {
        this.stop(new TaskStop('timeout', `an operation did not settle within ${Math.round(this.#timeout * 1000)} ms`));
        return;
      }
    }
  }
}
