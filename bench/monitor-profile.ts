// Where the default monitor's CPU goes on the main thread: a steady-state CPU profile, summarised.
//
//   node --import tsx bench/monitor-profile.ts                      (100 ms, 30 s, this build)
//   node --import tsx bench/monitor-profile.ts --interval 1000 --seconds 60 --dist /tmp/old/dist/index.js
//   node --import tsx bench/monitor-profile.ts --sources ''      (only some default sources: ids, comma-separated)
//
// A fresh child (plain node on dist/) starts `new PerformanceMonitor({ intervalMs })`, warms up (15 s),
// then runs under the V8 sampling profiler (node:inspector, 100 µs sampling) for the given time. The
// summary gives the self time of each function (and of V8's pseudo-frames: garbage collector, program)
// per monitor sample, largest first, so a change can be aimed at the largest cost. The profiler's own
// overhead inflates every figure alike: compare rows within one run, not with bench:monitor's totals.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
};
const interval = Number(arg('--interval', '100'));
const seconds = Number(arg('--seconds', '30'));
const dist = pathToFileURL(arg('--dist', fileURLToPath(new URL('../dist/index.js', import.meta.url)))).href;
const top = Number(arg('--top', '25'));
// V8's memory reducer runs a few full collections some seconds after start-up in any process: warm up past it
const warmup = Number(arg('--warmup', '15'));
const sourcesArg = process.argv.indexOf('--sources');
const sources = sourcesArg === -1 ? undefined : (process.argv[sourcesArg + 1] ?? '');

const CHILD = `
import { Session } from 'node:inspector/promises';
const rb = await import(process.env.RB_DIST);
const intervalMs = Number(process.env.RB_INTERVAL);
const keep = process.env.RB_SOURCES?.split(',');
const sources = keep === undefined ? undefined : rb.defaultSources({ intervalMs }).filter((s) => keep.includes(s.id));
const monitor = new rb.PerformanceMonitor({ intervalMs, sources });
await monitor.start();
const keepAlive = setInterval(() => {}, 60000);
await new Promise((r) => setTimeout(r, Number(process.env.RB_WARMUP) * 1000));
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
const first = monitor.history.size;
await session.post('Profiler.start');
await new Promise((r) => setTimeout(r, Number(process.env.RB_SECONDS) * 1000));
const { profile } = await session.post('Profiler.stop');
const samples = monitor.history.size - first;
await monitor.stop();
clearInterval(keepAlive);
const { writeFileSync } = await import('node:fs');
writeFileSync(process.env.RB_OUT, JSON.stringify({ profile, samples }));
process.exit(0);
`;

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const dir = mkdtempSync(join(tmpdir(), 'rb-profile-'));
const file = join(dir, 'profile.json');
const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
  env: { ...process.env, RB_DIST: dist, RB_INTERVAL: String(interval), RB_SECONDS: String(seconds), RB_WARMUP: String(warmup), RB_OUT: file, ...(sources === undefined ? {} : { RB_SOURCES: sources }) },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const [status] = (await once(child, 'exit')) as [number | null];
if (status !== 0) throw new Error(`profile child exited with ${status}`);
const { profile, samples } = JSON.parse(readFileSync(file, 'utf8')) as { profile: Profile; samples: number };
rmSync(dir, { recursive: true, force: true });

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]!)!;
  // timeDeltas[i] is the time before sample i; the time a sample stands for is the gap to the next one
  const us = profile.timeDeltas[i + 1] ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === '(idle)') continue;
  const file = url === '' ? '' : ` ${url.replace(/^.*\/(dist|node_modules)\//, '$1/').replace(/^node:/, 'node:')}:${lineNumber + 1}`;
  const key = `${functionName || '(anonymous)'}${file}`;
  self.set(key, (self.get(key) ?? 0) + us);
  total += us;
}
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
console.log(`monitor profile: interval ${interval} ms, ${seconds} s, ${samples} samples, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${dist}`);
console.log(`main-thread time outside (idle): ${(total / 1000).toFixed(1)} ms = ${(total / samples).toFixed(0)} µs per sample`);
for (const [key, us] of rows) console.log(`${(us / samples).toFixed(1).padStart(8)} µs/sample ${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
