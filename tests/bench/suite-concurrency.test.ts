import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';

void test('concurrency keeps N async operations in flight: throughput rises, latency stays', async () => {
  let inFlight = 0;
  let peak = 0;
  const op = async (): Promise<void> => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
  };
  const suite = new BenchmarkSuite('conc', { timeMs: 150, warmupMs: 0 });
  suite.add('serial', op);
  suite.add('four', op, { concurrency: 4 });
  const [serial, four] = (await suite.run()).tasks;
  assert.equal(peak, 4);
  const throughput = four!.figures!.find((f) => f.name === 'throughput')!;
  assert.equal(throughput.unit, '{count}/s');
  assert.equal(four!.stats!.opsPerSecond, throughput.value);
  // four in flight complete well over twice the operations per second of one in flight (ideal: 4x)
  assert.ok(throughput.value > 2 * serial!.stats!.opsPerSecond, `${throughput.value} vs ${serial!.stats!.opsPerSecond}`);
  assert.ok(four!.stats!.median >= 0.005);
});
