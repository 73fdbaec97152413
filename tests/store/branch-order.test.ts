// parallel-safe: checks output, files and exit codes, not timings
// orderByBranch: runs follow the first-parent history of a real repository, not their start times.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orderByBranch } from '../../src/store/branch-order.js';
import { GitNotesResultsStore } from '../../src/store/git-notes-store.js';
import { suiteResult, task } from '../detect/regression/helpers.js';

const root = mkdtempSync(join(tmpdir(), 'rune-bench-branch-order-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

function sh(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, encoding: 'utf8' }).trim();
}

function commit(message: string): string {
  writeFileSync(join(root, 'f.txt'), `${message}\n`);
  sh('add', 'f.txt');
  sh('commit', '-q', '-m', message);
  return sh('rev-parse', 'HEAD');
}

void test('runs are ordered by the first-parent history of the branch; runs of a side branch are left out', () => {
  sh('init', '-q', '-b', 'main', '.');
  const c1 = commit('c1');
  const c2 = commit('c2');
  sh('checkout', '-q', '-b', 'side');
  const side = commit('side');
  sh('checkout', '-q', 'main');
  const c3 = commit('c3');
  const store = new GitNotesResultsStore({ cwd: root });
  // recorded out of commit order: c3 measured first, c1 last (a re-run of an old commit)
  const plan: [string, number][] = [[c3, 1], [side, 2], [c2, 3], [c1, 4], [c3, 5]];
  for (const [rev, day] of plan) {
    store.append(suiteResult('s', [task('t', [1e-3])], { startedAt: new Date(Date.UTC(2026, 0, day)).toISOString() }), { commit: rev });
  }
  const { records } = store.read();
  assert.deepEqual(records.map((r) => r.commit), plan.map(([rev]) => rev), 'read order is time order');
  const ordered = orderByBranch(records, { cwd: root, branch: 'main' });
  assert.deepEqual(ordered.records.map((r) => r.commit), [c1, c2, c3, c3]);
  assert.equal(ordered.offBranch, 1);
  assert.deepEqual(orderByBranch(records, { cwd: root, branch: 'side' }).records.map((r) => r.commit), [c1, c2, side]);
  assert.throws(() => orderByBranch(records, { cwd: root, branch: 'nope' }), { code: 'ERR_NOT_FOUND' });
});
