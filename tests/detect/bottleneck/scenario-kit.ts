// Staged scenarios for the acceptance tests: a real PerformanceMonitor with every source that applies,
// a real workload for a few seconds, then the detector over the recorded history.
import { setImmediate as yieldNow } from 'node:timers/promises';
import type { MetricSource } from '../../../src/core/source.js';
import type { MetricSnapshot } from '../../../src/core/snapshot.js';
import { BottleneckDetector, type BottleneckReport } from '../../../src/detect/bottleneck/bottleneck-detector.js';
import type { BottleneckEvent } from '../../../src/detect/bottleneck/bottleneck-tracker.js';
import { PerformanceMonitor } from '../../../src/monitor/performance-monitor.js';
import { defaultSources } from '../../../src/monitor/sources/defaults.js';
import { DiskIoSource } from '../../../src/monitor/sources/disk-io.js';
import { DiskstatsSource } from '../../../src/monitor/sources/diskstats-source.js';
import { OpenFdsSource } from '../../../src/monitor/sources/open-fds.js';
import { ReapedChildrenSource } from '../../../src/monitor/sources/reaped-children.js';
import { SystemSource } from '../../../src/monitor/sources/system.js';

/** Every source a VCS process would run with at `interval` ms, plus `extra` (a cache source). */
export function allSources(interval: number, extra: readonly MetricSource[] = []): MetricSource[] {
  return [
    ...defaultSources({ intervalMs: interval }),
    new SystemSource(),
    new DiskIoSource(),
    new DiskstatsSource(),
    new OpenFdsSource(),
    new ReapedChildrenSource(),
    ...extra,
  ];
}

export interface ScenarioOutcome {
  /** Detector report over the history after the warm-up samples. */
  readonly report: BottleneckReport;
  /** Live events the attached detector emitted meanwhile. */
  readonly events: readonly BottleneckEvent[];
  readonly snapshots: readonly MetricSnapshot[];
}

export interface ScenarioOptions {
  /** Workload: runs until `until()` says stop. */
  readonly work: (until: () => boolean) => Promise<void>;
  readonly extraSources?: readonly MetricSource[];
  /** @defaultValue 2500 */
  readonly duration?: number;
  /** @defaultValue 100 */
  readonly interval?: number;
}

/**
 * Runs a workload under a monitor for `duration` ms, with a detector attached live (`windowMs` 2000), and
 * analyses the recorded history (minus its first two samples) after the fact.
 */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioOutcome> {
  const duration = options.duration ?? 2500;
  const interval = options.interval ?? 100;
  const monitor = new PerformanceMonitor({ intervalMs: interval, sources: allSources(interval, options.extraSources) });
  const live = new BottleneckDetector({ windowMs: 2000 });
  const events: BottleneckEvent[] = [];
  live.on('bottleneck', (e) => events.push(e));
  live.attach(monitor);
  await monitor.start();
  const end = performance.now() + duration;
  try {
    await options.work(() => performance.now() < end);
    while (performance.now() < end) await new Promise((r) => setTimeout(r, 20));
  } finally {
    await monitor.stop();
    live.detach();
  }
  const snapshots = monitor.history.toArray().slice(2);
  const report = new BottleneckDetector().analyze(snapshots);
  return { report, events, snapshots };
}

/** Runs `step` repeatedly in slices of about `sliceMs` ms of work, yielding to the event loop between slices. */
export async function sliced(until: () => boolean, sliceMs: number, step: () => void): Promise<void> {
  while (until()) {
    const stop = performance.now() + sliceMs;
    while (performance.now() < stop) step();
    await yieldNow();
  }
}

/** A one-line summary of a report for assertion messages. */
export function describeReport(report: BottleneckReport): string {
  const f = report.findings.map((x) => `${x.ruleId}:${x.severity}:${x.impact}`).join(', ');
  const h = report.host.map((x) => `${x.ruleId}:${x.severity}:${x.impact}`).join(', ');
  return `findings [${f}] host [${h}] samples ${report.window.samples}`;
}

/**
 * Runs a scenario and checks that `expected` is its top process finding after the fact, and that the
 * live detector raised it meanwhile. The machine running the tests is shared, so a scenario gets up to
 * three attempts; every attempt's outcome is in the failure message.
 */
export async function expectTopFinding(
  expected: string,
  run: () => Promise<ScenarioOutcome>,
  diagnostic?: (message: string) => void,
): Promise<ScenarioOutcome> {
  const seen: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const outcome = await run();
    const raised = outcome.events.some((e) => e.change === 'raised' && e.ruleId === expected);
    if (outcome.report.top?.ruleId === expected && raised) {
      diagnostic?.(`passed on attempt ${attempt}${seen.length > 0 ? ` (${seen.join('; ')})` : ''}: ${describeReport(outcome.report)}`);
      return outcome;
    }
    const why = outcome.report.insufficient.find((i) => i.ruleId === expected)?.reason ?? 'no finding';
    const top = outcome.report.top;
    const evidence = top === undefined ? '' : top.evidence.map((e) => `${e.metric}=${e.value.toPrecision(3)}`).join(', ');
    seen.push(
      `attempt ${attempt}: ${describeReport(outcome.report)}; ${expected}: ${why}; top evidence: ${evidence}; ` +
        `live: ${outcome.events.map((e) => `${e.change}:${e.ruleId}`).join(' ')}`,
    );
  }
  throw new Error(`expected "${expected}" as the top finding, raised live:\n${seen.join('\n')}`);
}
