// Folder store and git-notes store side by side: append time, and the full-history read `report --trends` does.
//
//   npm run bench:store                      (1,000 runs of 50 benchmarks in each store)
//   npm run bench:store -- --runs 200        (a quicker look)
//
// Both stores get the same runs, appended interleaved (folder, git, folder, git...); the git store's runs measure
// 100 commits (10 runs each, as several machines would). Then the full read (plus the first-parent ordering for
// the git store, as `report --trends --store git` does) runs interleaved over several rounds. Prints the median
// and the spread (min..max) per store, with the CPU model and the load.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderResultsStore } from '../src/store/folder-store.js';
import { GitNotesResultsStore } from '../src/store/git-notes-store.js';
import { orderByBranch } from '../src/store/branch-order.js';
import { median } from '../src/stats/quantile.js';
import { suiteResult, task } from '../tests/detect/regression/helpers.js';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const runs = arg('runs', 1000);
const benchmarks = arg('benchmarks', 50);
const rounds = arg('rounds', 5);
const commits = Math.max(1, Math.floor(runs / 10));

const root = mkdtempSync(join(tmpdir(), 'rune-bench-bench-store-'));
try {
  const repo = join(root, 'repo');
  const env = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.com' };
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  writeFileSync(join(repo, 'f.txt'), 'x\n');
  execFileSync('git', ['add', 'f.txt'], { cwd: repo });
  execFileSync('git', ['commit', '-q', '-m', 'c0'], { cwd: repo, env });
  const tree = execFileSync('git', ['rev-parse', 'HEAD^{tree}'], { cwd: repo, encoding: 'utf8' }).trim();
  const shas: string[] = [execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim()];
  for (let i = 1; i < commits; i++) {
    shas.push(execFileSync('git', ['commit-tree', tree, '-p', shas[i - 1] as string, '-m', `c${String(i)}`], { cwd: repo, encoding: 'utf8', env }).trim());
  }
  execFileSync('git', ['update-ref', 'refs/heads/main', shas.at(-1) as string], { cwd: repo });

  const folder = new FolderResultsStore(join(root, 'folder'));
  const gitStore = new GitNotesResultsStore({ cwd: repo });
  const appendFolder: number[] = [];
  const appendGit: number[] = [];
  for (let r = 0; r < runs; r++) {
    const startedAt = new Date(Date.UTC(2026, 0, 1) + r * 60_000).toISOString();
    const tasks = Array.from({ length: benchmarks }, (_, b) => task(`b${String(b)}`, Array.from({ length: 10 }, (_, s) => 1e-3 * (1 + 0.01 * ((b + s + r) % 7)))));
    const result = suiteResult('store-bench', tasks, { startedAt, machine: `m${String(r % 3)}` });
    const commit = shas[Math.floor(r / 10) % commits] as string;
    let t = performance.now();
    folder.append(result, { commit });
    appendFolder.push(performance.now() - t);
    t = performance.now();
    gitStore.append(result, { commit });
    appendGit.push(performance.now() - t);
  }

  const readFolder: number[] = [];
  const readGit: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let t = performance.now();
    const a = folder.read();
    readFolder.push(performance.now() - t);
    t = performance.now();
    const b = gitStore.read();
    orderByBranch(b.records, { cwd: repo, branch: 'main' });
    readGit.push(performance.now() - t);
    if (a.records.length !== runs || b.records.length !== runs) throw new Error(`read ${String(a.records.length)} / ${String(b.records.length)} runs, expected ${String(runs)}`);
  }

  const row = (label: string, values: readonly number[]): string =>
    `${label.padEnd(28)} median ${median(values).toFixed(1).padStart(8)} ms   spread ${Math.min(...values).toFixed(1)}..${Math.max(...values).toFixed(1)} ms`;
  console.log(`${String(runs)} runs x ${String(benchmarks)} benchmarks (10 samples each), ${String(commits)} commits; ${String(rounds)} interleaved read rounds`);
  console.log(`CPU ${cpus()[0]?.model ?? 'unknown'} x ${String(cpus().length)}; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(row('append, folder store', appendFolder));
  console.log(row('append, git-notes store', appendGit));
  console.log(row('full read, folder store', readFolder));
  console.log(row('full read + order, git store', readGit));
  console.log(`goal: full read under 1000 ms for both: folder ${median(readFolder) < 1000 ? 'met' : 'missed'}, git ${median(readGit) < 1000 ? 'met' : 'missed'}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
