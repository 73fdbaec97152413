// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { noisyHostRule } from '../../../src/detect/bottleneck/rules/noisy-host.js';
import { isInsufficientData } from '../../../src/detect/bottleneck/bottleneck-rule.js';
import type { BottleneckFinding } from '../../../src/core/findings.js';
import { series } from './synthetic.js';

void describe('noisy-host rule', () => {
  const rule = noisyHostRule({ cores: 2 });
  void test('is host-scoped', () => {
    assert.equal(rule.scope, 'host');
  });
  void test('other processes taking CPU: impact is their share; our children are not counted as others', () => {
    // System 90% busy; we use 20% of all cores and our children 0.6 of one core (30% of two cores): others 40%.
    const f = rule.evaluate(series(10, () => ({ 'system.cpu.utilization': 0.9, 'process.cpu.utilization.all_cores': 0.2, 'process.children.cpu.utilization': 0.6 }))) as BottleneckFinding;
    assert.equal(f.severity, 'low');
    assert.ok(Math.abs(f.impact - 40) < 0.1, `impact ${f.impact}`);
  });
  void test('processes watched by label (monitor --pid, the commands exec runs) are not counted as others', () => {
    // System 80% busy on 2 cores; we use 5%, the watched commands 1.5 cores (75%): nobody else
    const watched = rule.evaluate(series(10, () => ({ 'system.cpu.utilization': 0.8, 'process.cpu.utilization.all_cores': 0.05, 'process.child.commands.cpu.utilization': 1.5 })));
    assert.equal(watched, undefined);
    // the same host without the watched figure: 75% taken by others, high
    const unknown = rule.evaluate(series(10, () => ({ 'system.cpu.utilization': 0.8, 'process.cpu.utilization.all_cores': 0.05 }))) as BottleneckFinding;
    assert.equal(unknown.severity, 'medium');
  });
  void test('steal time and load per CPU', () => {
    const steal = rule.evaluate(series(10, () => ({ 'system.cpu.steal': 0.2, 'system.cpu.load_average.1m.per_cpu': 0.5 }))) as BottleneckFinding;
    assert.equal(steal.severity, 'high');
    assert.match(steal.title, /steal/);
    const load = rule.evaluate(series(10, () => ({ 'system.cpu.load_average.1m.per_cpu': 2 }))) as BottleneckFinding;
    assert.equal(load.severity, 'medium');
    assert.equal(load.impact, 50);
  });
  void test('a quiet host gives nothing; no host metrics gives insufficient-data', () => {
    assert.equal(rule.evaluate(series(10, () => ({ 'system.cpu.load_average.1m.per_cpu': 0.3, 'system.cpu.steal': 0, 'system.cpu.utilization': 0.3, 'process.cpu.utilization.all_cores': 0.25 }))), undefined);
    assert.ok(isInsufficientData(rule.evaluate(series(10, () => ({ 'v8js.heap.used': 1 })))));
  });
});
