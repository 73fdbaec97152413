import type { MetricDescriptor, MetricValues } from '../../core/metric.js';
import { validateOptions } from '../../core/options.js';
import type { CollectContext, MetricSource, SourceAvailability } from '../../core/source.js';
import { frozenList, procAvailability, readProc } from './proc.js';

const PATH = '/proc/self/stat';

const DESCRIPTORS = frozenList<MetricDescriptor>([
  { name: 'process.children.cpu.utilization', unit: '1', kind: 'rate', description: 'CPU of child processes reaped in the interval, per second of wall time, as a share of one core' },
  { name: 'process.children.cpu.time', unit: 's', kind: 'counter', description: 'CPU time (user + system) of all reaped child processes since this process started' },
]);

/**
 * Options of {@link ReapedChildrenSource}.
 *
 * @public
 */
export interface ReapedChildrenSourceOptions {
  /**
   * Kernel clock ticks per second (`getconf CLK_TCK`), the unit of `/proc` CPU times.
   *
   * @defaultValue 100
   */
  readonly clockTicks?: number;
}

/**
 * CPU times of a process from its `/proc/<pid>/stat` line, in clock ticks: its own (`utime + stime`, fields 14
 * and 15) and that of the children it has reaped (`cutime + cstime`, fields 16 and 17).
 *
 * @internal
 */
export function parseStatTicks(text: string): { readonly own: number; readonly reaped: number } | undefined {
  // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state), so field n is rest[n - 3].
  const [utime, stime, cutime, cstime] = [rest[11], rest[12], rest[13], rest[14]].map(Number);
  if (![utime, stime, cutime, cstime].every((v) => v !== undefined && Number.isFinite(v))) return undefined;
  return { own: (utime as number) + (stime as number), reaped: (cutime as number) + (cstime as number) };
}

/**
 * Reads `cutime + cstime` (fields 16 and 17) of `/proc/self/stat`, in clock ticks.
 *
 * @internal
 */
export function parseChildTicks(text: string): number | undefined {
  return parseStatTicks(text)?.reaped;
}

/**
 * CPU used by child processes once they have been reaped, from the `cutime`/`cstime` deltas of
 * `/proc/self/stat`. It catches commands (such as short git invocations) too brief to sample by pid.
 * Linux only. Source id `process.children`.
 *
 * @public
 */
export class ReapedChildrenSource implements MetricSource {
  /** Source id. */
  readonly id = 'process.children';
  readonly #ticks: number;
  #previous: { ticks: number; at: number } | undefined;

  /** @param options - clock ticks per second */
  constructor(options: ReapedChildrenSourceOptions = {}) {
    validateOptions(options, { clockTicks: { kind: 'number', integer: true, min: 1 } }, 'ReapedChildrenSource');
    this.#ticks = options.clockTicks ?? 100;
  }

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return DESCRIPTORS;
  }

  /** Needs a readable `/proc/self/stat`. */
  availability(): SourceAvailability {
    return procAvailability(PATH);
  }

  /** Takes the baseline. */
  start(): void {
    const ticks = parseChildTicks(readProc(PATH));
    if (ticks !== undefined) this.#previous = { ticks, at: performance.now() / 1000 };
  }

  /** Forgets the baseline. */
  stop(): void {
    this.#previous = undefined;
  }

  /** {@inheritDoc MetricSource.collect} */
  collect(context: CollectContext): MetricValues {
    const ticks = parseChildTicks(readProc(PATH));
    if (ticks === undefined) throw new Error(`${PATH} has an unexpected format`);
    const values: Record<string, number> = { 'process.children.cpu.time': ticks / this.#ticks };
    const prev = this.#previous;
    if (prev !== undefined && context.now > prev.at) {
      values['process.children.cpu.utilization'] = Math.max(0, ticks - prev.ticks) / this.#ticks / (context.now - prev.at);
    }
    this.#previous = { ticks, at: context.now };
    return values;
  }
}
