// parallel-safe: type tests
import { test } from 'node:test';
import { expectTypeOf } from 'expect-type';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import type { BenchmarkSuiteEventName, BenchmarkSuiteOptions, TaskCycleEvent, TaskErrorEvent, TaskOptions } from '../../src/bench/types.js';
import type { Clock } from '../../src/core/clock.js';
import type { SuiteResult, TaskResult } from '../../src/core/results.js';
import type { BenchmarkComparison } from '../../src/detect/regression/regression-types.js';
import { compare } from '../../src/bench/compare.js';

void test('event listeners are typed', () => {
  const suite = new BenchmarkSuite('types', { timeMs: 1 });
  suite.on('task:cycle', (progress) => {
    expectTypeOf(progress).toEqualTypeOf<TaskCycleEvent>();
    expectTypeOf(progress.fraction).toBeNumber();
    expectTypeOf(progress.eta).toBeNumber();
  });
  suite.on('task:complete', (result) => {
    expectTypeOf(result).toEqualTypeOf<TaskResult>();
  });
  suite.on('task:error', (info) => {
    expectTypeOf(info).toEqualTypeOf<TaskErrorEvent>();
    expectTypeOf(info.status).toEqualTypeOf<'failed' | 'timeout' | 'aborted'>();
  });
  suite.on('complete', (result) => {
    expectTypeOf(result).toEqualTypeOf<SuiteResult>();
  });
  suite.on('start', (info) => {
    expectTypeOf(info.tasks).toEqualTypeOf<readonly string[]>();
  });
  suite.on('abort', (info) => {
    expectTypeOf(info.reason).toBeUnknown();
  });
  // @ts-expect-error unknown event name
  suite.on('task:done', () => undefined);
  // @ts-expect-error wrong payload type
  suite.on('task:cycle', (progress: string) => progress);
  expectTypeOf<BenchmarkSuiteEventName>().toEqualTypeOf<
    'start' | 'task:start' | 'task:cycle' | 'task:complete' | 'task:error' | 'complete' | 'abort'
  >();
});

void test('run, add and compare are typed', () => {
  const suite = new BenchmarkSuite('types');
  expectTypeOf(suite.run()).resolves.toEqualTypeOf<SuiteResult>();
  expectTypeOf(suite.add('x', () => 1)).toEqualTypeOf<BenchmarkSuite>();
  // never called: these would throw at run time, the point is that they do not compile
  const wrong = (): void => {
    // @ts-expect-error bytes must be a number
    suite.add('y', () => 1, { bytes: '1k' });
    // @ts-expect-error unknown option
    new BenchmarkSuite('z', { tme: 5 });
  };
  expectTypeOf(wrong).toBeFunction();
  expectTypeOf(compare).returns.toEqualTypeOf<BenchmarkComparison>();
  expectTypeOf<BenchmarkComparison['verdict']>().toEqualTypeOf<'regressed' | 'improved' | 'unchanged' | 'inconclusive' | 'incomparable'>();
});

void test('options given in milliseconds carry Ms in their name; the clock is a Clock', () => {
  expectTypeOf<BenchmarkSuiteOptions['timeMs']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<BenchmarkSuiteOptions['warmup']>().toEqualTypeOf<boolean | undefined>();
  expectTypeOf<BenchmarkSuiteOptions['clock']>().toEqualTypeOf<Clock | undefined>();
  expectTypeOf<TaskOptions['timeoutMs']>().toEqualTypeOf<number | undefined>();
  // @ts-expect-error the unit is in the name now
  const old: BenchmarkSuiteOptions = { time: 100 };
  // @ts-expect-error warmup is the switch; the duration is warmupMs
  const duration: TaskOptions = { warmup: 50 };
  expectTypeOf(old).toEqualTypeOf<BenchmarkSuiteOptions>();
  expectTypeOf(duration).toEqualTypeOf<TaskOptions>();
});
