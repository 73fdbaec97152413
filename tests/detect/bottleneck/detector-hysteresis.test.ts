// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BottleneckDetector } from '../../../src/detect/bottleneck/bottleneck-detector.js';
import type { BottleneckRule } from '../../../src/detect/bottleneck/bottleneck-rule.js';
import type { BottleneckEvent } from '../../../src/detect/bottleneck/bottleneck-tracker.js';
import type { MetricSnapshot } from '../../../src/core/snapshot.js';
import { eventLoopBlockedRule } from '../../../src/detect/bottleneck/rules/event-loop-blocked.js';
import { series } from './synthetic.js';

// The metric the scripted rule reads, declared as a user declares their own (MetricRegistry).
declare module '../../../src/core/metric-names.js' {
  interface MetricRegistry {
    sev: '1';
  }
}

/** A rule that reads the newest snapshot's `sev` metric: 0 none, 1 low, 2 medium, 3 high, -1 insufficient. */
const scripted: BottleneckRule = {
  id: 'scripted',
  title: 'Scripted',
  evaluate(window: readonly MetricSnapshot[]) {
    const v = window.at(-1)!.get('sev') ?? 0;
    if (v === 0) return undefined;
    if (v < 0) return { kind: 'insufficient-data', ruleId: 'scripted', reason: 'scripted', missing: [], samples: window.length };
    const severity = (['low', 'medium', 'high'] as const)[v - 1]!;
    return { ruleId: 'scripted', title: 'Scripted', severity, impact: v * 10, confidence: 1, evidence: [], recommendation: '', window: { start: 0, end: 0, samples: window.length } };
  },
};

function drive(levels: readonly number[], options = {}): BottleneckEvent[] {
  const detector = new BottleneckDetector({ rules: [scripted], ...options });
  const events: BottleneckEvent[] = [];
  detector.on('bottleneck', (e) => events.push(e));
  const snaps = series(levels.length, (i) => ({ sev: levels[i]! }));
  for (let i = 0; i < snaps.length; i++) detector.observe(snaps.slice(0, i + 1));
  return events;
}

const summary = (events: readonly BottleneckEvent[]) => events.map((e) => `${e.change}:${e.finding.severity}`);

void describe('live hysteresis', () => {
  void test('a finding is raised after 2 evaluations in a row and cleared after 3 without it', () => {
    assert.deepEqual(summary(drive([0, 2, 2, 2, 0, 0, 0, 0])), ['raised:medium', 'cleared:medium']);
  });

  void test('a flapping signal does not spam: one raise, no clear while it keeps coming back', () => {
    const flapping = [2, 0, 2, 2, 0, 2, 0, 0, 2, 0, 2, 0, 0, 2, 2, 0];
    assert.deepEqual(summary(drive(flapping)), ['raised:medium']);
    // Without hysteresis, the same signal would have produced an event per flip.
    assert.ok(summary(drive(flapping, { raiseAfter: 1, clearAfter: 1 })).length >= 10);
  });

  void test('severity changes are reported once they persist, not on a single blip', () => {
    assert.deepEqual(summary(drive([2, 2, 3, 2, 3, 3, 3, 1, 1])), ['raised:medium', 'changed:high', 'changed:low']);
    const changed = drive([2, 2, 3, 3]).find((e) => e.change === 'changed');
    assert.equal(changed?.previousSeverity, 'medium');
  });

  void test('insufficient data neither raises nor clears', () => {
    assert.deepEqual(summary(drive([2, 2, -1, -1, -1, -1, 0, 0, 0])), ['raised:medium', 'cleared:medium']);
    assert.deepEqual(summary(drive([2, -1, 2, -1])), ['raised:medium']);
  });

  void test('active lists findings in force; removing a rule clears its finding', () => {
    const detector = new BottleneckDetector({ rules: [scripted] });
    const events: BottleneckEvent[] = [];
    detector.on('bottleneck', (e) => events.push(e));
    const snaps = series(3, () => ({ sev: 3 }));
    detector.observe(snaps.slice(0, 2));
    detector.observe(snaps);
    assert.equal(detector.active[0]?.severity, 'high');
    detector.removeRule('scripted');
    assert.equal(detector.active.length, 0);
    assert.deepEqual(summary(events), ['raised:high', 'cleared:high']);
  });

  void test('a real rule over a flapping delay signal raises once', () => {
    const detector = new BottleneckDetector({ rules: [eventLoopBlockedRule()], lastSamples: 5 });
    const events: BottleneckEvent[] = [];
    detector.on('bottleneck', (e) => events.push(e));
    // Delay p50 alternating 30 ms / 5 ms: the window median hovers around the 10 ms threshold.
    const snaps = series(40, (i) => ({ 'nodejs.eventloop.delay.p50': i % 2 === 0 ? 0.03 : 0.005, 'nodejs.eventloop.delay.max': 0.04 }));
    const history: MetricSnapshot[] = [];
    for (const s of snaps) {
      history.push(s);
      detector.observe(history.slice(-5));
    }
    assert.equal(events.filter((e) => e.change === 'raised').length, 1);
    assert.equal(events.filter((e) => e.change === 'cleared').length, 0);
  });
});
