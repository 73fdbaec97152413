import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import type { TaskCycleEvent } from '../../src/bench/types.js';

void test('events come in order, with progress fraction and ETA', async () => {
  const suite = new BenchmarkSuite('events', { timeMs: 150, warmupMs: 20 });
  suite.add('a', () => Math.sqrt(2));
  suite.add('b', async () => {
    await new Promise((r) => setTimeout(r, 1));
  });
  const order: string[] = [];
  const cycles: TaskCycleEvent[] = [];
  suite.on('start', (info) => order.push(`start:${info.tasks.join(',')}`));
  suite.on('task:start', (info) => order.push(`task:start:${info.task}:${info.index}`));
  suite.on('task:cycle', (c) => cycles.push(c));
  suite.on('task:complete', (r) => order.push(`task:complete:${r.name}`));
  suite.on('complete', (r) => order.push(`complete:${r.status}`));
  await suite.run();
  assert.deepEqual(order, ['start:a,b', 'task:start:a:0', 'task:complete:a', 'task:start:b:1', 'task:complete:b', 'complete:ok']);
  assert.ok(cycles.length >= 2, `${cycles.length} cycle events`);
  for (let i = 1; i < cycles.length; i++) assert.ok(cycles[i]!.fraction >= cycles[i - 1]!.fraction - 1e-9);
  assert.ok(cycles.some((c) => c.task === 'a') && cycles.some((c) => c.task === 'b'));
  for (const c of cycles) {
    assert.ok(c.fraction >= 0 && c.fraction <= 1);
    assert.ok(c.taskFraction >= 0 && c.taskFraction <= 1);
    assert.ok(c.eta >= 0 && Number.isFinite(c.eta));
  }
  assert.ok(cycles.at(-1)!.fraction > 0.5);
});
