import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { ProcessCpuSource } from '../../src/monitor/sources/cpu.js';
import { sleep } from './helpers.js';

void test('process CPU utilization rises while hashing on the main thread', async () => {
  const m = new PerformanceMonitor({ sources: [new ProcessCpuSource()] });
  await m.start();
  await sleep(300);
  const idle = await m.sample();
  const block = Buffer.alloc(1 << 20, 7);
  const end = performance.now() + 400;
  let digest = '';
  while (performance.now() < end) digest = createHash('sha256').update(block).update(digest).digest('hex');
  const busy = await m.sample();
  await m.stop();
  const idleCpu = idle.get('process.cpu.utilization')!;
  const busyCpu = busy.get('process.cpu.utilization')!;
  // The machine may be shared, so the hashing thread may get well under a full core: compare, do not expect 1.
  assert.ok(busyCpu > 0.15, `busy utilization ${busyCpu}`);
  assert.ok(busyCpu > 2 * idleCpu && busyCpu > idleCpu + 0.1, `idle ${idleCpu} busy ${busyCpu}`);
  assert.ok(busy.get('process.cpu.utilization.all_cores')! <= busyCpu);
  assert.ok(busy.get('process.cpu.time.user')! > idle.get('process.cpu.time.user')!);
  assert.equal(busy.descriptors['process.cpu.utilization']?.unit, '1');
});
