import { cpus } from 'node:os';
import type { MetricDescriptor, MetricValues } from '../../core/metric.js';
import type { CollectContext, MetricSource } from '../../core/source.js';
import { frozenList } from './proc.js';

const DESCRIPTORS = frozenList<MetricDescriptor>([
  { name: 'process.cpu.utilization', unit: '1', kind: 'rate', description: 'CPU time (user + system) per second of wall time, as a share of ONE core (may exceed 1)' },
  { name: 'process.cpu.utilization.all_cores', unit: '1', kind: 'rate', description: 'CPU time per second of wall time as a share of all cores (0-1)' },
  { name: 'process.cpu.time.user', unit: 's', kind: 'counter', description: 'User CPU time of the process since it started' },
  { name: 'process.cpu.time.system', unit: 's', kind: 'counter', description: 'System CPU time of the process since it started' },
]);

/**
 * Process CPU from `process.cpuUsage()` deltas: utilization of one core and of all cores, and the
 * user and system CPU time counters. Source id `process.cpu`.
 *
 * @public
 */
export class ProcessCpuSource implements MetricSource {
  /** Source id. */
  readonly id = 'process.cpu';
  readonly #cores: number;
  #previous: NodeJS.CpuUsage | undefined;
  #previousAt = 0;

  constructor() {
    this.#cores = Math.max(1, cpus().length);
  }

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return DESCRIPTORS;
  }

  /** Takes the baseline, so the first collection already has a rate. */
  start(): void {
    this.#previous = process.cpuUsage();
    this.#previousAt = performance.now() / 1000;
  }

  /** Forgets the baseline. */
  stop(): void {
    this.#previous = undefined;
  }

  /** {@inheritDoc MetricSource.collect} */
  collect(context: CollectContext): MetricValues {
    const usage = process.cpuUsage();
    const values: Record<string, number> = {
      'process.cpu.time.user': usage.user / 1e6,
      'process.cpu.time.system': usage.system / 1e6,
    };
    const previous = this.#previous;
    const elapsed = context.now - this.#previousAt;
    if (previous !== undefined && elapsed > 0) {
      const used = (usage.user - previous.user + usage.system - previous.system) / 1e6;
      values['process.cpu.utilization'] = used / elapsed;
      values['process.cpu.utilization.all_cores'] = used / elapsed / this.#cores;
    }
    this.#previous = usage;
    this.#previousAt = context.now;
    return values;
  }
}
