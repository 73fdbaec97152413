// rune-bench's own disk jobs on node:fs (synchronous positional I/O, like fio's psync engine).
import { closeSync, existsSync, fsyncSync, mkdirSync, statSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldNow } from 'node:timers/promises';
import { createRng } from '../../stats/rng.js';
import { throwIfAborted } from '../../suites/common/scale.js';
import { ordinaryFileSize } from '../repository/distribution.js';
import { percentiles, type DiskJobResult, type DiskJobSpec } from './disk-job.js';

/** Yield to the event loop this often so an abort can land, seconds. */
const YIELD_EVERY = 0.02;

const now = (): number => performance.now() / 1000;

function result(spec: DiskJobSpec, bytes: number, ops: number, seconds: number, latencies: Float64Array, fsyncs?: Float64Array): DiskJobResult {
  return {
    name: spec.name,
    engine: 'rune-bench',
    bytes,
    ops,
    seconds,
    bandwidth: bytes / seconds,
    iops: ops / seconds,
    latency: percentiles(latencies),
    ...(fsyncs !== undefined && fsyncs.length > 0 ? { fsyncLatency: percentiles(fsyncs) } : {}),
  };
}

function filled(size: number, seed: number): Buffer {
  const rng = createRng(seed);
  const buffer = Buffer.allocUnsafe(size);
  for (let i = 0; i + 4 <= size; i += 4) buffer.writeUInt32LE(Math.floor(rng() * 0x1_0000_0000), i);
  return buffer;
}

/**
 * Sizes of `count` loose objects drawn from a Linux checkout's file size distribution (p50 3.9 KB,
 * p90 28.8 KB, p99 125 KB; large files left out), deterministic for `seed`.
 *
 * @internal
 */
export function looseObjectSizes(count: number, seed: number): number[] {
  const rng = createRng(seed ^ 0x1005e);
  return Array.from({ length: count }, () => ordinaryFileSize(rng()));
}

/**
 * Writes `spec.size` bytes to `path` in blocks, untimed (the file a read job reads).
 *
 * @internal
 */
export function layOutFile(path: string, size: number, blockSize: number): void {
  const block = filled(blockSize, 7);
  const fd = openSync(path, 'w');
  try {
    for (let offset = 0; offset < size; offset += blockSize) writeSync(fd, block, 0, Math.min(blockSize, size - offset), offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Lays out the file a read or random job works on, unless it is already there at full size. Run it as
 * the task's set-up so the timed run does not include it.
 *
 * @internal
 */
export function prepareNodeDiskJob(spec: DiskJobSpec, dir: string): void {
  if (spec.kind !== 'seq-read' && spec.kind !== 'rand-read' && spec.kind !== 'rand-write') return;
  const path = join(dir, `${spec.name}.dat`);
  if (existsSync(path) && statSync(path).size === spec.size) return;
  layOutFile(path, spec.size, Math.max(spec.blockSize, 1 << 20));
}

/**
 * Runs one job in `dir` and returns its figures. Files it creates stay in `dir` (the caller owns it).
 *
 * @internal
 */
export async function runNodeDiskJob(spec: DiskJobSpec, dir: string, seed: number, signal?: AbortSignal): Promise<DiskJobResult> {
  const what = `disk job ${spec.name}`;
  throwIfAborted(signal, what);
  const path = join(dir, `${spec.name}.dat`);
  const rng = createRng(seed);
  let lastYield = now();
  const maybeYield = async (): Promise<void> => {
    const t = now();
    if (t - lastYield < YIELD_EVERY) return;
    await yieldNow();
    lastYield = now();
    throwIfAborted(signal, what);
  };

  if (spec.kind === 'loose-objects') {
    const count = spec.files ?? 1000;
    const sizes = looseObjectSizes(count, seed);
    const largest = Math.max(1, ...sizes);
    const content = filled(largest, seed);
    const objects = join(dir, 'objects');
    mkdirSync(objects, { recursive: true });
    const latencies = new Float64Array(count);
    const made = new Set<string>();
    let bytes = 0;
    const t0 = now();
    for (let i = 0; i < count; i++) {
      const size = sizes[i] ?? 1;
      const name = ((i * 2654435761) >>> 0).toString(16).padStart(8, '0') + i.toString(16).padStart(32, '0');
      const fan = join(objects, name.slice(0, 2));
      const s = now();
      if (!made.has(fan)) {
        mkdirSync(fan, { recursive: true });
        made.add(fan);
      }
      const temp = join(objects, `tmp_obj_${i.toString(36)}`);
      const fd = openSync(temp, 'wx', 0o444);
      try {
        writeSync(fd, content, 0, size, 0);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, join(fan, name.slice(2)));
      latencies[i] = now() - s;
      bytes += size;
      await maybeYield();
    }
    return result(spec, bytes, count, now() - t0, latencies);
  }

  const block = filled(spec.blockSize, seed);
  if (spec.kind === 'seq-write') {
    const blocks = Math.ceil(spec.size / spec.blockSize);
    const latencies = new Float64Array(blocks);
    const every = typeof spec.fsync === 'number' ? spec.fsync : 0;
    const fsyncs = new Float64Array(every > 0 ? Math.floor(blocks / every) : spec.fsync === 'end' ? 1 : 0);
    let syncs = 0;
    const fd = openSync(path, 'w');
    const t0 = now();
    try {
      for (let i = 0; i < blocks; i++) {
        const n = Math.min(spec.blockSize, spec.size - i * spec.blockSize);
        const s = now();
        writeSync(fd, block, 0, n, i * spec.blockSize);
        latencies[i] = now() - s;
        if (every > 0 && (i + 1) % every === 0) {
          const f = now();
          fsyncSync(fd);
          fsyncs[syncs++] = now() - f;
        }
        await maybeYield();
      }
      if (spec.fsync === 'end') {
        const f = now();
        fsyncSync(fd);
        fsyncs[syncs++] = now() - f;
      }
    } finally {
      closeSync(fd);
    }
    const seconds = now() - t0;
    rmSync(path, { force: true });
    return result(spec, spec.size, blocks, seconds, latencies, fsyncs.subarray(0, syncs));
  }

  // read and random jobs work on a file laid out first (untimed when prepareNodeDiskJob ran as set-up)
  prepareNodeDiskJob(spec, dir);
  const slots = Math.max(1, Math.floor(spec.size / spec.blockSize));
  const ops = spec.kind === 'seq-read' ? Math.ceil(spec.size / spec.blockSize) : (spec.ops ?? 1000);
  const latencies = new Float64Array(ops);
  const syncEach = spec.kind === 'rand-write' && spec.fsync === 1;
  const fsyncs = new Float64Array(syncEach ? ops : 0);
  const fd = openSync(path, spec.kind === 'rand-write' ? 'r+' : 'r');
  let bytes = 0;
  const t0 = now();
  try {
    for (let i = 0; i < ops; i++) {
      const offset = spec.kind === 'seq-read' ? i * spec.blockSize : Math.floor(rng() * slots) * spec.blockSize;
      const n = Math.min(spec.blockSize, spec.size - offset);
      const s = now();
      if (spec.kind === 'rand-write') {
        writeSync(fd, block, 0, n, offset);
        latencies[i] = now() - s;
        if (syncEach) {
          const f = now();
          fsyncSync(fd);
          fsyncs[i] = now() - f;
        }
      } else {
        bytes += readSync(fd, block, 0, n, offset) - n;
        latencies[i] = now() - s;
      }
      bytes += n;
      await maybeYield();
    }
  } finally {
    closeSync(fd);
  }
  const seconds = now() - t0;
  rmSync(path, { force: true });
  return result(spec, bytes, ops, seconds, latencies, syncEach ? fsyncs : undefined);
}
