// The README's tour of the API, as a program that runs: monitor, benchmark, detectors, a built-in suite
// and a formatter.
//
//   npm run build && npx tsx examples/readme-tour.ts
import { createHash } from 'node:crypto';
import { BenchmarkSuite, BottleneckDetector, PerformanceMonitor, RegressionDetector, getFormatter, getSuite } from 'rune-bench';

const quick = process.env.RUNE_BENCH_EXAMPLE_QUICK === '1';
const buf = Buffer.alloc(1024, 0x61);

// Monitor: sources in, frozen snapshots out, typed events.
const monitor = new PerformanceMonitor({ intervalMs: 100 }); // default sources: CPU, memory, event loop, GC
let peakCpu = 0;
monitor.on('sample', (s) => {
  peakCpu = Math.max(peakCpu, s.get('process.cpu.utilization') ?? 0);
});
await monitor.start();

// Benchmarks: sync or async, batched and calibrated, sound statistics.
async function runObjects(): Promise<Awaited<ReturnType<BenchmarkSuite['run']>>> {
  const suite = new BenchmarkSuite('objects', { timeMs: quick ? 100 : 500, monitor });
  suite.add('sha1 1 KiB', () => createHash('sha1').update(buf).digest(), { bytes: buf.length });
  return suite.run();
}
const baseline = await runObjects();
const result = await runObjects();
await monitor.stop();

// Detectors.
const bottlenecks = new BottleneckDetector().analyze(monitor.history.toArray());
const report = await new RegressionDetector({ threshold: 0.02 }).compare(baseline, result);

// Built-in suites and reports.
const parallel = await getSuite('parallel_operations').run({ scale: 'quick', params: quick ? { passMb: 2 } : {} });

const table = getFormatter('table');
console.log(table.format({ kind: 'suite', result }));
console.log(`peak CPU while benchmarking: ${(peakCpu * 100).toFixed(0)}% of one core`);
console.log(`memory: ${JSON.stringify(monitor.summary('process.memory.usage'))}`);
console.log(`bottleneck findings: ${bottlenecks.findings.map((f) => `${f.ruleId} (${f.severity})`).join(', ') || 'none'}`);
console.log(`regression verdicts: ${report.comparisons.map((b) => `${b.key}: ${b.verdict}`).join(', ')}`);
console.log(table.format({ kind: 'suite', result: parallel }));
