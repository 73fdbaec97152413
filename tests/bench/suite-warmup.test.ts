import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { stillFalling } from '../../src/bench/task-runner.js';

void test('warm-up goes on while per-operation times still fall window against window', () => {
  const flat = Array.from({ length: 40 }, (_, i) => 1 + (i % 3) * 0.001);
  assert.equal(stillFalling(flat, 10), false, 'noise within 1.5% is settled');
  const falling = Array.from({ length: 40 }, (_, i) => 2 - i * 0.02);
  assert.equal(stillFalling(falling, 10), true, 'a 10% drop between windows is not');
  // one slow outlier in the earlier window does not move its median
  const spike = [...Array.from<number>({ length: 19 }).fill(1), 5, ...Array.from<number>({ length: 20 }).fill(1)];
  assert.equal(stillFalling(spike, 20), false);
  assert.equal(stillFalling(falling, 30), false, 'too few values for two windows');
});

void test('a task whose code speeds up is warmed until it settles, within its wall-time budget', async () => {
  // calls are slower for the first 70 ms of the task, falling steadily: the base 40 ms warm-up ends mid-fall
  let t0 = 0;
  const fn = (): number => {
    const now = performance.now();
    if (t0 === 0) t0 = now;
    const extra = Math.max(0, 70 - (now - t0)) * 100;
    let x = 0;
    for (let i = 0; i < 2000 + extra; i++) x = (x + i * i) % 1_000_003;
    return x;
  };
  const suite = new BenchmarkSuite('warm', { timeMs: 200, warmupMs: 40 });
  suite.add('speeding-up', fn);
  const result = await suite.run();
  const task = result.tasks[0]!;
  assert.equal(task.status, 'ok');
  // base 40 ms + at most 40 ms extra, which sampling gives back: about 240 ms plus statistics on a quiet machine
  // (the harness checks wall time against peers); here only a gross overrun, as tests run side by side
  assert.ok(task.duration < 0.6, `task took ${task.duration} s`);
  // sampling began after the fall: its first tenth reads like its last tenth
  const samples = task.samples!;
  const tenth = Math.floor(samples.length / 10);
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const first = med(samples.slice(0, tenth));
  const last = med(samples.slice(-tenth));
  assert.ok(first < last * 1.05, `first tenth ${first}, last tenth ${last}`);
});
