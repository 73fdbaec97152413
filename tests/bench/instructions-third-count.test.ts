// parallel-safe: instruction counts, which the machine's load does not move
// The instructions instrument counts a third time when its two repetitions disagree, and the task's samples are
// the agreeing pair; a task that throws in the counting child fails with ERR_CHILD_FAILED. valgrind is replaced by a script that runs the counting child natively and writes the
// cachegrind totals the test injects, so no valgrind is needed (only a POSIX shell).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// from dist/: the counting child is the isolation child beside this module, and it must run without a loader
import { countInstructions } from '../../dist/bench/instruments/instructions.js';
import { BenchmarkSuite } from '../../dist/bench/benchmark-suite.js';

const MODULE = fileURLToPath(new URL('./fixtures/counted-suite.mjs', import.meta.url));
const ITERATIONS = 1000;
const FIXED = 900_000_000;

// Run i of a count writes run-<i>.out: even runs are n1 (the fixed part only), odd runs n2 (the fixed part plus
// ITERATIONS operations at the per-operation figure of repetition i / 2, from FAKE_PER_OP). The child itself
// runs natively, so its IPC and exit code are real.
const FAKE = `#!/bin/sh
if [ "$1" = "--version" ]; then echo "valgrind-3.19.0-fake"; exit 0; fi
for a in "$@"; do case "$a" in --cachegrind-out-file=*) out="\${a#*=}";; esac; done
while [ "$1" != "-q" ]; do shift; done
shift
"$@" || exit $?
i=$(basename "$out" .out); i=\${i#run-}
ir=${String(FIXED)}
if [ $((i % 2)) -eq 1 ]; then
  perop=$(echo "$FAKE_PER_OP" | cut -d, -f$((i / 2 + 1)))
  ir=$((ir + perop * ${String(ITERATIONS)}))
fi
printf 'events: Ir\\nsummary: %s\\n' "$ir" > "$out"
`;

const dir = mkdtempSync(join(tmpdir(), 'rune-fake-valgrind-'));
const valgrind = join(dir, 'valgrind');
writeFileSync(valgrind, FAKE);
chmodSync(valgrind, 0o755);
const skip = process.platform === 'win32' ? 'skipped: the fake valgrind is a POSIX shell script' : false;

/** Runs `body` with the fake's per-operation figures of each repetition set to `perOp`. */
async function withPerOp<T>(perOp: readonly number[], body: () => Promise<T>): Promise<T> {
  process.env.FAKE_PER_OP = perOp.join(',');
  try {
    return await body();
  } finally {
    delete process.env.FAKE_PER_OP;
  }
}

type Measurement = Awaited<ReturnType<typeof countInstructions>>;
function count(perOp: readonly number[], options: { readonly tolerance?: number; readonly repeat?: boolean } = {}): Promise<Measurement> {
  return withPerOp(perOp, () => countInstructions({ module: MODULE, task: 'work x1', iterations: ITERATIONS, execArgv: [], valgrind, ...options }));
}

test.after(() => {
  rmSync(dir, { recursive: true, force: true });
});

void test('two agreeing repetitions are all that is counted', { skip }, async () => {
  const m = await count([21_090, 21_093, 19_330]);
  assert.deepEqual(m.perOp, [21_090, 21_093]);
  assert.deepEqual(m.kept, [0, 1]);
  assert.equal(m.runs.length, 4);
  assert.equal(m.fixedInstructions, FIXED - ITERATIONS * 21_090);
});

void test('a disagreeing pair brings a third repetition, and the closest two are kept', { skip }, async () => {
  const m = await count([21_090, 19_330, 21_094]);
  assert.deepEqual(m.perOp, [21_090, 19_330, 21_094]);
  assert.deepEqual(m.kept, [0, 2]);
  assert.equal(m.runs.length, 6);
  // a looser tolerance accepts the same pair without a third count; no repeat never counts a second
  const loose = await count([21_090, 19_330, 21_094], { tolerance: 0.1 });
  assert.deepEqual(loose.perOp, [21_090, 19_330]);
  const once = await count([19_330, 21_090], { repeat: false });
  assert.deepEqual(once.perOp, [19_330]);
});

/** A suite counting the fixture's task `name` with the stand-in valgrind (the child runs MODULE's own task). */
function countedSuite(name: string): BenchmarkSuite {
  return new BenchmarkSuite('counted', {
    instrument: 'instructions',
    instructions: { iterations: ITERATIONS, valgrind },
    isolation: { module: MODULE, execArgv: [] },
  }).add(name, () => 0);
}

void test('a counted task keeps the agreeing pair as its samples and reports the spread of all three', { skip }, async () => {
  const suite = countedSuite('work x1');
  const result = await withPerOp([23_000, 21_090, 21_088], () => suite.run());
  const task = result.tasks[0];
  assert.equal(task?.status, 'ok', task?.error?.message);
  assert.deepEqual(task.samples, [21_090, 21_088]);
  assert.equal(task.stats?.median, 21_089);
  assert.equal(task.stats.unit, 'instructions');
  const figure = (name: string): number | undefined => task.figures?.find((f) => f.name === name)?.value;
  assert.equal(figure('instructions.repetitions'), 3);
  assert.equal(figure('instructions.spread'), 23_000 - 21_088);
});

void test('a task that throws in the counting child fails with ERR_CHILD_FAILED, naming the error', { skip }, async () => {
  const suite = countedSuite('throws');
  const result = await withPerOp([21_090, 21_090], () => suite.run());
  const task = result.tasks[0];
  assert.equal(task?.status, 'failed');
  assert.equal(task.error?.code, 'ERR_CHILD_FAILED');
  assert.match(task.error.message, /counted boom/);
});
