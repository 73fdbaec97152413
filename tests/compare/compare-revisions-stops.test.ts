// parallel-safe: asserts errors, an incomparable first round, an abort and the worktrees removed after them, not verdicts from timings
// compareRevisions on real temporary git repositories, the outcomes no timing decides: a suite module that throws
// at load, an abort while a side runs, suites that do not measure the same thing (incomparable after one round),
// and options checked before anything runs; the temporary worktrees are removed after each. (The verdicts are in
// compare-revisions.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
// from dist/: the comparison's children then run the built code with plain node, not through a TypeScript loader
import { compareRevisions } from '../../dist/entry/compare.js';
import { isRuneBenchError } from '../../dist/index.js';
import type { CompareRevisionsOptions } from '../../src/entry/compare.js';
import { compareOptions, createRepo, suiteModule, withTmp, workModule } from './helpers.js';

void test('a suite module that throws at load in the base rejects with ERR_CHILD_FAILED and removes the worktree', async () => {
  const repo = createRepo({ 'suite.js': suiteModule({ prelude: "throw new Error('broken at load');" }), 'work.js': workModule(1) });
  try {
    repo.commit({ 'suite.js': suiteModule() }, 'fixed');
    await assert.rejects(
      withTmp(repo, () => compareRevisions(compareOptions(repo, { base: 'HEAD~1' }))),
      (error: unknown) => isRuneBenchError(error, 'ERR_CHILD_FAILED') && error.message.includes('broken at load') && error.message.includes('base'),
    );
    assert.equal(repo.worktrees(), 1);
    assert.deepEqual(repo.leftovers(), []);
  } finally {
    repo.cleanup();
  }
});

void test('an abort while a side runs kills it, removes the worktree and rejects with ERR_ABORTED', async () => {
  const repo = createRepo({ 'suite.js': suiteModule(), 'work.js': workModule(1) });
  try {
    const controller = new AbortController();
    let during = 0;
    await assert.rejects(
      withTmp(repo, () =>
        compareRevisions(
          compareOptions(repo, {
            signal: controller.signal,
            onProgress: (p) => {
              if (p.phase === 'measure' && p.round === 1 && p.side === 'head') {
                during = repo.worktrees();
                controller.abort();
              }
            },
          }),
        ),
      ),
      (error: unknown) => isRuneBenchError(error, 'ERR_ABORTED'),
    );
    assert.equal(during, 2, 'the base worktree existed while measuring');
    assert.equal(repo.worktrees(), 1);
    assert.deepEqual(repo.leftovers(), []);
  } finally {
    repo.cleanup();
  }
});

void test('a different task set or parameter default is incomparable, with what differs, after one round', async () => {
  const repo = createRepo({ 'suite.js': suiteModule(), 'work.js': workModule(1) });
  try {
    repo.write({ 'suite.js': suiteModule({ tasks: ['loop', 'extra'], parameterDefault: 30000 }) });
    const result = await withTmp(repo, () => compareRevisions(compareOptions(repo)));
    assert.equal(result.verdict, 'incomparable');
    assert.match(result.reason, /parameter n \(number, default 20000\) in base, n \(number, default 30000\) in head/);
    assert.match(result.reason, /task only in head: extra/);
    assert.equal(result.rounds.length, 1);
    assert.deepEqual(result.tasks, []);
    assert.equal(repo.worktrees(), 1);
  } finally {
    repo.cleanup();
  }
});

void test('options are checked before anything runs', async () => {
  await assert.rejects(compareRevisions({ base: 'HEAD', suiteModule: 's.js', suite: 'x', rounds: 1 }), /rounds option must be at least 2/);
  await assert.rejects(compareRevisions({ base: 'HEAD', suiteModule: 's.js', suite: 'x', rounds: 6, maxRounds: 4 }), /maxRounds option must be at least rounds \(6\), got 4/);
  await assert.rejects(compareRevisions({ base: 'HEAD', suiteModule: 's.js', suite: 'x', round: 3 } as unknown as CompareRevisionsOptions), /round is not a known compareRevisions option \(did you mean rounds\?\)/);
  const repo = createRepo({ 'suite.js': suiteModule(), 'work.js': workModule(1) });
  try {
    await assert.rejects(compareRevisions(compareOptions(repo, { suiteModule: '/etc/hostname' })), /suiteModule option must be inside the repository/);
    await assert.rejects(compareRevisions(compareOptions(repo, { base: 'no-such-branch' })), (e: unknown) => isRuneBenchError(e, 'ERR_NOT_FOUND') && /no-such-branch/.test(e.message));
  } finally {
    repo.cleanup();
  }
});
