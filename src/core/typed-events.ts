// The one typed event emitter of the library: eventemitter3 with every listener isolated.
// eventemitter3 calls listeners one after another in a plain loop: an exception from one would skip the
// rest and propagate into the code that emitted (a sampler, a benchmark run, a worker pool). Here each
// listener is registered behind a wrapper that reports a throw (or a rejected promise) as a `listenerError`
// event instead, and the mapping is kept both ways so `off(fn)`, `listeners()` and `once` keep working.
import { EventEmitter } from 'eventemitter3';

/**
 * Payload of the `listenerError` event: a listener threw (or its promise rejected).
 *
 * @public
 */
export interface ListenerErrorEvent {
  /** The event whose listener failed. */
  readonly event: string;
  /** What it threw. */
  readonly error: unknown;
}

/**
 * The event every {@link TypedEventEmitter} adds to its own events.
 *
 * @public
 */
export interface ListenerErrorEvents {
  /** A listener threw or rejected; it is isolated from the emitter and from the other listeners. */
  listenerError: (event: ListenerErrorEvent) => void;
}

type AnyFn = (...args: unknown[]) => unknown;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * A typed event emitter (eventemitter3) whose listeners cannot break it: a listener that throws, or
 * returns a promise that rejects, emits `listenerError` with the event name and what it threw, and the
 * other listeners and the emitting code go on. A failing `listenerError` listener is dropped (reporting it
 * would recurse).
 *
 * @typeParam Events - map of event names to listener signatures; `listenerError` is added to it
 * @public
 */
export class TypedEventEmitter<Events extends object> extends EventEmitter<Events & ListenerErrorEvents> {
  /** Wrappers registered for each (event, user function). */
  readonly #byEvent = new Map<unknown, Map<unknown, AnyFn[]>>();
  /** The user function behind each wrapper. */
  readonly #originals = new WeakMap<AnyFn, unknown>();

  /** Adds a listener, isolated: a throw or rejection emits `listenerError` instead of propagating. */
  override on<T extends EventEmitter.EventNames<Events & ListenerErrorEvents>>(event: T, fn: EventEmitter.EventListener<Events & ListenerErrorEvents, T>, context?: unknown): this {
    return super.on(event, this.#wrap(event, fn), context);
  }

  /** Same as {@link TypedEventEmitter.on}. */
  override addListener<T extends EventEmitter.EventNames<Events & ListenerErrorEvents>>(event: T, fn: EventEmitter.EventListener<Events & ListenerErrorEvents, T>, context?: unknown): this {
    return this.on(event, fn, context);
  }

  /** Adds a listener called at most once, isolated like {@link TypedEventEmitter.on}'s. */
  override once<T extends EventEmitter.EventNames<Events & ListenerErrorEvents>>(event: T, fn: EventEmitter.EventListener<Events & ListenerErrorEvents, T>, context?: unknown): this {
    return super.once(event, this.#wrap(event, fn), context);
  }

  /** Removes a listener added with `on` or `once` (by the function passed), or every listener of `event`. */
  override off<T extends EventEmitter.EventNames<Events & ListenerErrorEvents>>(event: T, fn?: EventEmitter.EventListener<Events & ListenerErrorEvents, T>, context?: unknown, once?: boolean): this {
    if (fn === undefined) {
      this.#byEvent.delete(event);
      return super.off(event, undefined, context, once);
    }
    for (const registered of this.#release(event, fn as unknown as AnyFn)) super.off(event, registered as EventEmitter.EventListener<Events & ListenerErrorEvents, T>, context, once);
    return this;
  }

  /** Same as {@link TypedEventEmitter.off}. */
  override removeListener<T extends EventEmitter.EventNames<Events & ListenerErrorEvents>>(event: T, fn?: EventEmitter.EventListener<Events & ListenerErrorEvents, T>, context?: unknown, once?: boolean): this {
    return this.off(event, fn, context, once);
  }

  /** Removes every listener, or those of `event`. */
  override removeAllListeners(event?: EventEmitter.EventNames<Events & ListenerErrorEvents>): this {
    if (event === undefined) this.#byEvent.clear();
    else this.#byEvent.delete(event);
    return super.removeAllListeners(event);
  }

  /** The listeners of `event`, as the functions that were passed to `on` / `once`. */
  override listeners<T extends EventEmitter.EventNames<Events & ListenerErrorEvents>>(event: T): EventEmitter.EventListener<Events & ListenerErrorEvents, T>[] {
    return super.listeners(event).map((w) => (this.#originals.get(w as unknown as AnyFn) ?? w) as EventEmitter.EventListener<Events & ListenerErrorEvents, T>);
  }

  #wrap<T>(event: unknown, listener: T): T {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const fn = listener as unknown as AnyFn;
    const onError = (error: unknown): void => {
      if (event === 'listenerError') return;
      const payload: ListenerErrorEvent = { event: String(event), error };
      (super.emit as unknown as (name: string, payload: ListenerErrorEvent) => boolean).call(this, 'listenerError', payload);
    };
    const wrapper = function (this: unknown, ...args: unknown[]): void {
      try {
        const result = fn.apply(this, args);
        if (isThenable(result)) result.then(undefined, onError);
      } catch (error) {
        onError(error);
      }
    };
    this.#originals.set(wrapper, listener);
    let byFn = this.#byEvent.get(event);
    if (byFn === undefined) this.#byEvent.set(event, (byFn = new Map<unknown, AnyFn[]>()));
    const list = byFn.get(listener);
    if (list === undefined) byFn.set(listener, [wrapper]);
    else list.push(wrapper);
    return wrapper as unknown as T;
  }

  /**
   * The registered functions to remove for `fn`: its wrappers when `fn` is what the user passed, or `fn`
   * itself when it is a wrapper (eventemitter3 removes a fired `once` listener by the function it holds).
   */
  #release(event: unknown, fn: AnyFn): AnyFn[] {
    const byFn = this.#byEvent.get(event);
    const original = this.#originals.get(fn);
    if (original !== undefined) {
      const list = byFn?.get(original);
      if (list !== undefined) {
        list.splice(list.indexOf(fn), 1);
        if (list.length === 0) byFn?.delete(original);
      }
      return [fn];
    }
    const wrappers = byFn?.get(fn) ?? [];
    byFn?.delete(fn);
    return wrappers;
  }
}
