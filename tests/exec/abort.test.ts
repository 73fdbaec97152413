// Aborting kills the running command and returns an aborted result with what was measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarkCommands } from '../../src/exec/benchmark-commands.js';

void test('an abort during a run ends the benchmark with status aborted', async () => {
  const controller = new AbortController();
  const pending = benchmarkCommands(['sleep 30', 'true'], { signal: controller.signal, minRuns: 2, minTimeMs: 0 });
  setTimeout(() => {
    controller.abort();
  }, 600);
  // Were the sleep not killed, this would wait 60 s and the test runner's timeout would fail it.
  const { result } = await pending;
  assert.equal(result.status, 'aborted');
  assert.deepEqual(result.tasks.map((t) => [t.name, t.status]), [['sleep 30', 'aborted']]);
});

void test('an already aborted signal rejects before anything runs', async () => {
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(benchmarkCommands(['true'], { signal: controller.signal }), { code: 'ERR_ABORTED' });
});
