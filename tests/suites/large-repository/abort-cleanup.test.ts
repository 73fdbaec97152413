// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { largeRepositorySuite } from '../../../src/suites/large-repository/large-repository-definition.js';
import { liveTempDirs } from '../../../src/suites/common/temp-dir.js';

// one process's trees only (the pid is in the name): another file running beside this one may be generating its own
const leftovers = (pid = process.pid): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith(`rune-bench-large_repository-${String(pid)}-`));

void describe('large_repository cleanup', () => {
  void test('aborted while generating: resolves aborted and removes the tree', async () => {
    const before = leftovers();
    const controller = new AbortController();
    const result = await largeRepositorySuite.run({
      signal: controller.signal,
      params: { files: 5000, git: false },
      onProgress: (p) => {
        if (p.phase === 'generate' && p.fraction > 0.02) controller.abort();
      },
    });
    assert.equal(result.status, 'aborted');
    assert.deepEqual(leftovers(), before);
    assert.deepEqual(liveTempDirs(), []);
  });

  void test('aborted while benchmarking: resolves aborted with the finished tasks and removes the tree', async () => {
    const before = leftovers();
    const controller = new AbortController();
    const result = await largeRepositorySuite.run({
      signal: controller.signal,
      params: { files: 300, repeats: 1, sampleMb: 1, git: false },
      onProgress: (p) => {
        if (p.phase.startsWith('deflate')) controller.abort();
      },
    });
    assert.equal(result.status, 'aborted');
    assert.equal(result.tasks.find((t) => t.name === 'walk + lstat')?.status, 'ok');
    assert.equal(result.tasks.at(-1)?.status, 'aborted');
    assert.deepEqual(leftovers(), before);
  });

  void test('SIGINT removes the temporary tree before the process ends', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/run-until-interrupted.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = child.pid ?? -1;
    const before = leftovers(pid);
    let seenDuringRun: string[] = [];
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.on('exit', (code, signal) => { resolve({ code, signal }); });
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('generating') && seenDuringRun.length === 0) {
        seenDuringRun = leftovers(pid).filter((n) => !before.includes(n));
        child.kill('SIGINT');
      }
    });
    const { signal } = await exit;
    assert.equal(seenDuringRun.length, 1, 'the tree existed while the suite ran');
    assert.equal(signal, 'SIGINT', 'the default SIGINT behaviour (terminate) is kept');
    assert.ok(!out.includes('finished'));
    assert.deepEqual(leftovers(pid), before, 'the tree was removed');
  });
});
