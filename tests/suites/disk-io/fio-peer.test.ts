// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fioArguments, parseFioOutput, runFioJob } from '../../../src/workloads/disk/fio-peer.js';
import type { DiskJobSpec } from '../../../src/workloads/disk/disk-job.js';
import { isRuneBenchError } from '../../../src/core/errors.js';

const hasFio = spawnSync('fio', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'rune-bench-fio-test-'));
after(() => { rmSync(dir, { recursive: true, force: true }); });
const MIB = 1024 * 1024;

void describe('fio peer', () => {
  void test('each job maps to the equivalent fio options', () => {
    const args = (spec: DiskJobSpec) => fioArguments(spec, '/d', 3);
    assert.ok(args({ name: 'a', kind: 'seq-write', blockSize: MIB, size: MIB, fsync: 'end' }).includes('--end_fsync=1'));
    assert.ok(args({ name: 'a', kind: 'seq-write', blockSize: MIB, size: MIB, fsync: 8 }).includes('--fsync=8'));
    const rw = args({ name: 'a', kind: 'rand-write', blockSize: 4096, size: MIB, ops: 9, fsync: 1 });
    for (const a of ['--rw=randwrite', '--bs=4096', '--number_ios=9', '--fsync=1', '--ioengine=psync', '--output-format=json']) assert.ok(rw.includes(a), a);
    assert.ok(args({ name: 'a', kind: 'loose-objects', blockSize: 4096, size: 0, files: 10 }).includes('--nrfiles=10'));
  });

  void test('rejects output that is not fio JSON', () => {
    const spec: DiskJobSpec = { name: 'a', kind: 'seq-read', blockSize: MIB, size: MIB };
    assert.throws(() => parseFioOutput('fio: oops', spec), (e: unknown) => isRuneBenchError(e, 'ERR_INVALID_JSON'));
    assert.throws(() => parseFioOutput('{"jobs": []}', spec), (e: unknown) => isRuneBenchError(e, 'ERR_INVALID_FORMAT'));
  });

  void test('runs real fio jobs and parses bandwidth, IOPS, latency and fsync latency', { skip: !hasFio && 'fio not on PATH' }, async () => {
    const write = await runFioJob({ name: 'sw', kind: 'seq-write', blockSize: MIB, size: 8 * MIB, fsync: 4 }, dir, { seed: 2 });
    assert.equal(write.engine, 'fio');
    assert.equal(write.bytes, 8 * MIB);
    assert.equal(write.ops, 8);
    assert.ok(write.bandwidth > 0 && write.iops > 0);
    assert.ok(write.latency.p50 > 0 && write.latency.p50 <= write.latency.p99 && write.latency.p99 <= write.latency.p999);
    assert.ok(write.fsyncLatency!.p50 > 0);
    const read = await runFioJob({ name: 'rr', kind: 'rand-read', blockSize: 4096, size: 4 * MIB, ops: 500 }, dir, { seed: 2 });
    assert.equal(read.ops, 500);
    assert.equal(read.bytes, 500 * 4096);
    assert.ok(read.latency.p99 > 0);
    assert.deepEqual(readdirSync(dir), [], 'fio work directories are removed');
  });

  void test('a missing fio is ERR_NOT_FOUND', async () => {
    await assert.rejects(
      runFioJob({ name: 'x', kind: 'seq-read', blockSize: MIB, size: MIB }, dir, { fio: 'fio-does-not-exist-here' }),
      (e: unknown) => isRuneBenchError(e, 'ERR_NOT_FOUND'),
    );
  });
});
