// Real inputs for the formatter tests: a tiny real BenchmarkSuite run (twice: current and baseline),
// nested as the comprehensive suite nests its suites, and real snapshots from a real PerformanceMonitor.
import { createHash } from 'node:crypto';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { BottleneckDetector } from '../../src/detect/bottleneck/bottleneck-detector.js';
import type { BottleneckFinding } from '../../src/core/findings.js';
import type { SuiteResult } from '../../src/core/results.js';
import type { MetricSnapshot } from '../../src/core/snapshot.js';
import type { TrendSeries } from '../../src/format/formatter.js';
import { LRUCache } from 'lru-cache';
import { createRng } from '../../src/stats/rng.js';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { CacheSource } from '../../src/monitor/sources/cache.js';
import { defaultSources } from '../../src/monitor/sources/defaults.js';
import { DiskIoSource } from '../../src/monitor/sources/disk-io.js';

/** The name a hostile user might give a benchmark. */
export const XSS_NAME = '<img src=x onerror=alert(1)>';

const KIB4 = Buffer.alloc(4096, 7);

async function runOne(
  name: string,
  seed: number,
  monitor: PerformanceMonitor | undefined,
  hostile: boolean,
  time: number,
  readObject?: () => Buffer,
): Promise<SuiteResult> {
  const suite = new BenchmarkSuite(name, { timeMs: time, minSamples: 10, keepSamples: 200, warmupMs: 10, seed, ...(monitor === undefined ? {} : { monitor }) });
  suite.add('sha256 4KiB', () => createHash('sha256').update(KIB4).digest(), { bytes: 4096 });
  suite.add('JSON round trip', () => JSON.parse(JSON.stringify({ a: [1, 2, 3], b: 'text', c: { d: true } })) as unknown, {
    items: 3,
    figures: () => [{ name: 'json.fields', value: 3, unit: '{count}', description: 'top-level fields per document' }],
  });
  suite.add('noop', () => undefined);
  if (readObject !== undefined) suite.add('object cache read', readObject, { timeMs: 20 });
  if (hostile) {
    suite.add(XSS_NAME, () => [3, 1, 2].sort((a, b) => a - b));
    suite.add('always fails', () => {
      throw new Error('disk "full" <b>here</b>');
    });
  }
  return suite.run();
}

/** The suite's run and a baseline run, with nested children like `comprehensive`. */
export interface Fixture {
  readonly result: SuiteResult;
  readonly baseline: SuiteResult;
  readonly snapshots: readonly MetricSnapshot[];
  /** Hand-written findings (one per severity shape) on the root; the real detector's go on `parsing`. */
  readonly findings: readonly BottleneckFinding[];
  /** What the real BottleneckDetector found in the run. */
  readonly detected: readonly BottleneckFinding[];
  readonly trends: readonly TrendSeries[];
}

let cached: Promise<Fixture> | undefined;

/** Builds the fixture once per test process (about a second of real benchmarking). */
export function fixture(): Promise<Fixture> {
  cached ??= buildFixture({ hostile: true });
  return cached;
}

/**
 * Runs the suites for real. `hostile` adds a task named {@link XSS_NAME} and a task that throws;
 * `time` is the per-task budget in ms.
 */
export async function buildFixture(options: { readonly hostile: boolean; readonly time?: number }): Promise<Fixture> {
  const time = options.time ?? 40;
  // A real object cache read with skewed keys during the run, so the monitor records cache hits and misses.
  const objects = new LRUCache<number, Buffer>({ max: 64 });
  const monitor = new PerformanceMonitor({
    intervalMs: 50,
    sources: [...defaultSources({ intervalMs: 50 }), new DiskIoSource(), new CacheSource({ name: 'objects', cache: objects })],
  });
  const rng = createRng(7);
  const readObject = (): Buffer => {
    const key = Math.floor(256 * rng() ** 3);
    let hit = objects.get(key);
    if (hit === undefined) {
      hit = Buffer.alloc(64, key);
      objects.set(key, hit);
    }
    return hit;
  };
  await monitor.start();
  const hashing = await runOne('hashing', 1, monitor, options.hostile, time, readObject);
  const parsing = await runOne('parsing', 2, monitor, false, time);
  await monitor.stop();
  const snapshots = monitor.history.toArray();
  const baseHashing = await runOne('hashing', 3, undefined, options.hostile, time);
  const baseParsing = await runOne('parsing', 4, undefined, false, time);
  const findings = sampleFindings(snapshots);
  // The real detector over the real run (whatever it finds on this machine, possibly nothing).
  const report = new BottleneckDetector().analyzeSuite(parsing, snapshots);
  const detected = [...report.findings, ...report.host];
  // Each child reports a suite-level key figure from its real sha256 task.
  const withFigure = (r: SuiteResult): SuiteResult => {
    const rate = r.tasks.find((t) => t.name === 'sha256 4KiB')?.stats?.bytesPerSecond ?? 0;
    return { ...r, figures: [{ name: 'sha256.throughput', value: rate, unit: 'By/s', description: 'sha256 over 4 KiB blocks' }] };
  };
  const nest = (first: SuiteResult, second: SuiteResult): SuiteResult => nestFigured(withFigure(first), withFigure(second));
  const nestFigured = (a: SuiteResult, b: SuiteResult): SuiteResult => ({
    ...a,
    name: 'comprehensive',
    status: a.status === 'ok' && b.status === 'ok' ? 'ok' : 'partial',
    // Like the real `comprehensive` suite: no tasks of its own, its children stay children.
    tasks: [],
    summary: {
      duration: a.summary.duration + b.summary.duration,
      operationsPerSecond: a.summary.operationsPerSecond + b.summary.operationsPerSecond,
      peakMemory: Math.max(a.summary.peakMemory, b.summary.peakMemory),
      peakCpu: Math.max(a.summary.peakCpu, b.summary.peakCpu),
      ...(a.summary.cacheHitRatio === undefined ? {} : { cacheHitRatio: a.summary.cacheHitRatio }),
      successRate: (a.summary.successRate * a.tasks.length + b.summary.successRate * b.tasks.length) / (a.tasks.length + b.tasks.length),
    },
    figures: [
      { name: 'repo.files', value: 1200, unit: '{count}', description: 'files in the generated repository' },
      { name: 'clone.throughput', value: 48_500_000, unit: 'By/s', description: 'local clone rate' },
    ],
    notices: ['fio not found: disk peer skipped'],
    findings,
    children: [{ ...a, notices: ['git not found: git peer skipped'] }, { ...b, findings: b.startedAt === parsing.startedAt ? detected : [] }],
  });
  const result = nest(hashing, parsing);
  const baseline = nest(baseHashing, baseParsing);
  return { result, baseline, snapshots, findings, detected, trends: sampleTrends(result) };
}

/** Findings shaped like the detector's (a critical, a high and a low one), with evidence from the real snapshots. */
function sampleFindings(snapshots: readonly MetricSnapshot[]): BottleneckFinding[] {
  const last = snapshots.at(-1);
  const first = snapshots[0];
  const window = { start: first?.monotonic ?? 0, end: last?.monotonic ?? 0, samples: snapshots.length };
  return [
    {
      ruleId: 'event-loop-blocked',
      title: 'Event loop blocked by synchronous hashing',
      severity: 'high',
      impact: 42,
      confidence: 0.8,
      evidence: [{ metric: 'nodejs.eventloop.delay.p99', value: last?.get('nodejs.eventloop.delay.p99') ?? 0.05, threshold: 0.1, unit: 's' }],
      recommendation: 'Move object hashing to a worker thread or stream it in chunks.',
      window,
    },
    {
      ruleId: 'memory-leak',
      title: 'RSS <grows> & never "falls"',
      severity: 'critical',
      impact: 12,
      confidence: 0.6,
      evidence: [{ metric: 'process.memory.usage', value: last?.get('process.memory.usage') ?? 1e8, unit: 'By' }],
      recommendation: 'Check the pack cache bound.',
      window,
    },
    { ruleId: 'gc-pressure', title: 'GC pauses', severity: 'low', impact: 3, confidence: 0.9, evidence: [], recommendation: 'Reuse buffers.', window },
  ];
}

/** A history across 12 runs of each task with a real change point at run 8 (values from the real medians). */
function sampleTrends(result: SuiteResult): TrendSeries[] {
  const tasks = (result.children ?? []).flatMap((c) => c.tasks.filter((t) => t.stats !== undefined).map((t) => ({ key: `${c.name}/${t.name}`, median: t.stats?.median ?? 0 })));
  const start = Date.parse('2026-11-01T00:00:00Z');
  return tasks.slice(0, 3).map((t, k) => ({
    key: t.key,
    unit: 's',
    points: Array.from({ length: 12 }, (_, i) => ({
      commit: `${(0xabc000 + i * 17).toString(16)}deadbeef`,
      timestamp: start + i * 86_400_000,
      value: t.median * (i >= 8 && k === 0 ? 1.3 : 1) * (1 + ((i * 7) % 5) / 100),
    })),
    changePoints: k === 0 ? [{ index: 8, label: '+30% slower', direction: 'regression' as const }] : [],
  }));
}
