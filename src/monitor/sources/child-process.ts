import { TypedEventEmitter } from '../../core/typed-events.js';
import { validateOptions } from '../../core/options.js';
import type pidusage from 'pidusage';
import type { MetricDescriptor, MetricValues } from '../../core/metric.js';
import type { MetricSource } from '../../core/source.js';
import { RuneBenchError } from '../../core/errors.js';
import { frozenList } from './proc.js';

type Pidusage = (pid: number) => Promise<pidusage.Status>;
let loadingPidusage: Promise<Pidusage> | undefined;

/** pidusage, loaded on the first collection: importing rune-bench does not pay for it (about a dozen modules). */
function loadPidusage(): Promise<Pidusage> {
  return (loadingPidusage ??= import('pidusage').then((m) => m.default as Pidusage));
}

const LABEL = /^[A-Za-z0-9_-]+$/;

/**
 * Payload of {@link ChildProcessSource}'s `exit` event.
 *
 * @public
 */
export interface ChildExitEvent {
  /** The pid that exited. */
  readonly pid: number;
  /** Its label. */
  readonly label: string;
}

/**
 * Events of {@link ChildProcessSource}.
 *
 * @public
 */
export interface ChildProcessSourceEvents {
  /** A registered pid is gone (reported once; the pid is then unregistered). */
  exit: (event: ChildExitEvent) => void;
  /** Reading a pid failed for a reason other than its exit (its metrics are absent from that sample). */
  error: (error: RuneBenchError) => void;
}

/**
 * Options of {@link ChildProcessSource}.
 *
 * @public
 */
export interface ChildProcessSourceOptions {
  /**
   * Source id, to run several such sources in one monitor.
   *
   * @defaultValue 'process.child'
   */
  readonly id?: string;
}

interface Watched {
  readonly pid: number;
  readonly label: string;
  previous: { ctime: number; at: number } | undefined;
}

function isExit(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === 'ESRCH' || e?.code === 'ENOENT' || (typeof e?.message === 'string' && e.message.includes('No matching pid'));
}

/**
 * CPU and memory of processes the host registers by pid, read through pidusage. For each label it
 * reports `process.child.<label>.cpu.utilization` (share of one core) and `process.child.<label>.memory.usage`.
 * The first reading of a pid is its average since it started (pidusage itself would say 0%); a pid that
 * has exited is reported once through the `exit` event and unregistered, never failing later samples.
 * Source id `process.child` by default.
 *
 * @public
 */
export class ChildProcessSource extends TypedEventEmitter<ChildProcessSourceEvents> implements MetricSource {
  /** Source id. */
  readonly id: string;
  readonly #watched = new Map<string, Watched>();
  #descriptors: readonly MetricDescriptor[] = frozenList([]);

  /** @param options - source id */
  constructor(options: ChildProcessSourceOptions = {}) {
    super();
    validateOptions(options, { id: { kind: 'string', nonEmpty: true } }, 'ChildProcessSource');
    const id = options.id ?? 'process.child';
    if (typeof id !== 'string' || id === '') throw new TypeError('id option must be a non-empty string');
    this.id = id;
  }

  /** Labels and pids being watched. */
  get watched(): ReadonlyMap<string, number> {
    return new Map([...this.#watched.values()].map((w) => [w.label, w.pid]));
  }

  /**
   * Starts watching a process.
   *
   * @param target - a pid or an object with a `pid` (a `ChildProcess`)
   * @param label - metric label: letters, digits, `_` and `-`; defaults to `pid<pid>`
   * @throws RangeError for a bad pid or label; {@link RuneBenchError} `ERR_DUPLICATE` when the label is taken
   */
  register(target: number | { readonly pid?: number | undefined }, label?: string): this {
    const pid = typeof target === 'number' ? target : target.pid;
    if (pid === undefined || !Number.isInteger(pid) || pid <= 0) throw new RangeError('pid must be a positive integer (has the process spawned?)');
    const name = label ?? `pid${pid}`;
    if (!LABEL.test(name)) throw new RangeError(`label ${JSON.stringify(name)} must match ${LABEL.source}`);
    if (this.#watched.has(name)) throw new RuneBenchError('ERR_DUPLICATE', `a child process is already registered as ${name}`);
    this.#watched.set(name, { pid, label: name, previous: undefined });
    this.#rebuild();
    return this;
  }

  /** Stops watching a label (or every label of a pid); returns whether anything was removed. */
  unregister(labelOrPid: string | number): boolean {
    let removed = false;
    for (const w of [...this.#watched.values()]) {
      if (w.label === labelOrPid || w.pid === labelOrPid) removed = this.#watched.delete(w.label) || removed;
    }
    if (removed) this.#rebuild();
    return removed;
  }

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return this.#descriptors;
  }

  /** {@inheritDoc MetricSource.collect} */
  async collect(): Promise<MetricValues> {
    const values: Record<string, number> = {};
    const watched = [...this.#watched.values()];
    if (watched.length === 0) return values;
    const pidusage = await loadPidusage();
    await Promise.all(watched.map(async (w) => {
      let stat: pidusage.Status;
      try {
        stat = await pidusage(w.pid);
      } catch (cause) {
        if (isExit(cause)) {
          this.#exited(w);
        } else {
          const message = cause instanceof Error ? cause.message : String(cause);
          this.emit('error', new RuneBenchError('ERR_CHILD_FAILED', `could not read process ${w.pid} (${w.label}): ${message}`, { cause }));
        }
        return;
      }
      if (this.#watched.get(w.label) !== w) return; // unregistered meanwhile
      // A process that has exited but is not reaped yet (a zombie) has no memory left: it is gone, not at 0 B.
      if (stat.memory === 0) {
        this.#exited(w);
        return;
      }
      const prefix = `process.child.${w.label}`;
      const prev = w.previous;
      // pidusage's own first reading is 0%: use the average since the process started instead.
      const utilization =
        prev === undefined || stat.timestamp <= prev.at
          ? stat.elapsed > 0 ? stat.ctime / stat.elapsed : 0
          : Math.max(0, stat.ctime - prev.ctime) / (stat.timestamp - prev.at);
      w.previous = { ctime: stat.ctime, at: stat.timestamp };
      values[`${prefix}.cpu.utilization`] = utilization;
      values[`${prefix}.memory.usage`] = stat.memory;
    }));
    return values;
  }

  /** Forgets readings (pids stay registered). */
  stop(): void {
    for (const w of this.#watched.values()) w.previous = undefined;
  }

  #exited(w: Watched): void {
    if (this.#watched.get(w.label) !== w) return;
    this.#watched.delete(w.label);
    this.#rebuild();
    this.emit('exit', { pid: w.pid, label: w.label });
  }

  #rebuild(): void {
    const list: MetricDescriptor[] = [];
    for (const { label, pid } of this.#watched.values()) {
      list.push(
        { name: `process.child.${label}.cpu.utilization`, unit: '1', kind: 'rate', description: `CPU of process ${pid} (${label}) per second of wall time, as a share of one core` },
        { name: `process.child.${label}.memory.usage`, unit: 'By', kind: 'gauge', description: `Resident set size of process ${pid} (${label})` },
      );
    }
    this.#descriptors = frozenList(list);
  }
}
