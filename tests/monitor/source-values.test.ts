// parallel-safe: validation of the values sources return
// A source that returns garbage: each bad value is left out with an `error` event naming source and metric.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor, type MonitorErrorEvent } from '../../src/monitor/performance-monitor.js';
import type { MetricSource } from '../../src/core/source.js';
import type { MetricValues } from '../../src/core/metric.js';

const described = ['memory', 'nan', 'inf', 'ninf', 'text', 'ok'].map((name) => ({ name, unit: 'By' as const, kind: 'gauge' as const, description: name }));

function garbage(values: Record<string, unknown>, async = false): MetricSource {
  return {
    id: 'garbage',
    describe: () => described,
    collect: () => (async ? Promise.resolve(values as MetricValues) : (values as MetricValues)),
  };
}

for (const async of [false, true]) {
  void test(`${async ? 'async' : 'sync'} source: NaN, ±Infinity, a negative magnitude and a string are each rejected with an error naming the metric`, async () => {
    const m = new PerformanceMonitor({
      sources: [garbage({ memory: -1, nan: Number.NaN, inf: Number.POSITIVE_INFINITY, ninf: Number.NEGATIVE_INFINITY, text: '12', ok: 3, undescribed: -2 }, async)],
    });
    const errors: MonitorErrorEvent[] = [];
    m.on('error', (e) => errors.push(e));
    const s = await m.sample();
    await m.stop();
    assert.deepEqual({ ...s.values }, { ok: 3, undescribed: -2 });
    assert.deepEqual(errors.map((e) => e.metric).sort(), ['inf', 'memory', 'nan', 'ninf', 'text']);
    for (const e of errors) {
      assert.equal(e.sourceId, 'garbage');
      assert.equal(e.error.code, 'ERR_SOURCE_FAILED');
      assert.ok(e.error.message.includes('garbage') && e.error.message.includes(e.metric!), e.error.message);
    }
    assert.match(errors.find((e) => e.metric === 'memory')!.error.message, /negative/);
    assert.match(errors.find((e) => e.metric === 'text')!.error.message, /string, not a number/);
    assert.equal(m.lastErrors.get('garbage')?.code, 'ERR_SOURCE_FAILED');
  });
}

void test('a source that returns something other than an object of values gets an error event', async () => {
  const m = new PerformanceMonitor({ sources: [{ id: 'broken', describe: () => [], collect: () => 42 as unknown as MetricValues }] });
  const errors: MonitorErrorEvent[] = [];
  m.on('error', (e) => errors.push(e));
  await m.sample();
  await m.stop();
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.error.message, /broken returned number/);
});
