// The suite summary: duration, total ops/s, success rate, and peaks from the monitor or from own samples.
import type { MetricSnapshot } from '../core/snapshot.js';
import type { SuiteStatus, SuiteSummary, TaskResult } from '../core/results.js';

/**
 * Peaks gathered without a monitor (rss samples and per-task CPU utilization).
 *
 * @internal
 */
export interface OwnPeaks {
  readonly rss: number;
  readonly cpu: number;
}

const HIT_RATIO = /^cache\.(.+)\.hit_ratio$/;

/**
 * Builds the summary. `snapshots` are the monitor's snapshots taken during the run (may be empty).
 *
 * @internal
 */
export function buildSummary(
  tasks: readonly TaskResult[],
  duration: number,
  own: OwnPeaks,
  snapshots: readonly MetricSnapshot[],
): SuiteSummary {
  let ops = 0;
  let ok = 0;
  for (const t of tasks) {
    if (t.status !== 'ok') continue;
    ok++;
    const v = t.stats?.opsPerSecond;
    if (v !== undefined && Number.isFinite(v) && t.stats?.belowResolution !== true) ops += v;
  }
  let peakMemory = own.rss;
  let peakCpu = own.cpu;
  const latestRatio = new Map<string, number>();
  for (const s of snapshots) {
    const mem = s.get('process.memory.usage');
    if (mem !== undefined && Number.isFinite(mem) && mem > peakMemory) peakMemory = mem;
    const cpu = s.get('process.cpu.utilization');
    if (cpu !== undefined && Number.isFinite(cpu) && cpu > peakCpu) peakCpu = cpu;
    for (const name of s.metrics()) {
      const m = HIT_RATIO.exec(name);
      const v = s.get(name);
      if (m?.[1] !== undefined && v !== undefined && Number.isFinite(v)) latestRatio.set(m[1], v);
    }
  }
  let cacheHitRatio: number | undefined;
  if (latestRatio.size > 0) {
    let sum = 0;
    for (const v of latestRatio.values()) sum += v;
    cacheHitRatio = sum / latestRatio.size;
  }
  return {
    duration,
    operationsPerSecond: ops,
    peakMemory,
    peakCpu,
    ...(cacheHitRatio === undefined ? {} : { cacheHitRatio }),
    successRate: tasks.length === 0 ? 1 : ok / tasks.length,
  };
}

/**
 * Overall status from the task statuses.
 *
 * @internal
 */
export function suiteStatus(tasks: readonly TaskResult[], aborted: boolean): SuiteStatus {
  if (aborted) return 'aborted';
  const ok = tasks.filter((t) => t.status === 'ok').length;
  if (ok === tasks.length) return 'ok';
  return ok === 0 ? 'failed' : 'partial';
}
