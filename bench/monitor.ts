// The default monitor's CPU cost, side by side with two peers measured in the same run.
//
//   npm run bench:monitor                          (5 rounds per interval, about 3.5 minutes)
//   npm run bench:monitor -- --quick               (3 short rounds, about 1.5 minutes, noisier)
//   npm run bench:monitor -- --rounds 8 --seconds 10
//   npm run bench:monitor -- --reference /tmp/old  (also a reference build's monitor, e.g. a worktree of main)
//   npm run bench:monitor -- --breakdown           (also where the cost goes: see BREAKDOWN below)
//   npm run bench:monitor -- --intervals 100 --warmup 1.5  (one interval; the window then holds the one-time
//                                                  collections of V8's memory reducer, see WARM-UP below)
//
// Three kinds of child process (plain node on dist/, no tsx), each fresh per round:
//   idle     imports rune-bench and runs a timer at the interval that does nothing (the floor: a process
//            that wakes up as often, with the same modules loaded);
//   naive    the sampler a user would write in an afternoon: pidusage, synchronous /proc reads, an event
//            loop delay histogram at 20 ms and a GC observer, sampled at the interval;
//   monitor  `new PerformanceMonitor({ intervalMs })` with every other option at its default.
//   reference (with --reference DIR) the same default monitor from DIR/dist, so a change is measured
//            against the code before it in the same rounds, under the same load;
// and with --breakdown, kinds that each take one part of the default monitor (see BREAKDOWN).
// In each round the kinds start together (so they share the machine's load) in an order that rotates
// from round to round, warm up, then report the CPU time (user + system) they used over the same window.
// cost = CPU share of the process - CPU share of the idle peer of the same round, as a share of one core.
// Rounds are short and many: a burst of other work on the machine spoils one round, not the result, and
// the spread (min-max over rounds) says how far to trust the median.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { summarizeValues } from '../src/monitor/series-stats.js';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
if (!existsSync(dist)) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench:monitor does).');
  process.exit(1);
}
const quick = process.argv.includes('--quick');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  const v = i === -1 ? Number.NaN : Number(process.argv[i + 1]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const rounds = arg('--rounds', quick ? 3 : 5);
const seconds = arg('--seconds', quick ? 4 : 8);
const intervalsArg = process.argv.indexOf('--intervals');
const intervals = intervalsArg === -1 ? [100, 1000] : (process.argv[intervalsArg + 1] ?? '').split(',').map(Number).filter((n) => n > 0);
const referenceArg = process.argv.indexOf('--reference');
const reference = referenceArg === -1 ? undefined : process.argv[referenceArg + 1];
if (reference !== undefined && !existsSync(`${reference}/dist/index.js`)) {
  console.error(`--reference ${reference}: no dist/index.js there (build it first)`);
  process.exit(2);
}
const breakdown = process.argv.includes('--breakdown');
// WARM-UP: 12 s by default, so the window holds the cost of leaving the monitor on and not its start. V8's memory
// reducer runs two full collections ("Mark-Compact (reduce)") some 8-9 s after a process starts allocating: about
// 25-35 ms of CPU once, in the monitor's process and the naive sampler's, not in the idle peer's (which allocates
// nothing after its import; node --trace-gc shows it). Inside an 8 s window that one-time cost read as 0.4-0.5% of a
// core more (quiet AMD EPYC, load 0.2-1.2) at both intervals; --warmup 1.5 shows it.
const warmupMs = arg('--warmup', 12) * 1000;

// Where the cost goes: each kind is a monitor (of this build) with only some of the default sources, or an
// idle process with the event loop source's old extra timer. RB_SOURCES lists the default sources kept.
const BREAKDOWN: Readonly<Record<string, Record<string, string>>> = {
  'no sources': { RB_MODE: 'monitor', RB_SOURCES: '' },
  'cpu only': { RB_MODE: 'monitor', RB_SOURCES: 'process.cpu' },
  'memory only': { RB_MODE: 'monitor', RB_SOURCES: 'process.memory' },
  'loop only': { RB_MODE: 'monitor', RB_SOURCES: 'nodejs.eventloop' },
  'gc only': { RB_MODE: 'monitor', RB_SOURCES: 'v8js.gc' },
  'idle+timer/2': { RB_MODE: 'idle', RB_EXTRA_TIMER: '1' },
  // the idle timer as a chain of exact setTimeouts at absolute deadlines (the scheduler's path when late)
  'idle timeouts': { RB_MODE: 'idle', RB_IDLE_TIMEOUTS: '1' },
  // the idle timer calling what the default sources read from the process: 3 cpuUsage, 1 memoryUsage
  'idle+reads': { RB_MODE: 'idle', RB_IDLE_READS: '1' },
};

type Mode = string;
const KINDS: readonly Mode[] = ['idle', 'naive', 'monitor', ...(reference === undefined ? [] : ['reference']), ...(breakdown ? Object.keys(BREAKDOWN) : [])];
const COSTED = KINDS.filter((k) => k !== 'idle');
const kindEnv = (kind: Mode): Record<string, string> => {
  if (kind === 'reference') return { RB_MODE: 'monitor', RB_DIST: pathToFileURL(`${reference}/dist/index.js`).href };
  return BREAKDOWN[kind] ?? { RB_MODE: kind };
};

interface CpuReport {
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  readonly samples: number;
  readonly selfReported: number | undefined;
}

const CPU_CHILD = `
const rb = await import(process.env.RB_DIST);
const interval = Number(process.env.RB_INTERVAL);
const mode = process.env.RB_MODE;
let monitor;
let naiveSamples = 0;
if (mode === 'monitor') {
  let sources;
  if (process.env.RB_SOURCES !== undefined) {
    const keep = process.env.RB_SOURCES.split(',');
    sources = rb.defaultSources({ intervalMs: interval }).filter((s) => keep.includes(s.id));
  }
  monitor = new rb.PerformanceMonitor({ intervalMs: interval, sources });
  await monitor.start();
} else if (mode === 'naive') {
  const { readFileSync } = await import('node:fs');
  const { monitorEventLoopDelay, PerformanceObserver } = await import('node:perf_hooks');
  const pidusage = (await import(process.env.RB_PIDUSAGE)).default;
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  let gcPause = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) gcPause += e.duration; }).observe({ entryTypes: ['gc'] });
  const kept = [];
  setInterval(async () => {
    const stat = readFileSync('/proc/self/stat', 'utf8').split(' ');
    const status = readFileSync('/proc/self/status', 'utf8');
    const usage = await pidusage(process.pid);
    const sample = {
      at: Date.now(), cpu: usage.cpu, rss: usage.memory, utime: Number(stat[13]), stime: Number(stat[14]),
      threads: /Threads:\\s+(\\d+)/.exec(status)?.[1], p50: histogram.percentile(50), p99: histogram.percentile(99),
      max: histogram.max, gcPause, heap: process.memoryUsage().heapUsed,
    };
    histogram.reset();
    kept.push(sample);
    if (kept.length > 1000) kept.shift();
    naiveSamples++;
  }, interval).unref();
} else if (process.env.RB_IDLE_TIMEOUTS) {
  const origin = performance.now();
  let n = 0;
  const tick = () => {
    n = Math.max(n + 1, Math.floor((performance.now() - origin) / interval) + 1);
    setTimeout(tick, Math.max(0, origin + n * interval - performance.now())).unref();
  };
  tick();
} else if (process.env.RB_IDLE_READS) {
  setInterval(() => { process.cpuUsage(); process.cpuUsage(); process.cpuUsage(); process.memoryUsage(); }, interval).unref();
} else {
  setInterval(() => {}, interval).unref();
  if (process.env.RB_EXTRA_TIMER) setInterval(() => {}, Math.min(200, Math.max(20, Math.round(interval / 2)))).unref();
}
const keepAlive = setInterval(() => {}, 60000);
await new Promise((r) => setTimeout(r, Number(process.env.RB_WARMUP)));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const first = monitor?.history.size ?? naiveSamples;
await new Promise((r) => setTimeout(r, Number(process.env.RB_DURATION)));
const cpu = process.cpuUsage(cpu0);
const wall = (performance.now() - t0) / 1000;
const samples = (monitor?.history.size ?? naiveSamples) - first;
const selfReported = monitor?.summary('monitor.overhead.cpu', { lastSamples: Math.max(1, samples) })?.mean;
await monitor?.stop();
clearInterval(keepAlive);
process.stdout.write(JSON.stringify({ cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: wall, samples, selfReported }));
process.exit(0);
`;

const MEMORY_CHILD = `
const { PerformanceMonitor } = await import(process.env.RB_DIST);
const n = Number(process.env.RB_SNAPSHOTS);
const monitor = new PerformanceMonitor({ historySize: n });
await monitor.sample();
monitor.history.clear();
globalThis.gc(); globalThis.gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < n; i++) await monitor.sample();
globalThis.gc(); globalThis.gc();
const after = process.memoryUsage().heapUsed;
const metrics = monitor.latest.metrics().length;
await monitor.stop();
process.stdout.write(JSON.stringify({ bytesPerSnapshot: (after - before) / n, metrics, snapshots: monitor.history.size }));
`;

const baseEnv = { RB_DIST: pathToFileURL(dist).href, RB_PIDUSAGE: import.meta.resolve('pidusage') };

async function runChild(code: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<string> {
  const child = spawn(process.execPath, [...nodeArgs, '--input-type=module', '-e', code], {
    env: { ...process.env, ...baseEnv, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (out += d));
  const [status] = (await once(child, 'exit')) as [number | null];
  if (status !== 0) throw new Error(`bench child exited with ${status}`);
  return out;
}

const pct = (share: number): string => `${(share * 100).toFixed(3)}%`;
const median = (xs: readonly number[]): number => summarizeValues(xs)?.p50 ?? Number.NaN;
const spread = (xs: readonly number[], fmt: (x: number) => string): string => `${fmt(Math.min(...xs))}..${fmt(Math.max(...xs))}`;

interface IntervalResult {
  readonly share: Record<Mode, number[]>;
  readonly cost: Record<Mode, number[]>;
  readonly samples: Record<Mode, number[]>;
  readonly selfReported: number[];
}

async function measure(interval: number): Promise<IntervalResult> {
  const lists = (): Record<Mode, number[]> => Object.fromEntries(KINDS.map((k) => [k, []]));
  const result: IntervalResult = { share: lists(), cost: lists(), samples: lists(), selfReported: [] };
  for (let round = 0; round < rounds; round++) {
    const order = KINDS.map((_, i) => KINDS[(i + round) % KINDS.length]!);
    const env = { RB_INTERVAL: String(interval), RB_WARMUP: String(warmupMs), RB_DURATION: String(seconds * 1000) };
    const outs = await Promise.all(order.map((kind) => runChild(CPU_CHILD, { ...env, ...kindEnv(kind) }).then((out) => [kind, JSON.parse(out) as CpuReport] as const)));
    const byMode = Object.fromEntries(outs) as Record<Mode, CpuReport>;
    const share = (m: Mode): number => byMode[m]!.cpuSeconds / byMode[m]!.wallSeconds;
    for (const m of KINDS) result.share[m]!.push(share(m));
    for (const m of COSTED) {
      result.cost[m]!.push(share(m) - share('idle'));
      result.samples[m]!.push(byMode[m]!.samples);
    }
    if (byMode.monitor!.selfReported !== undefined) result.selfReported.push(byMode.monitor!.selfReported);
  }
  return result;
}

const goals: Record<number, number> = { 100: 0.005, 1000: 0.0015 };
const load0 = loadavg();
console.log(`rune-bench monitor cost: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length}`);
console.log(`load average at start ${load0.map((l) => l.toFixed(2)).join(' ')}; ${rounds} rounds of ${seconds} s per interval after ${warmupMs / 1000} s of warm-up, ${KINDS.length} kinds interleaved`);
if (reference !== undefined) console.log(`reference: the default monitor of ${reference}/dist`);
console.log('CPU as a share of one core: median over rounds [min..max]; cost = process - idle peer of the same round');
for (const interval of intervals) {
  const loadBefore = loadavg()[0]!;
  const r = await measure(interval);
  const goal = goals[interval] ?? Number.NaN;
  const monitorCost = median(r.cost.monitor!);
  const naiveCost = median(r.cost.naive!);
  const perSample = (cost: number): string => `${((cost * interval) / 1000 * 1e6).toFixed(0)} µs`;
  console.log(`\ninterval ${interval} ms (1-minute load ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after)`);
  console.log(`  ${'process'.padEnd(14)} ${'CPU share'.padStart(10)} ${'spread'.padStart(20)} ${'cost'.padStart(10)} ${'cost spread'.padStart(22)} ${'per sample'.padStart(11)} samples/round`);
  console.log(`  ${'idle'.padEnd(14)} ${pct(median(r.share.idle!)).padStart(10)} ${spread(r.share.idle!, pct).padStart(20)}`);
  for (const m of COSTED) {
    const cost = median(r.cost[m]!);
    console.log(
      `  ${m.padEnd(14)} ${pct(median(r.share[m]!)).padStart(10)} ${spread(r.share[m]!, pct).padStart(20)} ${pct(cost).padStart(10)} ${spread(r.cost[m]!, pct).padStart(22)} ${perSample(cost).padStart(11)} ${median(r.samples[m]!)}`,
    );
  }
  const ratio = monitorCost / naiveCost;
  console.log(`  monitor / naive cost: ${ratio.toFixed(2)}x (goal <= 0.25x); monitor cost ${pct(monitorCost)} (goal <= ${pct(goal)}: ${monitorCost <= goal ? 'within' : 'OVER'})`);
  if (reference !== undefined) {
    const referenceCost = median(r.cost.reference!);
    console.log(`  reference / naive cost: ${(referenceCost / naiveCost).toFixed(2)}x; monitor / reference cost: ${(monitorCost / referenceCost).toFixed(2)}x`);
  }
  console.log(`  monitor self-report (monitor.overhead.cpu, CPU inside collection only): ${pct(median(r.selfReported))}`);
}
console.log(`\nload average at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

const n = quick ? 2000 : 10_000;
const mem = JSON.parse(await runChild(MEMORY_CHILD, { RB_SNAPSHOTS: String(n) }, ['--expose-gc'])) as { bytesPerSnapshot: number; metrics: number; snapshots: number };
console.log(`memory: ${mem.bytesPerSnapshot.toFixed(0)} bytes of heap per snapshot held in history (${mem.metrics} metrics each, ${mem.snapshots} snapshots; descriptors shared)`);
