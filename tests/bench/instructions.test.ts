// The instructions instrument under valgrind: deterministic counts, a slope that scales with the work and
// leaves start-up and setup out. Assertions are on counts, never on times. Skipped without valgrind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countInstructions } from '../../src/bench/instruments/instructions.js';
import { findValgrind } from '../../src/bench/instruments/valgrind.js';
import type { SuiteResult, TaskResult } from '../../src/core/results.js';
import { RegressionDetector } from '../../src/detect/regression/regression-detector.js';
import { suiteResultFromJSON, suiteResultToJSON } from '../../src/bench/suite-result-json.js';
import { ResultsStore } from '../../src/store/results-store.js';
import { tableFormatter } from '../../src/format/table-formatter.js';
import { validateSchema } from '../format/json-schema.js';

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

let counted: SuiteResult | undefined;

void test('a task counted twice gives the same instructions per operation, with the unit in its statistics', { skip, timeout: 1_800_000 }, async () => {
  const { default: suite } = (await import(MODULE)) as Fixture;
  const result = await suite.run({ tasks: ['work x1'] });
  counted = result;
  const task = result.tasks[0];
  assert.equal(task?.status, 'ok', task?.error?.message);
  const stats = task.stats!;
  assert.equal(stats.unit, 'instructions');
  const [a, b] = task.samples ?? [];
  assert.ok(a !== undefined && b !== undefined, 'both repetitions kept');
  // ten thousand loop steps per operation: some tens of thousands of instructions
  assert.ok(stats.median > 10_000, `median ${stats.median}`);
  assert.ok(Math.abs(a - b) / stats.median < 0.01, `repetitions ${a} and ${b} differ by more than 1%`);
  const spread = task.figures?.find((f) => f.name === 'instructions.spread');
  assert.equal(spread?.value, Math.abs(a - b));
  const fixed = task.figures?.find((f) => f.name === 'instructions.fixed')?.value ?? 0;
  assert.ok(fixed > 100 * stats.median, 'node start-up alone is far more than one operation');
});

void test('twice the work per operation counts about twice the instructions; an expensive setup adds none', { skip, timeout: 1_800_000 }, async () => {
  const count = async (task: string): Promise<number> => {
    const m = await countInstructions({ module: MODULE, task, iterations: 1000, execArgv: [], repeat: false });
    assert.equal(m.perOp.length, 1);
    return m.perOp[0] ?? Number.NaN;
  };
  const [x1, x2, withSetup] = await Promise.all([count('work x1'), count('work x2'), count('work x1 after an expensive setup')]);
  const ratio = x2 / x1;
  assert.ok(ratio > 1.9 && ratio < 2.1, `x2 / x1 = ${ratio}`);
  assert.ok(Math.abs(withSetup / x1 - 1) < 0.02, `with setup ${withSetup} vs ${x1}`);
});

void test('a task that throws in the counting child fails with ERR_CHILD_FAILED', { skip, timeout: 1_800_000 }, async () => {
  const { default: suite } = (await import(MODULE)) as Fixture;
  const result = await suite.run({ tasks: ['throws'] });
  const task = result.tasks[0];
  assert.equal(task?.status, 'failed');
  assert.equal(task.error?.code, 'ERR_CHILD_FAILED');
  assert.match(task.error.message, /counted boom/);
});

/** The same run with every counted figure scaled: `factor` more work per operation. */
function scaled(result: SuiteResult, factor: number): SuiteResult {
  const scale = (t: TaskResult): TaskResult => ({
    ...t,
    ...(t.samples === undefined ? {} : { samples: t.samples.map((v) => v * factor) }),
    ...(t.stats === undefined ? {} : { stats: { ...t.stats, median: t.stats.median * factor, min: t.stats.min * factor, max: t.stats.max * factor } }),
  });
  return { ...result, tasks: result.tasks.map(scale) };
}

void test('a counted result flows through JSON, the schema, the store, the table and the 0.5% count gate', { skip, timeout: 1_800_000 }, async () => {
  const result = counted;
  assert.ok(result !== undefined, 'the first test ran');
  const json = suiteResultToJSON(result);
  const schema = JSON.parse(readFileSync(new URL('../../schema/suite-result.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  assert.deepEqual(validateSchema(schema, JSON.parse(JSON.stringify(json))), []);
  assert.equal(suiteResultFromJSON(json).tasks[0]?.stats?.unit, 'instructions');

  const dir = mkdtempSync(join(tmpdir(), 'rune-counted-'));
  try {
    const store = new ResultsStore(dir);
    store.append(result);
    const keys = store.read().records.flatMap((r) => r.benchmarks.map((b) => `${b.key}|${b.unit ?? 'seconds'}`));
    assert.deepEqual(keys, ['counted/work x1 (instructions)|instructions']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const table = tableFormatter.format({ kind: 'suite', result }, { color: false });
  assert.match(table, /\d[\d,]* instr/);

  const detector = new RegressionDetector();
  const verdict = async (factor: number): Promise<string | undefined> => (await detector.compare(result, scaled(result, factor))).comparisons[0]?.verdict;
  assert.equal(await verdict(1), 'no-change');
  assert.equal(await verdict(1.01), 'regressed', 'one per cent more instructions is caught');
  assert.equal(await verdict(1 / 1.01), 'improved');
  assert.equal(await verdict(1.002), 'no-change', 'below the 0.5% count threshold');
});
