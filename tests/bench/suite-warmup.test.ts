// parallel-safe: the warm-up is judged on a clock that reads the work done and asserted on the work of the timed calls, which load does not move
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { leadingTransient, stillFalling } from '../../src/bench/warmup.js';
import type { Clock } from '../../src/core/clock.js';

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
  // The suite's clock reads the work done so far (1,000,000 loop steps = 1 ms: more work than a real millisecond on any machine, so the base warm-up's own CPU minimum is met before its 40 ms on this clock), so the warm-up's budgets and the
  // task's fall share one time base that no load moves. The calls do 7,000 extra steps (4.5x the 2,000 of a
  // settled call) when warm-up starts, falling to none over 70 ms on that clock. The base warm-up (40 ms) ends
  // mid-fall; the extension (up to 40 ms more) must carry it past the fall, judged on the calls' measured times.
  let warmStart = -1;
  const { workClock, fn, extras } = workedCalls((now) => (warmStart < 0 ? 0 : Math.round(Math.max(0, 70 - (now - warmStart)) * 100)));
  const suite = new BenchmarkSuite('warm', { timeMs: 200, warmupMs: 40, clock: workClock });
  suite.add('speeding-up', fn, {
    beforeEach: () => {
      if (warmStart < 0) warmStart = workClock.now();
    },
  });
  const result = await suite.run();
  const task = result.tasks[0]!;
  assert.equal(task.status, 'ok');
  // base warm-up (40 ms, at most 80 on the clock) + at most 40 ms more, which sampling gives back
  assert.ok(task.duration <= 0.08 + 0.2 + 0.04 + 0.01, `task took ${task.duration} s on the clock`);
  assert.ok(task.duration >= 0.04 + 0.1, `task took ${task.duration} s on the clock`);
  // sampling began after the fall: the timed calls did (almost) no extra work. Judged on the work the calls did,
  // not on their times, which a loaded machine moves; the decision to warm on is the suite's own, on times.
  const operations = task.stats!.operations;
  assert.ok(operations > 0 && operations <= extras.length, `${operations} timed of ${extras.length} calls`);
  const extraShare = timedExtraShare(extras, operations);
  assert.ok(extraShare < 0.01, `timed calls did ${(extraShare * 100).toFixed(2)}% extra work; warm-up began at ${warmStart.toFixed(1)} ms`);
});

void test('leading samples far slower than where the run settled are a warm-up transient', () => {
  const settled = (n: number): number[] => Array.from({ length: n }, (_, i) => 1 + (i % 5) * 0.01);
  assert.equal(leadingTransient(settled(40)), 0, 'a settled run keeps every sample');
  // unoptimised code timed before the background compiler finished: 10 samples 40x slower, then settled
  assert.equal(leadingTransient([...Array.from<number>({ length: 10 }).fill(40), ...settled(30)]), 10);
  // one sample that was interrupted in the middle of the run is noise, not warm-up
  assert.equal(leadingTransient([...settled(20), 40, ...settled(19)]), 0);
  // 2.5x is within the spread a run may have (GC, a second speed): only more than 3x counts
  assert.equal(leadingTransient([2.5, 2.5, ...settled(38)]), 0);
  // a slow run that reaches into the last third is the code's speed: nothing is dropped
  assert.equal(leadingTransient([...Array.from<number>({ length: 30 }).fill(40), ...settled(10)]), 0);
  assert.equal(leadingTransient([40, 40, 1, 1, 1]), 0, 'too few samples to tell');
});

void test('samples timed before the code settled are dropped and sampling goes on as before', async () => {
  // The calls do 40x the work until 100 ms on a clock that reads the work done (as above), so sampling begins in
  // the slow phase (warm-up does not extend: the time is flat, not falling) and ends in the fast one, where
  // `maxSamples` is reached. Without the trim the slow samples are a sixth or more of the result; with it, they
  // are dropped and sampling goes on in the fast phase, so the timed calls are the fast ones. Asserted on the
  // work the timed calls did, which load does not move.
  const { workClock, fn, extras } = workedCalls((now) => (now < 100 ? 78_000 : 0));
  const suite = new BenchmarkSuite('transient', { timeMs: 200, warmupMs: 10, minSamples: 20, maxSamples: 2000, clock: workClock });
  suite.add('slow-then-fast', fn);
  const task = (await suite.run()).tasks[0]!;
  assert.equal(task.status, 'ok');
  const operations = task.stats!.operations;
  assert.ok(task.stats!.samples >= 20, `${task.stats!.samples} samples kept`);
  const extraShare = timedExtraShare(extras, operations);
  assert.ok(extraShare < 0.02, `timed calls did ${(extraShare * 100).toFixed(2)}% extra work (${operations} timed of ${extras.length} calls)`);
});

/**
 * A task function whose calls each do 2,000 loop steps plus `extraAt(now)` more, with a clock that reads the work
 * done (1,000,000 steps = 1 ms), and the extra steps of every call in order (the timed calls are the last
 * `operations` of them).
 */
function workedCalls(extraAt: (now: number) => number): { workClock: Clock; fn: () => number; extras: number[] } {
  let steps = 0;
  const workClock: Clock = {
    now: () => steps / 1_000_000,
    wallNow: () => Date.now(),
    // no timeout is armed long enough to fire in these tests; a watchdog on this clock would never be due
    setTimeout: () => ({}),
    clearTimeout: () => undefined,
  };
  const extras: number[] = [];
  const fn = (): number => {
    const extra = extraAt(workClock.now());
    extras.push(extra);
    let x = 0;
    for (let i = 0; i < 2000 + extra; i++) x = (x + i * i) % 1_000_003;
    steps += 2000 + extra;
    return x;
  };
  return { workClock, fn, extras };
}

/** The extra work of the last `operations` calls, as a share of their 2,000 steps each. */
function timedExtraShare(extras: readonly number[], operations: number): number {
  const timed = extras.slice(-operations);
  return timed.reduce((a, b) => a + b, 0) / (2000 * timed.length);
}
