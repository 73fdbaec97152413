// A git pre-push hook: run a quick benchmark suite, compare it with the stored baseline, and block the push
// when a regression is confirmed by a re-run, saying which benchmark got slower and by how much.
//
// Install (from the repository root):
//   printf '#!/bin/sh\nexec npx tsx examples/pre-push-hook.ts "$@"\n' > .git/hooks/pre-push
//   chmod +x .git/hooks/pre-push
// The baseline lives in .rune-bench/baseline.json.gz (written on the first run; refresh it with
// RUNE_BENCH_UPDATE_BASELINE=1 after an accepted slowdown), and every run is appended to the
// .rune-bench/results store so `RegressionDetector.analyzeStore` can find change points later.
//
// RUNE_BENCH_EXAMPLE_QUICK=1: runs twice in a temporary folder (baseline, then a check) in a few seconds.
// RUNE_BENCH_EXAMPLE_SLOWDOWN=1 (with QUICK): makes the second run slower, to see a push being blocked.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { BenchmarkSuite, RegressionDetector, ResultsStore, readSuiteResult, writeSuiteResult } from 'rune-bench';
import type { SuiteResult } from 'rune-bench';

const quick = process.env.RUNE_BENCH_EXAMPLE_QUICK === '1';

function currentCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The quick suite: the object-store work a VCS does on every commit. `slowdown` simulates a bad change. */
function createSuite(slowdown: number): BenchmarkSuite {
  const blob = Buffer.alloc(16 * 1024, 'rune-bench ');
  const suite = new BenchmarkSuite('pre-push', { timeMs: quick ? 200 : 400, minSamples: 15, warmupMs: quick ? 20 : 100, keepSamples: 200 });
  suite.add('hash blob (sha1, 16 KiB)', () => {
    for (let i = 0; i < slowdown; i++) createHash('sha1').update(`blob ${blob.length}\0`).update(blob).digest();
  });
  suite.add('deflate blob (16 KiB)', () => deflateSync(blob, { level: 1 }));
  return suite;
}

async function check(dir: string, slowdown: number): Promise<boolean> {
  const baselinePath = join(dir, 'baseline.json.gz');
  const store = new ResultsStore(join(dir, 'results'));
  const suite = createSuite(slowdown);
  const current = await suite.run();
  const commit = currentCommit();
  store.append(current, commit === undefined ? {} : { commit });

  if (!existsSync(baselinePath) || process.env.RUNE_BENCH_UPDATE_BASELINE === '1') {
    writeSuiteResult(baselinePath, current);
    console.log(`pre-push: baseline written to ${baselinePath}; push allowed.`);
    return true;
  }
  const baseline: SuiteResult = readSuiteResult(baselinePath);
  const detector = new RegressionDetector({ threshold: 0.05 });
  const report = await detector.compare(baseline, current, {
    // re-run a suspect benchmark before blocking anyone's push
    confirm: async (name) => {
      const again = await suite.run({ tasks: [name] });
      return again.tasks[0]?.samples ?? [];
    },
  });
  for (const c of report.comparisons) {
    const pct = (x: number): string => `${((x - 1) * 100).toFixed(1)}%`;
    console.log(`  ${c.verdict.padEnd(12)} ${c.name}: ${pct(c.ratio)} [${pct(c.ci.lower)}, ${pct(c.ci.upper)}] q=${c.qValue.toPrecision(2)}${c.confirmation === undefined ? '' : ` (${c.confirmation})`}`);
  }
  for (const s of report.skipped) console.log(`  skipped      ${s.name}: ${s.reason}`);
  for (const n of report.notices) console.log(`  note: ${n}`);
  if (report.regressed.length > 0) {
    console.log(`pre-push: blocked: ${report.regressed.join(', ')} regressed beyond 5% (confirmed by a re-run).`);
    console.log('pre-push: fix it, or accept it with RUNE_BENCH_UPDATE_BASELINE=1 git push.');
    return false;
  }
  console.log('pre-push: no confirmed regression; push allowed.');
  return true;
}

if (quick) {
  const dir = mkdtempSync(join(tmpdir(), 'rune-bench-pre-push-'));
  try {
    await check(dir, 1);
    const allowed = await check(dir, process.env.RUNE_BENCH_EXAMPLE_SLOWDOWN === '1' ? 3 : 1);
    console.log(`(quick demo: the hook would exit ${allowed ? 0 : 1})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  const allowed = await check(join(process.cwd(), '.rune-bench'), 1);
  process.exitCode = allowed ? 0 : 1;
}
