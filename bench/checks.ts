// What `npm test`'s static checks (type check, lint, the API reports) cost one at a time against two at a time,
// interleaved over rounds on this machine (scripts/checks.mjs runs them two at a time).
//
//   npm run bench:checks                           (2 rounds)
//   node --import tsx bench/checks.ts --rounds 3
import { cpus, loadavg } from 'node:os';

interface Job {
  readonly name: string;
  readonly args: readonly string[];
}
// plain JavaScript build scripts (no type declarations): imported by URL and typed here
const { checkJobs } = (await import(new URL('../scripts/checks.mjs', import.meta.url).href)) as { checkJobs: () => Job[] };
const { runJobs } = (await import(new URL('../scripts/jobs.mjs', import.meta.url).href)) as {
  runJobs: (jobs: readonly Job[], options: { width: number; prefix: string }) => Promise<string[]>;
};

const at = process.argv.indexOf('--rounds');
const rounds = at > 0 ? Math.max(1, Number(process.argv[at + 1]) || 2) : 2;
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`static checks: CPU ${cpus()[0]?.model ?? '?'} x${String(cpus().length)}, load ${load()} at start, ${String(rounds)} rounds`);
const times: Record<string, number[]> = { 'one at a time': [], 'two at a time': [] };
for (let round = 0; round < rounds; round++) {
  // alternate which goes first, so a change of load over the run falls on both
  const order = round % 2 === 0 ? [1, 2] : [2, 1];
  for (const width of order) {
    const started = performance.now();
    const failed = await runJobs(checkJobs(), { width, prefix: `  round ${String(round + 1)}, width ${String(width)}` });
    if (failed.length > 0) throw new Error(`checks failed: ${failed.join(', ')}`);
    times[width === 1 ? 'one at a time' : 'two at a time']?.push((performance.now() - started) / 1000);
  }
}
for (const [name, xs] of Object.entries(times)) {
  const sorted = [...xs].sort((a, b) => a - b);
  console.log(`${name.padEnd(14)} median ${(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN).toFixed(1)} s, range ${sorted[0]?.toFixed(1) ?? '-'}..${sorted.at(-1)?.toFixed(1) ?? '-'} s`);
}
console.log(`load at end ${load()}`);
