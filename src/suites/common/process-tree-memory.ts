// Peak memory of this process and every process it spawned (git, fio, pressure children, workers' hosts):
// descendants found through /proc/<pid>/task/<tid>/children, their peaks read from VmHWM while they run.
import { readdirSync, readFileSync } from 'node:fs';

const PROC = '/proc';

function readChildren(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`${PROC}/${String(pid)}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      for (const c of readFileSync(`${PROC}/${String(pid)}/task/${tid}/children`, 'utf8').split(' ')) {
        const n = Number(c);
        if (c.trim() !== '' && Number.isInteger(n)) out.push(n);
      }
    } catch {
      // the task ended, or the kernel has no children file (CONFIG_PROC_CHILDREN)
    }
  }
  return out;
}

/** VmHWM and VmRSS of a process, bytes; undefined when it is gone. */
function readStatus(pid: number): { readonly hwm: number; readonly rss: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`${PROC}/${String(pid)}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kib = (key: string): number => {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
    return m?.[1] === undefined ? 0 : Number(m[1]) * 1024;
  };
  return { hwm: kib('VmHWM'), rss: kib('VmRSS') };
}

/**
 * All live descendants of `pid` (children, grandchildren...).
 *
 * @internal
 */
export function descendantsOf(pid: number): number[] {
  const seen = new Set<number>();
  const queue = readChildren(pid);
  while (queue.length > 0) {
    const next = queue.pop();
    if (next === undefined || seen.has(next)) continue;
    seen.add(next);
    queue.push(...readChildren(next));
  }
  return [...seen];
}

/**
 * Peak memory over a process tree: call {@link ProcessTreeMemory.sample} now and then, or
 * {@link ProcessTreeMemory.start} to poll. The peak is the highest of: this process's RSS plus the RSS of
 * its live descendants at one sample, and any one descendant's own peak (VmHWM), so it is never below
 * what `/usr/bin/time -v` reports for the run. Descendants are read from /proc (Linux); elsewhere only
 * this process is counted ({@link ProcessTreeMemory.childrenSeen} stays false).
 *
 * @internal
 */
export class ProcessTreeMemory {
  #peak = process.memoryUsage.rss();
  #childPeak = 0;
  #seen = false;
  #timer: NodeJS.Timeout | undefined;

  /** Samples the tree now. */
  sample(): void {
    let total = process.memoryUsage.rss();
    for (const pid of descendantsOf(process.pid)) {
      const status = readStatus(pid);
      if (status === undefined) continue;
      this.#seen = true;
      total += status.rss;
      if (status.hwm > this.#childPeak) this.#childPeak = status.hwm;
    }
    this.#peak = Math.max(this.#peak, total, this.#childPeak);
  }

  /** Polls every `intervalMs` until {@link ProcessTreeMemory.stop} (the timer does not keep node alive). */
  start(intervalMs = 200): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      this.sample();
    }, intervalMs);
    this.#timer.unref();
  }

  /** Stops polling after a last sample. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.sample();
  }

  /** Highest tree-wide RSS sampled, bytes. */
  get peak(): number {
    return this.#peak;
  }

  /** Highest peak (VmHWM) of any one descendant, bytes. */
  get childPeak(): number {
    return this.#childPeak;
  }

  /** True once a descendant was read. */
  get childrenSeen(): boolean {
    return this.#seen;
  }
}
