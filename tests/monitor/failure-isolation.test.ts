// parallel-safe: runs on a manual clock; failures and listeners, not timings
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor, type MonitorErrorEvent } from '../../src/monitor/performance-monitor.js';
import type { MetricSource } from '../../src/core/source.js';
import { RuneBenchError } from '../../src/core/errors.js';
import { ManualClock } from '../../src/testing/manual-clock.js';

// The metrics of this file's test sources, declared as a user declares their own (MetricRegistry).
declare module '../../src/core/metric-names.js' {
  interface MetricRegistry {
    ok: '1';
    bad: '1';
  }
}

const ok: MetricSource = { id: 'ok', describe: () => [], collect: () => ({ ok: 1 }) };

void test('a throwing source emits error, its metrics are absent, others present, sampling goes on', async () => {
  let calls = 0;
  const bad: MetricSource = {
    id: 'bad',
    describe: () => [],
    collect() {
      calls++;
      throw new Error('boom');
    },
  };
  const rejecting: MetricSource = { id: 'rejecting', describe: () => [], collect: () => Promise.reject(new Error('nope')) };
  const clock = new ManualClock();
  const m = new PerformanceMonitor({ intervalMs: 20, sources: [bad, ok, rejecting], clock });
  const errors: MonitorErrorEvent[] = [];
  m.on('error', (e) => errors.push(e));
  await m.start();
  await clock.advance(200);
  await m.stop();
  assert.equal(m.history.size, 10);
  assert.equal(calls, 10);
  for (const s of m.history) {
    assert.equal(s.get('ok'), 1);
    assert.equal(s.has('bad'), false);
  }
  const bads = errors.filter((e) => e.sourceId === 'bad');
  assert.equal(bads.length, calls);
  assert.ok(bads[0]!.error instanceof RuneBenchError);
  assert.equal(bads[0]!.error.code, 'ERR_SOURCE_FAILED');
  assert.match(bads[0]!.error.message, /boom/);
  assert.ok(errors.some((e) => e.sourceId === 'rejecting' && e.error.code === 'ERR_SOURCE_FAILED'));
  assert.equal(m.lastErrors.get('bad')?.code, 'ERR_SOURCE_FAILED');
});

void test('a throwing listener is not blamed on a source and does not stop sampling or other listeners', async () => {
  const clock = new ManualClock();
  const m = new PerformanceMonitor({ intervalMs: 20, sources: [ok], clock });
  let first = 0;
  let second = 0;
  let sourceErrors = 0;
  const listenerErrors: unknown[] = [];
  m.on('sample', () => {
    first++;
    throw new Error('listener bug');
  });
  m.on('sample', () => {
    second++;
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- deliberately a rejecting async listener
  m.on('sample', () => Promise.reject(new Error('async listener bug')));
  m.on('error', () => sourceErrors++);
  m.on('listenerError', (e) => {
    assert.equal(e.event, 'sample');
    listenerErrors.push(e.error);
    throw new Error('and the listenerError listener throws too');
  });
  await m.start();
  await clock.advance(200);
  const direct = await m.sample();
  await m.stop();
  await clock.advance(0);
  assert.equal(direct.get('ok'), 1);
  assert.equal(first, 11);
  assert.equal(second, first);
  assert.equal(sourceErrors, 0);
  assert.equal(listenerErrors.length, first * 2);
});

void test('once, off and listeners behave as in eventemitter3 with wrapped listeners', async () => {
  const m = new PerformanceMonitor({ sources: [ok] });
  let once = 0;
  let on = 0;
  const listener = (): void => {
    on++;
  };
  m.once('sample', () => once++);
  m.on('sample', listener);
  assert.deepEqual(m.listeners('sample').includes(listener), true);
  assert.equal(m.listenerCount('sample'), 2);
  await m.sample();
  await m.sample();
  m.off('sample', listener);
  await m.sample();
  assert.equal(once, 1);
  assert.equal(on, 2);
  assert.equal(m.listenerCount('sample'), 0);
  await m.stop();
});

void test('an unavailable source is skipped and listed with its reason', async () => {
  const nope: MetricSource = {
    id: 'nope',
    describe: () => [],
    availability: () => ({ available: false, reason: 'no /proc here' }),
    collect: () => {
      throw new Error('must not be called');
    },
  };
  const m = new PerformanceMonitor({ sources: [nope, ok] });
  let errors = 0;
  m.on('error', () => errors++);
  const s = await m.sample();
  assert.equal(s.get('ok'), 1);
  assert.equal(errors, 0);
  assert.equal(m.unavailable.get('nope'), 'no /proc here');
});
