// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { heapNearLimitRule } from '../../../src/detect/bottleneck/rules/heap-near-limit.js';
import { cpuSaturationRule } from '../../../src/detect/bottleneck/rules/cpu-saturation.js';
import { isInsufficientData } from '../../../src/detect/bottleneck/bottleneck-rule.js';
import type { BottleneckFinding } from '../../../src/core/findings.js';
import { series } from './synthetic.js';

void describe('heap-near-limit rule', () => {
  const rule = heapNearLimitRule();
  void test('rates the recent used/limit ratio; impact is that ratio in percent', () => {
    const f = rule.evaluate(series(5, (i) => ({ 'v8js.heap.used': i < 2 ? 100 : 920, 'v8js.heap.limit': 1000 }))) as BottleneckFinding;
    assert.equal(f.severity, 'high');
    assert.equal(f.impact, 92);
    const critical = rule.evaluate(series(5, () => ({ 'v8js.heap.used': 969, 'v8js.heap.limit': 1000 }))) as BottleneckFinding;
    assert.equal(critical.severity, 'critical');
    assert.equal(rule.evaluate(series(5, () => ({ 'v8js.heap.used': 500, 'v8js.heap.limit': 1000 }))), undefined);
  });
  void test('insufficient without the limit', () => {
    assert.ok(isInsufficientData(rule.evaluate(series(5, () => ({ 'v8js.heap.used': 500 })))));
  });
});

void describe('cpu-saturation rule', () => {
  const rule = cpuSaturationRule();
  void test('a process using every core is saturated; one busy core of two is not', () => {
    const f = rule.evaluate(series(10, () => ({ 'process.cpu.utilization.all_cores': 0.98, 'process.cpu.utilization': 1.96 }))) as BottleneckFinding;
    assert.equal(f.severity, 'high');
    assert.equal(f.impact, 98);
    assert.equal(rule.evaluate(series(10, () => ({ 'process.cpu.utilization.all_cores': 0.5, 'process.cpu.utilization': 1 }))), undefined);
  });
  void test('insufficient with fewer than 3 samples', () => {
    assert.ok(isInsufficientData(rule.evaluate(series(2, () => ({ 'process.cpu.utilization.all_cores': 1 })))));
  });
});
