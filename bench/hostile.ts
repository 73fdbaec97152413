// Hostile inputs, before and after: a gzip bomb, a baseline with 100,000 kept samples in one task and a
// 100 MB baseline, each given to `run --baseline` of the CLI built from a reference revision (default: the
// first release as it landed) and of this checkout, interleaved over rounds. Prints wall time, peak RSS
// and exit code side by side, with the CPU model and the load.
//
//   npm run bench:hostile                       (about 5 minutes: the reference is slow by design)
//   npm run bench:hostile -- --ref <rev> --rounds 3 --limit-s 90
//
// Each CLI run is timed by /usr/bin/time (GNU time: %e wall seconds, %M peak RSS KiB) and killed at
// --limit-s; a killed run prints as "> limit".
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
// The first release as it landed on main (before the reliability work).
const ref = arg('ref', '0090215');
const rounds = Number(arg('rounds', '2'));
const limitSeconds = Number(arg('limit-s', '60'));
if (!existsSync('/usr/bin/time')) {
  console.error('bench:hostile needs GNU time at /usr/bin/time (Debian package `time`).');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'rb-hostile-'));
const refTree = join(work, 'ref');

function sh(cmd: string, args: readonly string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

async function gzipOfSpaces(path: string, mib: number): Promise<void> {
  const gzip = createGzip({ level: 9 });
  const out = createWriteStream(path);
  gzip.pipe(out);
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < mib; i++) if (!gzip.write(block)) await once(gzip, 'drain');
  gzip.end();
  await once(out, 'close');
}

interface Measure {
  readonly code: number | null;
  readonly seconds: number;
  readonly rssMiB: number;
  readonly killed: boolean;
}

function measure(bin: string, suiteModule: string, baseline: string): Measure {
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'RBTIME %e %M', 'timeout', '-s', 'KILL', String(limitSeconds), process.execPath, bin, 'run', '--require', suiteModule, '--suite', 'hostile', '--no-store', '--baseline', baseline],
    { encoding: 'utf8', cwd: work, maxBuffer: 64 * 1024 * 1024 },
  );
  const line = /RBTIME ([\d.]+) (\d+)/.exec(r.stderr);
  const killed = r.status === 137 || /Command terminated by signal 9/.test(r.stderr);
  return { code: r.status, seconds: Number(line?.[1] ?? Number.NaN), rssMiB: Number(line?.[2] ?? Number.NaN) / 1024, killed };
}

function suiteModule(dist: string): string {
  const path = join(work, `suite-${dist === join(ROOT, 'dist') ? 'head' : 'ref'}.mjs`);
  writeFileSync(
    path,
    `import { BenchmarkSuite } from ${JSON.stringify(join(dist, 'index.js'))};
export default {
  id: 'hostile', description: 'one small task', parameters: [],
  async run(options = {}) {
    const suite = new BenchmarkSuite('hostile', { keepSamples: true, ...(options.signal ? { signal: options.signal } : {}) });
    suite.add('sum', () => { let s = 0; for (let i = 0; i < 1000; i++) s += i; return s; });
    return suite.run();
  },
};
`,
  );
  return path;
}

async function main(): Promise<void> {
  console.log(`rune-bench hostile inputs · reference ${ref} vs this checkout · ${cpus()[0]?.model ?? 'unknown CPU'} · ${cpus().length} cores`);
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  sh('git', ['worktree', 'add', '--detach', refTree, ref], ROOT);
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(refTree, 'node_modules'));
    sh(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], refTree);
    const builds = [
      { name: `reference ${ref}`, bin: join(refTree, 'dist/cli/bin.js'), suite: suiteModule(join(refTree, 'dist')) },
      { name: 'this checkout', bin: join(ROOT, 'dist/cli/bin.js'), suite: suiteModule(join(ROOT, 'dist')) },
    ];
    // A real baseline from the current build, then the hostile variants of it.
    const base = join(work, 'base.json');
    const saved = spawnSync(process.execPath, [builds[1]!.bin, 'run', '--require', builds[1]!.suite, '--suite', 'hostile', '--no-store', '--save-baseline', base, '--format', 'json'], { cwd: work, encoding: 'utf8' });
    if (saved.status !== 0) throw new Error(`could not record a baseline: ${saved.stderr}`);
    const json = JSON.parse((await import('node:fs')).readFileSync(base, 'utf8')) as { tasks: { samples?: number[] }[] };
    const many = structuredClone(json);
    const first = many.tasks[0]!;
    const seedSamples = first.samples ?? [1e-6];
    first.samples = Array.from({ length: 100_000 }, (_, i) => seedSamples[i % seedSamples.length]! * (1 + ((i * 7919) % 101) / 10_000));
    const manyPath = join(work, 'many-samples.json');
    writeFileSync(manyPath, JSON.stringify(many));
    const huge = structuredClone(json) as Record<string, unknown>;
    huge.notices = [`padding ${'x'.repeat(100 * 1024 * 1024)}`];
    const hugePath = join(work, 'huge-100MB.json');
    writeFileSync(hugePath, JSON.stringify(huge));
    const bomb = join(work, 'bomb-1GiB.json.gz');
    await gzipOfSpaces(bomb, 1024);
    const inputs = [
      { name: 'gzip bomb (1 MB -> 1 GiB)', path: bomb },
      { name: '100,000 kept samples (1.7 MB)', path: manyPath },
      { name: '100 MB baseline', path: hugePath },
    ];
    const rows: { input: string; build: string; m: Measure }[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const input of inputs) {
        const order = round % 2 === 0 ? builds : [...builds].reverse();
        for (const build of order) {
          const m = measure(build.bin, build.suite, input.path);
          rows.push({ input: input.name, build: build.name, m });
          process.stderr.write(`round ${round + 1}/${rounds} · ${input.name} · ${build.name}: ${m.killed ? `> ${limitSeconds} s (killed)` : `${m.seconds.toFixed(2)} s`}, ${m.rssMiB.toFixed(0)} MiB, exit ${m.code}\n`);
        }
      }
    }
    console.log('');
    console.log('| input | build | wall s (min-max) | peak RSS MiB (min-max) | exit codes |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const input of inputs) {
      for (const build of builds) {
        const ms = rows.filter((r) => r.input === input.name && r.build === build.name).map((r) => r.m);
        const wall = ms.map((m) => (m.killed ? `>${limitSeconds}` : m.seconds.toFixed(2)));
        const rss = ms.map((m) => m.rssMiB);
        console.log(`| ${input.name} | ${build.name} | ${wall.join(', ')} | ${Math.min(...rss).toFixed(0)}-${Math.max(...rss).toFixed(0)} | ${[...new Set(ms.map((m) => (m.killed ? 'killed' : String(m.code))))].join(', ')} |`);
      }
    }
    console.log(`\nload average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', refTree], { cwd: ROOT });
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
