// Does a short benchmark time code that V8 has not optimised yet? Each measurement runs in a fresh process (cold
// code) beside busy processes (V8's background compiler then finishes late), rune-bench and tinybench side by
// side in the same rounds, in an order that rotates, on the tiny test suite's task (a sum over 2,000 doubles)
// with its short budget: 10 ms of warm-up, 60 ms of sampling.
//
//   npm run bench:warmup-transient                      (builds; 12 rounds beside 8 busy processes, about 1.5 minutes)
//   npm run bench:warmup-transient -- --rounds 20 --busy 4
//
// Per harness: the reported median against the settled cost (measured at the end in a fresh process, the busy
// processes stopped, after a second of warm-up), how many runs reported a median more than 3x the settled cost
// (they timed unoptimised code), and for rune-bench how many runs kept samples at the start that were more than
// 3x the settled cost (the warm-up transient it drops: 0 expected). Before the trim (e858285), a one-off run of
// the same measurement beside 8 busy processes found such samples in 7 of 12 runs (7-10 of 40 each).
import { spawn, spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { medianOf } from '../src/stats/pelt.js';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const v = at > 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}

interface ChildReport {
  readonly median: number;
  readonly leading?: readonly number[];
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Each measurement is a plain node process on the built package (npm run build first), as a user's would be: a
// child under tsx would share the machine with tsx's compiling of the modules rune-bench loads on first use.
const CHILD = `
const kind = process.argv[1];
const data = Float64Array.from({ length: 2000 }, (_, i) => (i * 7919) % 1000);
const sum = () => { let s = 0; for (let i = 0; i < data.length; i++) s += data[i]; return s; };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
let report;
if (kind === 'rune-bench') {
  const { BenchmarkSuite } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/index.js')).href)});
  const suite = new BenchmarkSuite('tiny', { timeMs: 60, warmupMs: 10, minSamples: 12, maxSamples: 40, keepSamples: true });
  suite.add('sum', sum);
  const task = (await suite.run()).tasks[0];
  report = { median: task.stats.median, leading: (task.samples ?? []).slice(0, 10) };
} else if (kind === 'tinybench') {
  const { Bench } = await import('tinybench');
  const bench = new Bench({ time: 60, warmupTime: 10 });
  bench.add('sum', sum);
  await bench.run();
  report = { median: bench.tasks[0].result.latency.p50 / 1e3 };
} else {
  // the settled cost: a second of calls, then the median of 200 batches of 1,000
  const end = Date.now() + 1000;
  while (Date.now() < end) sum();
  const batches = [];
  for (let b = 0; b < 200; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 1000; i++) sum();
    batches.push(Number(process.hrtime.bigint() - t0) / 1e9 / 1000);
  }
  report = { median: median(batches) };
}
console.log(JSON.stringify(report));
`;

{
  const rounds = arg('rounds', 12);
  const busyCount = arg('busy', 8);
  const measureIn = (kind: string): ChildReport => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, kind], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${kind} child failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as ChildReport;
  };
  console.log(`bench:warmup-transient: ${rounds} rounds beside ${busyCount} busy processes; CPU ${cpus()[0]?.model ?? '?'} x ${cpus().length}; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const HARNESSES = ['rune-bench', 'tinybench'] as const;
  const reports = new Map<string, ChildReport[]>(HARNESSES.map((h) => [h, []]));
  const busy = Array.from({ length: busyCount }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  try {
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < HARNESSES.length; k++) {
        const h = HARNESSES[(k + round) % HARNESSES.length] as string;
        reports.get(h)?.push(measureIn(h));
      }
      process.stderr.write(`  round ${round + 1}/${rounds}; load ${(loadavg()[0] ?? 0).toFixed(2)}\n`);
    }
  } finally {
    for (const b of busy) b.kill();
  }
  await new Promise((r) => setTimeout(r, 1000));
  const settled = medianOf([0, 1, 2].map(() => measureIn('settled').median));
  console.log(`settled cost (busy processes stopped, 1 s of warm-up, median of 3 processes): ${(settled * 1e6).toFixed(3)} µs`);
  console.log(`${'harness'.padEnd(12)} ${'median / settled: median'.padStart(25)} ${'range'.padStart(20)} ${'runs > 3x'.padStart(10)} ${'runs with slow leading samples'.padStart(31)}`);
  for (const h of HARNESSES) {
    const list = reports.get(h) ?? [];
    const ratios = list.map((r) => r.median / settled);
    const slow = ratios.filter((x) => x > 3).length;
    const leading = list.every((r) => r.leading !== undefined) ? `${list.filter((r) => (r.leading?.[0] ?? 0) > 3 * settled).length}/${list.length}` : 'not kept';
    const range = `${Math.min(...ratios).toFixed(2)}x to ${Math.max(...ratios).toFixed(2)}x`;
    console.log(`${h.padEnd(12)} ${`${medianOf(ratios).toFixed(2)}x`.padStart(25)} ${range.padStart(20)} ${`${slow}/${list.length}`.padStart(10)} ${leading.padStart(31)}`);
  }
  console.log(`load at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}
