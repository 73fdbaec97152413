// A small, fast version of bench/testing-flake.ts (which runs 200 trials): A/A pairs must not fail
// assertNoRegression, and a 20% slowdown must be caught, or be inconclusive (the host's conditions changed
// between the runs), never unchanged. Full test runs on 2 cores caught 4 of 6 outright; the test prints each
// miss's reason (seen: "+18.9% to +19.6% ... but runnable processes per core 0.5 during the baseline, 1.5 now"). (A 10% slowdown against the 5% threshold was caught 7 of 8 times in one run here:
// a baseline run a few per cent slow by chance hides it; with 6 trials a 5-of-6 bar at that rate fails about
// one run in five, so the power at 10% is measured by the bench, not here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AssertionError } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import type { SuiteResult } from '../../src/core/results.js';
import { assertNoRegression } from '../../src/testing/index.js';

const WORK = 4000;
const TRIALS = 6;

function spin(n: number): number {
  let x = 1;
  for (let i = 0; i < n; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  return x;
}

async function run(work: number, seed: number): Promise<SuiteResult> {
  const suite = new BenchmarkSuite('flake', { timeMs: 150, warmupMs: 20, minSamples: 30, seed });
  suite.add('spin', () => spin(work));
  return suite.run();
}

/** The verdict assertNoRegression reached on `currentWork` against a baseline of `baselineWork`, and why. */
async function verdictOf(baselineWork: number, currentWork: number, dir: string, i: number): Promise<{ verdict: string; reason: string }> {
  const file = join(dir, `${baselineWork}-${currentWork}-${i}.json`);
  await assertNoRegression(await run(baselineWork, i), file);
  const current = await run(currentWork, i + 1);
  try {
    // a suspected regression is confirmed by measuring the same code again before the test fails
    const compared = await assertNoRegression(current, file, { threshold: 0.05, rerun: () => run(currentWork, i + 2) });
    const c = [...compared.values()][0];
    return { verdict: c?.verdict ?? 'not compared', reason: c?.reason ?? '' };
  } catch (error) {
    if (error instanceof AssertionError) return { verdict: 'regressed', reason: error.message };
    throw error;
  }
}

void test(`A/A: ${TRIALS} pairs of the same function; a 20% slowdown: ${TRIALS} pairs`, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-flake-'));
  try {
    let falseFailures = 0;
    let caught = 0;
    let wrong = 0;
    for (let i = 0; i < TRIALS; i++) {
      const same = await verdictOf(WORK, WORK, dir, i);
      if (same.verdict === 'regressed') falseFailures++;
      const slower = await verdictOf(WORK, Math.round(WORK * 1.2), dir, i);
      if (slower.verdict === 'regressed') caught++;
      // inconclusive is an honest answer on a busy host (its conditions changed between the runs); calling a
      // 20% slowdown unchanged or improved is not
      else if (slower.verdict === 'unchanged' || slower.verdict === 'improved') wrong++;
      if (slower.verdict !== 'regressed') t.diagnostic(`20% slowdown, trial ${i}: ${slower.verdict}: ${slower.reason}`);
      if (same.verdict === 'regressed') t.diagnostic(`A/A, trial ${i}: ${same.reason}`);
    }
    // 200-trial goals (bench/testing-flake.ts): <= 1% false failures, >= 95% caught; with 6 trials allow one
    // false failure and one wrong verdict, and ask that most slowdowns are caught outright
    assert.ok(falseFailures <= 1, `${falseFailures}/${TRIALS} A/A false failures`);
    assert.ok(wrong <= 1, `${wrong}/${TRIALS} slowdowns called unchanged or improved`);
    assert.ok(caught >= TRIALS / 2, `${caught}/${TRIALS} slowdowns caught`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
