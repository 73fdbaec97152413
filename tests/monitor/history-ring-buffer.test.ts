// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MetricHistory } from '../../src/monitor/metric-history.js';
import { snap } from './helpers.js';

void test('push evicts the oldest snapshot once full and keeps order', () => {
  const h = new MetricHistory(3);
  assert.equal(h.capacity, 3);
  assert.equal(h.size, 0);
  assert.equal(h.at(0), undefined);
  const s = [0, 1, 2, 3, 4].map((t) => snap(t, { x: t }));
  assert.equal(h.push(s[0]!), undefined);
  h.push(s[1]!);
  h.push(s[2]!);
  assert.equal(h.size, 3);
  assert.equal(h.push(s[3]!), s[0]);
  assert.equal(h.push(s[4]!), s[1]);
  assert.equal(h.size, 3);
  assert.deepEqual(h.toArray().map((x) => x.monotonic), [2, 3, 4]);
  assert.deepEqual([...h].map((x) => x.monotonic), [2, 3, 4]);
  assert.equal(h.at(0), s[2]);
  assert.equal(h.at(-1), s[4]);
  assert.equal(h.at(-3), s[2]);
  assert.equal(h.at(3), undefined);
  assert.equal(h.at(-4), undefined);
  assert.equal(h.newest, s[4]);
  assert.equal(h.oldest, s[2]);
});

void test('clear empties the buffer and it fills again from scratch', () => {
  const h = new MetricHistory(2);
  h.push(snap(0, { x: 0 }));
  h.push(snap(1, { x: 1 }));
  h.push(snap(2, { x: 2 }));
  h.clear();
  assert.equal(h.size, 0);
  assert.deepEqual(h.toArray(), []);
  h.push(snap(5, { x: 5 }));
  assert.deepEqual(h.toArray().map((x) => x.monotonic), [5]);
});

void test('a large number of pushes keeps exactly the last capacity snapshots', () => {
  const h = new MetricHistory(7);
  for (let t = 0; t < 1000; t++) h.push(snap(t, { x: t }));
  assert.deepEqual(h.toArray().map((x) => x.get('x')), [993, 994, 995, 996, 997, 998, 999]);
});

void test('capacity must be a positive integer', () => {
  assert.throws(() => new MetricHistory(0), RangeError);
  assert.throws(() => new MetricHistory(1.5), RangeError);
  assert.throws(() => new MetricHistory('3' as unknown as number), TypeError);
});
