// parallel-safe: instruction counts, which the machine's load does not move
// The instructions instrument under valgrind: two counts of a task agree, the slope scales with the work per
// operation and leaves start-up and setup out, and the counted result flows through JSON, the schema, the store,
// the table and the gate. Assertions are on counts, never on times. Skipped without valgrind. Each node start
// under valgrind costs some 9 s of CPU, so the task counted first serves every test here. (A task that throws in
// the counting child is tested with a stand-in valgrind, in instructions-third-count.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findValgrind } from '../../src/bench/instruments/valgrind.js';
// from dist/: the counting child is the isolation child beside this module, and it must run without a loader
import { countInstructions } from '../../dist/bench/instruments/instructions.js';
import type { SuiteResult, TaskResult } from '../../src/core/results.js';
import { RegressionDetector } from '../../src/detect/regression/regression-detector.js';
import { suiteResultFromJSON, suiteResultToJSON } from '../../src/bench/suite-result-json.js';
import { FolderResultsStore } from '../../src/store/folder-store.js';
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

void test('a task counted twice gives the same instructions per operation, with the unit in its statistics', { skip }, async (t) => {
  const { default: suite } = (await import(MODULE)) as Fixture;
  const result = await suite.run({ tasks: ['work x1'] });
  counted = result;
  const task = result.tasks[0];
  assert.equal(task?.status, 'ok', task?.error?.message);
  const stats = task.stats!;
  assert.equal(stats.unit, 'instructions');
  const [a, b] = task.samples ?? [];
  assert.ok(a !== undefined && b !== undefined, 'both repetitions kept');
  t.diagnostic(`instructions per operation: ${String(a)} and ${String(b)}`);
  // ten thousand loop steps per operation: some tens of thousands of instructions
  assert.ok(stats.median > 10_000, `median ${stats.median}`);
  // the kept repetitions agree within the 0.1% tolerance (a third is counted when the first two do not)
  assert.ok(Math.abs(a - b) / stats.median <= 0.001, `kept repetitions ${a} and ${b} differ by more than 0.1%`);
  const figure = (name: string): number | undefined => task.figures?.find((f) => f.name === name)?.value;
  const repetitions = figure('instructions.repetitions') ?? 0;
  t.diagnostic(`repetitions counted: ${String(repetitions)}, spread of all ${String(figure('instructions.spread'))}`);
  assert.ok(repetitions === 2 || repetitions === 3, `repetitions ${repetitions}`);
  assert.ok((figure('instructions.spread') ?? -1) >= Math.abs(a - b), 'the spread covers every count made');
  const fixed = task.figures?.find((f) => f.name === 'instructions.fixed')?.value ?? 0;
  assert.ok(fixed > 100 * stats.median, 'node start-up alone is far more than one operation');
});

void test('twice the work per operation counts about twice the instructions; an expensive setup adds none', { skip }, async (t) => {
  const x1 = counted?.tasks[0]?.stats?.median;
  assert.ok(x1 !== undefined, 'the first test ran');
  // one repetition each at the fixture's iteration counts: the slope is per operation whatever the counts
  const count = async (task: string): Promise<number> => {
    const m = await countInstructions({ module: MODULE, task, iterations: 3000, warmupIterations: 1000, execArgv: [], repeat: false });
    assert.equal(m.perOp.length, 1);
    return m.perOp[0] ?? Number.NaN;
  };
  const [x2, withSetup] = await Promise.all([count('work x2'), count('work x1 after an expensive setup')]);
  t.diagnostic(`per operation: x1 ${String(x1)}, x2 ${String(x2)}, x1 after setup ${String(withSetup)}`);
  const ratio = x2 / x1;
  assert.ok(ratio > 1.9 && ratio < 2.1, `x2 / x1 = ${ratio}`);
  assert.ok(Math.abs(withSetup / x1 - 1) < 0.02, `with setup ${withSetup} vs ${x1}`);
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

void test('a counted result flows through JSON, the schema, the store, the table and the 0.5% count gate', { skip }, async () => {
  const result = counted;
  assert.ok(result !== undefined, 'the first test ran');
  const json = suiteResultToJSON(result);
  const schema = JSON.parse(readFileSync(new URL('../../schema/suite-result.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  assert.deepEqual(validateSchema(schema, JSON.parse(JSON.stringify(json))), []);
  assert.equal(suiteResultFromJSON(json).tasks[0]?.stats?.unit, 'instructions');

  const dir = mkdtempSync(join(tmpdir(), 'rune-counted-'));
  try {
    const store = new FolderResultsStore(dir);
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
  // The gate's interval for counts is the extreme ratios the repetitions allow, so what it can call depends on
  // the measured spread of the two counts (a handful of instructions for real work, up to ~0.3% for this tiny
  // loop under a busy runner). The changes below are chosen from that spread, never assumed.
  const [a = 0, b = 0] = result.tasks[0]?.samples ?? [];
  const spread = Math.max(a, b) / Math.min(a, b) - 1;
  assert.equal(await verdict(1), 'unchanged');
  assert.equal(await verdict(1.01), 'regressed', 'one per cent more instructions is caught');
  assert.equal(await verdict(1 / 1.01), 'improved');
  // a change below the threshold by more than the spread lies wholly inside it
  const below = 1 + (0.005 - spread) / 2;
  assert.equal(await verdict(below), 'unchanged', `${((below - 1) * 100).toFixed(3)}% with spread ${(spread * 100).toFixed(3)}% is below the 0.5% count threshold`);
  // a change exactly at the threshold straddles it whenever the counts differ at all
  if (spread > 0) assert.equal(await verdict(1.005), 'inconclusive', 'a change at the threshold, within the spread, is not called');
});
