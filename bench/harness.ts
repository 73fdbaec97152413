// rune-bench side by side with tinybench and mitata on the same cases, each case in a fresh process.
//
//   npm run bench:harness                  (builds, then about 3-4 minutes)
//   npm run bench:harness -- --repeats 1   (quicker, noisier)
//
// Cases: a noop, SHA-1 of 1 KiB, fflate deflate of 64 KiB, an async 1 ms sleep, and a busy loop of known
// cost. The busy loop's ground truth is the median of many blocks timed by a plain hrtime loop in the same
// child process, before and after the tool runs (their mean). Every tool runs at its default settings.
// Each (case, tool) runs in a fresh process, `--repeats` times (default 3, tools interleaved); the table shows medians over
// the repeats of: the estimate (median time per operation, and each run's), its error against the ground truth (busy
// loop only), the tool's own RME, the same median-CI RME computed here for every tool, and wall time of the run.
// Own RME: rune-bench's `rme` (half-width of its bootstrap 95% interval of the median, relative to the median);
// tinybench's `latency.rme` (margin of error of the mean); mitata reports none, so its cell (marked *) is the mean's
// margin computed here from its samples. "median-CI RME" puts the tools on one footing: from each tool's raw
// per-operation samples (all of them: rune-bench `keepSamples` and tinybench `retainSamples` only keep what they
// measured, they change nothing in the measuring), the distribution-free 95% interval of the median (order
// statistics at ranks n/2 -+ 1.96 sqrt(n)/2, Conover) as a half-width relative to the median; mitata's samples
// are sorted and trimmed of two values at each end (beyond 12 samples), which does not move that interval.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'fflate';

type Tool = 'rune-bench' | 'tinybench' | 'mitata';
type CaseName = 'noop' | 'sha1-1KiB' | 'deflate-64KiB' | 'sleep-1ms' | 'busy-known';

interface Report {
  readonly median: number; // s/op
  readonly rme: number | undefined; // ratio, the tool's own (mitata: the mean's margin, computed here)
  readonly ciRme: number | undefined; // ratio, relative half-width of the order-statistic 95% interval of the median
  readonly samples: number;
  readonly wall: number; // s
  readonly truth?: number; // s/op
  readonly note?: string;
}

const TOOLS: readonly Tool[] = ['rune-bench', 'tinybench', 'mitata'];
const CASES: readonly CaseName[] = ['noop', 'sha1-1KiB', 'deflate-64KiB', 'sleep-1ms', 'busy-known'];

const kib = Buffer.alloc(1024, 0x61);
const data64 = new Uint8Array(64 * 1024);
for (let i = 0; i < data64.length; i++) data64[i] = (i * 7 + (i >> 5)) & 0xff;

function busy(): number {
  let x = 1;
  for (let i = 0; i < 3000; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  return x;
}

function caseFn(name: CaseName): () => unknown {
  switch (name) {
    case 'noop':
      return () => undefined;
    case 'sha1-1KiB':
      return () => createHash('sha1').update(kib).digest();
    case 'deflate-64KiB':
      return () => deflateSync(data64, { level: 6 });
    case 'sleep-1ms':
      return () => new Promise((resolve) => setTimeout(resolve, 1));
    case 'busy-known':
      return busy;
  }
}

/** Ground truth of the busy loop: median over many blocks of a plain timed loop. */
function groundTruth(): number {
  const blocks = 400;
  const per = 100;
  const times: number[] = [];
  let sink = 0;
  for (let b = 0; b < blocks; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < per; i++) sink ^= busy();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9 / per);
  }
  if (sink === 0.5) console.error('unreachable');
  times.sort((a, b) => a - b);
  return times[blocks >> 1] ?? Number.NaN;
}

function rmeOf(samples: readonly number[]): number | undefined {
  const n = samples.length;
  if (n < 2) return undefined;
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return (1.96 * Math.sqrt(variance / n)) / mean;
}

/** Relative half-width of the distribution-free 95% interval of the median: order statistics (Conover). */
function medianCiRme(samples: ArrayLike<number>): number | undefined {
  const n = samples.length;
  if (n < 2) return undefined;
  const s = Float64Array.from(samples).sort();
  const m = n % 2 === 1 ? (s[n >> 1] as number) : ((s[(n >> 1) - 1] as number) + (s[n >> 1] as number)) / 2;
  const half = (1.96 * Math.sqrt(n)) / 2;
  const lower = s[Math.max(1, Math.round(n / 2 - half)) - 1] as number;
  const upper = s[Math.min(n, Math.round(1 + n / 2 + half)) - 1] as number;
  return m > 0 ? (upper - lower) / 2 / m : undefined;
}

async function measureWith(tool: Tool, name: CaseName): Promise<Report> {
  const fn = caseFn(name);
  // modules are imported before the clock starts: wall time is the measuring run only
  const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
  const lib = tool === 'rune-bench' ? ((await import(pathToFileURL(dist).href)) as typeof import('../src/index.js')) : undefined;
  const tiny = tool === 'tinybench' ? await import('tinybench') : undefined;
  const mitata = tool === 'mitata' ? await import('mitata') : undefined;
  const t0 = performance.now();
  if (lib !== undefined) {
    // keepSamples: every sample in the result (default 1000, thinned), for the median-CI RME below
    const suite = new lib.BenchmarkSuite('harness', { keepSamples: 100_000_000 });
    suite.add(name, fn);
    const result = await suite.run();
    const wall = (performance.now() - t0) / 1000;
    const task = result.tasks[0];
    const stats = task?.stats;
    if (stats === undefined) throw new Error(`rune-bench: no stats (${task?.status ?? '?'})`);
    const samples = task?.samples ?? [];
    return {
      median: stats.median,
      rme: stats.rme,
      ciRme: medianCiRme(samples),
      samples: samples.length,
      wall,
      ...(stats.belowResolution ? { note: 'below resolution' } : {}),
    };
  }
  if (tiny !== undefined) {
    const bench = new tiny.Bench({ retainSamples: true });
    bench.add(name, fn);
    await bench.run();
    const wall = (performance.now() - t0) / 1000;
    const result = bench.tasks[0]?.result;
    if (result?.state !== 'completed') throw new Error(`tinybench: ${result?.state ?? 'no result'}`);
    const samples = result.latency.samples ?? [];
    return {
      median: result.latency.p50 / 1000,
      rme: result.latency.rme / 100,
      ciRme: samples.length > 0 ? medianCiRme(samples) : undefined,
      samples: samples.length,
      wall,
      ...(samples.length > 0 ? {} : { note: 'tinybench kept no samples' }),
    };
  }
  if (mitata === undefined) throw new Error(`unknown tool ${tool}`);
  const stats = await mitata.measure(fn);
  const wall = (performance.now() - t0) / 1000;
  return { median: stats.p50 / 1e9, rme: rmeOf(stats.samples), ciRme: medianCiRme(stats.samples), samples: stats.samples.length, wall };
}

async function child(tool: Tool, name: CaseName): Promise<void> {
  const before = name === 'busy-known' ? groundTruth() : undefined;
  const report = await measureWith(tool, name);
  const after = name === 'busy-known' ? groundTruth() : undefined;
  const truth = before !== undefined && after !== undefined ? (before + after) / 2 : undefined;
  process.stdout.write(`${JSON.stringify({ ...report, ...(truth === undefined ? {} : { truth }) })}\n`);
}

function runChild(tool: Tool, name: CaseName): Promise<Report> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', tool, name], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || line === '') reject(new Error(`${tool} ${name}: exit ${String(code)}`));
      else resolve(JSON.parse(line) as Report);
    });
  });
}

function median(values: readonly number[]): number {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function time(seconds: number): string {
  if (!Number.isFinite(seconds)) return '-';
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(3)} ms`;
  if (seconds >= 1e-6) return `${(seconds * 1e6).toFixed(3)} µs`;
  return `${(seconds * 1e9).toFixed(2)} ns`;
}

function pct(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? '-' : `${(ratio * 100).toFixed(2)}%`;
}

async function parent(): Promise<void> {
  const at = process.argv.indexOf('--repeats');
  const repeats = at > 0 ? Number(process.argv[at + 1]) : 3;
  if (!existsSync(fileURLToPath(new URL('../dist/index.js', import.meta.url)))) {
    console.error('dist/ is missing: run `npm run build` first (npm run bench:harness does).');
    process.exitCode = 1;
    return;
  }
  const load = ((loadavg()[0] ?? 0) / cpus().length).toFixed(2);
  console.log(`rune-bench harness: ${repeats} fresh process(es) per case and tool, medians shown; load per core at start ${load}`);
  const rows: string[][] = [['case', 'tool', 'median/op', 'per run', 'error vs truth', 'own RME', 'median-CI RME', 'samples', 'wall s', 'note']];
  for (const name of CASES) {
    // repeats interleave the tools (A B C A B C ...), so a change in machine load hits every tool alike
    const byTool = new Map<Tool, Report[]>(TOOLS.map((t) => [t, []]));
    for (let r = 0; r < repeats; r++) {
      for (const tool of TOOLS) byTool.get(tool)?.push(await runChild(tool, name));
    }
    for (const tool of TOOLS) {
      const reports = byTool.get(tool) ?? [];
      const errors = reports.map((x) => (x.truth === undefined ? Number.NaN : Math.abs(x.median / x.truth - 1)));
      const err = median(errors);
      const truth = median(reports.map((x) => x.truth ?? Number.NaN));
      rows.push([
        name,
        tool,
        time(median(reports.map((x) => x.median))),
        reports.map((x) => time(x.median)).join(' '),
        Number.isFinite(err) ? `${pct(err)} (truth ${time(truth)}; per run ${errors.map((e) => pct(e)).join(' ')})` : '-',
        `${pct(median(reports.map((x) => x.rme ?? Number.NaN)))}${tool === 'mitata' ? '*' : ''}`,
        pct(median(reports.map((x) => x.ciRme ?? Number.NaN))),
        String(median(reports.map((x) => x.samples))),
        median(reports.map((x) => x.wall)).toFixed(2),
        [...new Set(reports.map((x) => x.note).filter((n) => n !== undefined))].join(', '),
      ]);
      console.error(`  done: ${name} / ${tool}`);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  console.log('own RME: rune-bench median CI (bootstrap); tinybench mean; * mitata reports none: the mean\'s margin from its samples');
  console.log('median-CI RME: the same order-statistic 95% interval of the median, from each tool\'s raw samples');
  console.log(`load per core at end ${((loadavg()[0] ?? 0) / cpus().length).toFixed(2)}`);
}

const childAt = process.argv.indexOf('--child');
if (childAt > 0) await child(process.argv[childAt + 1] as Tool, process.argv[childAt + 2] as CaseName);
else await parent();
