// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGit } from '../../../src/suites/large-repository/git-peer.js';
import { dirtyFileHooks } from '../../../src/suites/large-repository/git-tasks.js';
import { generateRepository } from '../../../src/workloads/repository/generator.js';
import { walkTree } from '../../../src/workloads/repository/tree-walk.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
const root = mkdtempSync(join(tmpdir(), 'rune-bench-dirty-test-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

void describe('the dirty git status tasks', { skip: hasGit ? false : 'git not on the PATH' }, () => {
  void test('time the same share of modified files in every sample and leave the tree clean', async () => {
    const tree = await generateRepository(join(root, 'tree'), { files: 120, seed: 3 });
    const git = (args: readonly string[]): Promise<string> => runGit(args, { cwd: tree.root });
    await git(['init', '-q']);
    await git(['add', '-A']);
    await git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--no-verify', '-m', 'tree']);
    const files = (await walkTree(tree.root)).files;
    const modified = async (): Promise<number> => (await git(['status', '--porcelain'])).split('\n').filter((l) => l.startsWith(' M')).length;

    const hooks = dirtyFileHooks({ root: tree.root, files }, { share: 0.1, salt: 0x202, seed: 3, git });
    await hooks.setup();
    const expected = Math.round(files.length * 0.1);
    // every sample of the task runs status on the same tree: the share does not grow from sample to sample
    for (let sample = 0; sample < 4; sample++) assert.equal(await modified(), expected, `sample ${String(sample)}`);
    await hooks.teardown();
    assert.equal(await modified(), 0, 'teardown restores the files');
  });
});
