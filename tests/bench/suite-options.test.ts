// parallel-safe: option validation and run() errors, not timings
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { isRuneBenchError } from '../../src/core/errors.js';
import { resolveSettings } from '../../src/bench/options.js';

void test('invalid suite options are rejected when the suite is built, naming the option', () => {
  const cases: [Record<string, unknown>, RegExp, ErrorConstructor][] = [
    [{ timeMs: 0 }, /^timeMs option must be greater than 0, got 0$/, RangeError],
    [{ timeMs: 'fast' }, /^timeMs option must be a number, got "fast"$/, TypeError],
    [{ minSamples: 1.5 }, /^minSamples option/, TypeError],
    [{ minSamples: 0 }, /^minSamples option/, RangeError],
    [{ minSamples: 20, maxSamples: 10 }, /maxSamples option/, RangeError],
    [{ maxTimeMs: -1 }, /^maxTimeMs option/, RangeError],
    [{ warmupMs: -5 }, /^warmupMs option must be at least 0, got -5$/, RangeError],
    [{ warmup: 'yes' }, /^warmup option must be a boolean/, TypeError],
    [{ warmup: 40 }, /^warmup option must be a boolean \(the duration is warmupMs\), got 40$/, TypeError],
    [{ warmup: false, warmupMs: 50 }, /^warmupMs option \(50\) contradicts warmup: false/, RangeError],
    [{ signal: {} }, /^signal option/, TypeError],
    [{ concurrency: 0 }, /^concurrency option/, RangeError],
    [{ monitor: {} }, /^monitor option/, TypeError],
    [{ keepSamples: -1 }, /^keepSamples option/, RangeError],
    [{ timeoutMs: 0 }, /^timeoutMs option/, RangeError],
    [{ seed: Number.NaN }, /^seed option/, TypeError],
    [{ isolation: { module: 42 } }, /^isolation\.module option/, TypeError],
    [{ isolation: { module: 'x.ts', processes: 0 } }, /^isolation\.processes option/, RangeError],
    [{ isolation: { module: 'x.ts', proceses: 2 } }, /^isolation\.proceses is not a known isolation option \(did you mean processes\?\)$/, TypeError],
    [{ isolation: {} }, /^isolation\.module option is required$/, TypeError],
    [{ tme: 100 }, /^tme is not a known BenchmarkSuite option/, TypeError],
    // the names before units were in them point to the new ones
    [{ time: 100 }, /^time is not a known BenchmarkSuite option \(did you mean timeMs\?\)$/, TypeError],
    [{ timeout: 100 }, /^timeout is not a known BenchmarkSuite option \(did you mean timeoutMs\?\)$/, TypeError],
    [{ maxTime: 100 }, /^maxTime is not a known BenchmarkSuite option \(did you mean maxTimeMs\?\)$/, TypeError],
  ];
  for (const [options, message, type] of cases) {
    assert.throws(() => new BenchmarkSuite('s', options), (e: unknown) => {
      assert.ok(e instanceof type, `${JSON.stringify(options)}: ${String(e)}`);
      assert.match((e).message, message);
      return true;
    });
  }
  assert.throws(() => new BenchmarkSuite(''), /name/);
});

void test('invalid task options are rejected by add(), naming the option', () => {
  const suite = new BenchmarkSuite('s', { minSamples: 5 });
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ setup: 1 }, /^setup option/],
    [{ beforeEach: 'x' }, /^beforeEach option/],
    [{ bytes: -1 }, /^bytes option/],
    [{ items: Infinity }, /^items option/],
    [{ tags: [1] }, /^tags option/],
    [{ timeMs: -1 }, /^timeMs option/],
    [{ maxSamples: 2 }, /maxSamples option \(2\) must not be below minSamples \(5\)/],
    [{ figures: {} }, /^figures option/],
    [{ warmpu: true }, /^warmpu is not a known task option \(did you mean warmup\?\)$/],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => suite.add("t", () => 1, options), { message });
  }
  assert.throws(() => suite.add('t', 1 as unknown as () => unknown), /fn must be a function/);
  suite.add('t', () => 1);
  assert.throws(() => suite.add('t', () => 2), (e: unknown) => isRuneBenchError(e, 'ERR_DUPLICATE'));
  assert.deepEqual(suite.tasks, ['t']);
});

void test('warm-up: the switch and the duration merge from suite to task', () => {
  const warmups: number[] = [];
  warmups.push(resolveSettings({}, {}).warmupMs);
  warmups.push(resolveSettings({ warmupMs: 30 }, {}).warmupMs);
  warmups.push(resolveSettings({ warmup: false }, {}).warmupMs);
  warmups.push(resolveSettings({ warmupMs: 30 }, { warmup: true }).warmupMs);
  warmups.push(resolveSettings({ warmup: false }, { warmup: true }).warmupMs);
  warmups.push(resolveSettings({ warmupMs: 30 }, { warmup: false }).warmupMs);
  warmups.push(resolveSettings({ warmupMs: 30 }, { warmupMs: 5 }).warmupMs);
  assert.deepEqual(warmups, [100, 30, 0, 30, 100, 0, 5]);
});

void test('run() rejects an invalid selection, concurrent runs and unknown task names', async () => {
  const suite = new BenchmarkSuite('busy', { timeMs: 20, warmupMs: 0 });
  suite.add('a', () => 1);
  await assert.rejects(suite.run({ tasks: ['nope'] }), (e: unknown) => isRuneBenchError(e, 'ERR_NOT_FOUND'));
  await assert.rejects(suite.run({ task: ['a'] } as never), { name: 'TypeError', message: /^task is not a known BenchmarkSuite\.run option \(did you mean tasks\?\)$/ });
  await assert.rejects(suite.run({ tasks: 'a' } as never), { name: 'TypeError', message: /^tasks option must be an array of strings$/ });
  const first = suite.run();
  assert.equal(suite.running, true);
  await assert.rejects(suite.run(), (e: unknown) => isRuneBenchError(e, 'ERR_BUSY'));
  const result = await first;
  assert.equal(result.status, 'ok');
  assert.equal(suite.running, false);
});
