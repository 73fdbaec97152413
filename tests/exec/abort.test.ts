// Aborting kills the running command and returns an aborted result with what was measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

void test('an abort while the shell start-up is measured still returns an aborted result, nothing measured', async () => {
  // a shell that takes 30 s to start: the abort surely lands while its start-up is being measured
  const dir = mkdtempSync(join(tmpdir(), 'rune-abort-'));
  const shell = join(dir, 'slow-sh');
  writeFileSync(shell, '#!/bin/sh\nsleep 30\nexec /bin/sh "$@"\n');
  chmodSync(shell, 0o755);
  try {
    const controller = new AbortController();
    const pending = benchmarkCommands(['true', 'false'], { shell, signal: controller.signal, minRuns: 2, minTimeMs: 0 });
    setTimeout(() => {
      controller.abort();
    }, 300);
    const { result } = await pending;
    assert.equal(result.status, 'aborted');
    assert.deepEqual(result.tasks.map((t) => [t.name, t.status]), [['true', 'aborted']]);
    assert.ok(result.notices?.some((n) => /aborted while the shell's start-up was measured/.test(n)), JSON.stringify(result.notices));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
