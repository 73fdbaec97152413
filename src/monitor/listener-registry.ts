// Wraps event listeners so one that throws (or rejects) cannot break the emitter's loop.
// eventemitter3 calls listeners one after another in a plain loop: an exception from one would skip the
// rest and propagate into the code that emitted. The monitor registers wrappers instead, and keeps the
// mapping both ways so `off(fn)`, `listeners()` and eventemitter3's own `once` removal keep working.
import { isPromiseLike } from './source-runner.js';

type AnyFn = (...args: unknown[]) => unknown;

/** @internal */
export class ListenerRegistry<E extends string | symbol | number> {
  readonly #byEvent = new Map<E, Map<unknown, unknown[]>>();
  readonly #originals = new WeakMap<object, unknown>();

  /**
   * A wrapper around `listener` that reports what it throws (or how its promise rejects) to `onError`.
   */
  wrap<L>(event: E, listener: L, onError: (error: unknown) => void): L {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const fn = listener as unknown as AnyFn;
    const wrapper = function (this: unknown, ...args: unknown[]): void {
      try {
        const result = fn.apply(this, args);
        if (isPromiseLike(result)) result.then(undefined, onError);
      } catch (error) {
        onError(error);
      }
    };
    this.#originals.set(wrapper, listener);
    let byFn = this.#byEvent.get(event);
    if (byFn === undefined) this.#byEvent.set(event, (byFn = new Map<unknown, unknown[]>()));
    byFn.set(listener, [...(byFn.get(listener) ?? []), wrapper]);
    return wrapper as L;
  }

  /**
   * The registered functions to remove for `fn`: its wrappers when `fn` is what the user passed, or `fn`
   * itself when it is a wrapper (eventemitter3 removes a fired `once` listener by the function it holds).
   */
  release<L>(event: E, fn: L): L[] {
    const byFn = this.#byEvent.get(event);
    const original = typeof fn === 'function' ? this.#originals.get(fn) : undefined;
    if (original !== undefined) {
      const list = byFn?.get(original);
      if (list !== undefined) {
        list.splice(list.indexOf(fn), 1);
        if (list.length === 0) byFn?.delete(original);
      }
      return [fn];
    }
    const wrappers = (byFn?.get(fn) ?? []) as L[];
    byFn?.delete(fn);
    return wrappers;
  }

  /** Forgets every wrapper of `event`, or of all events. */
  clear(event?: E): void {
    if (event === undefined) this.#byEvent.clear();
    else this.#byEvent.delete(event);
  }

  /** What the user passed for a registered function. */
  original<L>(fn: L): L {
    return (typeof fn === 'function' ? (this.#originals.get(fn) ?? fn) : fn) as L;
  }
}
