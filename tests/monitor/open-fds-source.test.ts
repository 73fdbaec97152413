import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync } from 'node:fs';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { OpenFdsSource } from '../../src/monitor/sources/open-fds.js';

void test('open file descriptors rise by the number of files opened', { skip: process.platform !== 'linux' }, async () => {
  const m = new PerformanceMonitor({ sources: [new OpenFdsSource()] });
  const before = (await m.sample()).get('process.open_fds')!;
  const fds = Array.from({ length: 20 }, () => openSync(process.execPath, 'r'));
  const during = (await m.sample()).get('process.open_fds')!;
  for (const fd of fds) closeSync(fd);
  const after = (await m.sample()).get('process.open_fds')!;
  assert.equal(during - before, 20);
  assert.equal(after, before);
});
