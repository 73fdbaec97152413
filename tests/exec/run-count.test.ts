// parallel-safe: checks output, files and exit codes, not timings
// How many runs the helper is asked for next: min runs, min time of real time, max runs, bounded batches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextBatch } from '../../src/exec/benchmark-commands.js';

const limits = { minRuns: 10, maxRuns: Infinity, minTimeMs: 3000 };

void test('one run first, to estimate the time per run', () => {
  assert.equal(nextBatch(0, 0, limits), 1);
});

void test('then what min time needs, in batches of about half a second', () => {
  // 5 ms per run: 3 s needs 599 more runs; a batch holds 100.
  assert.equal(nextBatch(1, 0.005, limits), 100);
  // 1 s per run: min runs decides (9 more), a batch holds 1.
  assert.equal(nextBatch(1, 1, limits), 1);
});

void test('done when min runs and min time are reached, or max runs', () => {
  assert.equal(nextBatch(10, 3.001, limits), 0);
  assert.equal(nextBatch(9, 30, limits), 1);
  assert.equal(nextBatch(4, 0.004, { minRuns: 1, maxRuns: 4, minTimeMs: 3000 }), 0);
  assert.equal(nextBatch(2, 0.002, { minRuns: 1, maxRuns: 4, minTimeMs: 3000 }), 2);
});

void test('min time counts real time: runs that the shell correction brings to 0 still end', () => {
  // Uncorrected wall is what the caller passes: 2 ms per run means 1500 runs for 3 s, never an unbounded batch.
  let done = 1;
  let wall = 0.002;
  for (let i = 0; i < 100; i++) {
    const n = nextBatch(done, wall, limits);
    if (n === 0) break;
    done += n;
    wall += n * 0.002;
  }
  assert.equal(nextBatch(done, wall, limits), 0);
  assert.ok(done >= 1500 && done <= 1510, `${done} runs`);
});
