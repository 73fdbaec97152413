// The run queue a result records counts other processes' runnable threads and one for the measured process,
// never the measured process's own threads (its collector and compiler threads read 4-5 runnable for an
// instant on a quiet machine, which looked like an oversubscribed CPU to the gate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { parseLoadavgRunnable, parseTaskState, readHostReading } from '../../src/bench/host-conditions.js';

void test('parseTaskState reads the state after the command name, even one with parentheses and spaces', () => {
  assert.equal(parseTaskState('4242 (node (worker) 1) R 1 4242 4242 0 -1 4194560'), 'R');
  assert.equal(parseTaskState('17 (kworker/0:1) S 2 0 0'), 'S');
  assert.equal(parseTaskState('garbage'), undefined);
});

void test('three spinning threads of this process do not count as runnable: the reading stays below the raw run queue', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const spinners = Array.from({ length: 3 }, () => new Worker('const end = Date.now() + 20000; while (Date.now() < end) {}', { eval: true }));
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const gaps: number[] = [];
    for (let i = 0; i < 9; i++) {
      const raw = parseLoadavgRunnable(readFileSync('/proc/loadavg', 'utf8'));
      const reading = readHostReading();
      assert.ok(raw !== undefined && reading.runnable !== undefined);
      gaps.push(raw - reading.runnable);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // this thread and the three spinners are running (R) at each reading, and the reading counts one for them
    gaps.sort((a, b) => a - b);
    assert.ok((gaps[4] ?? 0) >= 2, `raw run queue minus the reading: ${gaps.join(', ')}`);
  } finally {
    await Promise.all(spinners.map((w) => w.terminate()));
  }
});
