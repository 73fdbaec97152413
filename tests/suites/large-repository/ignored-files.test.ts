// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyFigure } from '../../../src/core/results.js';
import { runGit } from '../../../src/suites/large-repository/git-peer.js';
import { reportIgnored } from '../../../src/suites/large-repository/git-tasks.js';
import { generateRepository } from '../../../src/workloads/repository/generator.js';
import { walkTree } from '../../../src/workloads/repository/tree-walk.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
const root = mkdtempSync(join(tmpdir(), 'rune-bench-ignored-test-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

void describe('a user repository whose ignore rules hide files', { skip: hasGit ? false : 'git not on the PATH' }, () => {
  void test('reports what git saw and says so in a notice', async () => {
    const tree = await generateRepository(join(root, 'hidden'), { files: 40, seed: 2 });
    writeFileSync(join(tree.root, '.gitignore'), '# like Debian linux-source\n/*\n');
    const git = (args: readonly string[]): Promise<string> => runGit(args, { cwd: tree.root });
    await git(['init', '-q']);
    const measured = (await walkTree(tree.root)).files.length;
    const figures: KeyFigure[] = [];
    const notices: string[] = [];
    await reportIgnored(git, measured, figures, notices);
    const fig = (name: string): number | undefined => figures.find((f) => f.name === name)?.value;
    assert.equal(fig('git.tracked_files'), 0);
    assert.equal(fig('git.ignored_files'), measured, 'every file is hidden, .gitignore included');
    assert.ok(notices.some((n) => n.includes(`hide ${String(measured)} of the ${String(measured)} files`)), notices.join('\n'));

    // Once force-added, git sees them and there is no notice.
    await git(['add', '-f', '-A', '.']);
    const after: KeyFigure[] = [];
    const quiet: string[] = [];
    await reportIgnored(git, measured, after, quiet);
    assert.equal(after.find((f) => f.name === 'git.tracked_files')?.value, measured);
    assert.equal(after.find((f) => f.name === 'git.ignored_files')?.value, 0);
    assert.deepEqual(quiet, []);
  });
});
