// The BottleneckDetector's cost per evaluation, side by side with the monitor sample it rides on.
//
//   node --import tsx bench/bottleneck.ts            (about 15 s)
//
// Live, the detector evaluates every built-in rule on each monitor sample, so its cost is best read
// against the cost of that sample: the peer here is `PerformanceMonitor.sample()` with the default
// sources plus the system, disk, fd and children sources, measured in the same run with tinybench.
// The windows are real snapshots recorded from that monitor while the process did some work (hashing
// and allocation), so every rule has its metrics.
import { createHash, randomBytes } from 'node:crypto';
import { Bench } from 'tinybench';
import { BottleneckDetector } from '../src/detect/bottleneck/bottleneck-detector.js';
import { PerformanceMonitor } from '../src/monitor/performance-monitor.js';
import { defaultSources } from '../src/monitor/sources/defaults.js';
import { DiskIoSource } from '../src/monitor/sources/disk-io.js';
import { DiskstatsSource } from '../src/monitor/sources/diskstats-source.js';
import { OpenFdsSource } from '../src/monitor/sources/open-fds.js';
import { ReapedChildrenSource } from '../src/monitor/sources/reaped-children.js';
import { SystemSource } from '../src/monitor/sources/system.js';
import type { MetricSnapshot } from '../src/core/snapshot.js';

const sources = () => [
  ...defaultSources({ intervalMs: 100 }),
  new SystemSource(),
  new DiskIoSource(),
  new DiskstatsSource(),
  new OpenFdsSource(),
  new ReapedChildrenSource(),
];

// Record 3 s of snapshots (30 at 100 ms) under a light mixed load, then tile them into longer windows.
const recorder = new PerformanceMonitor({ intervalMs: 100, sources: sources() });
await recorder.start();
const blob = randomBytes(16 * 1024);
const keep: unknown[] = [];
const end = performance.now() + 3000;
while (performance.now() < end) {
  for (let i = 0; i < 200; i++) createHash('sha1').update(blob).digest();
  keep.push(new Array(100).fill(keep.length));
  if (keep.length > 2000) keep.length = 0;
  await new Promise((r) => setTimeout(r, 5));
}
await recorder.stop();
const recorded = recorder.history.toArray();
function windowOf(n: number): MetricSnapshot[] {
  const out: MetricSnapshot[] = [];
  for (let i = 0; i < n; i++) out.push(recorded[i % recorded.length] as MetricSnapshot);
  return out;
}
const w20 = windowOf(20);
const w100 = windowOf(100);
const w1000 = windowOf(1000);

const monitor = new PerformanceMonitor({ intervalMs: 100, sources: sources() });
await monitor.sample(); // starts the sources
const detector = new BottleneckDetector();

const bench = new Bench({ time: 1500, warmupTime: 300 });
bench
  .add('peer: monitor.sample() (11 sources)', async () => {
    await monitor.sample();
  })
  .add('detector.analyze, 20 snapshots (all 11 rules)', () => {
    detector.analyze(w20);
  })
  .add('detector.observe, 20 snapshots (live step, hysteresis, events)', () => {
    detector.observe(w20);
  })
  .add('detector.analyze, 100 snapshots', () => {
    detector.analyze(w100);
  })
  .add('detector.analyze, 1000 snapshots', () => {
    detector.analyze(w1000);
  });
await bench.run();
await monitor.stop();

console.log(`recorded ${recorded.length} snapshots; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const rows = bench.tasks.map((t) => {
  const r = t.result;
  const latency = 'latency' in r ? r.latency : undefined;
  return {
    task: t.name,
    'mean (µs)': latency === undefined ? '-' : (latency.mean * 1000).toFixed(1),
    'p50 (µs)': latency === undefined ? '-' : (latency.p50 * 1000).toFixed(1),
    samples: latency?.samplesCount ?? 0,
  };
});
console.table(rows);
