// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import { expectTypeOf } from 'expect-type';
import { BottleneckDetector, type BottleneckMonitor, type BottleneckReport, type BottleneckRuleError } from '../../../src/detect/bottleneck/bottleneck-detector.js';
import type { BottleneckRule, BottleneckRuleResult, InsufficientData } from '../../../src/detect/bottleneck/bottleneck-rule.js';
import { isInsufficientData } from '../../../src/detect/bottleneck/bottleneck-rule.js';
import type { BottleneckEvent } from '../../../src/detect/bottleneck/bottleneck-tracker.js';
import type { BottleneckFinding, Severity } from '../../../src/core/findings.js';
import { PerformanceMonitor } from '../../../src/monitor/performance-monitor.js';
import { gcPressureRule } from '../../../src/detect/bottleneck/rules/gc-pressure.js';

void test('detector events are typed', () => {
  const detector = new BottleneckDetector({ rules: [] });
  detector.on('bottleneck', (event) => {
    expectTypeOf(event).toEqualTypeOf<BottleneckEvent>();
    expectTypeOf(event.change).toEqualTypeOf<'raised' | 'changed' | 'cleared'>();
    expectTypeOf(event.finding).toEqualTypeOf<BottleneckFinding>();
    expectTypeOf(event.previousSeverity).toEqualTypeOf<Severity | undefined>();
  });
  detector.on('evaluation', (report) => {
    expectTypeOf(report).toEqualTypeOf<BottleneckReport>();
  });
  detector.on('error', (error) => {
    expectTypeOf(error).toEqualTypeOf<BottleneckRuleError>();
  });
  // @ts-expect-error: no such event
  detector.on('finding', () => undefined);
});

void test('a PerformanceMonitor is a BottleneckMonitor; rules are plain objects', () => {
  expectTypeOf<PerformanceMonitor>().toExtend<BottleneckMonitor>();
  expectTypeOf(gcPressureRule()).toEqualTypeOf<BottleneckRule>();
  expectTypeOf<BottleneckRule['evaluate']>().returns.toEqualTypeOf<BottleneckRuleResult>();
  const result = gcPressureRule().evaluate([]);
  if (isInsufficientData(result)) expectTypeOf(result).toEqualTypeOf<InsufficientData>();
  // @ts-expect-error: severity is one of four values
  const bad: BottleneckFinding = { ruleId: 'x', title: 'x', severity: 'severe', impact: 0, confidence: 0, evidence: [], recommendation: '', window: { start: 0, end: 0, samples: 0 } };
  expectTypeOf(bad.severity).toEqualTypeOf<Severity>();
});
