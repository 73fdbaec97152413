// parallel-safe: synthetic series
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventLoopBlockedRule } from '../../../src/detect/bottleneck/rules/event-loop-blocked.js';
import { isInsufficientData } from '../../../src/detect/bottleneck/bottleneck-rule.js';
import type { BottleneckFinding } from '../../../src/core/findings.js';
import { series } from './synthetic.js';

const rule = eventLoopBlockedRule();
const row = (p50: number, max: number, elu = 0.9, gc = 0) => ({
  'nodejs.eventloop.delay.p50': p50,
  'nodejs.eventloop.delay.p99': max,
  'nodejs.eventloop.delay.max': max,
  'nodejs.eventloop.utilization': elu,
  'v8js.gc.duration': gc,
});

void describe('event-loop-blocked rule', () => {
  void test('quiet below clinic thresholds (p50 < 10 ms, max < 100 ms)', () => {
    assert.equal(rule.evaluate(series(10, () => row(0.004, 0.05, 0.3))), undefined);
  });

  void test('p50 >= 10 ms is medium, >= 50 ms high, >= 250 ms critical', () => {
    const sev = (p50: number) => (rule.evaluate(series(10, () => row(p50, p50 * 2))) as BottleneckFinding).severity;
    assert.equal(sev(0.012), 'medium');
    assert.equal(sev(0.06), 'high');
    assert.equal(sev(0.3), 'critical');
  });

  void test('a single stall (max >= 100 ms) with a low median is low, titled as stalls', () => {
    const f = rule.evaluate(series(10, (i) => row(0.002, i === 5 ? 0.15 : 0.01))) as BottleneckFinding;
    assert.equal(f.severity, 'low');
    assert.match(f.title, /stall/i);
  });

  void test('impact is the busy share minus the GC share, in percent', () => {
    // ELU 0.9 and GC 0.02 s per 0.1 s interval (20%): 70% of the time went to JavaScript callbacks.
    const f = rule.evaluate(series(10, () => row(0.03, 0.06, 0.9, 0.02))) as BottleneckFinding;
    assert.ok(Math.abs(f.impact - 70) < 0.2, `impact ${f.impact}`);
    assert.equal(f.ruleId, 'event-loop-blocked');
    assert.equal(f.window.samples, 10);
    assert.match(f.recommendation, /worker/);
  });

  void test('blocking explained by spawning (children CPU, kernel-heavy own CPU) steps down one band', () => {
    const spawning = (i: number) => ({
      ...row(0.03, 0.06),
      'process.cpu.utilization': 0.3,
      'process.children.cpu.utilization': 0.4,
      'process.cpu.time.user': i * 0.015,
      'process.cpu.time.system': i * 0.015,
    });
    const f = rule.evaluate(series(10, spawning)) as BottleneckFinding;
    assert.equal(f.severity, 'low');
    assert.match(f.title, /spawning/);
    assert.match(f.recommendation, /cat-file --batch/);
    const own = rule.evaluate(series(10, (i) => ({ ...spawning(i), 'process.children.cpu.utilization': 0 }))) as BottleneckFinding;
    assert.equal(own.severity, 'medium');
  });

  void test('missing delay metrics or too few samples give insufficient-data, not a guess', () => {
    const none = rule.evaluate(series(10, () => ({ 'process.cpu.utilization': 1 })));
    assert.ok(isInsufficientData(none));
    assert.deepEqual(none.missing, ['nodejs.eventloop.delay.p50', 'nodejs.eventloop.delay.max']);
    assert.ok(isInsufficientData(rule.evaluate(series(2, () => row(0.5, 1)))));
  });

  void test('validates its options', () => {
    assert.throws(() => eventLoopBlockedRule({ p50: { low: 0.1, medium: 0.01, high: 1, critical: 2 } }), RangeError);
    assert.throws(() => eventLoopBlockedRule({ minSamples: 0 }), /minSamples/);
  });
});
