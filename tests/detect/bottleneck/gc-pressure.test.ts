// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gcPressureRule } from '../../../src/detect/bottleneck/rules/gc-pressure.js';
import { isInsufficientData } from '../../../src/detect/bottleneck/bottleneck-rule.js';
import type { BottleneckFinding } from '../../../src/core/findings.js';
import { series } from './synthetic.js';

const rule = gcPressureRule();

void describe('gc-pressure rule', () => {
  void test('rates the GC time share of the window and reports it as impact', () => {
    // 0.025 s of pause per 0.1 s interval: 25% of wall time.
    const f = rule.evaluate(series(11, () => ({ 'v8js.gc.duration': 0.025, 'v8js.gc.count': 5, 'v8js.gc.duration.minor': 0.025 }))) as BottleneckFinding;
    assert.equal(f.severity, 'high');
    assert.ok(Math.abs(f.impact - 25) < 0.1, `impact ${f.impact}`);
    assert.match(f.title, /churn/);
  });

  void test('ignores the oldest snapshot, whose value covers time before the window', () => {
    const window = series(5, (i) => ({ 'v8js.gc.duration': i === 0 ? 10 : 0 }));
    assert.equal(rule.evaluate(window), undefined);
  });

  void test('major collections dominating are titled as a large live heap', () => {
    const f = rule.evaluate(series(11, () => ({ 'v8js.gc.duration': 0.06, 'v8js.gc.duration.major': 0.05, 'v8js.gc.duration.minor': 0.01 }))) as BottleneckFinding;
    assert.equal(f.severity, 'critical');
    assert.match(f.title, /major/);
  });

  void test('quiet under 5%, insufficient without the metric', () => {
    assert.equal(rule.evaluate(series(11, () => ({ 'v8js.gc.duration': 0.002 }))), undefined);
    assert.ok(isInsufficientData(rule.evaluate(series(11, () => ({ 'v8js.heap.used': 1 })))));
  });
});
