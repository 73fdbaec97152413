// compareRevisions on real temporary git repositories: verdicts for 2x work and for identical code (the worktrees
// removed after them), and a likely change run on to maxRounds. These verdicts come from timings or from the host's
// conditions, so this file runs alone; the outcomes that depend on neither are in compare-revisions-stops.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// from dist/: the comparison's children then run the built code with plain node, not through a TypeScript loader
import { compareRevisions } from '../../dist/entry/compare.js';
import type { RevisionComparison } from '../../src/entry/compare.js';
import { compareOptions, createRepo, suiteModule, withTmp, workModule } from './helpers.js';

void test('twice the work in the head (a committed revision) is regressed; the worktrees are removed', async () => {
  const repo = createRepo({ 'suite.js': suiteModule(), 'work.js': workModule(1) });
  try {
    repo.commit({ 'work.js': workModule(2) }, 'twice the work');
    const phases = new Set<string>();
    const result: RevisionComparison = await withTmp(repo, () =>
      compareRevisions(compareOptions(repo, { base: 'HEAD~1', head: 'HEAD', rounds: 6, maxRounds: 6, onProgress: (p) => phases.add(p.phase) })),
    );
    assert.equal(result.verdict, 'regressed', `${result.tasks.map((t) => t.reason).join('; ')} ${JSON.stringify(result.rounds.map((r) => [r.base.seconds, r.head.seconds]))}`);
    assert.equal(result.tasks.length, 1);
    const task = result.tasks[0];
    assert.ok(task !== undefined);
    assert.equal(task.verdict, 'regressed', task.reason);
    assert.equal(task.roundRatios.length, 6);
    assert.equal(result.rounds.length, 6);
    assert.deepEqual(result.rounds.map((r) => r.first), ['base', 'head', 'base', 'head', 'base', 'head']);
    assert.ok(result.head.commit !== undefined && result.base.commit !== result.head.commit);
    assert.ok(result.notices.some((n) => n.includes('node_modules linked')), result.notices.join('\n'));
    assert.deepEqual([...phases].sort(), ['measure', 'prepare']);
    assert.equal(repo.worktrees(), 1);
    assert.deepEqual(repo.leftovers(), []);
  } finally {
    repo.cleanup();
  }
});

void test('identical code (base HEAD against the working tree) is never regressed', async () => {
  const repo = createRepo({ 'suite.js': suiteModule(), 'work.js': workModule(1) });
  try {
    const result = await withTmp(repo, () => compareRevisions(compareOptions(repo, { threshold: 0.05 })));
    assert.equal(result.head.ref, 'working tree');
    assert.equal(result.head.commit, undefined);
    assert.ok(['unchanged', 'inconclusive'].includes(result.verdict), `${result.verdict}: ${result.reason}`);
    assert.ok(result.conditions !== undefined);
    assert.equal(repo.worktrees(), 1);
    assert.deepEqual(repo.leftovers(), []);
  } finally {
    repo.cleanup();
  }
});

/** A suite whose task reports the round's figure from `ratios.js` (one per process, in order): no timing. */
function scriptedSuite(): string {
  return `import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { RATIOS } from './ratios.js';
const counter = new URL('./count.txt', import.meta.url);
export const suite = {
  id: 'tiny',
  description: 'scripted figures, one per process',
  parameters: [],
  run() {
    const i = existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0;
    writeFileSync(counter, String(i + 1));
    const median = 1e-3 * RATIOS[i % RATIOS.length];
    return { name: 'tiny', startedAt: new Date().toISOString(), duration: 0, status: 'ok', notices: [], tasks: [{ name: 'loop', status: 'ok', samples: [median], stats: { median } }] };
  },
};
`;
}

void test('a likely change still unsettled after the rounds runs on to maxRounds and is decided on all of them', async () => {
  // head / base per round: +9% on average, spread so that 6 rounds leave the interval's low end inside 2%
  const head = [1.0, 1.18, 1.03, 1.16, 1.01, 1.17];
  const repo = createRepo({ 'suite.js': scriptedSuite(), 'ratios.js': `export const RATIOS = ${JSON.stringify(head.map(() => 1))};\n`, '.gitignore': 'count.txt\n' });
  try {
    repo.write({ 'ratios.js': `export const RATIOS = ${JSON.stringify(head)};\n` });
    const settled = await withTmp(repo, () => compareRevisions(compareOptions(repo, { rounds: 6 })));
    assert.equal(settled.rounds.length, 12, settled.notices.join('\n'));
    assert.ok(settled.notices.some((n) => /ran 12 rounds instead of 6: loop showed a change/.test(n)), settled.notices.join('\n'));
    assert.equal(settled.verdict, 'regressed', settled.reason);
    assert.match(settled.tasks[0]?.reason ?? '', /over 12 rounds/);

    repo.write({ 'count.txt': '0' });
    const stopped = await withTmp(repo, () => compareRevisions(compareOptions(repo, { rounds: 6, maxRounds: 6 })));
    assert.equal(stopped.rounds.length, 6);
    assert.equal(stopped.verdict, 'inconclusive', stopped.reason);
    assert.deepEqual(repo.leftovers(), []);
  } finally {
    repo.cleanup();
  }
});
