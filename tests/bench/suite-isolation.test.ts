import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isIsolatedChild } from '../../src/bench/isolation.js';

void test('isolation runs each task in N fresh child processes and merges their medians', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-iso-'));
  const pidFile = join(dir, 'pids');
  process.env.RUNE_BENCH_PID_FILE = pidFile;
  try {
    const { default: suite } = await import('./fixtures/isolated-suite.js');
    assert.equal(isIsolatedChild(), false);
    const result = await suite.run();
    const [ok, failed, crashed] = result.tasks;
    const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    assert.equal(pids.length, 2, 'setup ran once in each of two processes');
    assert.ok(!pids.includes(process.pid));
    assert.notEqual(pids[0], pids[1]);
    assert.equal(ok?.status, 'ok');
    assert.deepEqual(ok.figures?.find((f) => f.name === 'isolation.processes')?.value, 2);
    const stats = ok.stats!;
    assert.ok(stats.samples >= 2);
    assert.ok(stats.medianCI.lower <= stats.median && stats.median <= stats.medianCI.upper);
    // rme describes the merged interval, which covers the spread between the processes
    const halfWidth = (stats.medianCI.upper - stats.medianCI.lower) / 2 / stats.median;
    assert.ok(Math.abs(stats.rme - halfWidth) <= 1e-12 * Math.max(1, halfWidth), `rme ${stats.rme} vs ${halfWidth}`);
    assert.ok(stats.batchSize > 1);
    // where a fresh run of two processes should land: from the spread between these two, around the median
    assert.equal(stats.predictionInterval?.from, '2 processes');
    assert.ok(stats.predictionInterval.lower < stats.median && stats.median < stats.predictionInterval.upper);
    assert.equal(failed?.status, 'failed');
    assert.equal(failed.error?.message, 'child boom');
    assert.equal(crashed!.status, 'failed');
    assert.equal(crashed!.error?.code, 'ERR_CHILD_FAILED');
    assert.match(crashed!.error.message, /child exited \(code 3\) without a result/);
    assert.equal(result.status, 'partial');
  } finally {
    delete process.env.RUNE_BENCH_PID_FILE;
    rmSync(dir, { recursive: true, force: true });
  }
});
