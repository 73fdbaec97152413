// parallel-safe: checks output, files and exit codes, not timings
// GitNotesResultsStore with real repositories: runs as notes on the commits measured, two clones of a bare
// remote exchanging runs through push/fetch, and two processes appending to one clone at once.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GitNotesResultsStore } from '../../src/store/git-notes-store.js';
import { openResultsStore } from '../../src/store/open-store.js';
import { FolderResultsStore } from '../../src/store/folder-store.js';
import { logNormal, suiteResult, task } from '../detect/regression/helpers.js';

const root = mkdtempSync(join(tmpdir(), 'rune-bench-gitstore-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

const identity = ['-c', 'user.name=t', '-c', 'user.email=t@example.com'];

function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...identity, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function repoWithCommits(name: string, commits: number): string {
  const dir = join(root, name);
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  for (let i = 0; i < commits; i++) {
    writeFileSync(join(dir, 'f.txt'), `v${String(i)}\n`);
    sh(dir, 'add', 'f.txt');
    sh(dir, 'commit', '-q', '-m', `c${String(i)}`);
  }
  return dir;
}

function at(day: number): string {
  return new Date(Date.UTC(2026, 0, day)).toISOString();
}

void describe('GitNotesResultsStore', () => {
  void test('records each run against the commit it measured, several machines side by side, read back in time order', () => {
    const repo = repoWithCommits('one', 2);
    const first = sh(repo, 'rev-parse', 'HEAD~1');
    const head = sh(repo, 'rev-parse', 'HEAD');
    const store = new GitNotesResultsStore({ cwd: repo });
    assert.deepEqual(store.read(), { records: [], errors: [] });
    store.append(suiteResult('git', [task('status', logNormal(1, 8, 1e-3, 0.02))], { startedAt: at(1), machine: 'm-a' }), { commit: 'HEAD~1' });
    store.append(suiteResult('git', [task('status', logNormal(2, 8, 1e-3, 0.02))], { startedAt: at(2), machine: 'm-a' }), { commit: 'HEAD' });
    store.append(suiteResult('git', [task('status', logNormal(3, 8, 5e-4, 0.02))], { startedAt: at(3), machine: 'm-b' }), { commit: 'HEAD' });
    const { records, errors } = store.read();
    assert.equal(errors.length, 0);
    assert.deepEqual(records.map((r) => [r.commit, r.machine]), [[first, 'm-a'], [head, 'm-a'], [head, 'm-b']]);
    assert.deepEqual(store.series('git/status', { machine: 'm-a' }).points[1]?.samples, logNormal(2, 8, 1e-3, 0.02));
    // the note of HEAD holds both machines' runs, one line each
    assert.equal(sh(repo, 'notes', '--ref=rune-bench', 'show', head).split('\n').length, 2);
    // the store lives in the repository, not in the working tree
    assert.equal(sh(repo, 'status', '--porcelain'), '');
    assert.throws(() => store.append(suiteResult('git', [task('status', [1e-3])]), { commit: 'no-such-rev' }), { code: 'ERR_NOT_FOUND' });
  });

  void test('two clones of a bare remote record runs, push and fetch, and both see the union', async () => {
    const origin = repoWithCommits('origin-src', 1);
    const bare = join(root, 'remote.git');
    execFileSync('git', ['clone', '-q', '--bare', origin, bare]);
    const a = join(root, 'clone-a');
    const b = join(root, 'clone-b');
    execFileSync('git', ['clone', '-q', bare, a]);
    execFileSync('git', ['clone', '-q', bare, b]);
    const storeA = new GitNotesResultsStore({ cwd: a });
    const storeB = new GitNotesResultsStore({ cwd: b, ref: 'rune-bench' });
    assert.deepEqual(await storeA.fetch('origin'), { fetched: false });
    storeA.append(suiteResult('git', [task('log', [2e-3])], { startedAt: at(1), machine: 'runner-a' }));
    storeA.append(suiteResult('git', [task('log', [2.1e-3])], { startedAt: at(3), machine: 'runner-a' }));
    storeB.append(suiteResult('git', [task('log', [3e-3])], { startedAt: at(2), machine: 'runner-b' }));
    await storeA.push('origin');
    // B's push is rejected (the remote moved on): it fetches, merges and pushes again
    await storeB.push('origin');
    assert.deepEqual(await storeA.fetch('origin'), { fetched: true });
    const seenA = storeA.read().records.map((r) => `${r.machine}@${r.startedAt}`);
    const seenB = storeB.read().records.map((r) => `${r.machine}@${r.startedAt}`);
    assert.deepEqual(seenA, [`runner-a@${at(1)}`, `runner-b@${at(2)}`, `runner-a@${at(3)}`]);
    assert.deepEqual(seenB, seenA);
    // fetching again changes nothing (no duplicates)
    await storeB.fetch('origin');
    assert.equal(storeB.read().records.length, 3);
  });

  void test('two processes appending to one clone at once lose nothing', async () => {
    const repo = repoWithCommits('concurrent', 1);
    const fixture = fileURLToPath(new URL('./fixtures/append-runs.ts', import.meta.url));
    const runs = 12;
    const children = ['p1', 'p2'].map(
      (tag) =>
        new Promise<number>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', fixture, repo, String(runs), tag], { stdio: ['ignore', 'ignore', 'inherit'] });
          child.on('error', reject);
          child.on('exit', (code) => {
            resolve(code ?? 1);
          });
        }),
    );
    assert.deepEqual(await Promise.all(children), [0, 0]);
    const { records, errors } = new GitNotesResultsStore({ cwd: repo }).read();
    assert.equal(errors.length, 0);
    const names = records.flatMap((r) => r.benchmarks.map((x) => x.key)).sort();
    const expected = ['p1', 'p2'].flatMap((tag) => Array.from({ length: runs }, (_, i) => `git/${tag}-${String(i)}`)).sort();
    assert.deepEqual(names, expected);
  });

  void test('openResultsStore picks the store from its spec and validates it', () => {
    assert.equal(openResultsStore('git:perf', { cwd: root }).location, 'git:refs/notes/perf');
    assert.ok(openResultsStore('results', { cwd: root }) instanceof FolderResultsStore);
    assert.equal(openResultsStore('results', { cwd: root }).location, join(root, 'results'));
    assert.throws(() => openResultsStore('git:', { cwd: root }), TypeError);
    assert.throws(() => new GitNotesResultsStore({ cwd: root, ref: 'bad ref' }), /ref option/);
  });
});
