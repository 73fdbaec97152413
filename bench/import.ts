// What importing rune-bench costs a process, side by side with tinybench and mitata in the same run.
//
//   npm run bench:import                  (15 rounds)
//   npm run bench:import -- --rounds 30
//   npm run bench:import -- --reference /tmp/old   (also a reference build's dist/, e.g. a worktree of main)
//
// Each measurement is a fresh node process (plain node on dist/, no tsx) that imports one entry point and
// reports the time the import took (performance.now() around a dynamic import) and the CPU time it used
// (process.cpuUsage(), which a busy machine moves less than wall time), and the parent records the process's
// whole wall time. `rune-bench --version` is measured as a whole process beside `node -e 0`. Rounds interleave
// the entries in a rotating order, so a burst of other work on the machine spreads over all of them; the table
// gives the median and the spread (min..max) over rounds. With --reference, the reference build's main entry,
// `rune-bench/testing` and `--version` are measured in the same rounds, so before and after share the load.
// Rows `by name` import the package by its name (`import('rune-bench')`, as a user does; the checkout resolves its
// own name) against tinybench imported by name: the first package a process resolves pays for node's package
// resolution, which the rows by path leave to rune-bench alone (it resolves eventemitter3).
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
interface Entry {
  readonly name: string;
  /** A module to import in a fresh process, or undefined for an import of nothing. */
  readonly specifier?: string | undefined;
  /** Instead of an import: a whole process, `node ...args`, timed from the parent. */
  readonly args?: readonly string[];
  /** The child's working directory, which a package name is resolved from (default: this checkout). */
  readonly cwd?: string;
  /** The row the `vs tinybench` columns divide by (default `tinybench`). */
  readonly peer?: string;
}
const refUrl = (path: string): string => pathToFileURL(`${reference}/dist/${path}`).href;
const entries: readonly Entry[] = [
  { name: 'node (nothing imported)', specifier: undefined },
  { name: 'rune-bench', specifier: dist('index.js') },
  ...(reference === undefined ? [] : [{ name: 'rune-bench (reference)', specifier: refUrl('index.js') }]),
  { name: 'rune-bench/testing', specifier: dist('testing/index.js') },
  ...(reference === undefined ? [] : [{ name: 'rune-bench/testing (ref.)', specifier: refUrl('testing/index.js') }]),
  { name: 'tinybench', specifier: import.meta.resolve('tinybench') },
  { name: 'mitata', specifier: import.meta.resolve('mitata') },
  // By name, as a user writes it: import('rune-bench') resolves the package (its own name, from this checkout or the
  // reference's) and tinybench and mitata theirs from node_modules. The first package resolved in a process pays for
  // node's package resolution (about 3 ms of CPU here); by path, only rune-bench pays it, for eventemitter3.
  { name: 'rune-bench, by name', specifier: 'rune-bench', peer: 'tinybench, by name' },
  ...(reference === undefined ? [] : [{ name: 'rune-bench (ref.), by name', specifier: 'rune-bench', cwd: reference, peer: 'tinybench, by name' }]),
  { name: 'rune-bench/testing, by name', specifier: 'rune-bench/testing', peer: 'tinybench, by name' },
  { name: 'tinybench, by name', specifier: 'tinybench', peer: 'tinybench, by name' },
  { name: 'mitata, by name', specifier: 'mitata', peer: 'tinybench, by name' },
  { name: 'process: node -e 0', args: ['-e', '0'] },
  { name: 'process: rune-bench -v', args: [fileURLToPath(dist('cli/bin.js')), '--version'] },
  ...(reference === undefined ? [] : [{ name: 'process: rune-bench -v (ref.)', args: [`${reference}/dist/cli/bin.js`, '--version'] }]),
];

// The clock stops before process.stdout is touched: creating the stdout stream loads modules of its own.
const CHILD = `
const t0 = performance.now();
const c0 = process.cpuUsage();
if (process.env.RB_SPECIFIER) await import(process.env.RB_SPECIFIER);
const cpu = process.cpuUsage(c0);
const wall = performance.now() - t0;
process.stdout.write(wall + ' ' + (cpu.user + cpu.system) / 1000);
`;

interface Measurement { importMs: number; cpuMs: number; processMs: number }

async function measureOnce(entry: Entry): Promise<Measurement> {
  const started = performance.now();
  const child = spawn(process.execPath, entry.args ?? ['--input-type=module', '-e', CHILD], {
    ...(entry.cwd === undefined ? {} : { cwd: entry.cwd }),
    env: { ...process.env, RB_SPECIFIER: entry.specifier ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (out += d));
  const [status] = (await once(child, 'exit')) as [number | null];
  const processMs = performance.now() - started;
  if (status !== 0) throw new Error(`${entry.name}: child exited with ${status}`);
  if (entry.args !== undefined) return { importMs: Number.NaN, cpuMs: Number.NaN, processMs };
  const [importMs, cpuMs] = out.split(' ').map(Number) as [number, number];
  return { importMs, cpuMs, processMs };
}

const importMs = entries.map((): number[] => []);
const cpuMs = entries.map((): number[] => []);
const processMs = entries.map((): number[] => []);
const load0 = loadavg();
for (let round = 0; round < rounds; round++) {
  for (let k = 0; k < entries.length; k++) {
    const i = (k + round) % entries.length;
    const r = await measureOnce(entries[i]!);
    importMs[i]!.push(r.importMs);
    cpuMs[i]!.push(r.cpuMs);
    processMs[i]!.push(r.processMs);
  }
}

const median = (xs: readonly number[]): number => summarizeValues(xs)?.p50 ?? Number.NaN;
const ms = (x: number): string => (Number.isNaN(x) ? '' : `${x.toFixed(1)} ms`);
const span = (xs: readonly number[]): string => (xs.some(Number.isNaN) ? '' : `${ms(Math.min(...xs))}..${ms(Math.max(...xs))}`);
const peerOf = (e: Entry): number => entries.findIndex((p) => p.name === (e.peer ?? 'tinybench'));

console.log(`import cost: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length}`);
console.log(`load average ${load0.map((l) => l.toFixed(2)).join(' ')} at start, ${loadavg().map((l) => l.toFixed(2)).join(' ')} at end; ${rounds} rounds, entries interleaved`);
console.log(`${'entry'.padEnd(30)} ${'import'.padStart(9)} ${'spread'.padStart(20)} ${'vs tinybench'.padStart(12)} ${'import CPU'.padStart(10)} ${'vs tinybench'.padStart(12)} ${'process'.padStart(9)} ${'spread'.padStart(20)}`);
for (const [i, e] of entries.entries()) {
  const imp = median(importMs[i]!);
  const cpu = median(cpuMs[i]!);
  const peer = peerOf(e);
  const versus = (x: number, of: readonly number[]): string => (e.specifier === undefined ? '' : `${(x / median(of)).toFixed(2)}x`);
  console.log(
    `${e.name.padEnd(30)} ${ms(imp).padStart(9)} ${span(importMs[i]!).padStart(20)} ${versus(imp, importMs[peer]!).padStart(12)} ${ms(cpu).padStart(10)} ${versus(cpu, cpuMs[peer]!).padStart(12)} ${ms(median(processMs[i]!)).padStart(9)} ${span(processMs[i]!).padStart(20)}`,
  );
}
console.log('import = wall time of the dynamic import inside the child; import CPU = the CPU time it used (user + system);');
console.log('process = the child\'s whole wall time (node start-up included); `process:` rows are whole processes only.');
console.log('Rows by path import the file; rows `by name` import the package by name, as a user does, against tinybench by name.');
console.log('Goal: rune-bench within 2x of tinybench.');
