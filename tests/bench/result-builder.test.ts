// SuiteResultBuilder: a suite's result built once from its parts, with the one summary and an injected clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SuiteResultBuilder } from '../../src/bench/result-builder.js';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { RESULT_SCHEMA_VERSION } from '../../src/core/results.js';
import { ManualClock } from '../../src/testing/manual-clock.js';

async function realRun(name: string, fail = false) {
  const suite = new BenchmarkSuite(name, { timeMs: 10, minSamples: 3, warmup: false });
  suite.add('sqrt', () => Math.sqrt(2));
  if (fail) {
    suite.add('fails', () => {
      throw new Error('no');
    });
  }
  return suite.run();
}

void test('adopts a run and adds figures, notices and peaks; the duration covers preparation', async () => {
  const clock = new ManualClock(0, Date.UTC(2026, 0, 2));
  const builder = new SuiteResultBuilder('mine', { clock });
  await clock.advance(2_500); // preparation
  const run = await realRun('bench-name');
  const result = builder
    .adopt(run)
    .figure({ name: 'files', value: 12, unit: '{count}' })
    .notice('prepared 12 files')
    .peaks({ memory: run.summary.peakMemory + 1_000 })
    .build();
  assert.equal(result.schemaVersion, RESULT_SCHEMA_VERSION);
  assert.equal(result.name, 'mine');
  assert.equal(result.status, 'ok');
  assert.deepEqual(result.tasks, run.tasks);
  assert.equal(result.startedAt, run.startedAt);
  assert.equal(result.summary.duration, Math.max(2.5, run.summary.duration));
  assert.equal(result.summary.peakMemory, run.summary.peakMemory + 1_000);
  assert.equal(result.summary.operationsPerSecond, run.summary.operationsPerSecond);
  assert.equal(result.summary.successRate, 1);
  assert.deepEqual(result.figures, [{ name: 'files', value: 12, unit: '{count}' }]);
  assert.deepEqual(result.notices, ['prepared 12 files']);
  assert.throws(() => builder.adopt(run), RangeError);
});

void test('a parent of children: status, success rate and peaks over the tree; no copies of the children', async () => {
  const clock = new ManualClock(0, Date.UTC(2026, 0, 2));
  const ok = await realRun('ok');
  const partial = await realRun('partial', true);
  const result = new SuiteResultBuilder('parent', { clock }).child(ok).child(partial).build();
  assert.equal(result.status, 'partial');
  assert.deepEqual(result.tasks, []);
  assert.deepEqual(result.children?.map((c) => c.name), ['ok', 'partial']);
  assert.equal(result.summary.successRate, 2 / 3);
  assert.equal(result.summary.operationsPerSecond, ok.summary.operationsPerSecond + partial.summary.operationsPerSecond);
  assert.equal(result.summary.peakMemory, Math.max(ok.summary.peakMemory, partial.summary.peakMemory));
  assert.equal(result.figures, undefined);
  assert.equal(result.startedAt, new Date(Date.UTC(2026, 0, 2)).toISOString());
});

void test('a run that ended while preparing: the given status, no tasks, success rate 0', () => {
  const result = new SuiteResultBuilder('early', { clock: new ManualClock() }).status('aborted').notice('aborted while generating the tree').build();
  assert.equal(result.status, 'aborted');
  assert.deepEqual(result.tasks, []);
  assert.equal(result.summary.successRate, 0);
  assert.deepEqual(result.notices, ['aborted while generating the tree']);
  assert.throws(() => new SuiteResultBuilder(''), TypeError);
});
