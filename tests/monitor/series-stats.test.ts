// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MetricHistory } from '../../src/monitor/metric-history.js';
import { summarizeValues, trendOfSeries } from '../../src/monitor/series-stats.js';
import { snap } from './helpers.js';

function history(points: [number, Record<string, number>][]): MetricHistory {
  const h = new MetricHistory(100);
  for (const [t, v] of points) h.push(snap(t, v));
  return h;
}

void test('windowMs counts back from the newest snapshot; lastSamples takes the last n', () => {
  const h = history([0, 1, 2, 3, 4, 5].map((t) => [t, { x: t }]));
  assert.deepEqual(h.window({ windowMs: 2000 }).map((s) => s.monotonic), [3, 4, 5]);
  assert.deepEqual(h.window({ windowMs: 0 }).map((s) => s.monotonic), [5]);
  assert.deepEqual(h.window({ lastSamples: 2 }).map((s) => s.monotonic), [4, 5]);
  assert.deepEqual(h.window({ lastSamples: 0 }), []);
  assert.deepEqual(h.window({ lastSamples: 50 }).length, 6);
  assert.deepEqual(new MetricHistory(4).window({ windowMs: 1000 }), []);
  assert.throws(() => h.window({ windowMs: -1 }), RangeError);
  assert.throws(() => h.window({ windowMs: Infinity }), RangeError);
  assert.throws(() => h.window({ lastSamples: 1.5 }), TypeError);
});

void test('a window spec names its unit: bare numbers, both keys and unknown keys are refused', () => {
  const h = history([0, 1, 2].map((t) => [t, { x: t }]));
  // @ts-expect-error: a bare number used to mean milliseconds
  assert.throws(() => h.window(2000), /windowMs: 2000/);
  // @ts-expect-error: exactly one of the two
  assert.throws(() => h.window({ windowMs: 1000, lastSamples: 2 }), /exactly one/);
  // @ts-expect-error: neither key is given
  assert.throws(() => h.window({}), /exactly one/);
  // @ts-expect-error: the old count key
  assert.throws(() => h.window({ count: 2 }), /count is not a known window option/);
  // @ts-expect-error: not an object
  assert.throws(() => h.summary('x', null), TypeError);
});

void test('series skips snapshots lacking the metric and NaN values', () => {
  const h = history([
    [0, { x: 1 }],
    [1, { y: 3 }],
    [2, { x: Number.NaN }],
    [3, { x: 4 }],
  ]);
  assert.deepEqual(h.series('x'), { times: [0, 3], values: [1, 4] });
  assert.deepEqual(h.series('process.memory.usage'), { times: [], values: [] });
});

void test('summary gives min, max, mean and quantiles', () => {
  const h = history(Array.from({ length: 100 }, (_, i) => [i, { x: i + 1 }]));
  const s = h.summary('x');
  assert.ok(s);
  assert.equal(s.count, 100);
  assert.equal(s.min, 1);
  assert.equal(s.max, 100);
  assert.equal(s.mean, 50.5);
  assert.equal(s.p50, 50.5);
  assert.ok(s.p95 >= 95 && s.p95 <= 96);
  assert.ok(s.p99 >= 99 && s.p99 <= 100);
  assert.equal(h.summary('process.memory.usage'), undefined);
  assert.equal(summarizeValues([]), undefined);
  assert.equal(h.summary('x', { lastSamples: 10 })?.min, 91);
});

void test('trend fits slope per second, r-squared and direction', () => {
  const rising = history(Array.from({ length: 10 }, (_, i) => [i * 0.5, { x: 10 + 4 * i * 0.5 }]));
  const t = rising.trend('x');
  assert.ok(t);
  assert.ok(Math.abs(t.slope - 4) < 1e-9);
  assert.ok(t.rSquared > 0.999);
  assert.equal(t.direction, 'rising');
  assert.equal(t.samples, 10);

  const falling = history(Array.from({ length: 10 }, (_, i) => [i, { x: 100 - 5 * i + (i % 2) }]));
  assert.equal(falling.trend('x')?.direction, 'falling');

  const flat = history(Array.from({ length: 10 }, (_, i) => [i, { x: 100 + (i % 2 === 0 ? 0.5 : -0.5) }]));
  assert.equal(flat.trend('x')?.direction, 'flat');
  const constant = history(Array.from({ length: 5 }, (_, i) => [i, { x: 0 }]));
  assert.deepEqual(constant.trend('x'), { slope: 0, rSquared: 1, direction: 'flat', samples: 5 });

  assert.equal(history([[0, { x: 1 }]]).trend('x'), undefined);
  assert.equal(trendOfSeries({ times: [1, 1], values: [1, 2] }), undefined);
  assert.throws(() => trendOfSeries({ times: [0, 1], values: [1, 2] }, { tolerance: -1 }), RangeError);
});
