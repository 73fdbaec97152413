import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { stillFalling } from '../../src/bench/task-runner.js';
import { ManualClock } from '../../src/testing/manual-clock.js';
import { cpuMs, drive } from './fixtures/drive-clock.js';

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

void test('a task whose code speeds up is warmed until it settles, within its budget on the clock', async () => {
  // The task's calls are slower for its first 70 ms of CPU time, falling steadily; the suite's clock stands
  // at 0 until the first call and then follows this process's CPU time, so the fall, the 40 ms base warm-up
  // and the budgets share one time base however loaded the machine is. The base warm-up ends mid-fall; the
  // extension must carry it past the fall.
  const cpu0 = cpuMs();
  const clock = new ManualClock();
  let t0 = -1;
  const fn = (): number => {
    const now = cpuMs() - cpu0;
    if (t0 < 0) t0 = now;
    const extra = Math.max(0, 70 - (now - t0)) * 100;
    let x = 0;
    for (let i = 0; i < 2000 + extra; i++) x = (x + i * i) % 1_000_003;
    return x;
  };
  const suite = new BenchmarkSuite('warm', { timeMs: 200, warmupMs: 40, clock });
  suite.add('speeding-up', fn);
  const result = await drive(clock, suite.run(), () => (t0 < 0 ? 0 : cpuMs() - cpu0 - t0));
  const task = result.tasks[0]!;
  assert.equal(task.status, 'ok');
  // base warm-up (40 ms, at most 80 on the clock) + at most 40 ms more, which sampling gives back; the clock
  // moves at the runner's turns to the event loop (about every 20 ms), so allow two turns on top
  assert.ok(task.duration <= 0.08 + 0.2 + 0.04 + 0.04, `task took ${task.duration} s on the clock`);
  assert.ok(task.duration >= 0.04 + 0.1, `task took ${task.duration} s on the clock`);
  // sampling began after the fall: its first tenth reads like its last tenth
  const samples = task.samples!;
  const tenth = Math.floor(samples.length / 10);
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const first = med(samples.slice(0, tenth));
  const last = med(samples.slice(-tenth));
  assert.ok(first < last * 1.05, `first tenth ${first}, last tenth ${last}`);
});
