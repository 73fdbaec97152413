import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { isRuneBenchError } from '../../src/core/errors.js';

void test('invalid suite options are rejected when the suite is built, naming the option', () => {
  const cases: [Record<string, unknown>, RegExp, ErrorConstructor][] = [
    [{ time: 0 }, /^time option/, RangeError],
    [{ time: 'fast' }, /^time option/, TypeError],
    [{ minSamples: 1.5 }, /^minSamples option/, TypeError],
    [{ minSamples: 0 }, /^minSamples option/, RangeError],
    [{ minSamples: 20, maxSamples: 10 }, /maxSamples option/, RangeError],
    [{ maxTime: -1 }, /^maxTime option/, RangeError],
    [{ warmup: -5 }, /^warmup option/, RangeError],
    [{ warmup: 'yes' }, /^warmup option/, TypeError],
    [{ signal: {} }, /^signal option/, TypeError],
    [{ concurrency: 0 }, /^concurrency option/, RangeError],
    [{ monitor: {} }, /^monitor option/, TypeError],
    [{ keepSamples: -1 }, /^keepSamples option/, RangeError],
    [{ timeout: 0 }, /^timeout option/, RangeError],
    [{ seed: Number.NaN }, /^seed option/, TypeError],
    [{ isolation: { module: 42 } }, /^isolation\.module option/, TypeError],
    [{ isolation: { module: 'x.ts', processes: 0 } }, /^isolation\.processes option/, RangeError],
    [{ tme: 100 }, /^tme is not a known BenchmarkSuite option/, TypeError],
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
    [{ time: -1 }, /^time option/],
    [{ maxSamples: 2 }, /maxSamples option \(2\) must not be below minSamples \(5\)/],
    [{ figures: {} }, /^figures option/],
    [{ warmpu: 1 }, /^warmpu is not a known task option/],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => suite.add("t", () => 1, options), { message });
  }
  assert.throws(() => suite.add('t', 1 as unknown as () => unknown), /fn must be a function/);
  suite.add('t', () => 1);
  assert.throws(() => suite.add('t', () => 2), (e: unknown) => isRuneBenchError(e, 'ERR_DUPLICATE'));
  assert.deepEqual(suite.tasks, ['t']);
});

void test('run() rejects concurrent runs and unknown task names', async () => {
  const suite = new BenchmarkSuite('busy', { time: 20, warmup: 0 });
  suite.add('a', () => 1);
  await assert.rejects(suite.run({ tasks: ['nope'] }), (e: unknown) => isRuneBenchError(e, 'ERR_NOT_FOUND'));
  const first = suite.run();
  assert.equal(suite.running, true);
  await assert.rejects(suite.run(), (e: unknown) => isRuneBenchError(e, 'ERR_BUSY'));
  const result = await first;
  assert.equal(result.status, 'ok');
  assert.equal(suite.running, false);
});
