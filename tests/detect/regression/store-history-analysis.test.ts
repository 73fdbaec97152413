// parallel-safe: pure computation on fixed inputs
// From stored runs to a change point with its commit: ResultsStore + RegressionDetector.analyzeStore.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderResultsStore } from '../../../src/store/folder-store.js';
import { RegressionDetector } from '../../../src/detect/regression/regression-detector.js';
import { createRng } from '../../../src/stats/rng.js';
import { logNormal, suiteResult, task } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'rune-bench-history-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

void test('a 12% step stored at commit c25 is found at c25, despite a damaged record and another machine', () => {
  const store = new FolderResultsStore(root);
  for (let i = 0; i < 40; i++) {
    const startedAt = new Date(Date.UTC(2026, 0, 1, i)).toISOString();
    const status = logNormal(1000 + i, 15, (i >= 25 ? 1.12 : 1) * 1e-3, 0.03);
    const log = logNormal(2000 + i, 15, 3e-3, 0.03);
    store.append(suiteResult('git', [task('status', status), task('log', log)], { startedAt, commit: `c${i}` }));
    // a faster CI machine in between: must not be mixed into the history
    if (i % 7 === 0) store.append(suiteResult('git', [task('status', logNormal(i, 15, 4e-4, 0.03))], { startedAt, commit: `c${i}`, machine: 'fast-ci' }));
  }
  writeFileSync(join(root, '20260101T230000000Z-0000-ffffff-junk-machine-a.run.json.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
  assert.equal(store.read().errors.length, 1);
  const detector = new RegressionDetector();
  const analyses = detector.analyzeStore(store, { machine: 'machine-a' });
  assert.deepEqual(analyses.map((a) => a.key), ['git/log', 'git/status']);
  const status = analyses.find((a) => a.key === 'git/status')!;
  assert.equal(status.runs, 40);
  assert.equal(status.changes.length, 1, JSON.stringify(status.changes));
  const change = status.changes[0]!;
  assert.equal(change.commit, 'c25');
  assert.equal(change.direction, 'regression');
  assert.ok(change.ci.lower < 1.12 && change.ci.upper > 1.12, `${change.ci.lower}..${change.ci.upper}`);
  assert.deepEqual(analyses.find((a) => a.key === 'git/log')?.changes, []);
});

void test('a pool of two machines analysed together: alternation is no change, a 10% step is found at its commit', () => {
  const dir = mkdtempSync(join(root, 'pool-'));
  const store = new FolderResultsStore(dir);
  const rng = createRng(77);
  for (let i = 0; i < 90; i++) {
    const startedAt = new Date(Date.UTC(2026, 1, 1, i)).toISOString();
    // each run lands on one of two machines, the second 12% slower; the flat benchmark never changes
    const slow = rng() < 0.35;
    const machine = slow ? 'ci-slow' : 'ci-fast';
    const speed = slow ? 1.12 : 1;
    const flat = logNormal(3000 + i, 15, speed * 2e-3, 0.02);
    const stepped = logNormal(4000 + i, 15, speed * (i >= 60 ? 1.1 : 1) * 1e-3, 0.02);
    store.append(suiteResult('git', [task('flat', flat), task('stepped', stepped)], { startedAt, commit: `c${i}`, machine }));
  }
  const detector = new RegressionDetector();
  const analyses = detector.analyzeStore(store, { machines: ['ci-fast', 'ci-slow'] });
  assert.deepEqual(analyses.map((a) => [a.key, a.runs]), [
    ['git/flat', 90],
    ['git/stepped', 90],
  ]);
  assert.deepEqual(analyses[0]?.changes, []);
  const stepped = analyses[1]!;
  assert.equal(stepped.changes.length, 1, JSON.stringify(stepped.changes));
  assert.equal(stepped.changes[0]?.commit, 'c60');
  assert.equal(stepped.changes[0].direction, 'regression');
  // one machine at a time still works, on that machine's runs only
  const fastOnly = detector.analyzeStore(store, { machine: 'ci-fast', keys: ['git/stepped'] });
  assert.ok(fastOnly[0] !== undefined && fastOnly[0].runs < 90);
});
