// parallel-safe: the temporary directory (its own parent) is removed after SIGINT; waits up to 30 s for it to appear
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

void test('SIGINT during a disk_io run removes its temporary directory', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'rune-bench-sigint-'));
  try {
    const fixture = join(import.meta.dirname, 'fixtures', 'interrupted-run.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, parent], { stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('exit', (code, signal) => {
        resolve({ code, signal });
      });
    });
    // wait until the run has created its work directory and put files in it
    const deadline = Date.now() + 30_000;
    let work: string | undefined;
    while (Date.now() < deadline) {
      work = readdirSync(parent).find((n) => n.startsWith('rune-bench-disk_io-'));
      if (work !== undefined && readdirSync(join(parent, work)).length > 0) break;
      await sleep(50);
    }
    assert.ok(work !== undefined, 'the run created its temporary directory');
    child.kill('SIGINT');
    const { code, signal } = await exited;
    assert.ok(signal === 'SIGINT' || code !== 0, `interrupted (code ${String(code)}, signal ${String(signal)})`);
    assert.deepEqual(readdirSync(parent), [], 'nothing left behind');
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
