import type { MetricDescriptor, MetricValues } from '../../core/metric.js';
import { validateOptions } from '../../core/options.js';
import type { CollectContext, MetricSource, SourceAvailability } from '../../core/source.js';
import { frozenList, parseKeyValues, procAvailability, readProc } from './proc.js';

const PATH = '/proc/self/io';

const DESCRIPTORS = frozenList<MetricDescriptor>([
  { name: 'process.disk.io.read', unit: 'By', kind: 'counter', description: 'Bytes the process read since it started' },
  { name: 'process.disk.io.write', unit: 'By', kind: 'counter', description: 'Bytes the process wrote since it started' },
  { name: 'process.disk.io.read.rate', unit: 'By/s', kind: 'rate', description: 'Bytes read per second over the interval' },
  { name: 'process.disk.io.write.rate', unit: 'By/s', kind: 'rate', description: 'Bytes written per second over the interval' },
]);

/**
 * Options of {@link DiskIoSource}.
 *
 * @public
 */
export interface DiskIoSourceOptions {
  /**
   * What to count. `storage`: bytes fetched from or sent to the storage layer (`read_bytes`/`write_bytes`:
   * page-cache hits are not counted). `syscall`: bytes passed through read/write system calls
   * (`rchar`/`wchar`, including cache hits, pipes and sockets).
   *
   * @defaultValue 'storage'
   */
  readonly level?: 'storage' | 'syscall';
}

/**
 * Disk I/O of this process from `/proc/self/io`, read synchronously: byte counters and rates.
 * Linux only (unavailable elsewhere). Source id `process.disk.io`.
 *
 * @public
 */
export class DiskIoSource implements MetricSource {
  /** Source id. */
  readonly id = 'process.disk.io';
  readonly #readKey: string;
  readonly #writeKey: string;
  #previous: { read: number; write: number; at: number } | undefined;

  /** @param options - which counters to read */
  constructor(options: DiskIoSourceOptions = {}) {
    validateOptions(options, { level: { kind: 'oneOf', values: ['storage', 'syscall'] } }, 'DiskIoSource');
    const level: string = options.level ?? 'storage';
    if (level !== 'storage' && level !== 'syscall') throw new TypeError("level option must be 'storage' or 'syscall'");
    this.#readKey = level === 'storage' ? 'read_bytes' : 'rchar';
    this.#writeKey = level === 'storage' ? 'write_bytes' : 'wchar';
  }

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return DESCRIPTORS;
  }

  /** Needs a readable `/proc/self/io`. */
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
    const { read, write } = this.#read();
    const values: Record<string, number> = { 'process.disk.io.read': read, 'process.disk.io.write': write };
    const prev = this.#previous;
    if (prev !== undefined && context.now > prev.at) {
      const dt = context.now - prev.at;
      values['process.disk.io.read.rate'] = Math.max(0, read - prev.read) / dt;
      values['process.disk.io.write.rate'] = Math.max(0, write - prev.write) / dt;
    }
    this.#previous = { read, write, at: context.now };
    return values;
  }

  #read(): { read: number; write: number } {
    const kv = parseKeyValues(readProc(PATH));
    return { read: kv.get(this.#readKey) ?? 0, write: kv.get(this.#writeKey) ?? 0 };
  }
}
