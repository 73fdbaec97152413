// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ioWaitRule } from '../../../src/detect/bottleneck/rules/io-wait.js';
import { diskSaturationRule } from '../../../src/detect/bottleneck/rules/disk-saturation.js';
import { isInsufficientData } from '../../../src/detect/bottleneck/bottleneck-rule.js';
import type { BottleneckFinding } from '../../../src/core/findings.js';
import { series } from './synthetic.js';

const MiB = 2 ** 20;

void describe('io-wait rule', () => {
  const rule = ioWaitRule();
  void test('an idle main thread with disk I/O in flight is I/O-wait bound; impact is the idle share', () => {
    const f = rule.evaluate(series(10, () => ({ 'nodejs.eventloop.utilization': 0.2, 'process.disk.io.write.rate': 8 * MiB, 'process.disk.io.read.rate': 0 }))) as BottleneckFinding;
    assert.equal(f.severity, 'high');
    assert.equal(f.impact, 80);
  });
  void test('no I/O (an idle process) or a busy main thread is not I/O-wait', () => {
    assert.equal(rule.evaluate(series(10, () => ({ 'nodejs.eventloop.utilization': 0.01, 'process.disk.io.write.rate': 0, 'process.disk.io.read.rate': 0 }))), undefined);
    assert.equal(rule.evaluate(series(10, () => ({ 'nodejs.eventloop.utilization': 0.9, 'process.disk.io.write.rate': 50 * MiB }))), undefined);
  });
  void test('occasional I/O in a few samples is not enough', () => {
    assert.equal(rule.evaluate(series(10, (i) => ({ 'nodejs.eventloop.utilization': 0.1, 'process.disk.io.write.rate': i < 3 ? 20 * MiB : 0 }))), undefined);
  });
  void test('insufficient without disk I/O rates', () => {
    assert.ok(isInsufficientData(rule.evaluate(series(10, () => ({ 'nodejs.eventloop.utilization': 0.1 })))));
  });
});

void describe('disk-saturation rule', () => {
  const rule = diskSaturationRule();
  void test('rates busy time; impact is the utilization in percent', () => {
    const f = rule.evaluate(series(10, () => ({ 'system.disk.utilization': 0.97, 'process.disk.io.write.rate': 10 * MiB }))) as BottleneckFinding;
    assert.equal(f.severity, 'high');
    assert.equal(f.impact, 97);
  });
  void test('a disk busy with other processes\' work is capped at low', () => {
    const f = rule.evaluate(series(10, () => ({ 'system.disk.utilization': 0.97, 'process.disk.io.write.rate': 0, 'process.disk.io.read.rate': 0 }))) as BottleneckFinding;
    assert.equal(f.severity, 'low');
    assert.match(f.title, /other/);
  });
  void test('quiet below 60%, insufficient without the metric', () => {
    assert.equal(rule.evaluate(series(10, () => ({ 'system.disk.utilization': 0.3 }))), undefined);
    assert.ok(isInsufficientData(rule.evaluate(series(10, () => ({ 'process.disk.io.write.rate': 1 })))));
  });
});
