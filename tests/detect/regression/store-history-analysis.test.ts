// From stored runs to a change point with its commit: ResultsStore + RegressionDetector.analyzeStore.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderResultsStore } from '../../../src/store/folder-store.js';
import { RegressionDetector } from '../../../src/detect/regression/regression-detector.js';
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
