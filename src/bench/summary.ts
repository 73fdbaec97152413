// The one suite summary: duration, total ops/s, success rate, peaks and cache hit ratio, over a suite's
// own tasks and its children (a parent summarises its whole tree).
import type { MetricSnapshot } from '../core/snapshot.js';
import type { SuiteResult, SuiteStatus, SuiteSummary, TaskResult } from '../core/results.js';
import { walkBenchmarks } from '../core/walk.js';

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

/** Tasks of the children's whole trees. */
function childTasks(children: readonly SuiteResult[]): TaskResult[] {
  return children.flatMap((c) => [...walkBenchmarks(c)].map((b) => b.task));
}

/**
 * Builds the summary of a suite: its own tasks and, for a suite that runs others, its `children`.
 * `snapshots` are the monitor's snapshots taken during the run (may be empty).
 *
 * - operations per second: the own ok tasks' ops/s (not below the timer resolution) plus each child's total;
 * - peaks: the highest of the own samples, the snapshots and the children's summaries;
 * - cache hit ratio: the mean of the latest ratio of each monitored cache, each child's ratio and each
 *   child figure `cache.hit_ratio` (unit `1`);
 * - success rate: ok tasks over all tasks of the tree, 0 when no task ran (nothing succeeded).
 *
 * @internal
 */
export function buildSummary(
  tasks: readonly TaskResult[],
  duration: number,
  own: OwnPeaks,
  snapshots: readonly MetricSnapshot[],
  children: readonly SuiteResult[] = [],
): SuiteSummary {
  let ops = 0;
  for (const t of tasks) {
    if (t.status !== 'ok') continue;
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
      const v = s.getUnchecked(name);
      if (m?.[1] !== undefined && v !== undefined && Number.isFinite(v)) latestRatio.set(m[1], v);
    }
  }
  const ratios = [...latestRatio.values()];
  for (const child of children) {
    const c = child.summary;
    if (Number.isFinite(c.operationsPerSecond)) ops += c.operationsPerSecond;
    peakMemory = Math.max(peakMemory, c.peakMemory);
    peakCpu = Math.max(peakCpu, c.peakCpu);
    if (c.cacheHitRatio !== undefined) ratios.push(c.cacheHitRatio);
    for (const f of child.figures ?? []) {
      if (f.name.endsWith('cache.hit_ratio') && f.unit === '1' && Number.isFinite(f.value)) ratios.push(f.value);
    }
  }
  const all = [...tasks, ...childTasks(children)];
  const ok = all.filter((t) => t.status === 'ok').length;
  return {
    duration,
    operationsPerSecond: ops,
    peakMemory,
    peakCpu,
    ...(ratios.length > 0 ? { cacheHitRatio: ratios.reduce((sum, x) => sum + x, 0) / ratios.length } : {}),
    successRate: all.length === 0 ? 0 : ok / all.length,
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
