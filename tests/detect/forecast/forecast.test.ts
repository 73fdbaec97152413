// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forecastTimeToLimit } from '../../../src/detect/forecast/forecast.js';
import { postGcFloor } from '../../../src/detect/forecast/post-gc-floor.js';
import { createRng } from '../../../src/stats/rng.js';

function noisy(seed: number, n: number, value: (t: number) => number, noise: number): { times: number[]; values: number[] } {
  const rng = createRng(seed);
  const times = Array.from({ length: n }, (_, i) => 500 + i);
  return { times, values: times.map((t) => value(t - 500) + (rng() - 0.5) * 2 * noise) };
}

void test('linear leak: the interval holds the true time to the limit and the point is close', () => {
  // 300 + 5/s over 120 s: level 900 at the newest point, limit 1400 reached 100 s later.
  const series = noisy(1, 121, (t) => 300 + 5 * t, 10);
  const f = forecastTimeToLimit(series, 1400);
  assert.ok(f !== undefined);
  assert.ok(f.low <= 100 && 100 <= f.high, `[${f.low}, ${f.high}]`);
  assert.ok(Math.abs(f.seconds - 100) < 10, `point ${f.seconds}`);
  assert.equal(f.floor, false);
  assert.equal(f.at, 620);
});

void test('GC sawtooth: the post-GC floor is trended, not the peaks', () => {
  // Floor 300 + 2/s; each 10 s cycle allocates 100 on top, then a collection drops back to the floor.
  const times = Array.from({ length: 121 }, (_, i) => i);
  const values = times.map((t) => 300 + 2 * t + 10 * (t % 10));
  const floor = postGcFloor({ times, values });
  assert.ok(floor !== undefined);
  assert.deepEqual(floor.times, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
  // The floor is at 540 at t = 120 and reaches 1000 after 230 s more.
  const f = forecastTimeToLimit({ times, values }, 1000);
  assert.ok(f !== undefined);
  assert.equal(f.floor, true);
  assert.ok(Math.abs(f.seconds - 230) < 1, `point ${f.seconds}`);
  assert.ok(f.low <= 230 && 230 <= f.high);
  // Without the floor the peaks pull the level up: a shorter, wrong answer.
  const raw = forecastTimeToLimit({ times, values }, 1000, { sawtooth: false });
  assert.ok(raw !== undefined && raw.seconds < 220, `raw ${raw?.seconds}`);
});

void test('silent on a flat noisy series, on a trend away from the limit and on a leak that stopped', () => {
  for (let seed = 1; seed <= 20; seed++) assert.equal(forecastTimeToLimit(noisy(seed, 121, () => 500, 20), 1000), undefined, `flat seed ${seed}`);
  assert.equal(forecastTimeToLimit(noisy(3, 121, (t) => 900 - 2 * t, 5), 1000), undefined);
  assert.equal(forecastTimeToLimit(noisy(4, 121, (t) => 300 + 4 * Math.min(t, 60), 5), 1000), undefined);
  assert.equal(forecastTimeToLimit(noisy(5, 5, (t) => 300 + 4 * t, 0), 1000), undefined, 'fewer than minPoints');
});

void test('a falling metric reaches a limit below it (free disk space toward zero)', () => {
  const f = forecastTimeToLimit(noisy(6, 61, (t) => 10_000 - 50 * t, 30), 0);
  assert.ok(f !== undefined);
  assert.ok(f.slope < 0);
  assert.ok(f.low <= 140 && 140 <= f.high, `[${f.low}, ${f.high}]`);
});

void test('options are validated by the one voice', () => {
  const s = noisy(7, 20, (t) => t, 0);
  assert.throws(() => forecastTimeToLimit(s, 100, { confidence: 1.5 }), RangeError);
  assert.throws(() => forecastTimeToLimit(s, 100, { minPoints: 2 }), RangeError);
  assert.throws(() => forecastTimeToLimit(s, 100, { sawtooth: 'yes' as unknown as boolean }), RangeError);
  assert.throws(() => forecastTimeToLimit(s, 100, { maxPoint: 10 } as never), /did you mean maxPoints/);
  assert.throws(() => forecastTimeToLimit(s, 100, { slowdownNearLimit: 0.5 }), RangeError);
});

void test('slowdownNearLimit stretches only the latest end, by s ln s / (s - 1)', () => {
  const series = noisy(8, 121, (t) => 300 + 5 * t, 10);
  const straight = forecastTimeToLimit(series, 1400);
  const slowing = forecastTimeToLimit(series, 1400, { slowdownNearLimit: 5 });
  assert.ok(straight !== undefined && slowing !== undefined);
  assert.equal(slowing.seconds, straight.seconds);
  assert.equal(slowing.low, straight.low);
  // a rate falling linearly (in the distance covered) to a fifth takes 5 ln 5 / 4 = 2.01 times as long
  assert.ok(Math.abs(slowing.high / straight.high - (5 * Math.log(5)) / 4) < 1e-9, `${slowing.high} vs ${straight.high}`);
});

void test('the post-GC floor is never placed above the newest value (growth slowed since the last collection)', () => {
  // Floor 300 + 2/s with a collection every 10 s, then for the last 9 s the metric stays at 520,
  // below the floor line's 540 at t = 120: the level is the newest value, so the limit is further away.
  const times = Array.from({ length: 121 }, (_, i) => i);
  const values = times.map((t) => (t <= 111 ? 300 + 2 * t + 10 * (t % 10) : 520));
  const f = forecastTimeToLimit({ times, values }, 1000);
  assert.ok(f !== undefined && f.floor);
  assert.equal(f.level, 520);
  assert.ok(f.seconds > 235, `point ${f.seconds}`);
});
