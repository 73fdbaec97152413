// Monitoring a git subprocess: a PerformanceMonitor samples this process, the git child by pid
// (pidusage) and every reaped child (from /proc/self/stat), while git hashes and commits files.
//
//   npm run build && npx tsx examples/monitor-child-git.ts
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildProcessSource, DiskIoSource, ReapedChildrenSource, SystemSource } from 'rune-bench/sources';
import { PerformanceMonitor, defaultSources } from 'rune-bench';
import { createRng } from 'rune-bench/stats';

const quick = process.env.RUNE_BENCH_EXAMPLE_QUICK === '1';
const fileCount = quick ? 300 : 3000;
const fileSize = 16 * 1024;

if (spawnSync('git', ['--version']).status !== 0) {
  console.log('git is not installed: nothing to monitor.');
  process.exit(0);
}

const repo = mkdtempSync(join(tmpdir(), 'rune-bench-git-'));
const children = new ChildProcessSource();
const monitor = new PerformanceMonitor({
  intervalMs: 100,
  sources: [...defaultSources(), children, new ReapedChildrenSource(), new DiskIoSource({ level: 'syscall' }), new SystemSource()],
});
children.on('exit', ({ pid, label }) => {
  console.log(`  ${label} (pid ${pid}) exited`);
});
monitor.on('error', ({ sourceId, error }) => {
  console.log(`  source ${sourceId} failed: ${error.code} ${error.message}`);
});

/** Runs git in the repository, watching it by pid under `label`. */
async function git(label: string, ...args: string[]): Promise<void> {
  const child = spawn('git', args, { cwd: repo, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'rune', GIT_AUTHOR_EMAIL: 'rune@example.invalid', GIT_COMMITTER_NAME: 'rune', GIT_COMMITTER_EMAIL: 'rune@example.invalid' } });
  children.register(child, label);
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`git ${args.join(' ')} exited with ${code}`);
}

try {
  // Random file content (seeded), so git cannot deduplicate the blobs.
  const random = createRng(42);
  for (let i = 0; i < fileCount; i++) {
    const dir = join(repo, `d${i % 20}`);
    mkdirSync(dir, { recursive: true });
    const bytes = Buffer.alloc(fileSize);
    for (let j = 0; j < fileSize; j += 4) bytes.writeUInt32LE(Math.floor(random() * 2 ** 32), j);
    writeFileSync(join(dir, `f${i}.bin`), bytes);
  }
  await monitor.start();
  console.log(`monitoring git on ${fileCount} files of ${fileSize / 1024} KiB in ${repo}`);
  await git('git_init', 'init', '-q');
  await git('git_add', 'add', '-A');
  await git('git_commit', 'commit', '-q', '-m', 'snapshot');
  await git('git_gc', 'gc', '-q');
  await new Promise((resolve) => setTimeout(resolve, 250));
  await monitor.stop();

  const pct = (v: number | undefined): string => (v === undefined ? 'n/a' : `${(v * 100).toFixed(1)}%`);
  console.log(`samples taken: ${monitor.history.size}`);
  for (const label of ['git_add', 'git_commit', 'git_gc']) {
    const cpu = monitor.summary(`process.child.${label}.cpu.utilization`);
    const rss = monitor.summary(`process.child.${label}.memory.usage`);
    if (cpu === undefined || rss === undefined) {
      console.log(`  ${label}: exited before a sample saw it (its CPU is in the reaped-children total below)`);
    } else {
      console.log(`  ${label}: ${cpu.count} readings, peak CPU ${pct(cpu.max)} of a core, peak RSS ${(rss.max / 2 ** 20).toFixed(1)} MiB`);
    }
  }
  const childTime = monitor.series('process.children.cpu.time').values;
  // git gc mostly waits for its own children (pack-objects...): their CPU lands here once they are reaped.
  console.log(`reaped children (git and its subprocesses): ${((childTime.at(-1) ?? 0) - (childTime[0] ?? 0)).toFixed(2)} s of CPU`);
  console.log(`this process: mean CPU ${pct(monitor.summary('process.cpu.utilization')?.mean)}, peak RSS ${((monitor.summary('process.memory.usage')?.max ?? 0) / 2 ** 20).toFixed(1)} MiB`);
  console.log(`monitor overhead: mean ${pct(monitor.summary('monitor.overhead.cpu')?.mean)} of a core`);
} finally {
  await monitor.stop();
  rmSync(repo, { recursive: true, force: true });
}
