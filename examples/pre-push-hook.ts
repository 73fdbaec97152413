// A git pre-push hook: measure the commit being pushed against its upstream in the same time window (both
// revisions interleaved in fresh processes, so a busy laptop slows both alike) and block the push when a
// benchmark regressed beyond 5%. Nothing to store: the upstream revision is rebuilt in a temporary worktree.
//
// Install (from the repository root):
//   printf '#!/bin/sh\nexec npx tsx examples/pre-push-hook.ts "$@"\n' > .git/hooks/pre-push
//   chmod +x .git/hooks/pre-push
// Settings: RUNE_BENCH_SUITE_MODULE (default bench/suite.js, a file in the repository that exports the suite),
// RUNE_BENCH_SUITE (the suite id, default core), RUNE_BENCH_BUILD (e.g. "npm run build", run in both trees).
// `inconclusive` (the rounds disagree, e.g. the machine was too busy) lets the push through with a note.
//
// RUNE_BENCH_EXAMPLE_QUICK=1: builds a throw-away repository with two commits and gates the second in seconds.
// RUNE_BENCH_EXAMPLE_SLOWDOWN=1 (with QUICK): the second commit does 3x the work, to see a push being blocked.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareRevisions } from 'rune-bench/compare';
import type { RevisionComparison } from 'rune-bench/compare';

const quick = process.env.RUNE_BENCH_EXAMPLE_QUICK === '1';

function gitOut(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Runs the comparison and prints it; resolves to whether the push may go ahead. */
async function gate(repository: string, base: string, suiteModule: string, suite: string, rounds: number): Promise<boolean> {
  const build = process.env.RUNE_BENCH_BUILD;
  const result: RevisionComparison = await compareRevisions({
    base,
    head: 'HEAD',
    repository,
    suiteModule,
    suite,
    rounds,
    threshold: 0.05,
    ...(build === undefined ? {} : { build }),
    onProgress: (p) => {
      if (p.phase === 'measure' && p.side !== undefined) process.stderr.write(`pre-push: ${p.message}${p.etaSeconds === undefined ? '' : ` (about ${Math.round(p.etaSeconds)} s left)`}\n`);
    },
  });
  for (const t of result.tasks) {
    const pct = (x: number): string => `${((x - 1) * 100).toFixed(1)}%`;
    const interval = Number.isFinite(t.ci.lower) ? ` [${pct(t.ci.lower)}, ${pct(t.ci.upper)}]` : '';
    console.log(`  ${t.verdict.padEnd(12)} ${t.name}: ${Number.isFinite(t.ratio) ? pct(t.ratio) : '-'}${interval}; rounds ${t.roundRatios.map((r) => r?.toFixed(2) ?? '-').join(' ')}`);
  }
  for (const n of result.notices) console.log(`  note: ${n}`);
  if (result.verdict === 'regressed') {
    console.log(`pre-push: blocked: ${result.reason}. Fix it, or push with --no-verify to accept it.`);
    return false;
  }
  if (result.verdict === 'incomparable') console.log(`pre-push: cannot compare (${result.reason}); push allowed.`);
  else console.log(`pre-push: ${result.verdict}; push allowed.`);
  return true;
}

/** A throw-away repository with a suite module and two commits; the second does `factor` times the work. */
function demoRepository(factor: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'rune-bench-pre-push-'));
  // the suite module imports rune-bench: give the repository this package as its dependency
  const packageRoot = join(dirname(fileURLToPath(import.meta.resolve('rune-bench'))), '..');
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(packageRoot, join(dir, 'node_modules', 'rune-bench'), 'dir');
  const work = (n: number): string => `export const WORK = ${n};\n`;
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
  writeFileSync(join(dir, 'package.json'), '{ "name": "demo", "private": true, "type": "module" }\n');
  writeFileSync(join(dir, 'work.js'), work(1));
  writeFileSync(
    join(dir, 'suite.js'),
    `import { createHash } from 'node:crypto';
import { BenchmarkSuite } from 'rune-bench';
import { WORK } from './work.js';
const blob = Buffer.alloc(16 * 1024, 'rune-bench ');
export const suite = {
  id: 'core', description: 'object hashing', parameters: [],
  run() {
    const s = new BenchmarkSuite('core', { timeMs: 100, warmupMs: 10, minSamples: 8 });
    s.add('hash blob (sha1, 16 KiB)', () => { for (let i = 0; i < WORK; i++) createHash('sha1').update(blob).digest(); });
    return s.run();
  },
};
`,
  );
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.email=demo@example.com', '-c', 'user.name=demo', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'upstream');
  writeFileSync(join(dir, 'work.js'), work(factor));
  git('commit', '-q', '-a', '--allow-empty', '-m', 'the change being pushed');
  return dir;
}

if (quick) {
  const dir = demoRepository(process.env.RUNE_BENCH_EXAMPLE_SLOWDOWN === '1' ? 3 : 1);
  try {
    const allowed = await gate(dir, 'HEAD~1', 'suite.js', 'core', 4);
    console.log(`(quick demo: the hook would exit ${allowed ? 0 : 1})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  const repository = process.cwd();
  const upstream = gitOut(repository, ['rev-parse', '--verify', '--quiet', '@{upstream}']);
  if (upstream === undefined) {
    console.log('pre-push: no upstream branch to compare with; push allowed.');
  } else {
    const suiteModule = process.env.RUNE_BENCH_SUITE_MODULE ?? 'bench/suite.js';
    const allowed = await gate(repository, upstream, suiteModule, process.env.RUNE_BENCH_SUITE ?? 'core', 6);
    process.exitCode = allowed ? 0 : 1;
  }
}
