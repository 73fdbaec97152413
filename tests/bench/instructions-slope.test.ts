// parallel-safe: instruction counts, which the machine's load does not move
// The instructions instrument under valgrind: the slope scales with the work per operation and leaves start-up
// and setup out; a throwing task fails the counting child. Assertions are on counts, never on times. Skipped
// without valgrind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
// from dist/: the counting child is the isolation child beside this module, and it must run without a loader
import { countInstructions } from '../../dist/bench/instruments/instructions.js';
import { findValgrind } from '../../src/bench/instruments/valgrind.js';
import type { SuiteResult } from '../../src/core/results.js';

const MODULE = fileURLToPath(new URL('./fixtures/counted-suite.mjs', import.meta.url));

function valgrindMissing(): string | false {
  try {
    findValgrind();
    return false;
  } catch (error) {
    return `skipped: ${error instanceof Error ? error.message : String(error)}`;
  }
}
const skip = valgrindMissing();

interface Fixture {
  readonly default: { run(selection: { tasks: readonly string[] }): Promise<SuiteResult> };
}

void test('twice the work per operation counts about twice the instructions; an expensive setup adds none', { skip }, async (t) => {
  const count = async (task: string): Promise<number> => {
    const m = await countInstructions({ module: MODULE, task, iterations: 1000, execArgv: [], repeat: false });
    assert.equal(m.perOp.length, 1);
    return m.perOp[0] ?? Number.NaN;
  };
  const [x1, x2, withSetup] = await Promise.all([count('work x1'), count('work x2'), count('work x1 after an expensive setup')]);
  t.diagnostic(`per operation: x1 ${String(x1)}, x2 ${String(x2)}, x1 after setup ${String(withSetup)}`);
  const ratio = x2 / x1;
  assert.ok(ratio > 1.9 && ratio < 2.1, `x2 / x1 = ${ratio}`);
  assert.ok(Math.abs(withSetup / x1 - 1) < 0.02, `with setup ${withSetup} vs ${x1}`);
});

void test('a task that throws in the counting child fails with ERR_CHILD_FAILED', { skip }, async () => {
  const { default: suite } = (await import(MODULE)) as Fixture;
  const result = await suite.run({ tasks: ['throws'] });
  const task = result.tasks[0];
  assert.equal(task?.status, 'failed');
  assert.equal(task.error?.code, 'ERR_CHILD_FAILED');
  assert.match(task.error.message, /counted boom/);
});

