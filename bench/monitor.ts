// The monitor's CPU cost, measured side by side with an idle peer in the same run.
//
//   npm run bench:monitor                 (about 2.5 minutes)
//   npm run bench:monitor -- --quick      (about 40 s, noisier)
//
// Each configuration runs in its own child process (plain node on dist/, no tsx) so nothing else
// shares its CPU accounting. A "monitor" child runs a PerformanceMonitor with all default sources at
// the given interval; its "idle" peer runs a timer at the same interval that does nothing. Both are
// started together, so they see the same machine load, and each reports the CPU time it used over
// the same measured window (after a warm-up). Cost = monitor CPU - idle CPU, as a share of one core.
// Memory per snapshot: a child with --expose-gc fills a history and measures the retained heap.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
if (!existsSync(dist)) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench:monitor does).');
  process.exit(1);
}
const distUrl = pathToFileURL(dist).href;
const quick = process.argv.includes('--quick');

interface CpuReport {
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  readonly samples: number;
  readonly selfReported: number | undefined;
}

const CPU_CHILD = `
const { PerformanceMonitor } = await import(process.env.RB_DIST);
const interval = Number(process.env.RB_INTERVAL);
const warmup = Number(process.env.RB_WARMUP);
const duration = Number(process.env.RB_DURATION);
const withMonitor = process.env.RB_MODE === 'monitor';
let monitor;
if (withMonitor) {
  monitor = new PerformanceMonitor({ interval, historySize: 100000 });
  await monitor.start();
} else {
  // The idle peer: the same timer cadence, doing nothing.
  setInterval(() => {}, interval).unref();
}
const keepAlive = setInterval(() => {}, 60000);
await new Promise((r) => setTimeout(r, warmup));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const first = monitor?.history.size ?? 0;
await new Promise((r) => setTimeout(r, duration));
const cpu = process.cpuUsage(cpu0);
const wall = (performance.now() - t0) / 1000;
const samples = (monitor?.history.size ?? 0) - first;
const selfReported = monitor?.summary('monitor.overhead.cpu', { windowMs: duration })?.mean;
await monitor?.stop();
clearInterval(keepAlive);
process.stdout.write(JSON.stringify({ cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: wall, samples, selfReported }));
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

async function runChild(code: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<string> {
  const child = spawn(process.execPath, [...nodeArgs, '--input-type=module', '-e', code], {
    env: { ...process.env, RB_DIST: distUrl, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (out += d));
  const [status] = (await once(child, 'exit')) as [number | null];
  if (status !== 0) throw new Error(`bench child exited with ${status}`);
  return out;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const pct = (share: number): string => `${(share * 100).toFixed(3)}%`;

async function measure(interval: number, duration: number, rounds: number, goal: number): Promise<void> {
  const costs: number[] = [];
  const idles: number[] = [];
  const monitors: number[] = [];
  const selfReported: number[] = [];
  let samples = 0;
  for (let round = 0; round < rounds; round++) {
    const env = { RB_INTERVAL: String(interval), RB_WARMUP: '1500', RB_DURATION: String(duration) };
    const [idleOut, monitorOut] = await Promise.all([
      runChild(CPU_CHILD, { ...env, RB_MODE: 'idle' }),
      runChild(CPU_CHILD, { ...env, RB_MODE: 'monitor' }),
    ]);
    const idle = JSON.parse(idleOut) as CpuReport;
    const mon = JSON.parse(monitorOut) as CpuReport;
    const idleShare = idle.cpuSeconds / idle.wallSeconds;
    const monShare = mon.cpuSeconds / mon.wallSeconds;
    idles.push(idleShare);
    monitors.push(monShare);
    costs.push(monShare - idleShare);
    if (mon.selfReported !== undefined) selfReported.push(mon.selfReported);
    samples = mon.samples;
  }
  const cost = median(costs);
  console.log(
    `${`${interval} ms`.padEnd(8)} ${pct(median(idles)).padStart(10)} ${pct(median(monitors)).padStart(10)} ${pct(cost).padStart(10)} ${`${(((cost * interval) / 1000) * 1e6).toFixed(0)} µs`.padStart(10)} ${pct(median(selfReported)).padStart(12)} ${String(samples).padStart(8)}  ${cost <= goal ? 'within' : 'OVER'} goal ${pct(goal)}  [rounds: ${costs.map(pct).join(', ')}]`,
  );
}

console.log(`rune-bench monitor cost (node ${process.version}, ${quick ? 'quick' : 'full'} run; default sources: CPU, memory, event loop, GC)`);
console.log('CPU as a share of one core, median of rounds; idle = a process running the same timer and nothing else');
console.log(`${'interval'.padEnd(8)} ${'idle'.padStart(10)} ${'monitor'.padStart(10)} ${'cost'.padStart(10)} ${'per sample'.padStart(10)} ${'self-report'.padStart(12)} ${'samples'.padStart(8)}`);
await measure(100, quick ? 5000 : 15_000, quick ? 2 : 3, 0.005);
await measure(1000, quick ? 8000 : 25_000, quick ? 2 : 3, 0.001);

const n = quick ? 2000 : 10_000;
const mem = JSON.parse(await runChild(MEMORY_CHILD, { RB_SNAPSHOTS: String(n) }, ['--expose-gc'])) as {
  bytesPerSnapshot: number;
  metrics: number;
  snapshots: number;
};
console.log('self-report = the monitor.overhead.cpu metric: CPU inside sample collection only; the cost column also');
console.log('includes the event loop histogram timer (resolution interval/2, 20-200 ms) and timer wake-ups.');
console.log(`memory: ${mem.bytesPerSnapshot.toFixed(0)} bytes of heap per snapshot held in history (${mem.metrics} metrics each, ${mem.snapshots} snapshots; descriptors shared)`);
