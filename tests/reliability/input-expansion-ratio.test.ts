// parallel-safe: checks output, files and exit codes, not timings
// A gzip input that expands far more than real rune-bench files do is refused once its output passes 16 MiB,
// long before the size cap, with a typed error naming the file and the override; real files, even highly
// compressible ones, still read; the bound is an option (and an environment variable) checked like any other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_MAX_INPUT_RATIO, decodeJson, gunzipCapped, inputLimits, readJsonFile } from '../../src/core/files.js';
import { isRuneBenchError } from '../../src/core/errors.js';

const MiB = 1024 * 1024;

// Valid JSON whose gzip (level 9) expands about 1030:1: a string of `mib` MiB of spaces.
function bomb(mib: number): Uint8Array {
  return gzipSync(Buffer.concat([Buffer.from('{"pad":"'), Buffer.alloc(mib * MiB, 0x20), Buffer.from('"}')]), { level: 9 });
}

function expectRatioRefusal(fn: () => unknown, file: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(isRuneBenchError(error, 'ERR_INPUT_TOO_LARGE'), `expected ERR_INPUT_TOO_LARGE, got ${String(error)}`);
    assert.ok(error.message.includes(file), error.message);
    assert.match(error.message, /expands \d+:1 .*beyond the 200:1 bound/);
    assert.match(error.message, /RUNE_BENCH_MAX_INPUT_RATIO or the maxRatio option/);
    return true;
  });
}

void test('a gzip bomb under the size cap is refused by its expansion ratio, having inflated little past 16 MiB', () => {
  const bytes = bomb(64);
  const dir = mkdtempSync(join(tmpdir(), 'rb-ratio-'));
  try {
    const file = join(dir, 'baseline.json.gz');
    writeFileSync(file, bytes);
    // 64 MiB is far below the 256 MiB cap: only the ratio can refuse it.
    expectRatioRefusal(() => readJsonFile(file), file);
    expectRatioRefusal(() => decodeJson(bytes, 'in-memory.gz'), 'in-memory.gz');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  let inflated = 0;
  let read = 0;
  expectRatioRefusal(
    () =>
      gunzipCapped(bytes, 'observed.gz', inputLimits(), (bytesOut, bytesIn) => {
        inflated = bytesOut;
        read = bytesIn;
      }),
    'observed.gz',
  );
  // Refused on the first slice whose output passes the 16 MiB floor: at most one 16 KiB slice's worth
  // (16.1 MiB at deflate's 1032:1) past it, a quarter of the file.
  assert.ok(inflated > 16 * MiB, `refused before the floor: ${inflated} bytes`);
  assert.ok(inflated <= 16 * MiB + 1032 * 16 * 1024, `inflated ${inflated} bytes before refusing`);
  assert.ok(read <= 32 * 1024, `read ${read} compressed bytes before refusing`);
});

void test('a real but highly compressible file under the bound reads, and so does a small file of any ratio', () => {
  // Kept timing samples cycling over 101 values: 20 MiB of JSON that compresses about 140:1, far more than
  // files rune-bench writes (2-26:1), still under the bound.
  const samples = Array.from({ length: 1_600_000 }, (_, i) => 1e-3 * (1 + ((i * 7919) % 101) / 10_000));
  const text = JSON.stringify({ name: 'many', samples });
  const bytes = gzipSync(text, { level: 9 });
  const ratio = text.length / bytes.length;
  assert.ok(text.length > 16 * MiB && ratio > 100 && ratio < DEFAULT_MAX_INPUT_RATIO, `a ${text.length} byte file at ${ratio.toFixed(0)}:1 tests nothing`);
  const read = decodeJson(bytes, 'samples.json.gz') as { samples: number[] };
  assert.equal(read.samples.length, samples.length);
  // Below the floor the ratio is not checked: 8 MiB of spaces (about 1000:1) reads.
  assert.equal((decodeJson(bomb(8), 'small.gz') as { pad: string }).pad.length, 8 * MiB);
});

void test('the bound can be raised or turned off through the option or RUNE_BENCH_MAX_INPUT_RATIO', () => {
  const bytes = bomb(24);
  assert.equal((decodeJson(bytes, 'b.gz', { maxRatio: 2000 }) as { pad: string }).pad.length, 24 * MiB);
  assert.equal((decodeJson(bytes, 'b.gz', { maxRatio: Number.POSITIVE_INFINITY }) as { pad: string }).pad.length, 24 * MiB);
  // The size cap still applies with the ratio check off.
  assert.throws(() => decodeJson(bytes, 'b.gz', { maxRatio: Number.POSITIVE_INFINITY, maxBytes: 20 * MiB }), /b\.gz inflates to more than 20 MiB/);
  const saved = process.env.RUNE_BENCH_MAX_INPUT_RATIO;
  try {
    process.env.RUNE_BENCH_MAX_INPUT_RATIO = 'Infinity';
    assert.equal(inputLimits().maxRatio, Number.POSITIVE_INFINITY);
    assert.equal((decodeJson(bytes, 'b.gz') as { pad: string }).pad.length, 24 * MiB);
    process.env.RUNE_BENCH_MAX_INPUT_RATIO = '50';
    assert.equal(inputLimits().maxRatio, 50);
    // The option wins over the environment.
    assert.equal(inputLimits({ maxRatio: 300 }).maxRatio, 300);
    // A value that is not a number of at least 1 leaves the default in force.
    for (const ignored of ['', 'off', '0.5', '-3']) {
      process.env.RUNE_BENCH_MAX_INPUT_RATIO = ignored;
      assert.equal(inputLimits().maxRatio, DEFAULT_MAX_INPUT_RATIO, ignored);
    }
  } finally {
    if (saved === undefined) delete process.env.RUNE_BENCH_MAX_INPUT_RATIO;
    else process.env.RUNE_BENCH_MAX_INPUT_RATIO = saved;
  }
});

void test('bad limit values are refused with a message naming the option', () => {
  assert.throws(() => readJsonFile('/nonexistent', { maxRatio: 0.5 }), { name: 'RangeError', message: 'maxRatio option must be at least 1, got 0.5' });
  assert.throws(() => readJsonFile('/nonexistent', { maxRatio: Number.NaN }), { name: 'TypeError', message: 'maxRatio option must be a number, got NaN' });
  assert.throws(() => decodeJson(new Uint8Array(), 'x', { maxRatio: '200' as unknown as number }), { name: 'TypeError', message: 'maxRatio option must be a number, got "200"' });
  assert.throws(() => decodeJson(new Uint8Array(), 'x', { maxRatios: 200 } as unknown as { maxRatio: number }), {
    name: 'TypeError',
    message: 'maxRatios is not a known ReadLimits option (did you mean maxRatio?)',
  });
});
