import type { MetricDescriptor, MetricValues } from '../../core/metric.js';
import { validateOptions } from '../../core/options.js';
import type { CollectContext, MetricSource, SourceAvailability } from '../../core/source.js';
import { frozenList, procAvailability, readProc } from './proc.js';

const PATH = '/proc/net/dev';

const DESCRIPTORS = frozenList<MetricDescriptor>([
  { name: 'process.network.io.receive.rate', unit: 'By/s', kind: 'rate', description: 'Bytes received per second over the interval, on the selected interfaces' },
  { name: 'process.network.io.transmit.rate', unit: 'By/s', kind: 'rate', description: 'Bytes transmitted per second over the interval, on the selected interfaces' },
]);

/**
 * Selects network interfaces by name: a list of names, a regular expression or a predicate.
 *
 * @public
 */
export type InterfaceFilter = readonly string[] | RegExp | ((name: string) => boolean);

/**
 * Options of {@link NetworkIoSource}.
 *
 * @public
 */
export interface NetworkIoSourceOptions {
  /**
   * Interfaces to count.
   *
   * @defaultValue every interface except loopback (`lo`)
   */
  readonly interfaces?: InterfaceFilter;
}

/**
 * Parses `/proc/net/dev` into received and transmitted byte totals per interface.
 *
 * @internal
 */
export function parseNetDev(text: string): Map<string, { rx: number; tx: number }> {
  const out = new Map<string, { rx: number; tx: number }>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const fields = line.slice(colon + 1).trim().split(/\s+/);
    const rx = Number(fields[0]);
    const tx = Number(fields[8]);
    if (Number.isFinite(rx) && Number.isFinite(tx)) out.set(name, { rx, tx });
  }
  return out;
}

/**
 * Network I/O rates from `/proc/net/dev` (read synchronously), summed over the selected interfaces.
 * The counters belong to the network namespace (the container or host), not only this process.
 * Linux only. Source id `process.network.io`.
 *
 * @public
 */
export class NetworkIoSource implements MetricSource {
  /** Source id. */
  readonly id = 'process.network.io';
  readonly #accept: (name: string) => boolean;
  #previous: { rx: number; tx: number; at: number } | undefined;

  /** @param options - interface filter */
  constructor(options: NetworkIoSourceOptions = {}) {
    validateOptions(options, { interfaces: { kind: 'any' } }, 'NetworkIoSource');
    const filter = options.interfaces;
    if (filter === undefined) this.#accept = (name) => name !== 'lo';
    else if (Array.isArray(filter)) {
      const names = new Set(filter);
      this.#accept = (name) => names.has(name);
    } else if (filter instanceof RegExp) this.#accept = (name) => filter.test(name);
    else if (typeof filter === 'function') this.#accept = filter;
    else throw new TypeError('interfaces option must be an array of names, a RegExp or a function');
  }

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return DESCRIPTORS;
  }

  /** Needs a readable `/proc/net/dev`. */
  availability(): SourceAvailability {
    return procAvailability(PATH);
  }

  /** Takes the baseline so the first collection has rates. */
  start(): void {
    this.#previous = { ...this.#read(), at: performance.now() / 1000 };
  }

  /** Forgets the baseline. */
  stop(): void {
    this.#previous = undefined;
  }

  /** {@inheritDoc MetricSource.collect} */
  collect(context: CollectContext): MetricValues {
    const now = this.#read();
    const values: Record<string, number> = {};
    const prev = this.#previous;
    if (prev !== undefined && context.now > prev.at) {
      const dt = context.now - prev.at;
      values['process.network.io.receive.rate'] = Math.max(0, now.rx - prev.rx) / dt;
      values['process.network.io.transmit.rate'] = Math.max(0, now.tx - prev.tx) / dt;
    }
    this.#previous = { ...now, at: context.now };
    return values;
  }

  #read(): { rx: number; tx: number } {
    let rx = 0;
    let tx = 0;
    for (const [name, c] of parseNetDev(readProc(PATH))) {
      if (!this.#accept(name)) continue;
      rx += c.rx;
      tx += c.tx;
    }
    return { rx, tx };
  }
}
