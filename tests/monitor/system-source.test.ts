import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { SystemSource, parseProcStat } from '../../src/monitor/sources/system.js';
import { sleep, spin } from './helpers.js';

void test('system figures are in range and CPU utilization is positive while this process spins', async () => {
  const m = new PerformanceMonitor({ sources: [new SystemSource()] });
  await m.start();
  await sleep(50);
  spin(300);
  const s = await m.sample();
  await m.stop();
  const util = s.get('system.cpu.utilization')!;
  assert.ok(util > 0 && util <= 1, `utilization ${util}`);
  assert.ok(s.get('system.cpu.load_average.1m.per_cpu')! >= 0);
  assert.ok(s.get('system.memory.free')! > 0);
  if (process.platform === 'linux') {
    const steal = s.get('system.cpu.steal')!;
    assert.ok(steal >= 0 && steal <= 1);
  }
});

void test('parseProcStat computes busy, total and steal from the aggregate cpu line', () => {
  const t = parseProcStat('cpu  100 5 50 800 10 2 3 30 0 0\ncpu0 1 2 3 4\n');
  assert.deepEqual(t, { busy: 190, total: 1000, steal: 30 });
  assert.equal(parseProcStat('intr 1 2 3'), undefined);
});
