// Isolation honours timeoutMs for a task that never returns, and no isolated child outlives its parent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether `pid` is a running process (a zombie waiting for its reaper counts as gone). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Polls until `pid` is gone; false when it still runs after `attempts` polls 100 ms apart. */
async function goneWithin(pid: number, attempts: number): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (!running(pid)) return true;
    await sleep(100);
  }
  return !running(pid);
}

async function waitForFile(file: string, attempts: number): Promise<string> {
  for (let i = 0; i < attempts && !existsSync(file); i++) await sleep(100);
  return readFileSync(file, 'utf8');
}

void test('an isolated sync task that never returns is killed at timeoutMs and ends `timeout`; the suite goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-spin-'));
  const pidFile = join(dir, 'pid');
  process.env.RUNE_BENCH_PID_FILE = pidFile;
  process.env.RUNE_BENCH_SPIN_TIMEOUT = '1000';
  try {
    const { default: suite } = await import('./fixtures/spinning-suite.js');
    const codes: string[] = [];
    suite.on('task:error', (e) => {
      codes.push(e.error.code);
    });
    const result = await suite.run();
    const [spins, after] = result.tasks;
    assert.equal(spins?.status, 'timeout');
    assert.match(spins.error?.message ?? '', /did not respond within 1000 ms/);
    assert.deepEqual(codes, ['ERR_TASK_TIMEOUT']);
    assert.equal(after?.status, 'ok');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    assert.ok(await goneWithin(pid, 50), `isolated child ${pid} still runs`);
  } finally {
    delete process.env.RUNE_BENCH_PID_FILE;
    delete process.env.RUNE_BENCH_SPIN_TIMEOUT;
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('an isolated child does not outlive a parent killed with SIGKILL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-orphan-'));
  const pidFile = join(dir, 'pid');
  const script = fileURLToPath(new URL('./fixtures/run-spinning-suite.ts', import.meta.url));
  const parent = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, RUNE_BENCH_PID_FILE: pidFile, RUNE_BENCH_SPIN_TIMEOUT: '600000' },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => {
    parent.once('exit', () => {
      resolve();
    });
  });
  try {
    const pid = Number(await waitForFile(pidFile, 600));
    assert.ok(pid > 0 && pid !== parent.pid);
    assert.ok(running(pid), 'the isolated child is spinning');
    parent.kill('SIGKILL');
    await exited;
    // the child's watchdog thread polls its parent pid every 200 ms
    assert.ok(await goneWithin(pid, 50), `isolated child ${pid} outlived its parent`);
  } finally {
    parent.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
