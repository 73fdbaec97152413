// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRepository } from '../../../src/workloads/repository/generator.js';
import { largeRepositorySuite } from '../../../src/suites/large-repository/large-repository-definition.js';
import { walkTree } from '../../../src/workloads/repository/tree-walk.js';

const root = mkdtempSync(join(tmpdir(), 'rune-bench-user-dir-test-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

void describe('large_repository on a directory the user names', () => {
  void test('measures it read-only: nothing in it changes, git writes are skipped with a notice', async () => {
    const tree = await generateRepository(join(root, 'mine'), { files: 120, seed: 6 });
    const before = await walkTree(tree.root, { skip: [] });
    const result = await largeRepositorySuite.run({ params: { dir: tree.root, repeats: 1, sampleMb: 1 } });
    assert.equal(result.status, 'ok');
    assert.equal(result.figures?.find((f) => f.name === 'tree.files')?.value, 120);
    assert.ok(!(result.figures ?? []).some((f) => f.name === 'generate.duration'), 'nothing generated');
    assert.ok(!result.tasks.some((t) => t.name === 'git add -A && git commit' || t.name.includes('dirty')));
    assert.ok(result.notices?.some((n) => /skipped/.test(n)));
    assert.deepEqual(await walkTree(tree.root, { skip: [] }), before, 'same files, sizes and mtimes; no .git created');
  });
});

void test('an empty directory is rejected with ERR_INSUFFICIENT_DATA, and left in place', async () => {
  const empty = mkdtempSync(join(root, 'empty-'));
  await assert.rejects(largeRepositorySuite.run({ params: { dir: empty } }), { code: 'ERR_INSUFFICIENT_DATA' });
  assert.deepEqual((await walkTree(empty)).files, []);
});
