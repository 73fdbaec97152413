// parallel-safe: checks output, files and exit codes, not timings
// Temporary files and directories whose owner was killed (SIGKILL: no chance to clean up) are removed by
// the next run; those of live processes are left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { writeFileAtomic } from '../../src/core/files.js';
import { createTempDir } from '../../src/suites/common/temp-dir.js';

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

void test('an atomic write removes stale temporary files of its target left by dead processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rb-left-'));
  try {
    const dead = deadPid();
    const stale = join(dir, `.store.json.${dead}.0123abcd.tmp`);
    const live = join(dir, `.store.json.${process.ppid}.0123abcd.tmp`);
    const other = join(dir, `.other.json.${dead}.0123abcd.tmp`);
    for (const path of [stale, live, other]) writeFileSync(path, 'partial');
    writeFileAtomic(join(dir, 'store.json'), '{}');
    assert.equal(existsSync(stale), false, 'stale temp file of a dead process was kept');
    assert.equal(existsSync(live), true, 'a live process’s temp file was removed');
    assert.equal(existsSync(other), true, 'another target’s temp file was touched');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('a suite temp directory left by a SIGKILLed process is removed by the next one', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'rb-left-'));
  try {
    const script = `
      import { createTempDir } from ${JSON.stringify(new URL('../../src/suites/common/temp-dir.ts', import.meta.url).href)};
      const dir = await createTempDir('victim', { parent: ${JSON.stringify(parent)} });
      process.stdout.write(dir.path + '\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const victim = chunk.toString().trim();
    assert.ok(existsSync(victim));
    child.kill('SIGKILL');
    await once(child, 'exit');
    assert.ok(existsSync(victim), 'SIGKILL cannot clean up, so the directory is still there');
    const foreign = join(parent, 'rune-bench-foreign-1-abcdef');
    mkdirSync(foreign); // pid 1 is alive: never ours to remove
    const next = await createTempDir('next', { parent });
    try {
      assert.equal(existsSync(victim), false, `stale directory kept: ${readdirSync(parent).join(', ')}`);
      assert.equal(existsSync(foreign), true);
    } finally {
      await next.remove();
    }
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
