// parallel-safe: checks output, files and exit codes, not timings
// Decompression bombs and oversized inputs are refused as soon as the cap is passed, with a typed error
// naming the file, in bounded time and memory; the CLI turns that into a usage error (exit 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { once } from 'node:events';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readJsonFile, decodeJson } from '../../src/core/files.js';
import { isRuneBenchError } from '../../src/core/errors.js';
import { BIN, ensureBuilt } from '../cli/helpers.js';

async function writeGzipOfZeros(path: string, mib: number): Promise<void> {
  const gzip = createGzip({ level: 9 });
  const out = createWriteStream(path);
  gzip.pipe(out);
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < mib; i++) {
    if (!gzip.write(block)) await once(gzip, 'drain');
  }
  gzip.end();
  await once(out, 'close');
}

function expectTooLarge(fn: () => unknown, file: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(isRuneBenchError(error), `expected a RuneBenchError, got ${String(error)}`);
    assert.equal(error.code, 'ERR_INPUT_TOO_LARGE');
    assert.ok(error.message.includes(file), error.message);
    return true;
  });
}

void test('a gzip bomb is stopped at the cap, before it is inflated whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rb-caps-'));
  try {
    const bomb = join(dir, 'history.json.gz');
    await writeGzipOfZeros(bomb, 64);
    const before = process.memoryUsage().rss;
    expectTooLarge(() => readJsonFile(bomb, { maxBytes: 1024 * 1024 }), bomb);
    // Inflating 64 MiB whole would hold at least that much; stopping at the cap holds about one slice.
    assert.ok(process.memoryUsage().rss - before < 48 * 1024 * 1024, 'memory grew as if the bomb was inflated');
    expectTooLarge(() => decodeJson(readFileSync(bomb), 'in-memory.gz', { maxBytes: 1024 * 1024 }), 'in-memory.gz');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('a plain file over the cap is refused unread; one under it is read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rb-caps-'));
  try {
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify({ pad: 'x'.repeat(300_000) }));
    expectTooLarge(() => readJsonFile(big, { maxBytes: 100_000 }), big);
    assert.deepEqual(Object.keys(readJsonFile(big, { maxBytes: 400_000 }) as object), ['pad']);
    const small = join(dir, 'small.json.gz');
    writeFileSync(small, gzipSync(JSON.stringify({ ok: true })));
    assert.deepEqual(readJsonFile(small), { ok: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('the cap is an option with a clear error for bad values', () => {
  assert.throws(() => readJsonFile('/nonexistent', { maxBytes: 0 }), { name: 'RangeError', message: 'maxBytes option must be greater than 0, got 0' });
  assert.throws(() => readJsonFile('/nonexistent', { maxBytes: Number.NaN }), { name: 'TypeError', message: 'maxBytes option must be a number, got NaN' });
  assert.throws(() => readJsonFile('/nonexistent', { maxBytes: Number.POSITIVE_INFINITY }), { name: 'RangeError', message: 'maxBytes option must be finite, got Infinity' });
});

void test('the CLI refuses a bomb given as --baseline with exit 2, naming the file, in bounded time', async () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'rb-caps-'));
  try {
    const bomb = join(dir, 'base.json.gz');
    // 300 MiB inflated: above the 256 MiB default cap, about 300 KB on disk.
    await writeGzipOfZeros(bomb, 300);
    const runWith = (env: Record<string, string> = {}): SpawnSyncReturns<string> =>
      spawnSync(process.execPath, [BIN, 'run', '--suite', 'disk_io', '--no-store', '--baseline', bomb], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
    const child = runWith();
    assert.equal(child.signal, null, 'the CLI had to be killed');
    assert.equal(child.status, 2, child.stderr);
    // Refused by its expansion ratio, long before the cap (tests/reliability/input-expansion-ratio.test.ts).
    assert.match(child.stderr, /expands \d+:1 .*RUNE_BENCH_MAX_INPUT_RATIO/);
    assert.ok(child.stderr.includes(bomb), child.stderr);
    const capOnly = runWith({ RUNE_BENCH_MAX_INPUT_RATIO: 'Infinity' });
    assert.equal(capOnly.status, 2, capOnly.stderr);
    assert.match(capOnly.stderr, /more than 256 MiB/);
    assert.ok(capOnly.stderr.includes(bomb), capOnly.stderr);
    const viaEnv = runWith({ RUNE_BENCH_MAX_INPUT_MB: '1' });
    assert.equal(viaEnv.status, 2, viaEnv.stderr);
    assert.match(viaEnv.stderr, /more than 1 MiB/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('a baseline with 100,000 kept samples in one task is read thinned, with a notice', async () => {
  const { suiteResult, task, logNormal } = await import('../detect/regression/helpers.js');
  const { suiteResultFromJSON, suiteResultToJSON } = await import('../../src/bench/suite-result-json.js');
  const { MAX_COMPARED_SAMPLES } = await import('../../src/stats/thin-samples.js');
  const big = suiteResult('s', [task('many', logNormal(1, 100_000, 1e-3, 0.05)), task('few', logNormal(2, 50, 1e-3, 0.05))]);
  const read = suiteResultFromJSON(JSON.parse(JSON.stringify(suiteResultToJSON(big))) as unknown, 'big.json');
  assert.equal(read.tasks[0]?.samples?.length, MAX_COMPARED_SAMPLES);
  assert.equal(read.tasks[1]?.samples?.length, 50);
  assert.ok(read.notices?.some((n) => n.includes('1 task(s) kept more than')), JSON.stringify(read.notices));
});
