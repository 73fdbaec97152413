// parallel-safe: bytes, operation counts, files and the figures' arithmetic, not the disk's speed
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { looseObjectSizes, runNodeDiskJob } from '../../../src/workloads/disk/node-disk-jobs.js';
import type { DiskJobResult } from '../../../src/workloads/disk/disk-job.js';
import { isRuneBenchError } from '../../../src/core/errors.js';

const MIB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'rune-bench-disk-test-'));
after(() => { rmSync(dir, { recursive: true, force: true }); });

function sane(r: DiskJobResult, bytes: number, ops: number): void {
  assert.equal(r.bytes, bytes);
  assert.equal(r.ops, ops);
  assert.ok(r.seconds > 0);
  assert.ok(Math.abs(r.bandwidth - bytes / r.seconds) < 1e-6 * r.bandwidth);
  assert.ok(Math.abs(r.iops - ops / r.seconds) < 1e-6 * r.iops);
  assert.ok(r.latency.p50 > 0 && r.latency.p50 <= r.latency.p99 && r.latency.p99 <= r.latency.p999);
  // one operation cannot take longer than the whole job
  assert.ok(r.latency.p999 <= r.seconds);
}

void describe('rune-bench disk jobs', () => {
  void test('sequential writes, with and without fsync, report MB/s, IOPS, latency and fsync latency', async () => {
    const none = await runNodeDiskJob({ name: 'w', kind: 'seq-write', blockSize: MIB, size: 8 * MIB, fsync: 'none' }, dir, 1);
    sane(none, 8 * MIB, 8);
    assert.equal(none.fsyncLatency, undefined);
    const end = await runNodeDiskJob({ name: 'we', kind: 'seq-write', blockSize: MIB, size: 8 * MIB, fsync: 'end' }, dir, 1);
    sane(end, 8 * MIB, 8);
    assert.ok(end.fsyncLatency!.p50 > 0);
    const every = await runNodeDiskJob({ name: 'w8', kind: 'seq-write', blockSize: MIB, size: 17 * MIB, fsync: 8 }, dir, 1);
    sane(every, 17 * MIB, 17);
    assert.ok(every.fsyncLatency!.p50 > 0);
    assert.deepEqual(readdirSync(dir), [], 'job files are removed');
  });

  void test('reads and random jobs move the bytes they claim', async () => {
    sane(await runNodeDiskJob({ name: 'r', kind: 'seq-read', blockSize: MIB, size: 6 * MIB + 100 }, dir, 1), 6 * MIB + 100, 7);
    sane(await runNodeDiskJob({ name: 'rr', kind: 'rand-read', blockSize: 4096, size: 4 * MIB, ops: 2000 }, dir, 1), 2000 * 4096, 2000);
    const rw = await runNodeDiskJob({ name: 'rw', kind: 'rand-write', blockSize: 4096, size: 4 * MIB, ops: 20, fsync: 1 }, dir, 1);
    sane(rw, 20 * 4096, 20);
    assert.ok(rw.fsyncLatency!.p50 > 0);
  });

  void test('loose objects are real files in fan-out directories with the kernel size distribution', async () => {
    const sub = join(dir, 'loose');
    const r = await runNodeDiskJob({ name: 'loose', kind: 'loose-objects', blockSize: 4096, size: 0, files: 300 }, sub, 5);
    const sizes = looseObjectSizes(300, 5);
    sane(r, sizes.reduce((s, x) => s + x, 0), 300);
    const objects = join(sub, 'objects');
    let count = 0;
    let bytes = 0;
    for (const fan of readdirSync(objects)) {
      assert.match(fan, /^[0-9a-f]{2}$/);
      for (const file of readdirSync(join(objects, fan))) {
        count++;
        bytes += statSync(join(objects, fan, file)).size;
      }
    }
    assert.equal(count, 300);
    assert.equal(bytes, r.bytes);
    // median near the kernel's 3.9 KB (sampling tolerance for 300 draws)
    const sorted = [...sizes].sort((a, b) => a - b);
    const median = sorted[150]!;
    assert.ok(median > 2500 && median < 6000, `median ${median}`);
  });

  void test('an abort stops a job between operations', async () => {
    const controller = new AbortController();
    setTimeout(() => { controller.abort(); }, 30);
    await assert.rejects(
      runNodeDiskJob({ name: 'long', kind: 'rand-read', blockSize: 4096, size: 4 * MIB, ops: 50_000_000 }, dir, 1, controller.signal),
      (e: unknown) => isRuneBenchError(e, 'ERR_ABORTED'),
    );
  });
});
