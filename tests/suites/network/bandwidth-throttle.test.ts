import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BandwidthThrottle } from '../../../src/workloads/network/bandwidth-throttle.js';
import { TokenBucket } from '../../../src/workloads/network/token-bucket.js';
import { isRuneBenchError } from '../../../src/core/errors.js';

function source(total: number, chunk: number): Readable {
  let left = total;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(chunk, left);
      left -= n;
      this.push(Buffer.alloc(n, 1));
    },
  });
}

void describe('BandwidthThrottle', () => {
  void test('passes every byte at the configured rate', async () => {
    const rate = 2_000_000;
    const burst = 20_000;
    const total = 1_000_000;
    let received = 0;
    const t0 = performance.now();
    await pipeline(
      source(total, 64 * 1024),
      new BandwidthThrottle({ rate, burst }),
      new Writable({
        write(chunk: Buffer, _e, cb) {
          assert.ok(chunk.length <= burst);
          received += chunk.length;
          cb();
        },
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    assert.equal(received, total);
    const expected = (total - burst) / rate; // the first burst passes at once
    assert.ok(seconds > expected * 0.95 && seconds < expected * 1.5 + 0.05, `${seconds}s vs ${expected}s`);
  });

  void test('aborting destroys the stream with ERR_ABORTED', async () => {
    const controller = new AbortController();
    const throttle = new BandwidthThrottle({ rate: 10_000, signal: controller.signal });
    setTimeout(() => { controller.abort(); }, 50);
    await assert.rejects(
      pipeline(source(1_000_000, 16_384), throttle, new Writable({ write: (_c, _e, cb) => { cb(); } })),
      (e: unknown) => isRuneBenchError(e, 'ERR_ABORTED'),
    );
  });

  void test('validates options', () => {
    assert.throws(() => new BandwidthThrottle({ rate: 0 }), /rate option/);
    assert.throws(() => new BandwidthThrottle({ rate: 1, burst: -1 }), /burst option/);
    assert.throws(() => new TokenBucket({ rate: Number.NaN }), /rate option/);
  });

  void test('TokenBucket queues takes behind each other at its rate', () => {
    const bucket = new TokenBucket({ rate: 1000, burst: 100 });
    assert.equal(bucket.take(100, 0), 0);
    assert.equal(bucket.take(500, 0), 0.5);
    assert.equal(bucket.take(500, 0), 1);
    // refills while idle, capped at the burst
    assert.equal(bucket.take(100, 10), 10);
  });
});
