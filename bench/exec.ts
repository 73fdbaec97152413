// `rune-bench exec` side by side with hyperfine on the same commands, the same tree and the same settings.
//
//   npm run bench:exec                    (builds, then about 2 minutes)
//   npm run bench:exec -- --rounds 5      (more rounds, tighter spread)
//
// One generated tree (quick scale, committed with git) is prepared once; then, over several rounds with the
// order of the tools alternated, each tool benchmarks `git status`, `git log -n 100` and `git rev-parse HEAD`
// in it with its defaults for run count and time (at least 10 runs and 3 s per command), 3 warm-up runs and
// the shell `sh` (both subtract its start-up). Both write hyperfine's JSON export and the per-command means
// are read from it. The table shows, per command, the median over rounds of each tool's mean, the spread
// (min-max over rounds), and rune-bench's difference from hyperfine; then each tool's own wall time per round.
// Needs hyperfine on the PATH (Debian/Ubuntu: apt-get install hyperfine) and git.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeSamples } from '../dist/entry/stats.js';
import { prepareCommandTree } from '../dist/entry/exec.js';

const COMMANDS = ['git status', 'git log -n 100', 'git rev-parse HEAD'] as const;
type Tool = 'rune-bench' | 'hyperfine';
const TOOLS: readonly Tool[] = ['rune-bench', 'hyperfine'];
const BIN = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`--${name} must be a positive integer`);
  return value;
}

interface Round {
  readonly means: ReadonlyMap<string, number>;
  readonly wall: number;
}

function run(command: string, args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${String(code)}: ${stderr.slice(-500)}`));
    });
  });
}

async function measure(tool: Tool, tree: string, scratch: string): Promise<Round> {
  const out = join(scratch, `${tool}.json`);
  const common = ['--warmup', '3', '--export-json', out];
  const wall =
    tool === 'hyperfine'
      ? await run('hyperfine', ['--shell', 'sh', '--style', 'none', ...common, ...COMMANDS], tree)
      : await run(process.execPath, [BIN, 'exec', '--no-store', '--shell', 'sh', ...common, ...COMMANDS], tree);
  const json = JSON.parse(readFileSync(out, 'utf8')) as { results: { command: string; mean: number }[] };
  return { means: new Map(json.results.map((r) => [r.command, r.mean])), wall };
}

const median = (values: readonly number[]): number => describeSamples(values, { batchSize: 1, resolution: 0, resamples: 1 }).median;
const ms = (s: number): string => (s * 1000).toFixed(3);
const spread = (values: readonly number[]): string => `${ms(Math.min(...values))}-${ms(Math.max(...values))}`;

async function main(): Promise<void> {
  const rounds = flag('rounds', 3);
  if (spawnSync('hyperfine', ['--version']).status !== 0) throw new Error('hyperfine is not on the PATH (apt-get install hyperfine)');
  const version = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`CPU: ${cpus()[0]?.model ?? 'unknown'} x ${cpus().length}; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${version}; git ${spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim()}`);
  const tree = await prepareCommandTree('quick');
  const scratch = mkdtempSync(join(tmpdir(), 'rune-bench-bench-exec-'));
  console.log(`tree: ${tree.files} files, generated and committed in ${tree.prepareDuration.toFixed(1)} s; ${rounds} rounds, tools alternated`);
  const results = new Map<Tool, Round[]>(TOOLS.map((t) => [t, []]));
  try {
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? TOOLS : [...TOOLS].reverse();
      for (const tool of order) {
        const r = await measure(tool, tree.root, scratch);
        results.get(tool)?.push(r);
        console.log(`  round ${round + 1} ${tool.padEnd(10)} wall ${r.wall.toFixed(2)} s; means ${COMMANDS.map((c) => `${c} ${ms(r.means.get(c) ?? NaN)} ms`).join(', ')}`);
      }
    }
  } finally {
    await tree.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
  const rune = results.get('rune-bench') ?? [];
  const hf = results.get('hyperfine') ?? [];
  console.log('');
  console.log('command              rune-bench mean ms (spread)    hyperfine mean ms (spread)     difference');
  for (const c of COMMANDS) {
    const a = rune.map((r) => r.means.get(c) ?? NaN);
    const b = hf.map((r) => r.means.get(c) ?? NaN);
    const diff = (median(a) / median(b) - 1) * 100;
    console.log(
      `${c.padEnd(20)} ${`${ms(median(a))} (${spread(a)})`.padEnd(30)} ${`${ms(median(b))} (${spread(b)})`.padEnd(30)} ${diff >= 0 ? '+' : ''}${diff.toFixed(1)}%`,
    );
  }
  const walls = (rs: readonly Round[]): string => `${median(rs.map((r) => r.wall)).toFixed(2)} s (${rs.map((r) => r.wall.toFixed(2)).join(', ')})`;
  console.log(`wall time per round: rune-bench ${walls(rune)}; hyperfine ${walls(hf)}`);
  console.log(`load at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

await main();
