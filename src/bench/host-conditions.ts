// The host's conditions during a measurement (load, other processes' CPU time, steal, frequency), and whether
// two measurements' conditions differ enough to explain a change between them.
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { mean } from 'simple-statistics';
import { systemClock, type Clock } from '../core/clock.js';
import { validateOptions } from '../core/options.js';

/** Clock ticks per second of /proc/stat (USER_HZ, 100 on every Linux ABI Node runs on). */
const USER_HZ = 100;

/**
 * Cumulative CPU time of the whole machine since boot, from the first line of `/proc/stat`, in seconds (summed over cores).
 *
 * @public
 */
export interface HostCpuTimes {
  /** Time spent running anything (user, nice, system, irq, softirq; guest time is inside user). */
  readonly busySeconds: number;
  /** Time the hypervisor ran another guest while this one wanted to run. */
  readonly stealSeconds: number;
  /** All time, busy, idle, iowait and steal included. */
  readonly totalSeconds: number;
}

/**
 * One reading of the host's state at an instant.
 *
 * @public
 */
export interface HostReading {
  /** When it was taken, in milliseconds of the clock's monotonic time. */
  readonly atMs: number;
  /** Logical cores. */
  readonly cores: number;
  /** One-minute load average. */
  readonly loadAverage: number;
  /** Cumulative CPU times, where `/proc/stat` is readable. */
  readonly cpuTimes?: HostCpuTimes;
  /** Mean current frequency over cores in hertz, where readable. */
  readonly frequencyHz?: number;
  /**
   * Runnable at that instant, where `/proc/loadavg` is readable: other processes' runnable threads (the run
   * queue less this process's own running threads, from `/proc/self/task`) plus one for this process. Its own
   * threads are left out because a run's garbage-collector and compiler threads are part of what it measures,
   * and on a quiet machine they alone read 4-5 runnable for an instant.
   */
  readonly runnable?: number;
}

/**
 * The host's conditions over a measurement window.
 *
 * @public
 */
export interface HostConditions {
  /** Length of the window, seconds. */
  readonly seconds: number;
  /** Logical cores. */
  readonly cores: number;
  /** One-minute load average per core when the window started. */
  readonly loadPerCoreStart: number;
  /** One-minute load average per core during the window (the mean of the readings after the start). */
  readonly loadPerCoreDuring: number;
  /** Share (0-1) of the machine's CPU time (all cores) that other processes used during the window, where `/proc/stat` is readable. */
  readonly otherCpuShare?: number;
  /** Share (0-1) of the machine's CPU time stolen by the hypervisor during the window, where `/proc/stat` is readable. */
  readonly stealShare?: number;
  /** Mean CPU frequency in hertz during the window, where readable. */
  readonly frequencyHz?: number;
  /**
   * Runnable processes per core during the window (the mean of the run-queue readings after the start: other
   * processes' runnable threads plus one for the measured process), where `/proc/loadavg` is readable: unlike
   * the one-minute load average it follows a change of load within seconds.
   */
  readonly runnablePerCore?: number;
}

/**
 * How far apart two {@link HostConditions} must be before they explain a change in a measurement.
 *
 * @public
 */
export interface ConditionThresholds {
  /** Difference in load per core. @defaultValue `0.5` */
  readonly loadPerCore?: number;
  /** Difference in the share of CPU time other processes took. @defaultValue `0.2` */
  readonly otherCpuShare?: number;
  /** Difference in the share of CPU time stolen. @defaultValue `0.05` */
  readonly stealShare?: number;
  /** Relative difference in CPU frequency. @defaultValue `0.1` */
  readonly frequency?: number;
  /** Difference in runnable processes per core. @defaultValue `1` */
  readonly runnablePerCore?: number;
}

/**
 * One way two measurements' conditions differ.
 *
 * @public
 */
export interface ConditionDifference {
  /** What differs. */
  readonly what: 'load per core' | 'runnable processes per core' | 'CPU taken by other processes' | 'CPU steal' | 'CPU frequency';
  /** Value during the baseline (a ratio, or hertz for the frequency). */
  readonly baseline: number;
  /** Value now. */
  readonly current: number;
  /** In words: "load per core 0.30 during the baseline, 1.90 now". */
  readonly text: string;
}

/**
 * Whether two measurements' conditions differ enough to explain a change between them, and how.
 *
 * @public
 */
export interface ConditionsExplanation {
  /** True when at least one difference passed its threshold. */
  readonly explains: boolean;
  /** The differences past their thresholds. */
  readonly differences: readonly ConditionDifference[];
  /**
   * The largest change, as a ratio of at least 1, that these differences could plausibly cause in a CPU-bound
   * measurement: the ratio of the CPU available to it on each side (run queue and load per core above one per
   * core, CPU left by other processes and steal, frequency), at least 1.1 when `explains`, 1 when it does not.
   * `Infinity` when the load or the run queue changed and one side had 2 or more per core: on an oversubscribed
   * CPU a preempted sample takes a whole time slice longer, so a timing can be slowed by any amount (written as
   * `null` in JSON, which cannot hold `Infinity`).
   * The larger of {@link ConditionsExplanation.slowdown} and {@link ConditionsExplanation.speedup}.
   */
  readonly factor: number;
  /**
   * The largest slowdown of the current measurement (a ratio of at least 1) the differences could cause: the
   * ratio of the CPU available on each side, at least 1.1 when `explains`, 1 when it does not; `Infinity`
   * (JSON `null`) when the current run met an oversubscribed CPU (2 or more runnable per core) and the load
   * or run queue changed.
   */
  readonly slowdown: number;
  /**
   * The same for a speed-up (the current measurement reading up to this many times faster): the same ratio
   * (a busier host can read faster too: a quiet baseline may have run at a lower clock or woken from idle),
   * `Infinity` when the baseline met the oversubscribed CPU. A measured ratio whose interval reaches into
   * `[1 / speedup, slowdown]` is explained; one wholly beyond is not.
   */
  readonly speedup: number;
  /** In words: the differences joined, or that the conditions were alike. */
  readonly reason: string;
}

/** Parses the aggregate `cpu` line of `/proc/stat`. @internal */
export function parseProcStat(text: string): HostCpuTimes | undefined {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (line === undefined) return undefined;
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  if (f.length < 4 || f.some((v) => !Number.isFinite(v))) return undefined;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
  return {
    busySeconds: (user + nice + system + irq + softirq) / USER_HZ,
    stealSeconds: steal / USER_HZ,
    totalSeconds: (user + nice + system + idle + iowait + irq + softirq + steal) / USER_HZ,
  };
}

/** Mean of the `cpu MHz` lines of `/proc/cpuinfo`, in hertz. @internal */
export function parseCpuinfoMhz(text: string): number | undefined {
  const mhz = [...text.matchAll(/^cpu MHz\s*:\s*([\d.]+)/gm)].map((m) => Number(m[1])).filter((v) => v > 0);
  return mhz.length === 0 ? undefined : mean(mhz) * 1e6;
}

/** Runnable processes from `/proc/loadavg` (the numerator of its fourth field). @internal */
export function parseLoadavgRunnable(text: string): number | undefined {
  const m = /^\S+\s+\S+\s+\S+\s+(\d+)\//.exec(text);
  return m === null ? undefined : Number(m[1]);
}

/** This process's threads in state R (running or runnable) now, from `/proc/self/task`; 0 where unreadable. */
function ownRunningThreads(): number {
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  let running = 0;
  for (const tid of tasks) {
    const stat = readText(`/proc/self/task/${tid}/stat`);
    if (stat !== undefined && parseTaskState(stat) === 'R') running++;
  }
  return running;
}

/** The state letter of a `/proc/<pid>/task/<tid>/stat` line (after the parenthesised command name). @internal */
export function parseTaskState(stat: string): string | undefined {
  const close = stat.lastIndexOf(')');
  return close < 0 ? undefined : stat.charAt(close + 2) || undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readFrequencyHz(): number | undefined {
  let names: string[];
  try {
    names = readdirSync('/sys/devices/system/cpu').filter((n) => /^cpu\d+$/.test(n));
  } catch {
    names = [];
  }
  const khz = names.map((n) => Number(readText(`/sys/devices/system/cpu/${n}/cpufreq/scaling_cur_freq`)?.trim())).filter((v) => v > 0);
  if (khz.length > 0) return mean(khz) * 1e3;
  const cpuinfo = readText('/proc/cpuinfo');
  return cpuinfo === undefined ? undefined : parseCpuinfoMhz(cpuinfo);
}

/**
 * Reads the host's state now: load average, cumulative CPU times from `/proc/stat` and CPU frequency (from
 * `scaling_cur_freq`, else `/proc/cpuinfo`), each where the platform has it.
 *
 * @param clock - where the reading's time comes from @defaultValue `systemClock`
 * @public
 */
export function readHostReading(clock: Clock = systemClock): HostReading {
  const stat = readText('/proc/stat');
  const cpuTimes = stat === undefined ? undefined : parseProcStat(stat);
  const frequencyHz = readFrequencyHz();
  const loadavgText = readText('/proc/loadavg');
  const queue = loadavgText === undefined ? undefined : parseLoadavgRunnable(loadavgText);
  const runnable = queue === undefined ? undefined : Math.max(0, queue - ownRunningThreads()) + 1;
  return {
    atMs: clock.now(),
    cores: availableParallelism(),
    loadAverage: loadavg()[0] ?? 0,
    ...(cpuTimes === undefined ? {} : { cpuTimes }),
    ...(frequencyHz === undefined ? {} : { frequencyHz }),
    ...(runnable === undefined ? {} : { runnable }),
  };
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * The conditions over the window between readings: `start`, then one or more later readings (the last one ends
 * the window). `ownCpuSeconds` is the CPU time the measured process tree itself used in the window; the rest of
 * the machine's busy time is other processes'.
 *
 * @param start - the reading when the window opened
 * @param later - readings during the window, the last at its end (at least one)
 * @param ownCpuSeconds - CPU time of the measured process tree during the window, seconds
 * @throws RangeError when `later` is empty or `ownCpuSeconds` is negative
 * @public
 */
export function hostConditionsBetween(start: HostReading, later: readonly HostReading[], ownCpuSeconds: number): HostConditions {
  const end = later.at(-1);
  if (end === undefined) throw new RangeError('later must hold at least one reading');
  if (!(ownCpuSeconds >= 0)) throw new RangeError(`ownCpuSeconds must be a non-negative number, got ${ownCpuSeconds}`);
  const cores = Math.max(1, start.cores);
  const out: { -readonly [K in keyof HostConditions]: HostConditions[K] } = {
    seconds: Math.max(0, (end.atMs - start.atMs) / 1000),
    cores,
    loadPerCoreStart: start.loadAverage / cores,
    loadPerCoreDuring: mean(later.map((r) => r.loadAverage)) / cores,
  };
  if (start.cpuTimes !== undefined && end.cpuTimes !== undefined) {
    const total = end.cpuTimes.totalSeconds - start.cpuTimes.totalSeconds;
    if (total > 0) {
      const busy = end.cpuTimes.busySeconds - start.cpuTimes.busySeconds;
      out.otherCpuShare = clamp01((busy - ownCpuSeconds) / total);
      out.stealShare = clamp01((end.cpuTimes.stealSeconds - start.cpuTimes.stealSeconds) / total);
    }
  }
  const freqs = [start, ...later].map((r) => r.frequencyHz).filter((f): f is number => f !== undefined);
  if (freqs.length > 0) out.frequencyHz = mean(freqs);
  const queue = later.map((r) => r.runnable).filter((n): n is number => n !== undefined);
  if (queue.length > 0) out.runnablePerCore = mean(queue) / cores;
  return out;
}

/**
 * The conditions of several windows taken as one (for example every round of one side): means of each field
 * that every window has.
 *
 * @throws RangeError when `windows` is empty
 * @public
 */
export function combineHostConditions(windows: readonly HostConditions[]): HostConditions {
  const first = windows[0];
  if (first === undefined) throw new RangeError('windows must hold at least one HostConditions');
  const meanOf = (pick: (c: HostConditions) => number | undefined): number | undefined => {
    const values = windows.map(pick);
    return values.every((v): v is number => v !== undefined) ? mean(values) : undefined;
  };
  const other = meanOf((c) => c.otherCpuShare);
  const steal = meanOf((c) => c.stealShare);
  const freq = meanOf((c) => c.frequencyHz);
  const queue = meanOf((c) => c.runnablePerCore);
  return {
    seconds: windows.reduce((a, c) => a + c.seconds, 0),
    cores: first.cores,
    loadPerCoreStart: first.loadPerCoreStart,
    loadPerCoreDuring: meanOf((c) => c.loadPerCoreDuring) ?? first.loadPerCoreDuring,
    ...(other === undefined ? {} : { otherCpuShare: other }),
    ...(steal === undefined ? {} : { stealShare: steal }),
    ...(freq === undefined ? {} : { frequencyHz: freq }),
    ...(queue === undefined ? {} : { runnablePerCore: queue }),
  };
}

const THRESHOLD_RULES = {
  loadPerCore: { kind: 'number', min: 0 },
  otherCpuShare: { kind: 'number', min: 0, max: 1 },
  stealShare: { kind: 'number', min: 0, max: 1 },
  frequency: { kind: 'number', min: 0 },
  runnablePerCore: { kind: 'number', min: 0 },
} as const;

const pct = (share: number): string => `${(share * 100).toFixed(0)}%`;

/** Runnable processes (or load) per core from which a changed load can explain a change of any size. */
const OVERSUBSCRIBED_PER_CORE = 2;

/**
 * Says whether the conditions of a current measurement differ from the baseline's enough to explain a change
 * between them, naming each difference: "load per core 0.30 during the baseline, 1.90 now". A field only one
 * side has is not compared. A caller that finds a change and an explanation should call the change
 * `inconclusive` with this reason, never `regressed`.
 *
 * @param baseline - conditions during the baseline measurement
 * @param current - conditions during the current one
 * @param thresholds - how far apart each field must be
 * @throws TypeError or RangeError naming an invalid threshold
 * @public
 */
export function explainByConditions(baseline: HostConditions, current: HostConditions, thresholds: ConditionThresholds = {}): ConditionsExplanation {
  validateOptions(thresholds, THRESHOLD_RULES, 'explainByConditions');
  const { loadPerCore = 0.5, otherCpuShare = 0.2, stealShare = 0.05, frequency = 0.1, runnablePerCore = 1 } = thresholds;
  const differences: ConditionDifference[] = [];
  const add = (what: ConditionDifference['what'], b: number, c: number, show: (x: number) => string): void => {
    differences.push({ what, baseline: b, current: c, text: `${what} ${show(b)} during the baseline, ${show(c)} now` });
  };
  const loadB = Math.max(baseline.loadPerCoreStart, baseline.loadPerCoreDuring);
  const loadC = Math.max(current.loadPerCoreStart, current.loadPerCoreDuring);
  if (Math.abs(loadC - loadB) >= loadPerCore) add('load per core', loadB, loadC, (x) => x.toFixed(2));
  if (baseline.runnablePerCore !== undefined && current.runnablePerCore !== undefined && Math.abs(current.runnablePerCore - baseline.runnablePerCore) >= runnablePerCore) {
    add('runnable processes per core', baseline.runnablePerCore, current.runnablePerCore, (x) => x.toFixed(1));
  }
  if (baseline.otherCpuShare !== undefined && current.otherCpuShare !== undefined && Math.abs(current.otherCpuShare - baseline.otherCpuShare) >= otherCpuShare) {
    add('CPU taken by other processes', baseline.otherCpuShare, current.otherCpuShare, pct);
  }
  if (baseline.stealShare !== undefined && current.stealShare !== undefined && Math.abs(current.stealShare - baseline.stealShare) >= stealShare) {
    add('CPU steal', baseline.stealShare, current.stealShare, pct);
  }
  if (baseline.frequencyHz !== undefined && current.frequencyHz !== undefined && baseline.frequencyHz > 0) {
    if (Math.abs(current.frequencyHz / baseline.frequencyHz - 1) >= frequency) {
      add('CPU frequency', baseline.frequencyHz, current.frequencyHz, (x) => `${(x / 1e9).toFixed(2)} GHz`);
    }
  }
  // Each difference bounds the change it could cause by the ratio of the CPU available on each side, either way
  // (a busier host can also read faster: a quiet baseline may have run at a lower clock or woken from idle).
  // On an oversubscribed CPU the busier side's bound is lifted: a sample the scheduler preempts takes a whole
  // time slice longer, so a timing can be slowed far beyond the CPU share (8 spinners on 2 cores slowed a short
  // task's median 20-47x, where the share predicts 4.5x).
  const spread = (b: number, c: number): number => (b > 0 && c > 0 ? Math.max(b / c, c / b) : 1);
  const bounds = differences.map((d): { slowdown: number; speedup: number } => {
    switch (d.what) {
      case 'load per core':
      case 'runnable processes per core': {
        const share = spread(Math.max(1, d.baseline), Math.max(1, d.current));
        if (Math.max(d.baseline, d.current) < OVERSUBSCRIBED_PER_CORE) return { slowdown: share, speedup: share };
        return d.current > d.baseline ? { slowdown: Infinity, speedup: share } : { slowdown: share, speedup: Infinity };
      }
      case 'CPU taken by other processes':
      case 'CPU steal': {
        const share = spread(Math.max(0.05, 1 - d.baseline), Math.max(0.05, 1 - d.current));
        return { slowdown: share, speedup: share };
      }
      case 'CPU frequency': {
        const ratio = spread(d.baseline, d.current);
        return { slowdown: ratio, speedup: ratio };
      }
    }
  });
  // at least 1.1 when something differs: a measured condition is a coarse reading of the CPU
  const side = (xs: readonly number[]): number => (xs.length === 0 ? 1 : Math.max(1.1, ...xs));
  const slowdown = side(bounds.map((b) => b.slowdown));
  const speedup = side(bounds.map((b) => b.speedup));
  return {
    explains: differences.length > 0,
    differences,
    factor: differences.length > 0 ? Math.max(1.1, slowdown, speedup) : 1,
    slowdown,
    speedup,
    reason: differences.length > 0 ? differences.map((d) => d.text).join('; ') : 'the host conditions of both measurements were alike',
  };
}
