import assert from 'node:assert/strict';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DiskstatsSource, parseDiskstats } from '../../../src/monitor/sources/diskstats-source.js';

const SAMPLE = `   7       0 loop0 10 0 20 0 0 0 0 0 0 0 0 0 0 0 0 0 0
 254       0 vda 36483 6970 2053938 9568 25476 18009 3018480 6328 0 4492 16477 8311 21 266912 446 4159 133
 254       1 vda1 100 0 800 10 50 0 400 5 0 20 15 0 0 0 0
`;

void describe('DiskstatsSource', () => {
  void test('parses sectors read/written and busy milliseconds per device', () => {
    const parsed = parseDiskstats(SAMPLE);
    assert.deepEqual(parsed.get('vda'), { readSectors: 2053938, writeSectors: 3018480, busyMs: 4492 });
    assert.equal(parsed.size, 3);
  });

  void test('validates the devices option', () => {
    assert.throws(() => new DiskstatsSource({ devices: [''] }), /devices/);
    assert.throws(() => new DiskstatsSource({ devices: 'sda' as unknown as string[] }), /devices/);
  });

  const available = new DiskstatsSource().availability().available;
  void test('reports busy time and bytes while a file is written and fsynced', { skip: available && existsSync('/sys/block') ? false : 'no /proc/diskstats' }, async () => {
    const source = new DiskstatsSource();
    assert.deepEqual(source.describe().map((d) => d.name), ['system.disk.utilization', 'system.disk.io.read.rate', 'system.disk.io.write.rate']);
    const dir = await mkdtemp(join(tmpdir(), 'rune-bench-diskstats-'));
    const file = await open(join(dir, 'f'), 'w');
    try {
      source.start();
      const t0 = performance.now() / 1000;
      const block = Buffer.alloc(64 * 1024, 1);
      // Busy time is counted in whole milliseconds (jiffies on some kernels): a fast virtual disk can absorb
      // a few fsyncs without a tick, so keep writing for at least 400 ms.
      let i = 0;
      while (i < 40 || performance.now() / 1000 - t0 < 0.4) {
        await file.write(block, 0, block.length, (i % 256) * block.length);
        await file.sync();
        i++;
      }
      const now = performance.now() / 1000;
      const values = source.collect({ signal: new AbortController().signal, elapsed: now - t0, now });
      const util = values['system.disk.utilization'];
      const written = values['system.disk.io.write.rate'];
      assert.ok(util !== undefined && util > 0 && util <= 1, `utilization ${util}`);
      assert.ok(written !== undefined && written * (now - t0) >= 40 * 64 * 1024 * 0.5, `wrote ${written} B/s`);
    } finally {
      source.stop();
      await file.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
