import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import type { MetricSource } from '../../src/core/source.js';
import { sleep } from './helpers.js';

void test('absolute deadlines: a 50 ms monitor over 3 s takes 60 ± 3 samples', async () => {
  const m = new PerformanceMonitor({ intervalMs: 50 });
  const events: string[] = [];
  m.on('start', () => events.push('start'));
  m.on('stop', () => events.push('stop'));
  let samples = 0;
  m.on('sample', () => samples++);
  const started = performance.now();
  await m.start();
  assert.equal(m.running, true);
  await sleep(3000 - (performance.now() - started) + 10);
  await m.stop();
  assert.equal(m.running, false);
  assert.ok(samples >= 57 && samples <= 63, `took ${samples} samples`);
  assert.equal(m.history.size, samples);
  assert.deepEqual(events, ['start', 'stop']);
  // Monotonic times march forward without drift: the last sample is near 3 s after the first deadline.
  const times = m.series('process.cpu.time.user').times;
  for (let i = 1; i < times.length; i++) assert.ok(times[i]! > times[i - 1]!);
});

void test('collections never overlap: a slow source makes samples late, never concurrent', async () => {
  let active = 0;
  let maxActive = 0;
  const slow: MetricSource = {
    id: 'slow',
    describe: () => [],
    async collect() {
      active++;
      maxActive = Math.max(maxActive, active);
      await sleep(45);
      active--;
      return { slow: 1 };
    },
  };
  const m = new PerformanceMonitor({ intervalMs: 20, sources: [slow], sourceTimeoutMs: 1000 });
  await m.start();
  const manual = [m.sample(), m.sample()];
  await sleep(400);
  await Promise.all(manual);
  await m.stop();
  assert.equal(maxActive, 1);
  assert.ok(m.history.size >= 4, `took ${m.history.size} samples`);
  assert.ok(m.history.toArray().every((s) => s.get('slow') === 1));
});

void test('timers are unref\'d: a process whose only work is a running monitor exits on its own', () => {
  const script = fileURLToPath(new URL('./fixtures/running-monitor.ts', import.meta.url));
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
  const elapsed = Date.now() - started;
  const details = `status ${r.status} signal ${r.signal} after ${elapsed} ms\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
  // It would be killed by the 60 s timeout if a timer held the loop.
  assert.equal(r.signal, null, details);
  assert.equal(r.status, 0, details);
  assert.match(r.stdout, /started/, details);
});
