// A budget declared on the task (`budgetMs`) is recorded as the `budget` figure and judged by the trends
// report; a budget given to the report for the same key wins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { trendSeries } from '../../src/cli/commands/trends.js';
import { FolderResultsStore } from '../../src/store/folder-store.js';

function spin(n: number): number {
  let x = 1;
  for (let i = 0; i < n; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  return x;
}

void test('budgetMs is recorded as the budget figure, in seconds, and a bad one is refused', async () => {
  const suite = new BenchmarkSuite('budgeted', { timeMs: 20, warmupMs: 5, minSamples: 5 });
  suite.add('spin', () => spin(500), { budgetMs: 2.5 });
  const result = await suite.run();
  const budget = result.tasks[0]?.figures?.find((f) => f.name === 'budget');
  assert.deepEqual([budget?.value, budget?.unit], [0.0025, 's']);
  assert.throws(() => new BenchmarkSuite('bad').add('x', () => 1, { budgetMs: 0 }), /budgetMs/);
});

void test('the trends report judges the declared budget; a given budget for the key wins', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-declared-budget-'));
  try {
    const store = new FolderResultsStore(dir);
    for (let i = 0; i < 8; i++) {
      // a budget far below what the task takes: every run is over it
      const suite = new BenchmarkSuite('budgeted', { timeMs: 20, warmupMs: 5, minSamples: 5, seed: i + 1 });
      suite.add('spin', () => spin(2000), { budgetMs: 1e-6 });
      store.append(await suite.run());
    }
    const runs = store.read().records;
    assert.equal(runs.length, 8);
    const declared = trendSeries(runs, { seed: 1 }).series.find((s) => s.key === 'budgeted/spin')?.budget;
    assert.equal(declared?.source, 'declared on the task');
    assert.ok(Math.abs(declared.seconds - 1e-9) < 1e-21, String(declared.seconds));
    assert.equal(declared.forecast?.state, 'over');
    const given = trendSeries(runs, { seed: 1, budgets: [{ key: 'budgeted/spin', seconds: 1000, source: '1000s' }] }).series[0]?.budget;
    assert.equal(given?.source, '1000s');
    assert.notEqual(given.forecast?.state, 'over');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
