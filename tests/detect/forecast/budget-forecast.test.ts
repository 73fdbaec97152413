// parallel-safe: pure computation on fixed inputs
// Budgets over commits: a significant rising trend says when it crosses the budget (commits and days, with
// intervals that hold the true crossing), a flat or falling history says nothing, a history above it is over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetLine, forecastBudget, type BudgetPoint } from '../../../src/detect/forecast/budget-forecast.js';
import { createRng } from '../../../src/stats/rng.js';

const DAY = 86_400_000;

/** `n` runs one per day from `start`, each the level plus `slope` per run, with ±`noise` relative noise. */
function history(n: number, start: number, slope: number, noise: number, seed: number): BudgetPoint[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({ value: (start + slope * i) * (1 + noise * (2 * rng() - 1)), timestamp: Date.UTC(2026, 0, 1) + i * DAY }));
}

void test('a rising history: the crossing in commits and days, and both intervals hold the true crossing', (t) => {
  // 1 ms rising 20 µs per run over 30 runs: at run 29 it is 1.58 ms, so a 2 ms budget is crossed 21 runs later
  let held = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const points = history(30, 1e-3, 20e-6, 0.03, seed);
    const f = forecastBudget(points, { key: 'suite/status', seconds: 2e-3, source: '2ms' });
    assert.ok(f !== undefined && f.state === 'crossing', `seed ${seed}: a significant trend is forecast`);
    assert.ok(f.commits.low <= f.commits.point && f.commits.point <= f.commits.high);
    assert.ok(f.days !== undefined && Math.abs(f.days.point - f.commits.point) < 1e-6 * f.commits.point + 1e-9, 'one run a day: days equal commits');
    if (f.commits.low <= 21 && 21 <= f.commits.high) held++;
  }
  t.diagnostic(`true crossing inside the interval: ${held} of 20`);
  assert.ok(held >= 17, `the interval held the true crossing in ${held} of 20 seeded histories (90% intervals)`);
});

void test('flat and falling histories forecast nothing, and the line says so', () => {
  for (let seed = 1; seed <= 20; seed++) {
    assert.equal(forecastBudget(history(30, 1e-3, 0, 0.05, seed), { key: 'k', seconds: 2e-3, source: '2ms' }), undefined, `flat, seed ${seed}`);
    assert.equal(forecastBudget(history(30, 1.5e-3, -10e-6, 0.02, seed), { key: 'k', seconds: 2e-3, source: '2ms' }), undefined, `falling, seed ${seed}`);
  }
  const line = budgetLine(history(30, 1e-3, 0, 0.05, 3), { key: 'k', seconds: 2e-3, source: '2ms' });
  assert.equal(line.forecast, undefined);
  assert.match(line.message, /^within its 2\.00 ms budget \(2ms\); no significant trend toward it over 30 runs$/);
});

void test('a history above its budget is over, whatever its trend; a bad budget is refused', () => {
  const f = forecastBudget(history(10, 3e-3, 0, 0.01, 1), { key: 'k', seconds: 2e-3, source: '1.2x of baseline main' });
  assert.equal(f?.state, 'over');
  assert.ok(f.level > 2e-3);
  assert.match(budgetLine(history(10, 3e-3, 0, 0.01, 1), { key: 'k', seconds: 2e-3, source: '1.2x of baseline main' }).message, /^over its 2\.00 ms budget \(1\.2x of baseline main\): 3\.\d+ ms in the newest runs$/);
  assert.throws(() => forecastBudget([], { key: 'k', seconds: 0, source: '0' }), RangeError);
  assert.equal(forecastBudget(history(5, 1e-3, 1e-4, 0, 1), { key: 'k', seconds: 2e-3, source: '2ms' }), undefined, 'fewer than 8 runs: too few to say');
});
