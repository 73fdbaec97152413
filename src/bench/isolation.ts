// Process isolation: each task runs in N fresh child processes; their per-process medians are merged.
import { pathToFileURL } from 'node:url';
import { mean, median as medianOf, sampleStandardDeviation } from 'simple-statistics';
import type { KeyFigure, TaskResult, TaskStatistics } from '../core/results.js';
import { describeSamples, relativeHalfWidth, tCritical95 } from '../stats/describe.js';
import { predictFromProcesses } from '../stats/prediction-interval.js';
import { thin, type ResolvedSettings, type TaskDefinition, type TaskOutcome, type TaskRunContext } from './task-runner.js';
import type { IsolationOptions } from './types.js';
import { CHILD_ENV, runChild } from './isolation-process.js';
import { errorInfo } from './thrown.js';

/**
 * Whether this process is an isolated child started by a {@link BenchmarkSuite} with `isolation`. A module
 * that defines an isolated suite and also runs it should skip the run when this is true.
 *
 * @public
 */
export function isIsolatedChild(): boolean {
  return process.env[CHILD_ENV] === '1';
}

/** @internal */
export function moduleUrl(module: string | URL): string {
  if (module instanceof URL) return module.href;
  return module.startsWith('file:') ? module : pathToFileURL(module).href;
}

function merge(parts: readonly TaskResult[], settings: ResolvedSettings, def: TaskDefinition): TaskStatistics | undefined {
  const stats = parts.map((p) => p.stats).filter((s): s is TaskStatistics => s !== undefined);
  if (stats.length === 0) return undefined;
  const medians = stats.map((s) => s.median);
  const pooled = parts.flatMap((p) => p.samples ?? []);
  const batchSize = Math.max(1, Math.round(medianOf(stats.map((s) => s.batchSize))));
  const resolution = Math.max(...stats.map((s) => s.resolution));
  const base = describeSamples(pooled.length > 0 ? pooled : medians, {
    batchSize,
    resolution,
    seed: settings.seed,
    operations: stats.reduce((a, s) => a + s.operations, 0),
  });
  const median = medianOf(medians);
  // between-process spread: the 95% t interval of the per-process medians (three medians alone span only a
  // 75% interval of their median), so the merged interval and rme cover run-to-run variation
  const centre = mean(medians);
  const between = medians.length > 1 ? (tCritical95(medians.length - 1) * sampleStandardDeviation(medians)) / Math.sqrt(medians.length) : 0;
  const medianCI = {
    lower: Math.min(base.medianCI.lower, ...medians, centre - between),
    upper: Math.max(base.medianCI.upper, ...medians, centre + between),
    level: 0.95,
  };
  const opsPerSecond = median > 0 ? 1 / median : Infinity;
  const predicted = predictFromProcesses(medians, median);
  const heap = stats.map((s) => s.heapBytesPerOp).filter((h): h is number => h !== undefined);
  return {
    ...base,
    samples: stats.reduce((a, s) => a + s.samples, 0),
    median,
    medianCI,
    rme: relativeHalfWidth(medianCI, median),
    intervalCovers:
      medians.length > 1
        ? `${medians.length} processes: the interval covers the spread between processes and within them`
        : 'one process: the interval covers within-process noise only',
    ...(predicted === undefined ? {} : { predictionInterval: { ...predicted, from: `${medians.length} processes` } }),
    opsPerSecond,
    ...(def.options.bytes === undefined ? {} : { bytesPerSecond: def.options.bytes * opsPerSecond }),
    ...(def.options.items === undefined ? {} : { itemsPerSecond: def.options.items * opsPerSecond }),
    belowResolution: median < 2 * resolution,
    ...(heap.length > 0 ? { heapBytesPerOp: medianOf(heap) } : {}),
  };
}

/**
 * Runs one task in `processes` fresh child processes, one after another, and merges the results: the median
 * is the median of per-process medians; its interval spans the pooled samples' bootstrap interval, every
 * per-process median and the 95% t interval of those medians; `rme` is that interval's relative half-width.
 *
 * @internal
 */
export async function runIsolated(
  suiteName: string,
  def: TaskDefinition,
  settings: ResolvedSettings,
  isolation: IsolationOptions,
  ctx: TaskRunContext,
): Promise<TaskOutcome> {
  const nowSeconds = (): number => ctx.clock.now() / 1000;
  const started = nowSeconds();
  const processes = isolation.processes ?? 3;
  const execArgv = isolation.execArgv ?? process.execArgv.filter((a) => !a.startsWith('--test'));
  const request = { module: moduleUrl(isolation.module), exportName: isolation.exportName ?? 'default', task: def.name };
  const parts: TaskResult[] = [];
  let cpuSeconds = 0;
  const tags = [...(def.options.tags ?? [])];
  const isAborted = (): boolean => ctx.signal?.aborted === true;
  for (let i = 0; i < processes; i++) {
    if (isAborted()) break;
    ctx.progress(i / processes, parts.reduce((a, p) => a + (p.stats?.samples ?? 0), 0));
    const reply = await runChild(request, { execArgv, signal: ctx.signal, clock: ctx.clock, timeoutMs: settings.timeoutMs });
    if (isAborted()) break;
    if (!reply.ok && reply.timedOut === true) {
      const error = Object.assign(new Error(reply.error.message), { name: reply.error.name });
      return { result: { name: def.name, status: 'timeout', error: errorInfo(error), duration: nowSeconds() - started, tags }, thrown: error, cpuSeconds };
    }
    if (!reply.ok) {
      const error = Object.assign(new Error(`isolated run of "${def.name}" in suite "${suiteName}" failed: ${reply.error.message}`), {
        code: 'ERR_CHILD_FAILED',
      });
      return { result: { name: def.name, status: 'failed', error: errorInfo(error), duration: nowSeconds() - started, tags }, thrown: error, cpuSeconds };
    }
    parts.push(reply.result);
    cpuSeconds += reply.cpuSeconds;
    if (reply.result.status !== 'ok') {
      return { result: { ...reply.result, duration: nowSeconds() - started }, cpuSeconds };
    }
  }
  const aborted = isAborted();
  const stats = merge(parts, settings, def);
  const pooled = parts.flatMap((p) => p.samples ?? []);
  const figures: KeyFigure[] = [
    ...(parts[0]?.figures ?? []),
    { name: 'isolation.processes', value: parts.length, unit: '{count}', description: 'fresh processes the task ran in' },
  ];
  const result: TaskResult = {
    name: def.name,
    status: aborted ? 'aborted' : 'ok',
    ...(stats === undefined ? {} : { stats }),
    ...(aborted ? { error: { name: 'RuneBenchError', message: 'the run was aborted', code: 'ERR_ABORTED' } } : {}),
    ...(settings.keepSamples > 0 && pooled.length > 0 ? { samples: thin(pooled, settings.keepSamples) } : {}),
    duration: nowSeconds() - started,
    tags,
    figures,
  };
  return { result, cpuSeconds };
}
