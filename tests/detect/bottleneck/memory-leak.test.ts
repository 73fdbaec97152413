// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { memoryLeakRule } from '../../../src/detect/bottleneck/rules/memory-leak.js';
import { isInsufficientData } from '../../../src/detect/bottleneck/bottleneck-rule.js';
import type { BottleneckFinding } from '../../../src/core/findings.js';
import { jitter, series } from './synthetic.js';

const MiB = 2 ** 20;
const rule = memoryLeakRule();
const limit = 4096 * MiB;

void describe('memory-leak rule', () => {
  void test('a steadily rising post-GC heap confirmed across a major GC is a leak, rated by time to the limit', () => {
    const rnd = jitter(1);
    // 40 MiB/s retained; a major GC at i = 10 collects only the garbage on top.
    const window = series(30, (i, t) => ({
      'v8js.heap.used': 50 * MiB + 40 * MiB * (t - 100) + rnd() * 2 * MiB,
      'v8js.heap.limit': limit,
      'v8js.gc.count': 1,
      'v8js.gc.duration.major': i === 10 ? 0.05 : 0,
    }));
    const f = rule.evaluate(window) as BottleneckFinding;
    assert.equal(f.ruleId, 'memory-leak');
    // (4096 - ~166) MiB at 40 MiB/s is about 100 s: critical (<= 10 min).
    assert.equal(f.severity, 'critical');
    assert.equal(f.impact, 100);
    assert.match(f.title, /^Memory leak/);
    const slope = f.evidence.find((e) => e.metric.includes('slope'));
    assert.ok(slope !== undefined && Math.abs(slope.value - 40 * MiB) < 2 * MiB, `slope ${slope?.value}`);
  });

  void test('slow leaks are rated lower: about 1 h 40 min to the limit is medium', () => {
    const slow = series(30, (i, t) => ({ 'v8js.heap.used': 500 * MiB + 600 * 1024 * (t - 100), 'v8js.heap.limit': limit, 'v8js.gc.count': 1, 'v8js.gc.duration.major': i === 5 ? 0.01 : 0 }), 10);
    // 600 KiB/s, about 3600 MiB left: ~6100 s, between 1 h and 6 h.
    assert.equal((rule.evaluate(slow) as BottleneckFinding).severity, 'medium');
  });

  void test('promoted garbage that full GCs take back is not a leak', () => {
    // The floor rises 10 MiB/s between major GCs (i = 5, 15, 25), each of which takes it back to 30 MiB.
    const window = series(30, (i) => ({
      'v8js.heap.used': 30 * MiB + MiB * (i % 10 === 5 ? 0 : (i + 5) % 10),
      'v8js.heap.limit': limit,
      'v8js.gc.count': 3,
      'v8js.gc.duration.major': i % 10 === 5 ? 0.02 : 0,
    }));
    assert.equal(rule.evaluate(window), undefined);
  });

  void test('a single full GC that reclaims much leaves the rise unconfirmed: medium if the heap doubled, else low', () => {
    const window = (rate: number) =>
      series(30, (i, t) => ({
        'v8js.heap.used': i < 10 ? 60 * MiB + rate * (t - 100) : 30 * MiB + rate * (t - 101),
        'v8js.heap.limit': 400 * MiB,
        'v8js.gc.count': 3,
        'v8js.gc.duration.major': i === 10 ? 0.02 : 0,
      }));
    // From 30 MiB after the full GC: +38 MiB (doubled) at 20 MiB/s, +19 MiB at 10 MiB/s.
    const fast = rule.evaluate(window(20 * MiB)) as BottleneckFinding;
    assert.equal(fast.severity, 'medium');
    assert.match(fast.title, /not confirmed/);
    assert.equal((rule.evaluate(window(10 * MiB)) as BottleneckFinding).severity, 'low');
  });

  void test('without a major GC the leak is unconfirmed: capped at medium, lower confidence', () => {
    const window = series(30, (_i, t) => ({ 'v8js.heap.used': 50 * MiB + 40 * MiB * (t - 100), 'v8js.heap.limit': limit, 'v8js.gc.count': 1 }));
    const f = rule.evaluate(window) as BottleneckFinding;
    assert.equal(f.severity, 'medium');
    assert.ok(f.confidence <= 0.5);
    assert.match(f.title, /Possible/);
  });

  void test('a flat or noisy heap is not a leak', () => {
    const rnd = jitter(7);
    assert.equal(rule.evaluate(series(30, () => ({ 'v8js.heap.used': 80 * MiB + rnd() * 20 * MiB, 'v8js.heap.limit': limit, 'v8js.gc.count': 1 }))), undefined);
  });

  void test('too few post-GC samples is insufficient data (an idle process allocating slowly)', () => {
    const window = series(30, (i, t) => ({ 'v8js.heap.used': 10 * MiB + MiB * (t - 100), 'v8js.gc.count': i === 15 ? 1 : 0 }));
    const r = rule.evaluate(window);
    assert.ok(isInsufficientData(r));
    assert.match(r.reason, /post-GC/);
  });
});
