// parallel-safe: what the stores write and read back
// The results stores keep what comparisons and trends read: a run's monitor history (for its own report's charts)
// is left out of every record and named baseline, anywhere in the tree, so stored runs do not grow with it.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SuiteResult } from '../../src/core/results.js';
import { MetricSnapshot } from '../../src/core/snapshot.js';
import { runMonitorHistory } from '../../src/monitor/run-history.js';
import { FolderResultsStore } from '../../src/store/folder-store.js';
import { GitNotesResultsStore } from '../../src/store/git-notes-store.js';
import type { ResultsStore } from '../../src/store/results-store.js';
import { logNormal, suiteResult, task } from '../detect/regression/helpers.js';

const root = mkdtempSync(join(tmpdir(), 'rune-bench-store-history-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

const descriptors = { 'process.cpu.utilization': { name: 'process.cpu.utilization', unit: '1', kind: 'gauge', description: 'cpu' } } as const;
const history = runMonitorHistory(
  Array.from({ length: 20 }, (_, i) => new MetricSnapshot({ timestamp: 1_700_000_000_000 + i, monotonic: i, values: { 'process.cpu.utilization': i / 20 }, descriptors })),
);

/** A monitored run with a monitored child. */
function monitoredRun(commit: string): SuiteResult {
  const child: SuiteResult = { ...suiteResult('child', [task('b', logNormal(2, 20, 1e-3, 0.05))], { commit }), monitorHistory: history };
  return { ...suiteResult('parent', [task('a', logNormal(1, 20, 1e-3, 0.05))], { commit }), children: [child], monitorHistory: history };
}

function withoutHistory(result: SuiteResult): void {
  assert.equal('monitorHistory' in result, false, `${result.name} keeps no monitor history`);
  for (const c of result.children ?? []) withoutHistory(c);
}

function check(store: ResultsStore, commit: string): void {
  const run = monitoredRun(commit);
  const appended = store.append(run);
  withoutHistory(appended.result);
  assert.deepEqual(appended.benchmarks.map((b) => b.key), ['parent/a', 'parent/child/b'], 'the benchmarks are all kept');
  const records = store.read().records;
  assert.equal(records.length, 1);
  const stored = records[0]?.result;
  assert.ok(stored !== undefined);
  withoutHistory(stored);
  store.saveBaseline('main', run);
  const baseline = store.readBaseline('main');
  assert.ok(baseline !== undefined);
  withoutHistory(baseline);
  assert.ok(run.monitorHistory !== undefined, 'the caller\'s result is not changed');
}

void test('the folder store leaves the monitor history out of records and baselines', () => {
  check(new FolderResultsStore(join(root, 'folder')), 'abc123');
});

void test('the git-notes store leaves the monitor history out of notes and baselines', () => {
  const repo = join(root, 'repo');
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  writeFileSync(join(repo, 'f.txt'), 'v\n');
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git('add', 'f.txt');
  git('commit', '-q', '-m', 'c0');
  check(new GitNotesResultsStore({ cwd: repo }), git('rev-parse', 'HEAD'));
});
