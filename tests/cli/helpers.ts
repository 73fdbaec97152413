// Shared helpers for the CLI end-to-end tests: build once, spawn the built bin, temp dirs, a tiny suite module.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'dist/cli/bin.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the package when dist/cli/bin.js is missing or older than src/cli (npm test builds first, so this
 * is usually a no-op). A lock directory keeps parallel test files from building at once.
 */
export function ensureBuilt(): void {
  // built = compiled and bundled (scripts/bundle-main.mjs writes dist/index.js last)
  const index = join(ROOT, 'dist/index.js');
  const stale = (): boolean =>
    !existsSync(BIN) || statSync(BIN).mtimeMs < newestMtime(join(ROOT, 'src/cli')) || !existsSync(index) || !readFileSync(index, 'utf8').startsWith('// bundled: ');
  if (!stale()) return;
  const lock = join(ROOT, 'node_modules/.rune-bench-cli-build.lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('timed out waiting for another test to build');
      // a lock older than a build can take was left by a process that died building: take it over
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 180_000) rmSync(lock, { recursive: true, force: true });
      spawnSync('sleep', ['0.5']);
      if (!stale()) return;
    }
  }
  try {
    // what npm run build does: tsc, then the main entry's modules into two files
    if (stale()) {
      spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
      spawnSync(process.execPath, [join(ROOT, 'scripts/bundle-main.mjs')], { cwd: ROOT, stdio: 'ignore' });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (!existsSync(BIN)) throw new Error('npm run build did not produce dist/cli/bin.js');
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeout?: number;
}

/** Spawns `node dist/cli/bin.js ...args` and collects its output. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  const env = Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

const created: string[] = [];
process.once('exit', () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when the test process exits. */
export function tempDir(prefix = 'rune-bench-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/**
 * Writes a module defining a tiny suite `tiny` (one real task summing `work` numbers) that imports the BUILT
 * package, and returns its path. `RUNE_TINY_WORK` in the environment changes the default work without changing
 * the parameters (a slower revision of the code, as the gate sees it). Pass it to `--require` or RUNE_BENCH_SUITES.
 */
export function writeTinySuite(dir: string, id = 'tiny'): string {
  const index = pathToFileURL(join(ROOT, 'dist/index.js')).href;
  const path = join(dir, `${id}-suite.mjs`);
  writeFileSync(
    path,
    `import { BenchmarkSuite } from ${JSON.stringify(index)};
export default {
  id: ${JSON.stringify(id)},
  description: 'A tiny test suite: sums an array of numbers.',
  parameters: [
    { name: 'work', type: 'number', description: 'numbers summed per operation', default: 2000 },
    { name: 'time', type: 'number', description: 'sampling budget per task, ms', default: 60 },
    { name: 'samples', type: 'number', description: 'most samples per task', default: 40 },
  ],
  async run(options = {}) {
    const work = Number(options.params?.work ?? process.env.RUNE_TINY_WORK ?? 2000);
    const data = Float64Array.from({ length: work }, (_, i) => (i * 7919) % 1000);
    const suite = new BenchmarkSuite(${JSON.stringify(id)}, { timeMs: Number(options.params?.time ?? 60), minSamples: 12, maxSamples: Number(options.params?.samples ?? 40), warmupMs: 10, keepSamples: true, seed: options.seed ?? 1, ...(options.signal ? { signal: options.signal } : {}) });
    // RUNE_TINY_TASKS (comma-separated names) keeps only those tasks
    const only = process.env.RUNE_TINY_TASKS?.split(',');
    const wanted = (name) => only === undefined || only.includes(name);
    const total = ['sum', 'sort copy'].filter(wanted).length;
    let tasks = 0;
    suite.on('task:complete', (t) => { tasks += 1; options.onProgress?.({ suite: ${JSON.stringify(id)}, phase: t.name, fraction: tasks / total, eta: (total - tasks) * 0.2 }); });
    if (wanted('sum')) suite.add('sum', () => { let s = 0; for (let i = 0; i < data.length; i++) s += data[i]; return s; }, { items: work });
    if (wanted('sort copy')) suite.add('sort copy', () => Float64Array.from(data.subarray(0, 200)).sort()[0]);
    return suite.run();
  },
};
`,
  );
  return path;
}

/** Asserts-friendly: the non-empty lines of `text`. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}
