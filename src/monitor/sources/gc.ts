import { type PerformanceEntry, PerformanceObserver, constants } from 'node:perf_hooks';
import type { MetricDescriptor, MetricValues } from '../../core/metric.js';
import type { MetricSource } from '../../core/source.js';
import { frozenList } from './proc.js';

const DESCRIPTORS = frozenList<MetricDescriptor>([
  { name: 'v8js.gc.count', unit: '{count}', kind: 'gauge', description: 'Garbage collections in the interval' },
  { name: 'v8js.gc.duration', unit: 's', kind: 'gauge', description: 'Total GC pause time in the interval' },
  { name: 'v8js.gc.duration.major', unit: 's', kind: 'gauge', description: 'Major (mark-sweep-compact) GC pause time in the interval' },
  { name: 'v8js.gc.duration.minor', unit: 's', kind: 'gauge', description: 'Minor (scavenge) GC pause time in the interval' },
  { name: 'v8js.gc.duration.incremental', unit: 's', kind: 'gauge', description: 'Incremental marking pause time in the interval' },
  { name: 'v8js.gc.duration.weakcb', unit: 's', kind: 'gauge', description: 'Weak callback processing time in the interval' },
]);

const KINDS: readonly (readonly [number, string])[] = [
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'v8js.gc.duration.major'],
  [constants.NODE_PERFORMANCE_GC_MINOR, 'v8js.gc.duration.minor'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'v8js.gc.duration.incremental'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'v8js.gc.duration.weakcb'],
];

function gcKind(entry: PerformanceEntry): number | undefined {
  const detail = (entry as { readonly detail?: unknown }).detail as { kind?: unknown } | null | undefined;
  return typeof detail?.kind === 'number' ? detail.kind : undefined;
}

/**
 * Garbage collections per interval from a `PerformanceObserver` on `gc` entries: count, total pause and
 * pause per kind. Source id `v8js.gc`.
 *
 * @public
 */
export class GcSource implements MetricSource {
  /** Source id. */
  readonly id = 'v8js.gc';
  #observer: PerformanceObserver | undefined;
  #count = 0;
  #total = 0;
  readonly #byKind = new Map<number, number>();

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return DESCRIPTORS;
  }

  /** Starts observing GC entries. */
  start(): void {
    if (this.#observer !== undefined) return;
    this.#observer = new PerformanceObserver((list) => {
      this.#add(list.getEntries());
    });
    this.#observer.observe({ entryTypes: ['gc'] });
  }

  /** Stops observing. */
  stop(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#reset();
  }

  /** {@inheritDoc MetricSource.collect} */
  collect(): MetricValues {
    if (this.#observer === undefined) this.start();
    // Entries not yet delivered to the callback are taken here, so the interval is complete.
    this.#add((this.#observer as PerformanceObserver).takeRecords());
    const values: Record<string, number> = { 'v8js.gc.count': this.#count, 'v8js.gc.duration': this.#total / 1000 };
    for (const [kind, name] of KINDS) values[name] = (this.#byKind.get(kind) ?? 0) / 1000;
    this.#reset();
    return values;
  }

  #add(entries: readonly PerformanceEntry[]): void {
    for (const e of entries) {
      this.#count++;
      this.#total += e.duration;
      const kind = gcKind(e);
      if (kind !== undefined) this.#byKind.set(kind, (this.#byKind.get(kind) ?? 0) + e.duration);
    }
  }

  #reset(): void {
    this.#count = 0;
    this.#total = 0;
    this.#byKind.clear();
  }
}
