import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { DiskIoSource } from '../../src/monitor/sources/disk-io.js';

const linux = process.platform === 'linux';

void test('disk I/O counters and rates rise after writing and reading 8 MB', { skip: !linux }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-disk-'));
  try {
    const syscall = new DiskIoSource({ level: 'syscall' });
    const storage = new DiskIoSource();
    assert.equal(syscall.availability().available, true);
    const m = new PerformanceMonitor({ sources: [syscall] });
    const m2 = new PerformanceMonitor({ sources: [storage] });
    await m.start();
    await m2.start();
    const before = await m.sample();
    const beforeStorage = await m2.sample();
    const file = join(dir, 'data.bin');
    const fd = openSync(file, 'w');
    const chunk = Buffer.alloc(1 << 20, 42);
    for (let i = 0; i < 8; i++) writeSync(fd, chunk);
    fsyncSync(fd);
    closeSync(fd);
    assert.equal(readFileSync(file).length, 8 << 20);
    const after = await m.sample();
    const afterStorage = await m2.sample();
    await m.stop();
    await m2.stop();
    const wrote = after.get('process.disk.io.write')! - before.get('process.disk.io.write')!;
    const read = after.get('process.disk.io.read')! - before.get('process.disk.io.read')!;
    assert.ok(wrote >= 8 << 20, `wrote ${wrote}`);
    assert.ok(read >= 8 << 20, `read ${read}`);
    assert.ok(after.get('process.disk.io.write.rate')! > 0);
    assert.ok(after.get('process.disk.io.read.rate')! > 0);
    // Storage-level bytes depend on the file system (tmpfs sends nothing to storage): only check shape.
    assert.ok(afterStorage.get('process.disk.io.write')! >= beforeStorage.get('process.disk.io.write')!);
    assert.ok(afterStorage.has('process.disk.io.write.rate'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('an invalid level is rejected', () => {
  assert.throws(() => new DiskIoSource({ level: 'bytes' as never }), (e: unknown) => e instanceof RangeError && /level/.test(e.message));
});
