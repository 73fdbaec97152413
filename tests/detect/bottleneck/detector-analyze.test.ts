// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BottleneckDetector, compareFindings } from '../../../src/detect/bottleneck/bottleneck-detector.js';
import { insufficientData, type BottleneckRule } from '../../../src/detect/bottleneck/bottleneck-rule.js';
import { builtinBottleneckRules } from '../../../src/detect/bottleneck/rules/builtin.js';
import { isRuneBenchError } from '../../../src/core/errors.js';
import type { BottleneckFinding, Severity } from '../../../src/core/findings.js';
import type { MetricSnapshot } from '../../../src/core/snapshot.js';
import { MetricHistory } from '../../../src/monitor/metric-history.js';
import { series } from './synthetic.js';

function fixed(id: string, severity: Severity, impact: number, scope?: 'host'): BottleneckRule {
  return {
    id,
    title: id,
    ...(scope === undefined ? {} : { scope }),
    evaluate: (window: readonly MetricSnapshot[]): BottleneckFinding => ({
      ruleId: id,
      title: id,
      severity,
      impact,
      confidence: 1,
      evidence: [],
      recommendation: '',
      window: { start: window[0]!.monotonic, end: window.at(-1)!.monotonic, samples: window.length },
    }),
  };
}

void describe('BottleneckDetector.analyze', () => {
  void test('orders findings by severity, then impact; host findings apart; top is the first process finding', () => {
    const detector = new BottleneckDetector({
      rules: [fixed('a', 'medium', 90), fixed('b', 'high', 10), fixed('c', 'medium', 95), fixed('h', 'critical', 50, 'host'), { id: 'quiet', title: 'q', evaluate: () => undefined }],
    });
    const report = detector.analyze(series(5, () => ({ x: 1 })));
    assert.deepEqual(report.findings.map((f) => f.ruleId), ['b', 'c', 'a']);
    assert.equal(report.top?.ruleId, 'b');
    assert.deepEqual(report.host.map((f) => f.ruleId), ['h']);
    assert.equal(report.lowConfidence, true);
    assert.deepEqual(report.window, { start: 100, end: 100.4, samples: 5 });
    assert.ok(compareFindings(report.findings[0]!, report.findings[1]!) < 0);
  });

  void test('a throwing rule is reported with ERR_RULE_FAILED and does not stop the others', () => {
    const detector = new BottleneckDetector({ rules: [{ id: 'boom', title: 'b', evaluate: () => { throw new Error('kaput'); } }, fixed('ok', 'low', 1)] });
    const report = detector.analyze(series(3, () => ({ x: 1 })));
    assert.equal(report.errors.length, 1);
    assert.equal(report.errors[0]!.ruleId, 'boom');
    assert.ok(isRuneBenchError(report.errors[0]!.error, 'ERR_RULE_FAILED'));
    assert.equal(report.top?.ruleId, 'ok');
  });

  void test('insufficient data is collected, not turned into findings; an empty window is insufficient for every rule', () => {
    const detector = new BottleneckDetector();
    const report = detector.analyze(series(2, () => ({ 'v8js.heap.used': 1 })));
    assert.equal(report.findings.length, 0);
    assert.ok(report.insufficient.some((i) => i.ruleId === 'event-loop-blocked'));
    const empty = detector.analyze([]);
    assert.equal(empty.insufficient.length, builtinBottleneckRules().length);
  });

  void test('takes any iterable and an optional window (newest part only)', () => {
    const detector = new BottleneckDetector({
      rules: [{ id: 'count', title: 'c', evaluate: (w) => insufficientData('count', w, String(w.length)) }],
    });
    const snaps = series(50, () => ({ x: 1 }));
    const iterable = { *[Symbol.iterator]() { yield* snaps; } };
    assert.equal(detector.analyze(iterable).insufficient[0]!.reason, '50');
    assert.equal(detector.analyze(snaps, { lastSamples: 7 }).insufficient[0]!.reason, '7');
    // 1000 ms back from the newest (t = 104.9): snapshots at 103.9 .. 104.9.
    assert.equal(detector.analyze(snaps, { windowMs: 1000 }).insufficient[0]!.reason, '11');
  });

  void test('selects exactly the snapshots the monitor history selects, by time and by count', () => {
    const detector = new BottleneckDetector({
      rules: [{ id: 'span', title: 's', evaluate: (w) => insufficientData('span', w, w.map((x) => x.monotonic).join(',')) }],
    });
    const history = new MetricHistory(100);
    const snaps = series(30, () => ({ x: 1 }));
    for (const s of snaps) history.push(s);
    for (const spec of [{ windowMs: 1 }, { windowMs: 250 }, { windowMs: 1000 }, { windowMs: 1e6 }, { lastSamples: 1 }, { lastSamples: 12 }, { lastSamples: 99 }]) {
      const expected = history.window(spec).map((x) => x.monotonic).join(',');
      assert.equal(detector.analyze(snaps, spec).insufficient[0]!.reason, expected, JSON.stringify(spec));
    }
  });

  void test('custom rules plug in beside the built-ins; ids are unique', () => {
    const detector = new BottleneckDetector();
    detector.addRule(fixed('vcs-pack-latency', 'high', 30));
    assert.equal(detector.analyze(series(3, () => ({ x: 1 }))).top?.ruleId, 'vcs-pack-latency');
    assert.throws(() => detector.addRule(fixed('vcs-pack-latency', 'low', 1)), (e: unknown) => isRuneBenchError(e, 'ERR_DUPLICATE'));
    assert.equal(detector.removeRule('vcs-pack-latency'), true);
    assert.equal(detector.removeRule('vcs-pack-latency'), false);
    assert.equal(detector.rules.length, builtinBottleneckRules().length);
  });

  void test('validates options and rules', () => {
    assert.throws(() => new BottleneckDetector({ windowMs: 0 }), /windowMs/);
    assert.throws(() => new BottleneckDetector({ lastSamples: 0 }), /lastSamples/);
    assert.throws(() => new BottleneckDetector({ lastSamples: 2.5 }), /lastSamples/);
    assert.throws(() => new BottleneckDetector({ windowMs: 1000, lastSamples: 3 }), TypeError);
    // the old unit-less name is refused, with the new one suggested
    // @ts-expect-error: window was renamed windowMs
    assert.throws(() => new BottleneckDetector({ window: 1000 }), /did you mean windowMs/);
    assert.throws(() => new BottleneckDetector().analyze([], { windowMs: -1 }), RangeError);
    // @ts-expect-error: a bare number is not a window
    assert.throws(() => new BottleneckDetector().analyze([], 1000), TypeError);
    assert.throws(() => new BottleneckDetector({ raiseAfter: 0 }), /raiseAfter/);
    assert.throws(() => new BottleneckDetector({ clearAfter: 1.5 }), /clearAfter/);
    assert.throws(() => new BottleneckDetector({ evaluateEvery: -1 }), /evaluateEvery/);
    assert.throws(() => new BottleneckDetector().addRule({ id: '', title: 'x', evaluate: () => undefined }), TypeError);
  });
});
