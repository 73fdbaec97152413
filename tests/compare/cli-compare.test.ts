// `rune-bench compare` end to end: twice the work is a regression, exit 1, with both sides and the per-round ratios
// in the report. A verdict from timings, so this file runs alone; the other exit codes (2 not comparable or bad
// usage, 130 on SIGINT) are in cli-compare-exit-codes.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../cli/helpers.js';
import { createRepo, suiteModule, workModule } from './helpers.js';

void test('twice the work with --fail-on-regression exits 1; the report shows both sides and the per-round ratios', async () => {
  const repo = createRepo({ 'suite.js': suiteModule(), 'work.js': workModule(1) });
  try {
    repo.write({ 'work.js': workModule(2) });
    const run = await runCli(['compare', '--base', 'HEAD', '--require', 'suite.js', '--suite', 'tiny', '--rounds', '5', '--fail-on-regression'], {
      cwd: repo.dir,
      env: { TMPDIR: repo.tmp },
      timeout: 240_000,
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /regressed +loop: base .+, head .+, \+\d/);
    assert.match(run.stdout, /rounds: (\d\.\d{3} ){4}\d\.\d{3}/);
    assert.match(run.stderr, /round 5\/5/);
    assert.match(run.stderr, /ETA/);
    assert.match(run.stderr, /regression found \(--fail-on-regression\)/);
    assert.equal(repo.worktrees(), 1);
    assert.deepEqual(repo.leftovers(), []);
  } finally {
    repo.cleanup();
  }
});
