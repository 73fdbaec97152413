// parallel-safe: checks output, files and exit codes, not timings
// `--store git` end to end: two clones of a bare remote record runs, `store push`/`store fetch` carry them,
// and `report --trends` in each clone then charts the union.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, runCli, tempDir, writeTinySuite } from './helpers.js';

const env = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
}

async function trendPoints(cwd: string): Promise<number> {
  const r = await runCli(['report', '--trends', '--format', 'json', '--store', 'git'], { cwd });
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { series: { key: string; points: unknown[] }[] };
  return json.series.find((s) => s.key === 'tiny/sum')?.points.length ?? 0;
}

void describe('rune-bench store push|fetch', () => {
  let a = '';
  let b = '';
  let suiteModule = '';
  before(() => {
    ensureBuilt();
    const dir = tempDir();
    suiteModule = writeTinySuite(dir);
    const src = join(dir, 'src');
    git(dir, 'init', '-q', '-b', 'main', src);
    writeFileSync(join(src, 'f.txt'), 'x\n');
    git(src, 'add', 'f.txt');
    git(src, 'commit', '-q', '-m', 'first');
    git(dir, 'clone', '-q', '--bare', src, join(dir, 'remote.git'));
    a = join(dir, 'a');
    b = join(dir, 'b');
    git(dir, 'clone', '-q', join(dir, 'remote.git'), a);
    git(dir, 'clone', '-q', join(dir, 'remote.git'), b);
  });

  void test('runs recorded in two clones are pushed, fetched and merged; report sees the union in both', async () => {
    for (const cwd of [a, a, b]) {
      const r = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--store', 'git', '--format', 'json'], { cwd, env });
      assert.equal(r.code, 0, r.stderr);
    }
    assert.equal(git(a, 'status', '--porcelain'), '', 'the git store writes nothing into the working tree');
    const pushA = await runCli(['store', 'push'], { cwd: a, env });
    assert.equal(pushA.code, 0, pushA.stderr);
    // b's push finds the remote moved on: it fetches, merges and pushes
    const pushB = await runCli(['store', 'push', 'origin'], { cwd: b, env });
    assert.equal(pushB.code, 0, pushB.stderr);
    const fetchA = await runCli(['store', 'fetch', 'origin'], { cwd: a, env });
    assert.equal(fetchA.code, 0, fetchA.stderr);
    assert.match(fetchA.stderr, /merged/);
    assert.equal(await trendPoints(a), 3);
    assert.equal(await trendPoints(b), 3);
  });

  void test('a named baseline saved in one clone travels through the remote and gates a run in the other', async () => {
    const saved = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--store', 'git', '--format', 'json', '--save-baseline', 'main'], { cwd: a, env });
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stderr, /saved baseline main in git:refs\/notes\/rune-bench/);
    const missing = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--store', 'git', '--baseline', 'main'], { cwd: b, env });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no baseline named main/);
    assert.equal((await runCli(['store', 'push'], { cwd: a, env })).code, 0);
    assert.equal((await runCli(['store', 'fetch'], { cwd: b, env })).code, 0);
    const gated = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--store', 'git', '--format', 'json', '--baseline', 'main'], { cwd: b, env });
    assert.equal(gated.code, 0, gated.stderr);
    assert.match(gated.stderr, /compared with baseline main/);
  });

  void test('a named baseline in the folder store; a path with .json stays a file', async () => {
    const dir = tempDir();
    const store = join(dir, 'results');
    const args = ['run', '--suite', 'tiny', '--require', suiteModule, '--store', store, '--format', 'json'];
    assert.equal((await runCli([...args, '--save-baseline', 'v1'], { cwd: dir })).code, 0);
    assert.ok(existsSync(join(store, 'baselines', 'v1.json.gz')));
    assert.equal((await runCli([...args, '--save-baseline', 'v1.json'], { cwd: dir })).code, 0);
    assert.ok(existsSync(join(dir, 'v1.json')));
    const gated = await runCli([...args, '--baseline', 'v1'], { cwd: dir });
    assert.equal(gated.code, 0, gated.stderr);
    assert.match(gated.stderr, /compared with baseline v1/);
  });

  void test('store needs push or fetch, and a git store', async () => {
    const none = await runCli(['store'], { cwd: a, env });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /push or fetch/);
    const folder = await runCli(['store', 'push', '--store', 'results'], { cwd: a, env });
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /--store git/);
  });
});
