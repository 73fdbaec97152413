// The stored-baseline gate refuses what is not comparable (other parameters) and calls a change of host load
// inconclusive, with a notice naming what changed; --strict turns that into exit 4.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { readSuiteResult } from '../../src/bench/suite-result-json.js';
import { ensureBuilt, lines, runCli, tempDir, writeTinySuite } from './helpers.js';

void describe('run --baseline: comparable runs only, host conditions named', () => {
  let dir = '';
  let suiteModule = '';
  const spinners: ChildProcess[] = [];
  before(() => {
    ensureBuilt();
    dir = tempDir();
    suiteModule = writeTinySuite(dir);
  });
  after(() => {
    for (const child of spinners) child.kill('SIGKILL');
  });

  const run = (...args: string[]) => runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--no-store', ...args], { cwd: dir, timeout: 120_000 });

  void test('a baseline taken with --param work=64 against work=96: exit 2, one line saying what differs', async () => {
    const base = join(dir, 'work64.json');
    const saved = await run('--param', 'work=64', '--save-baseline', base);
    assert.equal(saved.code, 0, saved.stderr);
    // the result records what it was asked to measure
    assert.deepEqual(readSuiteResult(base).settings, { scale: 'quick', params: { work: 64, time: 60, samples: 40 } });
    const r = await run('--param', 'work=96', '--baseline', base);
    assert.equal(r.code, 2, r.stderr);
    const errors = lines(r.stderr).filter((l) => l.startsWith('rune-bench: error'));
    assert.deepEqual(errors, ['rune-bench: error: not comparable with the baseline: parameter work 64 in the baseline, 96 now']);
    assert.doesNotMatch(r.stderr, /^\s+regressed:/m);
  });

  void test('the same parameters are compared as before (no incomparable verdict)', async () => {
    const base = join(dir, 'work64b.json');
    assert.equal((await run('--param', 'work=64', '--save-baseline', base)).code, 0);
    const r = await run('--param', 'work=64', '--baseline', base);
    assert.match(r.stderr, /compared with .*: .*0 incomparable/, r.stderr);
    assert.notEqual(r.code, 2, r.stderr);
  });

  void test('busy processes started after the baseline: inconclusive with a notice naming what changed, exit 4 with --strict', async () => {
    const base = join(dir, 'quiet.json');
    const saved = await run('--save-baseline', base, '--param', 'time=400');
    assert.equal(saved.code, 0, saved.stderr);
    assert.ok(readSuiteResult(base).host?.runnablePerCore !== undefined, 'the baseline records the run queue');
    // eight spin loops on this machine's cores: the run queue per core rises by several processes
    for (let i = 0; i < 8; i++) spinners.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    await new Promise((r) => setTimeout(r, 500));
    const current = join(dir, 'busy.json');
    // one gated run under the load (a second one would meet whatever load the machine has by then)
    const r = await run('--baseline', base, '--param', 'time=400', '--fail-on-regression', '--strict', '--save-baseline', current);
    for (const child of spinners) child.kill('SIGKILL');
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /compared with .*: 0 regressed, 0 improved, 2 inconclusive, 0 incomparable, 0 unchanged/, r.stderr);
    assert.match(r.stderr, /note: the host's conditions differed between the runs \(.*runnable processes per core [\d.]+ during the baseline, [\d.]+ now/, r.stderr);
    const host = readSuiteResult(current).host;
    assert.ok(host?.runnablePerCore !== undefined && host.runnablePerCore > (readSuiteResult(base).host?.runnablePerCore ?? Infinity));
    assert.match(r.stderr, /rune-bench: 2 inconclusive verdicts \(--strict\)/);
    assert.doesNotMatch(r.stderr, /regression(s)? found/);
  });
});
