// What importing rune-bench costs a process, side by side with tinybench and mitata in the same run.
//
//   npm run bench:import                  (15 rounds)
//   npm run bench:import -- --rounds 30
//   npm run bench:import -- --reference /tmp/old   (also a reference build's dist/, e.g. a worktree of main)
//
// Each measurement is a fresh node process (plain node on dist/, no tsx) that imports one entry point and
// reports the time the import took (performance.now() around a dynamic import), and the parent records the
// process's whole wall time. Rounds interleave the entries in a rotating order, so a burst of other work on
// the machine spreads over all of them; the table gives the median and the spread (min..max) over rounds.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { summarizeValues } from '../src/monitor/series-stats.js';

const dist = (path: string): string => pathToFileURL(fileURLToPath(new URL(`../dist/${path}`, import.meta.url))).href;
if (!existsSync(fileURLToPath(dist('index.js')))) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench:import does).');
  process.exit(1);
}
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg === -1 ? 15 : Math.max(1, Number(process.argv[roundsArg + 1]) || 15);

const referenceArg = process.argv.indexOf('--reference');
const reference = referenceArg === -1 ? undefined : process.argv[referenceArg + 1];
if (reference !== undefined && !existsSync(`${reference}/dist/index.js`)) {
  console.error(`--reference ${reference}: no dist/index.js there (build it first)`);
  process.exit(2);
}
const entries: readonly { readonly name: string; readonly specifier: string | undefined }[] = [
  { name: 'node (nothing imported)', specifier: undefined },
  { name: 'rune-bench', specifier: dist('index.js') },
  ...(reference === undefined ? [] : [{ name: 'rune-bench (reference)', specifier: pathToFileURL(`${reference}/dist/index.js`).href }]),
  { name: 'rune-bench/testing', specifier: dist('testing/index.js') },
  { name: 'tinybench', specifier: import.meta.resolve('tinybench') },
  { name: 'mitata', specifier: import.meta.resolve('mitata') },
];

const CHILD = `
const t0 = performance.now();
if (process.env.RB_SPECIFIER) await import(process.env.RB_SPECIFIER);
process.stdout.write(String(performance.now() - t0));
`;

async function measureOnce(specifier: string | undefined): Promise<{ importMs: number; processMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
    env: { ...process.env, RB_SPECIFIER: specifier ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (out += d));
  const [status] = (await once(child, 'exit')) as [number | null];
  if (status !== 0) throw new Error(`import child exited with ${status}`);
  return { importMs: Number(out), processMs: performance.now() - started };
}

const importMs = entries.map((): number[] => []);
const processMs = entries.map((): number[] => []);
const load0 = loadavg();
for (let round = 0; round < rounds; round++) {
  for (let k = 0; k < entries.length; k++) {
    const i = (k + round) % entries.length;
    const r = await measureOnce(entries[i]!.specifier);
    importMs[i]!.push(r.importMs);
    processMs[i]!.push(r.processMs);
  }
}

const median = (xs: readonly number[]): number => summarizeValues(xs)?.p50 ?? Number.NaN;
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const span = (xs: readonly number[]): string => `${ms(Math.min(...xs))}..${ms(Math.max(...xs))}`;
const tinybench = median(importMs[entries.findIndex((e) => e.name === 'tinybench')]!);

console.log(`import cost: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length}`);
console.log(`load average ${load0.map((l) => l.toFixed(2)).join(' ')} at start, ${loadavg().map((l) => l.toFixed(2)).join(' ')} at end; ${rounds} rounds, entries interleaved`);
console.log(`${'entry'.padEnd(26)} ${'import'.padStart(10)} ${'spread'.padStart(22)} ${'vs tinybench'.padStart(12)} ${'process'.padStart(10)} ${'spread'.padStart(22)}`);
for (const [i, e] of entries.entries()) {
  const imp = median(importMs[i]!);
  const ratio = e.specifier === undefined ? '' : `${(imp / tinybench).toFixed(2)}x`;
  console.log(`${e.name.padEnd(26)} ${ms(imp).padStart(10)} ${span(importMs[i]!).padStart(22)} ${ratio.padStart(12)} ${ms(median(processMs[i]!)).padStart(10)} ${span(processMs[i]!).padStart(22)}`);
}
console.log('import = time of the dynamic import inside the child; process = the child\'s whole wall time (node start-up included).');
console.log('Goal: rune-bench within 2x of tinybench.');
