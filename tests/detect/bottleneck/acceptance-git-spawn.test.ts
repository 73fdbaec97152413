// Acceptance: one git process per object read -> child-process is the top finding.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectTopFinding, runScenario } from './scenario-kit.js';

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

void test('spawning `git cat-file` once per object: child-process on top', { skip: hasGit() ? false : 'git not found' }, async (t) => {
  const note = (message: string): void => {
    t.diagnostic(message);
  };
  const repo = mkdtempSync(join(tmpdir(), 'rune-bench-spawn-'));
  try {
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
    git('init', '-q');
    writeFileSync(join(repo, 'a.txt'), 'hello\n');
    git('add', 'a.txt');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'one');
    const blob = git('rev-parse', 'HEAD:a.txt');
    const readObject = () =>
      new Promise<void>((resolve) => {
        execFile('git', ['-C', repo, 'cat-file', '-p', blob], () => {
          resolve();
        });
      });
    const outcome = await expectTopFinding('child-process', () =>
      runScenario({
        work: async (until) => {
          await Promise.all([0, 1].map(async () => {
            while (until()) await readObject();
          }));
        },
      }),
      note,
    );
    const top = outcome.report.top;
    assert.ok(top !== undefined && top.impact >= 25, `children took ${top?.impact}% of the CPU`);
    assert.match(top.recommendation, /cat-file --batch/);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
