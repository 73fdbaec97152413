// parallel-safe: checks output, files and exit codes, not timings
// GITHUB_STEP_SUMMARY: `run` and `report` append their Markdown report to the file the variable names, run after run.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, runCli, tempDir, writeTinySuite } from './helpers.js';

before(() => {
  ensureBuilt();
});

void test('each run appends its Markdown report to $GITHUB_STEP_SUMMARY; without it nothing is written', async () => {
  const dir = tempDir();
  const suiteModule = writeTinySuite(dir);
  const summary = join(dir, 'summary.md');
  const args = ['run', '--suite', 'tiny', '--require', suiteModule, '--no-store', '--format', 'json'];
  const plain = await runCli(args, { cwd: dir });
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(existsSync(summary), false);
  for (let i = 0; i < 2; i++) {
    const r = await runCli(args, { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotThrow(() => JSON.parse(r.stdout) as unknown, 'stdout keeps the asked format');
  }
  const text = readFileSync(summary, 'utf8');
  const heading = text.split('\n')[0] ?? '';
  assert.match(heading, /^#+ .*tiny/);
  assert.equal(text.split('\n').filter((line) => line === heading).length, 2, 'two reports, one after the other');
  assert.match(text, /\|.*sum.*\|/);
});

void test('report appends its Markdown too: the latest run, and the trends', async () => {
  const dir = tempDir();
  const suiteModule = writeTinySuite(dir);
  const store = join(dir, 'store');
  for (let i = 0; i < 2; i++) {
    const r = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--store', store, '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
  }
  const summary = join(dir, 'report-summary.md');
  const latest = await runCli(['report', '--store', store], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
  assert.equal(latest.code, 0, latest.stderr);
  const afterLatest = readFileSync(summary, 'utf8');
  assert.match(afterLatest, /\|.*sum.*\|/);
  const trends = await runCli(['report', '--store', store, '--trends'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
  assert.equal(trends.code, 0, trends.stderr);
  assert.doesNotMatch(trends.stderr, /could not append/);
  const afterTrends = readFileSync(summary, 'utf8');
  assert.ok(afterTrends.startsWith(afterLatest) && afterTrends.length > afterLatest.length, 'the trends report is appended after the first');
});
