// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRepository } from '../../../src/workloads/repository/generator.js';
import { walkTree } from '../../../src/workloads/repository/tree-walk.js';

const root = mkdtempSync(join(tmpdir(), 'rune-bench-gen-test-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

async function fingerprint(dir: string): Promise<{ paths: string[]; digest: string; bytes: number }> {
  const walked = await walkTree(dir);
  const paths = walked.files.map((f) => f.path).sort();
  const hash = createHash('sha256');
  let bytes = 0;
  for (const path of paths) {
    const content = readFileSync(join(dir, path));
    bytes += content.length;
    hash.update(path).update('\0').update(content);
  }
  return { paths, digest: hash.digest('hex'), bytes };
}

void describe('generateRepository', () => {
  void test('the same seed writes the same tree, byte for byte; another seed a different one', async () => {
    const a = await generateRepository(join(root, 'a'), { files: 400, seed: 42 });
    const b = await generateRepository(join(root, 'b'), { files: 400, seed: 42, concurrency: 3 });
    const c = await generateRepository(join(root, 'c'), { files: 400, seed: 43 });
    const fa = await fingerprint(a.root);
    const fb = await fingerprint(b.root);
    const fc = await fingerprint(c.root);
    assert.equal(fa.paths.length, 400);
    assert.deepEqual(fa, fb);
    assert.notEqual(fa.digest, fc.digest);
    assert.equal(fa.bytes, a.plan.totalBytes);
    assert.equal(a.bytesWritten, a.plan.totalBytes);
    assert.deepEqual(
      a.plan.files.map((f) => f.path).sort(),
      fa.paths,
      'the files on disk are the planned ones',
    );
  });

  void test('stops with ERR_ABORTED when aborted', async () => {
    const controller = new AbortController();
    const run = generateRepository(join(root, 'aborted'), {
      files: 3000,
      seed: 1,
      onProgress: (written, total) => {
        if (written > total / 10) controller.abort();
      },
      signal: controller.signal,
    });
    await assert.rejects(run, { code: 'ERR_ABORTED' });
  });

  void test('validates its options', async () => {
    await assert.rejects(generateRepository(join(root, 'x'), { concurrency: 0 }), { name: 'RangeError', message: /concurrency option/ });
    await assert.rejects(generateRepository(join(root, 'x'), { files: 3 }), { name: 'RangeError', message: /files option/ });
  });
});
