// Commands side by side, as hyperfine does, in a generated git repository, with a monitor watching the run:
// `git status` against `git ls-files`, the table with relative figures, and the bottleneck findings.
//
//   npm run build && npx tsx examples/exec-commands.ts
import { spawnSync } from 'node:child_process';
import { PerformanceMonitor, defaultSources } from 'rune-bench';
import { benchmarkCommands, prepareCommandTree } from 'rune-bench/exec';
import { tableFormatter } from 'rune-bench/format';
import { SystemSource } from 'rune-bench/sources';

const quick = process.env.RUNE_BENCH_EXAMPLE_QUICK === '1';

if (spawnSync('git', ['--version']).status !== 0 || spawnSync('python3', ['--version']).status !== 0) {
  console.log('git and python3 are needed to benchmark git commands: nothing to do.');
  process.exit(0);
}

// a committed repository shaped like a small Linux checkout (removed by dispose)
const tree = await prepareCommandTree('quick');
try {
  const monitor = new PerformanceMonitor({ intervalMs: 250, sources: [...defaultSources(), new SystemSource()] });
  const { result } = await benchmarkCommands(['git status', 'git ls-files'], {
    cwd: tree.root,
    warmupRuns: quick ? 1 : 3,
    minRuns: quick ? 5 : 10,
    minTimeMs: quick ? 0 : 2000,
    monitor,
  });
  console.log(tableFormatter.format({ kind: 'suite', result, history: monitor.history.toArray() }, { color: false }));
  console.log(`findings while the commands ran: ${result.findings?.map((f) => `${f.severity} ${f.title}`).join('; ') || 'none'}`);
} finally {
  await tree.dispose();
}
