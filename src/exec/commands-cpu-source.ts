// The CPU of the commands `exec` runs, for the monitor: the runner helper's own CPU plus that of every command
// it has reaped, so commands that start and end between two samples are still counted.
import type { MetricDescriptor, MetricValues } from '../core/metric.js';
import type { CollectContext, MetricSource, SourceAvailability } from '../core/source.js';
import { frozenList, procAvailability, readProc } from '../monitor/sources/proc.js';
import { parseStatTicks } from '../monitor/sources/reaped-children.js';

/** Label of the commands in metric names: `process.child.commands.cpu.utilization`. @internal */
export const COMMANDS_LABEL = 'commands';

const DESCRIPTORS = frozenList<MetricDescriptor>([
  {
    name: `process.child.${COMMANDS_LABEL}.cpu.utilization`,
    unit: '1',
    kind: 'rate',
    description: 'CPU of the benchmarked commands and their descendants (reaped by the runner), per second of wall time, as a share of one core',
  },
  { name: `process.child.${COMMANDS_LABEL}.cpu.time`, unit: 's', kind: 'counter', description: 'CPU time (user + system) of the benchmarked commands so far' },
]);

/**
 * Watches the process that runs the commands (its `/proc/<pid>/stat`): what it and its reaped children used.
 * Written against the same `MetricSource` interface as the built-in sources; it reports under the watched-child
 * names, so the bottleneck rules count the commands as this run's work, not as other processes.
 *
 * @internal
 */
export class CommandsCpuSource implements MetricSource {
  /** Source id. */
  readonly id = 'exec.commands';
  readonly #path: string;
  readonly #ticks: number;
  #previous: { ticks: number; at: number } | undefined;

  /**
   * @param pid - the process that spawns and reaps the commands
   * @param clockTicks - the kernel's clock ticks per second (`getconf CLK_TCK`)
   */
  constructor(pid: number, clockTicks = 100) {
    if (!Number.isInteger(pid) || pid <= 0) throw new RangeError(`pid must be a positive integer, got ${String(pid)}`);
    this.#path = `/proc/${String(pid)}/stat`;
    this.#ticks = clockTicks;
  }

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return DESCRIPTORS;
  }

  /** Needs a readable `/proc/<pid>/stat` (Linux). */
  availability(): SourceAvailability {
    return procAvailability(this.#path);
  }

  /** Takes the baseline. */
  start(): void {
    const ticks = this.#read();
    if (ticks !== undefined) this.#previous = { ticks, at: performance.now() / 1000 };
  }

  /** Forgets the baseline. */
  stop(): void {
    this.#previous = undefined;
  }

  /** {@inheritDoc MetricSource.collect} */
  collect(context: CollectContext): MetricValues {
    const ticks = this.#read();
    if (ticks === undefined) throw new Error(`${this.#path} has an unexpected format`);
    const values: Record<string, number> = { [`process.child.${COMMANDS_LABEL}.cpu.time`]: ticks / this.#ticks };
    const prev = this.#previous;
    if (prev !== undefined && context.now > prev.at) {
      values[`process.child.${COMMANDS_LABEL}.cpu.utilization`] = Math.max(0, ticks - prev.ticks) / this.#ticks / (context.now - prev.at);
    }
    this.#previous = { ticks, at: context.now };
    return values;
  }

  #read(): number | undefined {
    const t = parseStatTicks(readProc(this.#path));
    return t === undefined ? undefined : t.own + t.reaped;
  }
}
