// bisectRevisions: a 4-commit history with one planted 20% slowdown (20% more loop iterations) is bisected to
// exactly that commit, and no worktree is left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
// from dist/: the comparison's children then run the built code with plain node, not through a TypeScript loader
import { bisectRevisions } from '../../dist/compare/bisect-revisions.js';
import { createRepo, suiteModule, workModule } from './helpers.js';

void test('the first commit with 20% more work is found, each step compared with the good side', async () => {
  const repo = createRepo({ 'suite.js': suiteModule(), 'work.js': workModule(1) });
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = repo.tmp;
  try {
    // 4 commits keep the test's run time in the suite's budget (the search logic is the same as for 32: the bad end,
    // then a good step and a bad one, each side of the planted commit), so each step can afford the default 6
    // rounds: with 4, one noisy round made a step inconclusive
    const planted = 2;
    for (let i = 1; i < 4; i++) {
      repo.commit(i === planted ? { 'work.js': workModule(1.2) } : { [`note-${String(i)}.txt`]: `${String(i)}\n` }, `commit ${String(i)}`);
    }
    const log = execFileSync('git', ['rev-list', '--reverse', 'HEAD'], { cwd: repo.dir, encoding: 'utf8' }).trim().split('\n');
    assert.equal(log.length, 4);
    const result = await bisectRevisions({ good: 'HEAD~3', bad: 'HEAD', repository: repo.dir, suiteModule: 'suite.js', suite: 'tiny', task: 'loop', rounds: 6 });
    const trail = result.steps.map((s) => `${String(log.indexOf(s.commit))}:${s.comparison.verdict} (${s.comparison.reason})`).join('; ');
    assert.equal(result.firstBad, log[planted], trail);
    assert.equal(result.comparison.verdict, 'regressed');
    // the bad end, then a binary search of the 3 commits: at most 2 more steps
    assert.ok(result.steps.length <= 3, trail);
    assert.equal(repo.worktrees(), 1);
    assert.deepEqual(repo.leftovers(), []);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    repo.cleanup();
  }
});
