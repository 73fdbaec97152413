// The `comprehensive` suite: every built-in suite at one scale, one summary, the bottleneck findings.
import { BottleneckDetector } from '../../detect/bottleneck/bottleneck-detector.js';
import { isRuneBenchError } from '../../core/errors.js';
import type { KeyFigure, SuiteResult, SuiteSummary, TaskResult } from '../../core/results.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import type { Suite, SuiteRunOptions } from '../../core/suite.js';
import { PerformanceMonitor } from '../../monitor/performance-monitor.js';
import { ProgressReporter } from '../common/progress.js';
import { emptyResult, finishResult } from '../common/result.js';
import { param, resolveScale } from '../common/scale.js';
import { ProcessTreeMemory } from '../common/process-tree-memory.js';

const ID = 'comprehensive';

/** Key figures of a child, named `<suite>.<figure>`. */
function childFigures(child: SuiteResult): KeyFigure[] {
  return (child.figures ?? []).map((f) => ({ ...f, name: `${child.name}.${f.name}` }));
}

/**
 * The comprehensive summary over the children: wall time, summed operations per second, peak memory
 * and CPU (the children's and the monitor's), the mean of every `cache.hit_ratio` figure, and the share
 * of ok tasks over all children.
 *
 * @internal
 */
export function combineSummaries(
  children: readonly SuiteResult[],
  duration: number,
  monitor: { readonly peakMemory?: number | undefined; readonly peakCpu?: number | undefined },
): SuiteSummary {
  let tasks = 0;
  let ok = 0;
  let ops = 0;
  let peakMemory = monitor.peakMemory ?? 0;
  let peakCpu = monitor.peakCpu ?? 0;
  const ratios: number[] = [];
  for (const child of children) {
    tasks += child.tasks.length;
    ok += child.tasks.filter((t) => t.status === 'ok').length;
    if (Number.isFinite(child.summary.operationsPerSecond)) ops += child.summary.operationsPerSecond;
    peakMemory = Math.max(peakMemory, child.summary.peakMemory);
    peakCpu = Math.max(peakCpu, child.summary.peakCpu);
    if (child.summary.cacheHitRatio !== undefined) ratios.push(child.summary.cacheHitRatio);
    for (const f of child.figures ?? []) {
      if (f.name.endsWith('cache.hit_ratio') && f.unit === '1' && Number.isFinite(f.value)) ratios.push(f.value);
    }
  }
  return {
    duration,
    operationsPerSecond: ops,
    peakMemory,
    peakCpu,
    ...(ratios.length > 0 ? { cacheHitRatio: ratios.reduce((s, x) => s + x, 0) / ratios.length } : {}),
    successRate: tasks === 0 ? 0 : ok / tasks,
  };
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function prefixed(child: SuiteResult): TaskResult[] {
  return child.tasks.map((t) => ({ ...t, name: `${child.name} / ${t.name}` }));
}

/**
 * Creates a `comprehensive` suite running the suites `source()` returns (the registry passes its
 * built-ins). A child that fails or throws is reported as a failed child; the others still run.
 *
 * @param source - the suites to run, read at each run
 * @internal
 */
export function createComprehensiveSuite(source: () => readonly Suite[]): Suite {
  const run = async (options: SuiteRunOptions = {}): Promise<SuiteResult> => {
    const started = performance.now();
    const scale = resolveScale(options);
    const signal = options.signal;
    const only = param(options, 'suites', 'string');
    const dir = param(options, 'dir', 'string');
    const interval = param(options, 'interval', 'number') ?? 500;
    if (!(Number.isFinite(interval) && interval >= 50)) throw new RangeError('interval parameter must be at least 50 ms');
    let suites = source().filter((s) => s.id !== ID);
    if (only !== undefined) {
      const wanted = only.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const unknown = wanted.filter((w) => !suites.some((s) => s.id === w));
      if (unknown.length > 0) throw new RangeError(`suites parameter: unknown suite ${unknown.join(', ')}; known: ${suites.map((s) => s.id).join(', ')}`);
      suites = suites.filter((s) => wanted.includes(s.id));
    }
    const progress = new ProgressReporter(ID, options.onProgress);
    const monitor = new PerformanceMonitor({ interval, historySize: 100_000 });
    await monitor.start();
    const treeMemory = new ProcessTreeMemory();
    treeMemory.start();
    const children: SuiteResult[] = [];
    const notices: string[] = [];
    let aborted = false;
    try {
      for (const [index, suite] of suites.entries()) {
        if (isAborted(signal)) {
          aborted = true;
          break;
        }
        const span = progress.span(index / suites.length, (index + 1) / suites.length);
        span.update(suite.id, 0, `${suite.id} (${String(index + 1)} of ${String(suites.length)})`);
        const params = dir !== undefined && suite.parameters.some((p) => p.name === 'dir') ? { dir } : undefined;
        try {
          const child = await suite.run({
            scale,
            ...(options.seed !== undefined ? { seed: options.seed } : {}),
            ...(signal !== undefined ? { signal } : {}),
            ...(params !== undefined ? { params } : {}),
            onProgress: (p) => {
              span.update(`${suite.id}: ${p.phase}`, p.fraction, p.message);
            },
          });
          children.push(child);
          if (child.status === 'aborted') aborted = true;
        } catch (error) {
          if (isRuneBenchError(error, 'ERR_ABORTED') || isAborted(signal)) {
            aborted = true;
            children.push(await emptyResult(suite.id, 'aborted', { notices: ['aborted'] }));
            break;
          }
          const message = error instanceof Error ? error.message : String(error);
          notices.push(`${suite.id} failed: ${message}`);
          children.push(await emptyResult(suite.id, 'failed', { notices: [`failed: ${message}`] }));
        }
        if (aborted) break;
      }
    } finally {
      treeMemory.stop();
      await monitor.stop();
    }
    const snapshots: MetricSnapshot[] = monitor.history.toArray();
    const duration = (performance.now() - started) / 1000;
    const summary = combineSummaries(children, duration, {
      peakMemory: Math.max(monitor.summary('process.memory.usage')?.max ?? 0, treeMemory.peak),
      peakCpu: monitor.summary('process.cpu.utilization')?.max,
    });
    const failed = children.filter((c) => c.status === 'failed' || c.status === 'partial').map((c) => c.name);
    if (failed.length > 0) notices.push(`not fully ok: ${failed.join(', ')}`);
    for (const child of children) for (const n of child.notices ?? []) notices.push(`${child.name}: ${n}`);
    const status = aborted ? 'aborted' : children.every((c) => c.status === 'ok') ? 'ok' : children.some((c) => c.status === 'ok' || c.status === 'partial') ? 'partial' : 'failed';
    const base = await emptyResult(ID, status);
    const figures: KeyFigure[] = [
      { name: 'suites.run', value: children.length, unit: '{count}' },
      { name: 'suites.ok', value: children.filter((c) => c.status === 'ok').length, unit: '{count}' },
      { name: 'memory.peak_rss', value: treeMemory.peak, unit: 'By', description: 'peak RSS of this process plus every live process it spawned, or of the largest one alone (polled every 200 ms)' },
      ...(treeMemory.childrenSeen ? [{ name: 'memory.child_peak_rss', value: treeMemory.childPeak, unit: 'By', description: 'largest peak (VmHWM) of any one spawned process' } as const] : []),
      ...children.flatMap(childFigures),
    ];
    const combined: SuiteResult = finishResult(
      { ...base, tasks: children.flatMap(prefixed), summary },
      { figures, notices, children, status },
    );
    const report = new BottleneckDetector().analyzeSuite(combined, snapshots);
    const findings = [...report.findings, ...report.host];
    progress.update('done', 1);
    return findings.length > 0 ? { ...combined, findings } : combined;
  };
  return Object.freeze({
    id: ID,
    description: 'Every built-in suite at the chosen scale: duration, ops/s, peak memory and CPU, cache hit ratio, success rate, key figures, bottlenecks',
    parameters: Object.freeze([
      { name: 'suites', type: 'string', description: 'comma-separated subset of the built-in suites to run (default all)' },
      { name: 'dir', type: 'string', description: 'passed to the suites that accept a dir parameter' },
      { name: 'interval', type: 'number', description: 'monitor sampling interval, ms', default: 500 },
    ] as const),
    run,
  });
}
