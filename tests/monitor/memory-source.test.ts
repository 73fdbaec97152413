import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { ProcessMemorySource } from '../../src/monitor/sources/memory.js';

void test('memory rises after allocating 50 MB', async () => {
  const m = new PerformanceMonitor({ sources: [new ProcessMemorySource()] });
  const before = await m.sample();
  // 50 MB of touched (so resident) buffer memory, and 50 MB of JS heap objects.
  const buffer = Buffer.alloc(50 * 1024 * 1024, 1);
  const heap: number[][] = [];
  for (let i = 0; i < 50 * 1024; i++) heap.push(new Array<number>(128).fill(i));
  const after = await m.sample();
  await m.stop();
  const mb = 1024 * 1024;
  const rss = (after.get('process.memory.usage')! - before.get('process.memory.usage')!) / mb;
  const heapUsed = (after.get('v8js.heap.used')! - before.get('v8js.heap.used')!) / mb;
  const arrayBuffers = (after.get('process.memory.array_buffers')! - before.get('process.memory.array_buffers')!) / mb;
  assert.ok(rss >= 60, `rss grew ${rss.toFixed(1)} MB`);
  assert.ok(heapUsed >= 40, `heap grew ${heapUsed.toFixed(1)} MB`);
  assert.ok(arrayBuffers >= 49, `array buffers grew ${arrayBuffers.toFixed(1)} MB`);
  assert.ok(after.get('v8js.heap.limit')! > after.get('v8js.heap.total')!);
  assert.equal(buffer.length + heap.length > 0, true);
});
