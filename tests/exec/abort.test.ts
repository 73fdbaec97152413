// Aborting kills the running command and returns an aborted result with what was measured, whatever the run was
// doing when the abort came. Each abort waits for a marker file the step under test writes, so where it lands does
// not depend on how fast the machine is.
// parallel-safe: each abort waits for a marker file, nothing is timed
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchmarkCommands } from '../../src/exec/benchmark-commands.js';

/** Waits until `path` exists (the test runner's timeout bounds the wait). */
async function waitForFile(path: string): Promise<void> {
  while (!existsSync(path)) await sleep(20);
}

/** A temporary folder for markers and scripts, removed after `body`. */
async function withDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rune-abort-'));
  try {
    await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An executable shell script at `dir/name` that touches `marker`, then runs `then`. */
function script(dir: string, name: string, marker: string, then: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\ntouch '${marker}'\n${then}\n`);
  chmodSync(path, 0o755);
  return path;
}

void test('an abort during a run ends the benchmark with status aborted', async () => {
  await withDir(async (dir) => {
    const marker = join(dir, 'running');
    const controller = new AbortController();
    const slow = `touch '${marker}'; sleep 30`;
    const pending = benchmarkCommands([slow, 'true'], { names: ['slow', 'true'], signal: controller.signal, minRuns: 2, minTimeMs: 0 });
    await waitForFile(marker);
    controller.abort();
    // Were the sleep not killed, this would wait 60 s and the test runner's timeout would fail it.
    const { result } = await pending;
    assert.equal(result.status, 'aborted');
    assert.deepEqual(result.tasks.map((t) => [t.name, t.status]), [['slow', 'aborted']]);
    assert.ok(!(result.notices ?? []).some((n) => /aborted while/.test(n)), JSON.stringify(result.notices));
  });
});

void test('an already aborted signal rejects before anything runs', async () => {
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(benchmarkCommands(['true'], { signal: controller.signal }), { code: 'ERR_ABORTED' });
});

void test('an abort while the shell start-up is measured still returns an aborted result, nothing measured', async () => {
  await withDir(async (dir) => {
    const marker = join(dir, 'shell-started');
    // a shell that takes 30 s to start
    const shell = script(dir, 'slow-sh', marker, 'sleep 30\nexec /bin/sh "$@"');
    const controller = new AbortController();
    const pending = benchmarkCommands(['true', 'false'], { shell, signal: controller.signal, minRuns: 2, minTimeMs: 0 });
    await waitForFile(marker);
    controller.abort();
    const { result } = await pending;
    assert.equal(result.status, 'aborted');
    assert.deepEqual(result.tasks.map((t) => [t.name, t.status]), [['true', 'aborted']]);
    assert.ok(result.notices?.some((n) => /aborted while the shell's start-up was measured/.test(n)), JSON.stringify(result.notices));
  });
});

void test('an abort while the process runner starts still returns an aborted result, nothing measured', async () => {
  await withDir(async (dir) => {
    const marker = join(dir, 'runner-started');
    // the runner's python3, replaced by one that never becomes ready (a loaded machine's slow start, made certain)
    const python = script(dir, 'slow-python', marker, 'exec sleep 30');
    const controller = new AbortController();
    const pending = benchmarkCommands(['true'], { env: { ...process.env, RUNE_BENCH_PYTHON: python }, signal: controller.signal });
    await waitForFile(marker);
    controller.abort();
    const { result } = await pending;
    assert.equal(result.status, 'aborted');
    assert.deepEqual(result.tasks.map((t) => [t.name, t.status]), [['true', 'aborted']]);
    assert.ok(result.notices?.some((n) => /aborted while the process runner started/.test(n)), JSON.stringify(result.notices));
  });
});
