// parallel-safe: synthetic series
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { childProcessRule } from '../../../src/detect/bottleneck/rules/child-process.js';
import { cacheEfficiencyRule } from '../../../src/detect/bottleneck/rules/cache-efficiency.js';
import { fdLeakRule } from '../../../src/detect/bottleneck/rules/fd-leak.js';
import { isInsufficientData } from '../../../src/detect/bottleneck/bottleneck-rule.js';
import type { BottleneckFinding } from '../../../src/core/findings.js';
import { jitter, series } from './synthetic.js';

void describe('child-process rule', () => {
  const rule = childProcessRule();
  void test('children outweighing the process: impact is their share of the CPU', () => {
    const f = rule.evaluate(series(10, () => ({ 'process.children.cpu.utilization': 0.6, 'process.cpu.utilization': 0.4 }))) as BottleneckFinding;
    assert.equal(f.severity, 'high');
    assert.equal(f.impact, 60);
  });
  void test('watched children (process.child.<label>) count too', () => {
    const f = rule.evaluate(series(10, () => ({ 'process.children.cpu.utilization': 0, 'process.child.git.cpu.utilization': 0.5, 'process.cpu.utilization': 0.5 }))) as BottleneckFinding;
    assert.equal(f.impact, 50);
  });
  void test('kernel-heavy own CPU (fork/exec/pipes) marks spawn-per-operation and raises one band', () => {
    const plain = rule.evaluate(series(10, () => ({ 'process.children.cpu.utilization': 0.3, 'process.cpu.utilization': 0.4 }))) as BottleneckFinding;
    const spawny = rule.evaluate(
      series(10, (i) => ({ 'process.children.cpu.utilization': 0.3, 'process.cpu.utilization': 0.4, 'process.cpu.time.user': i * 0.02, 'process.cpu.time.system': i * 0.02 })),
    ) as BottleneckFinding;
    assert.equal(plain.severity, 'medium');
    assert.equal(spawny.severity, 'high');
    assert.match(spawny.title, /spawn/);
  });
  void test('a few idle children are not a bottleneck; no children metric is insufficient', () => {
    assert.equal(rule.evaluate(series(10, () => ({ 'process.children.cpu.utilization': 0.04, 'process.cpu.utilization': 0.01 }))), undefined);
    assert.ok(isInsufficientData(rule.evaluate(series(10, () => ({ 'process.cpu.utilization': 1 })))));
  });

  void test('children exactly at minChildCpu count (>=): the window mean of ten 0.05 is 0.05, not 0.04999…', () => {
    // the old private mean summed naively and rounded just below the threshold, so this window gave nothing
    const f = rule.evaluate(series(10, () => ({ 'process.children.cpu.utilization': 0.05, 'process.cpu.utilization': 0.01 })));
    assert.ok(f !== undefined && !isInsufficientData(f));
    assert.equal(f.evidence[0]?.value, 0.05);
  });
});

void describe('cache-efficiency rule', () => {
  const rule = cacheEfficiencyRule();
  void test('the worst cache by miss ratio over the window; thrashing raises it', () => {
    const window = series(10, (i) => ({
      'cache.trees.hits': 900 * i,
      'cache.trees.misses': 100 * i,
      'cache.objects.hits': 100 * i,
      'cache.objects.misses': 400 * i,
      'cache.objects.evictions': 400 * i,
      'cache.objects.size': 100,
    }));
    const f = rule.evaluate(window) as BottleneckFinding;
    assert.match(f.title, /objects.*thrashing/);
    assert.equal(f.impact, 80);
    assert.equal(f.severity, 'high');
  });
  void test('a healthy cache gives nothing; too few lookups is insufficient', () => {
    assert.equal(rule.evaluate(series(10, (i) => ({ 'cache.a.hits': 95 * i, 'cache.a.misses': 5 * i }))), undefined);
    assert.ok(isInsufficientData(rule.evaluate(series(10, (i) => ({ 'cache.a.hits': i, 'cache.a.misses': i })))));
    assert.ok(isInsufficientData(rule.evaluate(series(10, () => ({ 'v8js.heap.used': 1 })))));
  });
  void test('falls back on hit_ratio when counters are absent', () => {
    const f = rule.evaluate(series(10, () => ({ 'cache.x.hit_ratio': 0.4 }))) as BottleneckFinding;
    assert.equal(f.severity, 'medium');
    assert.equal(f.impact, 60);
  });
});

void describe('fd-leak rule', () => {
  const rule = fdLeakRule({ limit: 1024 });
  void test('rising descriptors are a leak, rated by time to the limit', () => {
    const rnd = jitter(3);
    // 20 fds per second from 50: (1024 - ~108) / 20 = ~46 s to the limit: critical.
    const f = rule.evaluate(series(30, (_i, t) => ({ 'process.open_fds': Math.round(50 + 20 * (t - 100) + rnd() * 2) }))) as BottleneckFinding;
    assert.equal(f.severity, 'critical');
    assert.equal(f.ruleId, 'fd-leak');
  });
  void test('a reported limit (process.open_fds.limit) wins over the option', () => {
    const f = rule.evaluate(series(30, (_i, t) => ({ 'process.open_fds': 50 + 20 * (t - 100), 'process.open_fds.limit': 1_000_000 }))) as BottleneckFinding;
    assert.equal(f.severity, 'low');
  });
  void test('stable or oscillating descriptors are fine', () => {
    assert.equal(rule.evaluate(series(30, (i) => ({ 'process.open_fds': 40 + (i % 2) * 10 }))), undefined);
  });
});
