import { existsSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg } from 'node:os';
import type { MetricDescriptor, MetricValues } from '../../core/metric.js';
import type { MetricSource } from '../../core/source.js';
import { frozenList, readProc } from './proc.js';

const DESCRIPTORS = frozenList<MetricDescriptor>([
  { name: 'system.cpu.load_average.1m.per_cpu', unit: '1', kind: 'gauge', description: 'One-minute load average divided by the number of CPUs' },
  { name: 'system.cpu.utilization', unit: '1', kind: 'rate', description: 'Share of all CPUs busy over the interval, system-wide (0-1)' },
  { name: 'system.cpu.steal', unit: '1', kind: 'rate', description: 'Share of CPU time stolen by the hypervisor over the interval (0-1; Linux only)' },
  { name: 'system.memory.free', unit: 'By', kind: 'gauge', description: 'Memory available to new processes (MemAvailable on Linux)' },
]);

interface CpuTimes {
  readonly busy: number;
  readonly total: number;
  readonly steal: number;
}

/**
 * Parses the aggregate `cpu` line of `/proc/stat`.
 *
 * @internal
 */
export function parseProcStat(text: string): CpuTimes | undefined {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  if (!line.startsWith('cpu ')) return undefined;
  const f = line.slice(4).trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user)
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return { busy: total - idle - iowait, total, steal };
}

function osCpuTimes(): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const c of cpus()) {
    const t = c.times;
    const sum = t.user + t.nice + t.sys + t.idle + t.irq;
    total += sum;
    busy += sum - t.idle;
  }
  return { busy, total, steal: 0 };
}

/**
 * System-wide figures: load average per CPU, CPU utilization and steal (from `/proc/stat` deltas,
 * read synchronously; `os.cpus()` elsewhere, without steal), and available memory.
 * Source id `system`.
 *
 * @public
 */
export class SystemSource implements MetricSource {
  /** Source id. */
  readonly id = 'system';
  readonly #cpuCount: number;
  readonly #proc: boolean;
  #previous: CpuTimes | undefined;

  constructor() {
    this.#cpuCount = Math.max(1, availableParallelism());
    this.#proc = process.platform === 'linux' && existsSync('/proc/stat');
  }

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return DESCRIPTORS;
  }

  /** Takes the CPU baseline so the first collection has a utilization. */
  start(): void {
    this.#previous = this.#times();
  }

  /** Forgets the baseline. */
  stop(): void {
    this.#previous = undefined;
  }

  /** {@inheritDoc MetricSource.collect} */
  collect(): MetricValues {
    const values: Record<string, number> = {
      'system.cpu.load_average.1m.per_cpu': (loadavg()[0] ?? 0) / this.#cpuCount,
      'system.memory.free': freemem(),
    };
    const now = this.#times();
    const prev = this.#previous;
    if (now !== undefined && prev !== undefined && now.total > prev.total) {
      const dt = now.total - prev.total;
      values['system.cpu.utilization'] = Math.min(1, Math.max(0, (now.busy - prev.busy) / dt));
      if (this.#proc) values['system.cpu.steal'] = Math.min(1, Math.max(0, (now.steal - prev.steal) / dt));
    }
    if (now !== undefined) this.#previous = now;
    return values;
  }

  #times(): CpuTimes | undefined {
    return this.#proc ? parseProcStat(readProc('/proc/stat')) : osCpuTimes();
  }
}
