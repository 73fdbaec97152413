// The `comprehensive` suite: every built-in suite at one scale, one summary, the bottleneck findings.
import { BottleneckDetector } from '../../detect/bottleneck/bottleneck-detector.js';
import { isRuneBenchError } from '../../core/errors.js';
import type { SuiteResult, SuiteStatus } from '../../core/results.js';
import { SuiteResultBuilder } from '../../bench/result-builder.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import type { SuiteDefinition, SuiteRunOptions } from '../../core/suite.js';
import { PerformanceMonitor } from '../../monitor/performance-monitor.js';
import { ProgressReporter } from '../common/progress.js';
import { param, resolveScale } from '../common/scale.js';
import { ProcessTreeMemory } from '../common/process-tree-memory.js';
import { COMPREHENSIVE_ID, comprehensiveInfo } from './comprehensive-definition.js';

const ID = COMPREHENSIVE_ID;

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/**
 * Creates a `comprehensive` suite running the suites `source()` returns (the registry passes its
 * built-ins). A child that fails or throws is reported as a failed child; the others still run.
 *
 * @param source - the suites to run, read at each run
 * @internal
 */
export function createComprehensiveSuite(source: () => readonly SuiteDefinition[]): SuiteDefinition {
  const run = async (options: SuiteRunOptions = {}): Promise<SuiteResult> => {
    const builder = new SuiteResultBuilder(ID);
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
    const monitor = new PerformanceMonitor({ intervalMs: interval, historySize: 100_000 });
    await monitor.start();
    await monitor.sample(); // a first and (below) a last point, so the charts span the whole run
    const treeMemory = new ProcessTreeMemory();
    treeMemory.start();
    const children: SuiteResult[] = [];
    const notices: string[] = [];
    let aborted = false;
    /** The result of a child that ended before its benchmarks. */
    const endedEarly = (id: string, status: SuiteStatus, notice: string): SuiteResult => new SuiteResultBuilder(id).status(status).notice(notice).build();
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
            children.push(endedEarly(suite.id, 'aborted', 'aborted'));
            break;
          }
          const message = error instanceof Error ? error.message : String(error);
          notices.push(`${suite.id} failed: ${message}`);
          children.push(endedEarly(suite.id, 'failed', `failed: ${message}`));
        }
        if (aborted) break;
      }
    } finally {
      treeMemory.stop();
      try {
        await monitor.sample();
      } finally {
        await monitor.stop();
      }
    }
    const snapshots: MetricSnapshot[] = monitor.history.toArray();
    const failed = children.filter((c) => c.status === 'failed' || c.status === 'partial').map((c) => c.name);
    if (failed.length > 0) notices.push(`not fully ok: ${failed.join(', ')}`);
    for (const child of children) builder.child(child);
    builder
      .figure(
        { name: 'suites.run', value: children.length, unit: '{count}' },
        { name: 'suites.ok', value: children.filter((c) => c.status === 'ok').length, unit: '{count}' },
        { name: 'memory.peak_rss', value: treeMemory.peak, unit: 'By', description: 'peak RSS of this process plus every live process it spawned, or of the largest one alone (polled every 200 ms)' },
        ...(treeMemory.childrenSeen ? [{ name: 'memory.child_peak_rss', value: treeMemory.childPeak, unit: 'By', description: 'largest peak (VmHWM) of any one spawned process' } as const] : []),
      )
      .notice(...notices)
      .monitorHistory(snapshots)
      .peaks({ memory: Math.max(monitor.summary('process.memory.usage')?.max ?? 0, treeMemory.peak), cpu: monitor.summary('process.cpu.utilization')?.max });
    if (aborted) builder.status('aborted');
    const combined = builder.build();
    const report = new BottleneckDetector().analyzeSuite(combined, snapshots);
    const findings = [...report.findings, ...report.host];
    progress.update('done', 1);
    return findings.length > 0 ? builder.findings(...findings).build() : combined;
  };
  return Object.freeze({ ...comprehensiveInfo, run });
}
