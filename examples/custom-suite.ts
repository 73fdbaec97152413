// A custom benchmark suite: hash objects and deflate a pack the way a VCS does, with setup outside the
// timed region, throughput in bytes/s, a one-shot task, a monitor attached for peak CPU and memory (and for the
// HTML report's charts, which come with the result), and the result written as JSON and compared with the
// previous run.
//
//   npm run build && npx tsx examples/custom-suite.ts
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { BenchmarkSuite, PerformanceMonitor, compare, getFormatter, readSuiteResult, writeSuiteResult } from 'rune-bench';

const quick = process.env.RUNE_BENCH_EXAMPLE_QUICK === '1';

let blob = new Uint8Array(0);
let pack = new Uint8Array(0);

const monitor = new PerformanceMonitor({ intervalMs: 100 });
const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
});

const suite = new BenchmarkSuite('object-store', {
  timeMs: quick ? 100 : 500,
  warmupMs: quick ? 20 : 100,
  // keep sampling past timeMs (up to 10x) until each median is known to ±2%; a task that cannot gets a notice
  targetRme: 0.02,
  monitor,
  signal: controller.signal,
});

suite.add('hash blob (sha1, 4 KiB)', () => createHash('sha1').update('blob 4096\0').update(blob).digest('hex'), {
  setup: () => {
    blob = new Uint8Array(4096).map((_, i) => (i * 31) & 0xff);
  },
  bytes: 4096,
  tags: ['hash'],
});

suite.add('deflate pack (64 KiB)', () => deflateSync(pack, { level: 6 }), {
  setup: () => {
    pack = new Uint8Array(64 * 1024).map((_, i) => (i % 251) ^ (i >> 8));
  },
  bytes: 64 * 1024,
  tags: ['pack'],
  figures: () => [{ name: 'pack.ratio', value: deflateSync(pack).length / pack.length, unit: '1', description: 'compressed / raw' }],
});

suite.add(
  'write 200 loose objects (async, one shot)',
  async () => {
    const hashes = [];
    for (let i = 0; i < 200; i++) {
      hashes.push(createHash('sha1').update(`object ${i}`).digest('hex'));
      if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return hashes.length;
  },
  { minSamples: 1, maxSamples: 1, warmup: false, items: 200 },
);

suite.on('task:complete', (task) => {
  const s = task.stats;
  if (s === undefined) {
    console.log(`${task.name}: ${task.status}${task.error === undefined ? '' : ` (${task.error.message})`}`);
    return;
  }
  const time = s.belowResolution ? 'below timer resolution' : `${(s.median * 1e6).toFixed(2)} µs/op`;
  const rate = s.bytesPerSecond === undefined ? '' : `, ${(s.bytesPerSecond / 1e6).toFixed(1)} MB/s`;
  console.log(`${task.name}: ${time} ±${(s.rme * 100).toFixed(1)}% (${s.samples} samples x ${s.batchSize})${rate}`);
});

const result = await suite.run();
console.log(
  `suite ${result.status} in ${result.summary.duration.toFixed(2)} s; peak CPU ${(result.summary.peakCpu * 100).toFixed(0)}%, ` +
    `peak RSS ${(result.summary.peakMemory / 2 ** 20).toFixed(0)} MiB`,
);
// tasks that stopped short of targetRme say so here, with their interval and sample count
for (const notice of result.notices ?? []) console.log(`note: ${notice}`);

// Keep the result and compare with the previous run, if there is one.
const file = join(tmpdir(), 'rune-bench-example-object-store.json');
if (existsSync(file)) {
  const previous = readSuiteResult(file);
  for (const task of result.tasks) {
    const before = previous.tasks.find((t) => t.name === task.name);
    if (before?.samples === undefined || task.samples === undefined || task.samples.length < 2 || before.samples.length < 2) continue;
    const c = compare(before, task);
    console.log(`  vs previous run: ${task.name}: x${c.ratio.toFixed(3)} (${c.verdict}, p = ${c.pValue.toPrecision(2)})`);
  }
}
writeSuiteResult(file, result);
console.log(`result written to ${file}`);

// The attached monitor's history came with the result (reduced for charts), so the HTML report draws the CPU,
// memory and event-loop charts from the result alone.
const points = result.monitorHistory?.points.length ?? 0;
const report = join(tmpdir(), 'rune-bench-example-object-store.html');
writeFileSync(report, getFormatter('html').format({ kind: 'suite', result }));
console.log(`HTML report with ${points} monitor points charted written to ${report}`);
