// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonFile, writeFileAtomic, writeJsonAtomic } from '../../src/core/files.js';
import { RuneBenchError } from '../../src/core/errors.js';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'rune-bench-files-'));
  t.after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

void test('writeJsonAtomic round-trips plain and gzip JSON and leaves no temp files', (t) => {
  const dir = tempDir(t);
  const value = { a: [1, 2, 3], b: 'text', c: { d: null } };
  writeJsonAtomic(join(dir, 'plain.json'), value);
  writeJsonAtomic(join(dir, 'packed.json.gz'), value);
  assert.deepEqual(readJsonFile(join(dir, 'plain.json')), value);
  assert.deepEqual(readJsonFile(join(dir, 'packed.json.gz')), value);
  const gz = readFileSync(join(dir, 'packed.json.gz'));
  assert.equal(gz[0], 0x1f, 'gzip magic');
  assert.deepEqual(readdirSync(dir).sort(), ['packed.json.gz', 'plain.json']);
});

void test('a failed write leaves the original file untouched', (t) => {
  if (process.getuid?.() === 0) {
    // root ignores directory permissions; make the rename fail by targeting a directory instead.
    const dir = tempDir(t);
    const target = join(dir, 'target');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    assert.throws(() => {
      writeFileAtomic(target, 'new');
    }, (e: unknown) => e instanceof RuneBenchError && e.code === 'ERR_FILE_IO');
    assert.equal(readFileSync(join(target, 'keep'), 'utf8'), 'x');
    assert.deepEqual(readdirSync(dir), ['target'], 'temp file removed');
    return;
  }
  const dir = tempDir(t);
  const file = join(dir, 'data.json');
  writeFileSync(file, '{"old":true}');
  chmodSync(dir, 0o500);
  t.after(() => {
    chmodSync(dir, 0o700);
  });
  assert.throws(() => {
    writeJsonAtomic(file, { old: false });
  }, (e: unknown) => e instanceof RuneBenchError && e.code === 'ERR_FILE_IO');
  assert.equal(readFileSync(file, 'utf8'), '{"old":true}');
});

void test('readJsonFile names the file and the problem', (t) => {
  const dir = tempDir(t);
  const truncatedGz = join(dir, 'trunc.json.gz');
  writeJsonAtomic(truncatedGz, { big: 'x'.repeat(10_000) });
  const bytes = readFileSync(truncatedGz);
  writeFileSync(truncatedGz, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const notJson = join(dir, 'broken.json');
  writeFileSync(notJson, '{"a": 1,');
  const cases: [string, string][] = [
    [join(dir, 'missing.json'), 'ERR_FILE_IO'],
    [truncatedGz, 'ERR_CORRUPT_FILE'],
    [notJson, 'ERR_INVALID_JSON'],
  ];
  for (const [path, code] of cases) {
    assert.throws(
      () => readJsonFile(path),
      (e: unknown) => e instanceof RuneBenchError && e.code === code && e.path === path && e.message.includes(path),
      `${path} -> ${code}`,
    );
  }
});
