// parallel-safe: pure computation on fixed inputs
// describeSamples reports a trimmed mean beside the median, and says what its interval covers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeSamples } from '../../src/stats/describe.js';

void test('the trimmed mean leaves out the fastest and slowest 10%: one wild sample cannot move it, a right tail lifts it above the median', () => {
  // 20 samples: 1..20 ms, then the slowest replaced by a 1 s interrupt
  const samples = Array.from({ length: 20 }, (_, i) => (i + 1) / 1000);
  const wild = [...samples.slice(0, 19), 1];
  const a = describeSamples(samples, { batchSize: 1, resolution: 1e-9 });
  const b = describeSamples(wild, { batchSize: 1, resolution: 1e-9 });
  // 2 samples cut at each end: the mean of 3..18 ms
  assert.equal(a.trimmedMean, 0.0105);
  assert.equal(b.trimmedMean, a.trimmedMean);
  assert.ok(b.mean > 0.05);
  // a right-skewed set (most fast, a tail of slower ones): median < trimmed mean < mean
  const skewed = [...Array.from({ length: 30 }, () => 1e-3), ...Array.from({ length: 10 }, (_, i) => 1.2e-3 + i * 1e-4)];
  const s = describeSamples(skewed, { batchSize: 1, resolution: 1e-9 });
  assert.ok(s.median < (s.trimmedMean ?? 0) && (s.trimmedMean ?? Infinity) < s.mean, `${s.median} ${String(s.trimmedMean)} ${s.mean}`);
});

void test('one process: the interval says it covers within-process noise only', () => {
  const s = describeSamples([1e-3, 1.1e-3, 0.9e-3], { batchSize: 1, resolution: 1e-9 });
  assert.equal(s.intervalCovers, 'one process: the interval covers within-process noise only');
});
