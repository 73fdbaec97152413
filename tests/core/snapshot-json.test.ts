// parallel-safe: pure computation on fixed inputs
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MetricSnapshot, SNAPSHOT_SCHEMA_VERSION } from '../../src/core/snapshot.js';
import { RuneBenchError } from '../../src/core/errors.js';
import type { MetricDescriptor } from '../../src/core/metric.js';

const descriptors: Record<string, MetricDescriptor> = {
  'process.memory.usage': { name: 'process.memory.usage', unit: 'By', kind: 'gauge', description: 'Resident set size.' },
  'process.cpu.utilization': { name: 'process.cpu.utilization', unit: '1', kind: 'gauge', description: 'CPU share of one core.' },
};

function sample(): MetricSnapshot {
  return new MetricSnapshot({
    timestamp: 1_700_000_000_000,
    monotonic: 12.5,
    values: { 'process.memory.usage': 52_428_800, 'process.cpu.utilization': 0.25 },
    descriptors,
  });
}

void describe('MetricSnapshot', () => {
  void test('is frozen, values included', () => {
    const s = sample();
    assert.ok(Object.isFrozen(s));
    assert.ok(Object.isFrozen(s.values));
    assert.throws(() => {
      (s.values as Record<string, number>)['x'] = 1;
    }, TypeError);
    assert.equal(s.get('process.cpu.utilization'), 0.25);
    assert.equal(s.getUnchecked('toString'), undefined, 'inherited names are not metrics');
    assert.equal(s.getUnchecked('process.cpu.utilization'), 0.25);
    assert.deepEqual(s.metrics().sort(), ['process.cpu.utilization', 'process.memory.usage']);
  });

  void test('JSON round trip keeps every field', () => {
    const s = sample();
    const back = MetricSnapshot.fromJSON(JSON.parse(JSON.stringify(s)));
    assert.deepEqual(back.toJSON(), s.toJSON());
    assert.equal(back.toJSON().schemaVersion, SNAPSHOT_SCHEMA_VERSION);
  });

  void test('NaN survives as NaN (JSON writes it as null)', () => {
    const s = new MetricSnapshot({ timestamp: 1, monotonic: 1, values: { 'process.cpu.utilization': Number.NaN }, descriptors: {} });
    const back = MetricSnapshot.fromJSON(JSON.parse(JSON.stringify(s)));
    assert.ok(Number.isNaN(back.get('process.cpu.utilization')));
  });

  const bad: [string, unknown, string][] = [
    ['not an object', 42, 'ERR_INVALID_FORMAT'],
    ['missing version', { timestamp: 1, monotonic: 1, values: {}, descriptors: {} }, 'ERR_INVALID_FORMAT'],
    ['future version', { schemaVersion: 99, timestamp: 1, monotonic: 1, values: {}, descriptors: {} }, 'ERR_SCHEMA_VERSION'],
    ['string value', { schemaVersion: 1, timestamp: 1, monotonic: 1, values: { a: '1' }, descriptors: {} }, 'ERR_INVALID_FORMAT'],
    ['bad unit', { schemaVersion: 1, timestamp: 1, monotonic: 1, values: {}, descriptors: { a: { name: 'a', unit: 'furlongs', kind: 'gauge', description: '' } } }, 'ERR_INVALID_FORMAT'],
    ['infinite time', { schemaVersion: 1, timestamp: 1, monotonic: 'x', values: {}, descriptors: {} }, 'ERR_INVALID_FORMAT'],
  ];
  for (const [name, input, code] of bad) {
    void test(`fromJSON rejects ${name} with ${code}`, () => {
      assert.throws(
        () => MetricSnapshot.fromJSON(input, 'history.json'),
        (error: unknown) => error instanceof RuneBenchError && error.code === code && error.message.includes('history.json'),
      );
    });
  }
});
