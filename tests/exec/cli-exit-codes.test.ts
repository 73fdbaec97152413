// parallel-safe: asserts exit codes, messages, files and the removed tree, not timings
// `rune-bench exec` end to end, what no timing decides: a generated tree that is removed afterwards, failures and
// usage errors with their exit codes, and the Markdown report in a GitHub Actions step summary. (The report and
// the exports of a measured run are in cli.test.ts.)
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, lines, runCli, tempDir } from '../cli/helpers.js';

void describe('rune-bench exec', () => {
  let dir = '';
  before(() => {
    ensureBuilt();
    dir = tempDir('rune-bench-exec-cli-');
  });

  void test('--tree quick runs the commands in a committed generated repository and removes it', async () => {
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const r = await runCli(['exec', '--tree', 'quick', '--no-store', '--runs', '2', '--shell', 'none', 'git diff --quiet HEAD', 'git rev-parse --verify HEAD'], {
      cwd: dir,
      env: { TMPDIR: tmp },
      timeout: 240_000,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /tree of 2000 files ready/);
    assert.match(r.stdout, /git diff --quiet HEAD/);
    assert.deepEqual(readdirSync(tmp), [], 'the generated tree is removed');
  });

  void test('a failing command: exit 3 naming its exit code; --ignore-failure: exit 0', async () => {
    const failed = await runCli(['exec', '--no-store', '--runs', '2', 'exit 4', 'true'], { cwd: dir });
    assert.equal(failed.code, 3, failed.stderr);
    assert.match(failed.stderr, /exit 4: exit 4 exited with code 4/);
    assert.match(failed.stderr, /1 of 2 commands failed/);
    const accepted = await runCli(['exec', '--no-store', '--runs', '2', '--ignore-failure', 'exit 4'], { cwd: dir });
    assert.equal(accepted.code, 0, accepted.stderr);
  });

  void test('in a GitHub Actions job the Markdown report is appended to $GITHUB_STEP_SUMMARY', async () => {
    const summary = join(dir, 'step-summary.md');
    const r = await runCli(['exec', '--runs', '3', '--no-store', '--command-name', 'tiny', 'true'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(summary, 'utf8');
    assert.match(text, /\| *tiny *\|/, text);
  });

  void test('usage errors exit 2 with one line', async () => {
    for (const args of [['exec'], ['exec', '--runs', '0', 'true'], ['exec', '-P', 'n', '1'], ['exec', '--tree', 'quick', '--cwd', '.', 'true'], ['exec', '--runs', '2', '--min-runs', '3', 'true']]) {
      const r = await runCli(args, { cwd: dir });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(lines(r.stderr).length, 1, r.stderr);
      assert.equal(r.stdout, '');
    }
    assert.equal(existsSync(join(dir, '.rune-bench')), false);
  });
});
