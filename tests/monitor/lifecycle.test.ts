import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import type { MetricSource } from '../../src/core/source.js';
import { sleep } from './helpers.js';

void test('sources are started once before collecting, stopped by stop(), and restarted by a new start()', async () => {
  const calls: string[] = [];
  const tracked: MetricSource = {
    id: 'tracked',
    describe: () => [],
    start: async () => {
      await sleep(5);
      calls.push('start');
    },
    stop: () => {
      calls.push('stop');
    },
    collect: () => {
      calls.push('collect');
      return { tracked: 1 };
    },
  };
  const m = new PerformanceMonitor({ intervalMs: 20, sources: [tracked] });
  const events: string[] = [];
  m.on('start', () => events.push('start'));
  m.on('stop', () => events.push('stop'));
  await m.start();
  await m.start(); // no-op while running
  await sleep(70);
  await m.stop();
  const firstRun = m.history.size;
  assert.ok(firstRun >= 2);
  await sleep(60);
  assert.equal(m.history.size, firstRun); // nothing sampled while stopped
  await m.start();
  await sleep(70);
  await m.stop();
  assert.ok(m.history.size > firstRun);
  assert.deepEqual(events, ['start', 'stop', 'start', 'stop']);
  assert.equal(calls.filter((c) => c === 'start').length, 2);
  assert.equal(calls.filter((c) => c === 'stop').length, 2);
  assert.equal(calls[0], 'start');
  assert.equal(calls.at(-1), 'stop');
});

void test('a source added while running is sampled from the next tick on', async () => {
  const m = new PerformanceMonitor({ intervalMs: 20, sources: [] });
  await m.start();
  await sleep(50);
  m.addSource({ id: 'late', describe: () => [{ name: 'late', unit: '1', kind: 'gauge', description: 'added late' }], collect: () => ({ late: 2 }) });
  await sleep(60);
  await m.stop();
  const all = m.history.toArray();
  assert.equal(all[0]!.has('late'), false);
  assert.equal(all.at(-1)!.get('late'), 2);
  assert.equal(all.at(-1)!.descriptors.late?.description, 'added late');
});

void test('stop() followed at once by start() does not leave two sampling chains', async () => {
  let collecting: (() => void) | undefined;
  const slow: MetricSource = {
    id: 'slow',
    describe: () => [],
    collect: () => {
      collecting?.();
      return sleep(15).then(() => ({ slow: 1 }));
    },
  };
  const m = new PerformanceMonitor({ intervalMs: 40, sources: [slow] });
  await m.start();
  // Wait until a scheduled collection is in flight, then stop and start again without waiting.
  // (The monitor's timers are unref'd: keep the loop alive while waiting.)
  const keepAlive = setInterval(() => undefined, 1000);
  await new Promise<void>((resolve) => (collecting = resolve));
  clearInterval(keepAlive);
  collecting = undefined;
  const stopping = m.stop();
  await m.start();
  await stopping;
  const from = m.history.size;
  await sleep(600);
  await m.stop();
  const taken = m.history.size - from;
  assert.ok(taken >= 8 && taken <= 17, `took ${taken} samples in 600 ms at 40 ms`);
});
