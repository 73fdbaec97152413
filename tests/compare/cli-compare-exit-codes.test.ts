// parallel-safe: asserts exit codes, messages and the worktree removed after Ctrl-C, not verdicts from timings
// `rune-bench compare` end to end, the exit codes no timing decides: 2 for bad usage and for revisions that do not
// measure the same thing, 130 on SIGINT with the temporary worktree removed. (Exit 1 on a regression is in
// cli-compare.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../cli/helpers.js';
import { ROOT, createRepo, suiteModule, workModule } from './helpers.js';

void test('compare without --base is bad usage (exit 2) and says what to add', async () => {
  const run = await runCli(['compare', '--require', 'suite.js', '--suite', 'tiny']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /compare needs --base REF/);
});

void test('revisions whose suite parameters differ exit 2 with a line that says what differs', async () => {
  const repo = createRepo({ 'suite.js': suiteModule(), 'work.js': workModule(1) });
  try {
    repo.write({ 'suite.js': suiteModule({ parameterDefault: 40000 }) });
    const run = await runCli(['compare', '--base', 'HEAD', '--require', 'suite.js', '--suite', 'tiny', '--rounds', '2'], { cwd: repo.dir, env: { TMPDIR: repo.tmp } });
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /error: cannot compare: the two revisions do not measure the same thing: parameter n \(number, default 20000\) in base, n \(number, default 40000\) in head/);
    assert.equal(repo.worktrees(), 1);
  } finally {
    repo.cleanup();
  }
});

void test('SIGINT while measuring exits 130 and removes the worktree', async () => {
  const repo = createRepo({ 'suite.js': suiteModule(), 'work.js': workModule(1) });
  try {
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/bin.js'), 'compare', '--base', 'HEAD', '--require', 'suite.js', '--suite', 'tiny', '--rounds', '20'], {
      cwd: repo.dir,
      env: { ...process.env, TMPDIR: repo.tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let during = 0;
    let sent = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (!sent && /round 2\/20/.test(stderr)) {
        sent = true;
        during = repo.worktrees();
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.ok(sent, `never reached round 2: ${stderr}`);
    assert.equal(code, 130, stderr);
    assert.equal(during, 2);
    assert.equal(repo.worktrees(), 1);
    assert.deepEqual(repo.leftovers(), []);
  } finally {
    repo.cleanup();
  }
});
