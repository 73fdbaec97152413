import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AssertionError } from 'node:assert';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNoRegression } from '../../src/testing/index.js';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { isRuneBenchError } from '../../src/core/errors.js';
import type { SuiteResult } from '../../src/core/results.js';

function spin(n: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x + i * 13) % 65_521;
  return x;
}

/** The result as an older file without the host's conditions: the gate then leaves that check out. */
function withoutHost(result: SuiteResult): SuiteResult {
  const copy: { -readonly [K in keyof SuiteResult]: SuiteResult[K] } = { ...result };
  delete copy.host;
  return copy;
}

async function run(work: number): Promise<SuiteResult> {
  const suite = new BenchmarkSuite('regression', { timeMs: 100, warmupMs: 20, minSamples: 30 });
  suite.add('spin', () => spin(work));
  suite.add('constant', () => spin(500));
  return suite.run();
}

void test('a missing baseline is written; the same code passes; a 3x slowdown fails naming the task', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-reg-'));
  const baseline = join(dir, 'baseline.json');
  try {
    const first = await run(1000);
    assert.equal((await assertNoRegression(first, baseline)).size, 0);
    assert.ok(existsSync(baseline));
    await assert.rejects(assertNoRegression(first, join(dir, 'other.json'), { createMissing: false }), /does not exist/);

    const faster = await run(300);
    const comparisons = await assertNoRegression(faster, baseline);
    // improved; or, when one of the two runs met an oversubscribed CPU and the load changed between them (a
    // busy CI runner), inconclusive with that reason: such a load change can explain a change of any size
    const spin = comparisons.get('regression/spin');
    assert.ok(spin !== undefined);
    if (spin.verdict !== 'improved') assert.match(`${spin.verdict}: ${spin.reason}`, /^inconclusive: .*an oversubscribed CPU/);

    // without the host's conditions (tested in tests/detect/regression/gate-between-runs.test.ts): on a loaded
    // runner a changed run queue makes even a 3x slowdown inconclusive, correctly, and this test is about the
    // assertion's failure message
    const slower = withoutHost(await run(3000));
    await assert.rejects(assertNoRegression(slower, baseline, { threshold: 0.05 }), (e: unknown) => {
      assert.ok(e instanceof AssertionError);
      assert.match(e.message, /performance regression against .*baseline\.json:\n {2}"regression\/spin" is \d+\.\d% slower \([\d.]+ µs -> [\d.]+ µs\)/);
      // every task the message names is one the gate called regressed. The unchanged task is not asserted absent:
      // without the host's conditions and with no history, the gate sees only each run's own spread, so a loaded
      // runner that drifts 6% between the two runs is called a regression (seen in CI; issue 10's subject)
      for (const line of e.message.split('\n').slice(1)) assert.match(line, /^ {2}"regression\/(spin|constant)" is \d+\.\d% slower \(.*\): regressed: /);
      return true;
    });
    // a single task result works too
    await assert.rejects(assertNoRegression(slower.tasks[0]!, baseline), /"rune-bench-testing\/spin" is/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('a malformed baseline is a typed error, not a silent pass', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-reg-'));
  const baseline = join(dir, 'baseline.json');
  try {
    writeFileSync(baseline, JSON.stringify({ schemaVersion: 1, name: 'x' }));
    const result = await run(100);
    await assert.rejects(assertNoRegression(result, baseline), (e: unknown) => isRuneBenchError(e, 'ERR_INVALID_FORMAT'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
