// A BenchmarkSuite wrapped as a SuiteDefinition: id from the name, progress from task:cycle, abort passed on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { benchmarkSuiteDefinition, isBenchmarkSuiteLike } from '../../src/bench/suite-definition.js';
import type { SuiteProgress } from '../../src/core/suite.js';

void test('a wrapped BenchmarkSuite runs through the plug point and reports progress', async () => {
  const suite = new BenchmarkSuite('wrapped', { timeMs: 120, minSamples: 3, warmupMs: 0 });
  suite.add('spin', () => {
    let x = 0;
    for (let i = 0; i < 20_000; i++) x += i;
    return x;
  });
  assert.equal(isBenchmarkSuiteLike(suite), true);
  assert.equal(isBenchmarkSuiteLike({ id: 'x', description: 'd', parameters: [], run: () => undefined }), false);
  const definition = benchmarkSuiteDefinition(suite);
  assert.equal(definition.id, 'wrapped');
  assert.deepEqual(definition.parameters, []);
  assert.match(definition.description, /spin/);
  const seen: SuiteProgress[] = [];
  const result = await definition.run({ onProgress: (p) => seen.push(p) });
  assert.equal(result.status, 'ok');
  assert.ok(seen.length > 0, 'progress reported');
  assert.ok(seen.every((p) => p.suite === 'wrapped' && p.phase === 'spin'));
  assert.equal(suite.listenerCount('task:cycle'), 0, 'the progress listener is removed after the run');
});

void test('the run signal aborts a wrapped suite', async () => {
  const suite = new BenchmarkSuite('abortable', { timeMs: 60_000, warmupMs: 0 });
  suite.add('forever', () => 1);
  suite.add('never', () => 2);
  const controller = new AbortController();
  suite.on('task:start', () => {
    controller.abort(new Error('stop'));
  });
  const result = await benchmarkSuiteDefinition(suite).run({ signal: controller.signal });
  assert.equal(result.status, 'aborted');
  assert.deepEqual(result.tasks.map((t) => t.status), ['aborted', 'aborted']);
});
