// Block-device busy time and throughput from /proc/diskstats (Linux), for the disk-saturation rule.
import { validateOptions } from '../../core/options.js';
import { readdirSync } from 'node:fs';
import type { MetricDescriptor, MetricValues } from '../../core/metric.js';
import type { CollectContext, MetricSource, SourceAvailability } from '../../core/source.js';
import { frozenList, procAvailability, readProc } from './proc.js';

const PATH = '/proc/diskstats';
const SECTOR = 512;

const DESCRIPTORS = frozenList<MetricDescriptor>([
  {
    name: 'system.disk.utilization',
    unit: '1',
    kind: 'rate',
    description: 'Share of the interval the busiest selected block device had I/O in flight (0-1, from diskstats busy time)',
  },
  { name: 'system.disk.io.read.rate', unit: 'By/s', kind: 'rate', description: 'Bytes read per second from the selected block devices' },
  { name: 'system.disk.io.write.rate', unit: 'By/s', kind: 'rate', description: 'Bytes written per second to the selected block devices' },
]);

/**
 * Options of {@link DiskstatsSource}.
 *
 * @public
 */
export interface DiskstatsSourceOptions {
  /**
   * Device names to watch (as in `/proc/diskstats`, e.g. `sda`, `nvme0n1`).
   *
   * @defaultValue every whole disk listed in `/sys/block` except loop, ram and zram devices
   */
  readonly devices?: readonly string[];
}

interface DeviceCounters {
  readonly readSectors: number;
  readonly writeSectors: number;
  /** Milliseconds spent with I/O in flight (field 10 of diskstats). */
  readonly busyMs: number;
}

const VIRTUAL = /^(loop|ram|zram|fd|sr)\d*/;
const PARTITION = /^((sd|vd|hd|xvd)[a-z]+\d+|(nvme\d+n\d+|mmcblk\d+)p\d+)$/;

function defaultDevices(): ReadonlySet<string> | undefined {
  try {
    return new Set(readdirSync('/sys/block').filter((d) => !VIRTUAL.test(d)));
  } catch {
    return undefined;
  }
}

/**
 * Parses `/proc/diskstats` text into counters per device.
 *
 * @internal
 */
export function parseDiskstats(text: string): Map<string, DeviceCounters> {
  const out = new Map<string, DeviceCounters>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 14) continue;
    const name = f[2] as string;
    const readSectors = Number(f[5]);
    const writeSectors = Number(f[9]);
    const busyMs = Number(f[12]);
    if (!Number.isFinite(readSectors) || !Number.isFinite(writeSectors) || !Number.isFinite(busyMs)) continue;
    out.set(name, { readSectors, writeSectors, busyMs });
  }
  return out;
}

/**
 * Block-device busy time (`system.disk.utilization`: the busiest watched device's share of the interval
 * with I/O in flight, as `iostat`'s `%util`) and throughput, from `/proc/diskstats`. Linux only.
 * Source id `system.disk`.
 *
 * @public
 */
export class DiskstatsSource implements MetricSource {
  /** Source id. */
  readonly id = 'system.disk';
  readonly #devices: ReadonlySet<string> | undefined;
  #previous: { counters: Map<string, DeviceCounters>; at: number } | undefined;

  /** @param options - which devices to watch */
  constructor(options: DiskstatsSourceOptions = {}) {
    validateOptions(options, { devices: { kind: 'array' } }, 'DiskstatsSource');
    const devices: unknown = options.devices;
    if (devices !== undefined) {
      if (!Array.isArray(devices) || devices.some((d) => typeof d !== 'string' || d === '')) {
        throw new TypeError('devices option must be an array of device names');
      }
      this.#devices = new Set(devices as string[]);
    } else {
      this.#devices = undefined;
    }
  }

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return DESCRIPTORS;
  }

  /** Needs a readable `/proc/diskstats`. */
  availability(): SourceAvailability {
    return procAvailability(PATH);
  }

  /** Takes the baseline so the first collection has rates. */
  start(): void {
    this.#previous = { counters: this.#read(), at: performance.now() / 1000 };
  }

  /** Forgets the baseline. */
  stop(): void {
    this.#previous = undefined;
  }

  /** {@inheritDoc MetricSource.collect} */
  collect(context: CollectContext): MetricValues {
    const counters = this.#read();
    const prev = this.#previous;
    this.#previous = { counters, at: context.now };
    if (prev === undefined || !(context.now > prev.at)) return {};
    const dt = context.now - prev.at;
    let busiest = 0;
    let read = 0;
    let write = 0;
    for (const [name, cur] of counters) {
      const old = prev.counters.get(name);
      if (old === undefined) continue;
      busiest = Math.max(busiest, Math.max(0, cur.busyMs - old.busyMs) / 1000 / dt);
      read += Math.max(0, cur.readSectors - old.readSectors) * SECTOR;
      write += Math.max(0, cur.writeSectors - old.writeSectors) * SECTOR;
    }
    return {
      'system.disk.utilization': Math.min(1, busiest),
      'system.disk.io.read.rate': read / dt,
      'system.disk.io.write.rate': write / dt,
    };
  }

  #read(): Map<string, DeviceCounters> {
    const all = parseDiskstats(readProc(PATH));
    const wanted = this.#devices ?? defaultDevices();
    if (wanted === undefined) {
      // No /sys/block: keep names that do not look like partitions or virtual devices.
      for (const name of [...all.keys()]) if (VIRTUAL.test(name) || PARTITION.test(name)) all.delete(name);
      return all;
    }
    for (const name of [...all.keys()]) if (!wanted.has(name)) all.delete(name);
    return all;
  }
}
