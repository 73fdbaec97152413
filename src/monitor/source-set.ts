// The monitor's sources and their lifecycle: added, checked for availability once, started before their
// first collection, stopped by the monitor's stop(); and the union of their descriptors.
import { RuneBenchError } from '../core/errors.js';
import type { MetricDescriptor } from '../core/metric.js';
import type { MetricSource } from '../core/source.js';
import { type MonitorErrorEvent, validateSource } from './monitor-types.js';
import { type SourceEntry, checkAvailability, describeSafely, isPromiseLike, sourceError } from './source-runner.js';

/**
 * Name of the metric in which the monitor reports its own CPU cost.
 *
 * @public
 */
export const MONITOR_OVERHEAD_METRIC = 'monitor.overhead.cpu';

const OVERHEAD_DESCRIPTOR: MetricDescriptor = Object.freeze({
  name: MONITOR_OVERHEAD_METRIC,
  unit: 's/s',
  kind: 'rate',
  description: "CPU seconds the monitor spent sampling per second of wall time (the monitor's own share of one core)",
});

/**
 * The sources of one monitor, in the order they were added, with their lifecycle state.
 *
 * @internal
 */
export class SourceSet {
  readonly #entries = new Map<string, SourceEntry>();
  readonly #report: (event: MonitorErrorEvent) => void;
  #descriptorKeys: (readonly MetricDescriptor[])[] = [];
  #descriptors: Readonly<Record<string, MetricDescriptor>> = Object.freeze({ [MONITOR_OVERHEAD_METRIC]: OVERHEAD_DESCRIPTOR });

  /** @param report - called with a source's start or stop failure */
  constructor(report: (event: MonitorErrorEvent) => void) {
    this.#report = report;
  }

  /** Every entry, in the order added. */
  get entries(): IterableIterator<SourceEntry> {
    return this.#entries.values();
  }

  /** The sources, in the order added. */
  get sources(): readonly MetricSource[] {
    return [...this.#entries.values()].map((e) => e.source);
  }

  /** Ids of unavailable sources, with the reason each gave. */
  get unavailable(): ReadonlyMap<string, string> {
    const out = new Map<string, string>();
    for (const e of this.#entries.values()) {
      if (!e.availability.available) out.set(e.source.id, e.availability.reason ?? 'unavailable');
    }
    return out;
  }

  /**
   * Adds a source. `what` names it in a TypeError; a duplicate id is `ERR_DUPLICATE`.
   *
   * @throws TypeError for something that is not a source; {@link RuneBenchError} `ERR_DUPLICATE`
   */
  add(source: MetricSource, what: string): void {
    validateSource(source, what);
    if (this.#entries.has(source.id)) throw new RuneBenchError('ERR_DUPLICATE', `a metric source with id ${JSON.stringify(source.id)} is already added`);
    this.#entries.set(source.id, { source, availability: checkAvailability(source), started: undefined, lastAt: undefined, busy: false, controller: undefined });
  }

  /** Removes (and stops) the source with `id`; returns whether there was one. */
  remove(id: string): boolean {
    const entry = this.#entries.get(id);
    if (entry === undefined) return false;
    this.#entries.delete(id);
    void this.#stopEntry(entry);
    return true;
  }

  /** Starts every available source that is not started yet. */
  async startAll(): Promise<void> {
    await Promise.all([...this.#entries.values()].map((e) => this.ensureStarted(e) ?? Promise.resolve()));
  }

  /** Aborts collections in flight with `reason` and stops every started source. */
  async stopAll(reason: RuneBenchError): Promise<void> {
    for (const e of this.#entries.values()) {
      e.controller?.abort(reason);
      e.controller = undefined;
    }
    await Promise.all([...this.#entries.values()].map((e) => this.#stopEntry(e)));
  }

  /**
   * Starts `entry`'s source if needed: `undefined` when it is ready (or unavailable), else the start in
   * progress. A failing start is reported and the source is then collected anyway.
   */
  ensureStarted(entry: SourceEntry): Promise<void> | undefined {
    if (entry.started === true || !entry.availability.available) return undefined;
    if (entry.started !== undefined && entry.started !== false) return entry.started;
    const source = entry.source;
    if (typeof source.start !== 'function') {
      entry.started = true;
      return undefined;
    }
    const fail = (cause: unknown): void => {
      entry.started = true;
      this.#report({ sourceId: source.id, error: sourceError(source.id, cause) });
    };
    try {
      const result = source.start();
      if (!isPromiseLike(result)) {
        entry.started = true;
        return undefined;
      }
      const p = Promise.resolve(result).then(() => {
        entry.started = true;
      }, fail);
      entry.started = p;
      return p;
    } catch (cause) {
      fail(cause);
    }
    return undefined;
  }

  /**
   * The descriptors of every available source and of the overhead metric, keyed by name. Sources return
   * the same frozen array while nothing changed: compared by identity, the union is rebuilt rarely.
   */
  descriptors(): Readonly<Record<string, MetricDescriptor>> {
    let i = 0;
    let changed = false;
    for (const entry of this.#entries.values()) {
      if (!entry.availability.available) continue;
      if (this.#descriptorKeys[i] !== describeSafely(entry.source)) {
        changed = true;
        break;
      }
      i++;
    }
    if (!changed && i === this.#descriptorKeys.length) return this.#descriptors;
    const lists: (readonly MetricDescriptor[])[] = [];
    const out: Record<string, MetricDescriptor> = {};
    for (const entry of this.#entries.values()) {
      if (!entry.availability.available) continue;
      const list = describeSafely(entry.source);
      lists.push(list);
      for (const d of list) out[d.name] = Object.isFrozen(d) ? d : Object.freeze({ ...d });
    }
    out[MONITOR_OVERHEAD_METRIC] = OVERHEAD_DESCRIPTOR;
    this.#descriptors = Object.freeze(out);
    this.#descriptorKeys = lists;
    return this.#descriptors;
  }

  async #stopEntry(entry: SourceEntry): Promise<void> {
    if (entry.started === undefined) return;
    await entry.started;
    entry.started = undefined;
    entry.lastAt = undefined;
    try {
      await entry.source.stop?.();
    } catch (cause) {
      this.#report({ sourceId: entry.source.id, error: sourceError(entry.source.id, cause) });
    }
  }
}
